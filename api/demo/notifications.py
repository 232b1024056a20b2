"""Demo recipients: every family's parent and network get made-up `@example.org` addresses and `+3160000…`
numbers (reserved for fiction, so nothing reaches a real person), most parents agreed to messages, some asked
for the weekly nudge; then the reminder passes run once, so the family pages show what would be sent.
Nothing is sent: only `bondgenoot worker`, with BONDGENOOT_SMTP_URL set, sends."""

import re
import unicodedata
from typing import Any

from sqlalchemy import delete
from sqlmodel import Session, col, select

from api.demo.context import DemoContext
from api.models import (
    Channel,
    Family,
    FamilyMember,
    Language,
    MemberRole,
    NetworkContact,
    NotificationMessage,
)
from api.models.base import utcnow
from api.notifications.passes import run_passes


def _slug(name: str) -> str:
    plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", ".", plain.lower()).strip(".")


def _in_family_order(model: type[FamilyMember] | type[NetworkContact]) -> list[Any]:
    """By family reference, then as they were added (families are enrolled on their own days, so the
    people's creation times alone would mix the families)."""
    reference = select(Family.reference).where(Family.id == model.family_id).scalar_subquery()
    return [reference, col(model.created_at), col(model.id)]


def seed_notifications(session: Session, context: DemoContext) -> str:
    """Give demo recipients contact fields once (people who already have an address are left alone)."""
    family_ids = [f.id for f in context.families]
    members = session.exec(
        select(FamilyMember)
        .where(
            col(FamilyMember.family_id).in_(family_ids),
            col(FamilyMember.email).is_(None),
            FamilyMember.role == MemberRole.parent,  # children are reached through their parents
        )
        .order_by(*_in_family_order(FamilyMember))
    ).all()
    contacts = session.exec(
        select(NetworkContact)
        .where(col(NetworkContact.family_id).in_(family_ids), col(NetworkContact.email).is_(None))
        .order_by(*_in_family_order(NetworkContact))
    ).all()
    if not members and not contacts:
        return "Demo recipients: already there."
    references = {f.id: f.reference.lower() for f in context.families}
    for number, member in enumerate(members):
        member.email = f"{_slug(member.display_name)}.{references[member.family_id]}@example.org"
        member.phone = f"+3160000{number:04d}"
        member.preferred_channel = Channel.sms if number % 4 == 1 else Channel.email
        member.language = Language.en if number % 9 == 4 else Language.nl
        member.messages_consent = number % 5 != 3  # one in five has not agreed (yet)
        member.weekly_nudge = number % 3 == 0
    for number, contact in enumerate(contacts, start=5000):
        contact.email = f"{_slug(contact.name)}.{references[contact.family_id]}@example.org"
        contact.phone = f"+3160000{number:04d}"
        contact.preferred_channel = Channel.email
        contact.messages_consent = number % 2 == 0
    for number, user in enumerate(context.users.values(), start=9000):
        user.phone = user.phone or f"+3160000{number:04d}"
    # The demo's history was written before anyone had an address: its "no consent" rows say nothing real.
    session.execute(
        delete(NotificationMessage).where(
            col(NotificationMessage.organisation_id) == context.organisation.id,
            col(NotificationMessage.reason) == "no_consent",
        )
    )
    session.flush()
    queued = run_passes(session, utcnow())
    return (
        f"Demo recipients: {len(members)} members and {len(contacts)} contacts got @example.org addresses; "
        f"{queued} reminders queued (sent only by `bondgenoot worker` with BONDGENOOT_SMTP_URL set)."
    )
