"""Personal links, a family member's (check-ins) and a network contact's (their part of the plan): made and
stopped by staff, with the same secrets, expiry, code and lockout rules."""

import re
import secrets
import uuid
from datetime import timedelta
from typing import Any, TypeVar

from sqlalchemy import update
from sqlmodel import Session, col

from api.audit import service as audit
from api.auth.principal import Principal
from api.checkins.schemas import LinkStatus
from api.core.config import get_settings
from api.core.security import keyed_digest
from api.models import Family
from api.models.base import utcnow
from api.models.checkins import PersonalLink

PAGE_PATH = "/c#"
# A given pair (the demo's) is as strong as `new_secrets` makes: 32 bytes URL-safe, six digits.
GIVEN_TOKEN, GIVEN_CODE = re.compile(r"[A-Za-z0-9_-]{43,}"), re.compile(r"[0-9]{6}")
Link = TypeVar("Link", bound=PersonalLink)


def link_status(link: PersonalLink) -> LinkStatus:
    if link.revoked_at is not None:
        return LinkStatus.revoked
    if link.expires_at <= utcnow():
        return LinkStatus.expired
    if link.locked_at is not None:
        return LinkStatus.locked
    return LinkStatus.active


def link_digest(token: str) -> str:
    return keyed_digest(token, purpose="checkin-link")


def code_digest(link_id: uuid.UUID, code: str) -> str:
    return keyed_digest(f"{link_id}:{code}", purpose="checkin-code")


def link_object_type(link: PersonalLink) -> str:
    return str(type(link).__tablename__)  # checkin_link, contact_link


def new_secrets() -> tuple[str, str]:
    """A link token (32 random bytes, URL-safe) and a six-digit code (easy to type on a phone keypad)."""
    return secrets.token_urlsafe(32), f"{secrets.randbelow(10**6):06d}"


def issue_link(
    session: Session,
    principal: Principal,
    *,
    family: Family,
    kind: type[Link],
    owner: dict[str, uuid.UUID],
    valid_days: int | None,
    token_and_code: tuple[str, str] | None = None,
) -> tuple[Link, str, str]:
    """A new link for its owner (`{"member_id": …}` or `{"contact_id": …}`); it stops the owner's earlier
    links (a lost code or a new phone means a new link); audited. Returns the link, its token and its code.

    `token_and_code` is for the demo only, whose printed link must work after every seeding: a pair as
    strong as `new_secrets` makes (otherwise the secrets are new and random)."""
    if token_and_code is not None and not (
        GIVEN_TOKEN.fullmatch(token_and_code[0]) and GIVEN_CODE.fullmatch(token_and_code[1])
    ):
        raise ValueError("a given link token has at least 32 bytes (URL-safe) and its code six digits")
    now = utcnow()
    ((owner_column, owner_id),) = owner.items()
    table: Any = kind
    session.execute(
        update(table)
        .where(col(getattr(table, owner_column)) == owner_id, col(table.revoked_at).is_(None))
        .values(revoked_at=now, revoked_by_id=principal.id)
    )
    token, code = token_and_code or new_secrets()
    link: Link = table(
        organisation_id=family.organisation_id,
        family_id=family.id,
        created_by_id=principal.id,
        token_digest=link_digest(token),
        code_digest="",
        expires_at=now + timedelta(days=valid_days or get_settings().checkin_link_days),
        **owner,
    )
    link.code_digest = code_digest(link.id, code)
    session.add(link)
    session.flush()
    audit.record(
        session,
        principal,
        action="create",
        object_type=link_object_type(link),
        object_id=link.id,
        family_id=family.id,
    )
    return link, token, code


def stop_link(session: Session, principal: Principal, *, link: PersonalLink) -> None:
    """Stop a link at once (stopping twice changes nothing); audited."""
    if link.revoked_at is None:
        link.revoked_at = utcnow()
        link.revoked_by_id = principal.id
    audit.record(
        session,
        principal,
        action="revoke",
        object_type=link_object_type(link),
        object_id=link.id,
        family_id=link.family_id,
    )
