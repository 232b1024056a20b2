"""Who a message goes to: a family member, a network contact or a staff user, with their address, language,
consent and opt-outs; and the rules that hold for people outside the organisation (quiet hours, limits)."""

import uuid
from dataclasses import dataclass
from datetime import datetime, time, timedelta

from sqlmodel import Session, col, func, select

from api.core.config import Settings
from api.models import (
    Channel,
    FamilyMember,
    Language,
    MessageStatus,
    NetworkContact,
    NotificationMessage,
    NotificationOptOut,
    RecipientKind,
    User,
)
from api.models.base import AMSTERDAM


@dataclass(frozen=True)
class Recipient:
    kind: RecipientKind
    id: uuid.UUID
    name: str
    email: str | None
    phone: str | None
    preferred: Channel | None
    language: Language
    consent: bool
    active: bool

    @property
    def outside_staff(self) -> bool:
        return self.kind != RecipientKind.user

    @property
    def first_name(self) -> str:
        return self.name.split()[0] if self.name.strip() else self.name

    def address(self, channel: Channel) -> str | None:
        return self.email if channel == Channel.email else self.phone


def _person(kind: RecipientKind, person: FamilyMember | NetworkContact) -> Recipient:
    """A family member or network contact as a recipient (the two keep the same contact fields)."""
    name = person.display_name if isinstance(person, FamilyMember) else person.name
    return Recipient(
        kind,
        person.id,
        name,
        person.email,
        person.phone,
        person.preferred_channel,
        person.language,
        person.messages_consent,
        person.archived_at is None,
    )


def load(session: Session, kind: RecipientKind, *, recipient_id: uuid.UUID) -> Recipient | None:
    if kind == RecipientKind.member:
        member = session.get(FamilyMember, recipient_id)
        return _person(kind, member) if member is not None else None
    if kind == RecipientKind.contact:
        contact = session.get(NetworkContact, recipient_id)
        return _person(kind, contact) if contact is not None else None
    user = session.get(User, recipient_id)
    if user is None:
        return None
    return Recipient(
        kind,
        user.id,
        user.full_name,
        user.email,
        user.phone,
        user.preferred_channel,
        user.language,
        True,
        user.is_active,
    )


def choose_channel(recipient: Recipient) -> Channel | None:
    """The preferred channel when there is an address for it, else the other one that has one."""
    order = [recipient.preferred] if recipient.preferred else []
    order += [c for c in (Channel.email, Channel.sms) if c not in order]
    if recipient.outside_staff and recipient.preferred is None:
        return None  # a family member or contact who chose no channel gets nothing
    return next((c for c in order if recipient.address(c)), None)


def opted_out(session: Session, recipient: Recipient, *, channel: Channel) -> bool:
    return (
        session.exec(
            select(NotificationOptOut.id).where(
                NotificationOptOut.recipient_kind == recipient.kind,
                NotificationOptOut.recipient_id == recipient.id,
                NotificationOptOut.channel == channel,
            )
        ).first()
        is not None
    )


def quiet_until(moment: datetime, settings: Settings) -> datetime | None:
    """When the night's quiet hours (Europe/Amsterdam) end, if `moment` falls in them; else None."""
    start, end = settings.notify_quiet_start_hour, settings.notify_quiet_end_hour
    if start == end:
        return None
    local = moment.astimezone(AMSTERDAM)
    hour = local.hour
    quiet = (hour >= start or hour < end) if start > end else (start <= hour < end)
    if not quiet:
        return None
    day = local.date() if hour < end else local.date() + timedelta(days=1)
    return datetime.combine(day, time(end), tzinfo=AMSTERDAM).astimezone(moment.tzinfo)


def sent_this_week(session: Session, recipient: Recipient, *, now: datetime) -> int:
    return session.exec(
        select(func.count())
        .select_from(NotificationMessage)
        .where(
            NotificationMessage.recipient_kind == recipient.kind,
            NotificationMessage.recipient_id == recipient.id,
            NotificationMessage.status == MessageStatus.sent,
            col(NotificationMessage.sent_at) > now - timedelta(days=7),
        )
    ).one()


def allowed(address: str, settings: Settings) -> bool:
    """Development sends only to the demo's addresses (BONDGENOOT_NOTIFY_RECIPIENT_ALLOWLIST)."""
    allowlist = settings.recipient_allowlist
    lowered = address.lower()
    return not allowlist or any(
        lowered.endswith(item.lower()) if item.startswith("@") else lowered.startswith(item)
        for item in allowlist
    )
