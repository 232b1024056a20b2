"""The family member's side: open a session with link + code, check in, see one's own trend.

A check-in session is a short JWT whose subject is the link (actor type "checkin", its own audience), so it
can never pass as a staff token, and a staff token never passes here. It reaches only the member's own
check-ins; later routes for the member (questionnaires that are due) can reuse `session_link`.
"""

import hmac
import re
from collections.abc import Callable
from datetime import timedelta
from typing import TypeVar

from fastapi.responses import JSONResponse
from sqlalchemy import update
from sqlmodel import Session, col, select

from api.audit.service import event
from api.auth.principal import Principal
from api.checkins.alerts import alert_reasons
from api.checkins.links import code_digest, link_digest, link_object_type
from api.checkins.schemas import CheckinCreate, CheckinReceipt, CheckinTrend, SessionResponse, TrendPoint
from api.checkins.throttle import counted
from api.core.concurrency import idempotent_create
from api.core.config import get_settings
from api.core.errors import DomainError, NotFound, Unauthorized, Unprocessable
from api.core.events import publish
from api.core.security import create_token, decode_token
from api.models import (
    Checkin,
    CheckinAlert,
    CheckinLink,
    ContactLink,
    Family,
    FamilyMember,
    NetworkContact,
    User,
)
from api.models.base import utcnow

T = TypeVar("T")
# A member's link or a network contact's link: the same link + code + lockout rules, another actor type.
AnyLink = CheckinLink | ContactLink
NETWORK_ACTOR = "network_link"
SESSION_KIND = "checkin"
MAX_CODE_ATTEMPTS = 5
MAX_AGE = timedelta(days=30)
NO_TOKEN = "Open de link die je van je begeleider kreeg. / Open the link your supporter gave you."
UNUSABLE = (
    "Deze link werkt niet (meer). Vraag je begeleider om een nieuwe link. / "
    "This link does not work (any more); ask your supporter for a new one."
)
LOCKED = (
    "Er is te vaak een verkeerde code ingevuld. De link is nu op slot. Vraag je begeleider om een nieuwe "
    "link. / The code was wrong too often; this link is locked. Ask your supporter for a new one."
)
WRONG_CODE = "De code klopt niet. Probeer het nog eens. / The code is not right; please try again."
SESSION_EXPIRED = (
    "Je sessie is verlopen. Vul je code opnieuw in. / Your session has ended; enter your code again."
)


class Locked(DomainError):
    status_code = 423
    title = "Locked"
    code = "checkin_link_locked"


def link_principal(link: AnyLink, address: str | None) -> Principal:
    """The link as the actor of the audit log (no account behind it)."""
    return Principal(
        actor_type="checkin" if isinstance(link, CheckinLink) else NETWORK_ACTOR,
        id=link.id,
        role=None,
        organisation_id=link.organisation_id,
        client_address=address,
    )


def _unauthorized(detail: str, reason: str) -> Unauthorized:
    return Unauthorized(detail, headers={"WWW-Authenticate": "Bearer"}, extensions={"reason": reason})


def _check_usable(session: Session, link: AnyLink) -> tuple[FamilyMember | NetworkContact, Family]:
    """404 for an expired, revoked or archived link (one answer, so nobody learns which); 423 when locked."""
    member: FamilyMember | NetworkContact | None = (
        session.get(FamilyMember, link.member_id)
        if isinstance(link, CheckinLink)
        else session.get(NetworkContact, link.contact_id)
    )
    family = session.get(Family, link.family_id)
    if (
        link.revoked_at is not None
        or link.expires_at <= utcnow()
        or member is None
        or member.archived_at is not None
        or family is None
        or family.archived_at is not None
    ):
        raise NotFound(UNUSABLE, extensions={"reason": "link_unusable"}, code="checkin_link_unusable")
    if link.locked_at is not None:
        raise Locked(LOCKED, extensions={"reason": "locked"}, code="checkin_link_locked")
    return member, family


def _first_name(name: str | None) -> str | None:
    return name.split()[0] if name and name.split() else None


def _wrong_code(session: Session, link: AnyLink, address: str | None) -> DomainError:
    """Count the failure atomically (across processes) and keep it, whatever the request does next."""
    model = type(link)
    session.execute(
        update(model).where(col(model.id) == link.id).values(failed_attempts=col(model.failed_attempts) + 1)
    )
    session.refresh(link, attribute_names=["failed_attempts"])
    principal = link_principal(link, address)
    common = {"object_type": link_object_type(link), "object_id": link.id, "family_id": link.family_id}
    session.add(event(principal, action="open_session", outcome="denied", **common))  # type: ignore[arg-type]
    left = MAX_CODE_ATTEMPTS - link.failed_attempts
    if left > 0:
        return Unauthorized(
            WRONG_CODE,
            headers={"WWW-Authenticate": "CheckinLink"},
            keep_changes=True,
            extensions={"reason": "wrong_code", "attempts_left": left},
        )
    link.locked_at = link.locked_at or utcnow()
    session.add(event(principal, action="lock", **common))  # type: ignore[arg-type]
    return Locked(LOCKED, keep_changes=True, extensions={"reason": "locked"})


def open_session(session: Session, *, token: str | None, code: str, address: str | None) -> SessionResponse:
    """Check the link and its code; answer a short session and the names for a friendly greeting."""
    link: AnyLink | None = None
    if token:
        digest = link_digest(token)
        link = session.exec(select(CheckinLink).where(CheckinLink.token_digest == digest)).first()
        link = link or session.exec(select(ContactLink).where(ContactLink.token_digest == digest)).first()
    with counted(session, address=address, link_key=link.token_digest if link else None):
        if not token:
            raise _unauthorized(NO_TOKEN, "no_token")
        if link is None:
            raise NotFound(UNUSABLE, extensions={"reason": "link_unusable"}, code="checkin_link_unusable")
        member, family = _check_usable(session, link)
        digits = re.sub(r"[\s.\-]", "", code)
        if not re.fullmatch(r"[0-9]{6}", digits):
            raise Unprocessable(
                "Vul de 6 cijfers van je code in. / Enter the 6 digits of your code.",
                errors=[{"field": "code", "message": "six digits", "type": "value_error"}],
                code="checkin_code_format",
            )
        if not hmac.compare_digest(link.code_digest, code_digest(link.id, digits)):
            raise _wrong_code(session, link, address)
        link.failed_attempts = 0
        link.last_used_at = utcnow()
        principal = link_principal(link, address)
        session.add(
            event(
                principal,
                action="open_session",
                object_type=link_object_type(link),
                object_id=link.id,
                family_id=link.family_id,
            )
        )
        minutes = get_settings().checkin_session_minutes
        session_token, _ = create_token(
            subject=link.id,
            kind=SESSION_KIND,
            lifetime=timedelta(minutes=minutes),
            actor_type=principal.actor_type,
        )
        supporter = session.get(User, family.supporter_id) if family.supporter_id else None
        last = (
            session.exec(
                select(Checkin.checked_in_at)
                .where(Checkin.member_id == link.member_id)
                .order_by(col(Checkin.checked_in_at).desc())
                .limit(1)
            ).first()
            if isinstance(link, CheckinLink)
            else None
        )
        name = member.display_name if isinstance(member, FamilyMember) else member.name
        return SessionResponse(
            session_token=session_token,
            expires_in=minutes * 60,
            party="member" if isinstance(link, CheckinLink) else "contact",
            member_first_name=_first_name(name) or "",
            supporter_first_name=_first_name(supporter.full_name if supporter else None),
            last_checkin_at=last,
        )


def _session_claims_link(session: Session, token: str | None, *, network: bool = False) -> AnyLink | None:
    """The member's link of a session; with `network`, a network contact's link is accepted too."""
    if not token:
        return None
    try:
        claims = decode_token(token, kind=SESSION_KIND)
    except Unauthorized:
        return None
    if claims.actor_type == "checkin":
        return session.get(CheckinLink, claims.subject)
    if network and claims.actor_type == NETWORK_ACTOR:
        return session.get(ContactLink, claims.subject)
    return None


def any_session_link(
    session: Session, *, token: str | None, address: str | None, work: Callable[[AnyLink], T]
) -> T:
    """Run `work` for the link (a member's or a network contact's) of a valid session, rate limited."""
    link = _session_claims_link(session, token, network=True)
    with counted(session, address=address, link_key=link.token_digest if link else None):
        if link is None:
            raise _unauthorized(
                SESSION_EXPIRED if token else NO_TOKEN, "session_expired" if token else "no_token"
            )
        _check_usable(session, link)
        return work(link)


def session_link(
    session: Session, *, token: str | None, address: str | None, work: Callable[[CheckinLink], T]
) -> T:
    """Run `work` for the link of a valid check-in session, counted against the rate limits."""
    link = _session_claims_link(session, token)
    with counted(session, address=address, link_key=link.token_digest if link else None):
        if link is None or not isinstance(link, CheckinLink):
            raise _unauthorized(
                SESSION_EXPIRED if token else NO_TOKEN, "session_expired" if token else "no_token"
            )
        _check_usable(session, link)
        return work(link)


def _create_checkin(
    session: Session, link: CheckinLink, data: CheckinCreate, address: str | None
) -> CheckinReceipt:
    now = utcnow()
    made = data.checked_in_at if data.checked_in_at is not None and data.checked_in_at < now else now
    if made < now - MAX_AGE:
        raise Unprocessable(
            "Deze check-in is te oud (meer dan 30 dagen). / This check-in is older than 30 days.",
            errors=[{"field": "checked_in_at", "message": "older than 30 days", "type": "value_error"}],
            code="checkin_too_old",
        )
    previous = session.exec(
        select(Checkin.wellbeing)
        .where(Checkin.member_id == link.member_id, col(Checkin.checked_in_at) < made)
        .order_by(col(Checkin.checked_in_at).desc())
        .limit(1)
    ).first()
    needs = [n.value for n in dict.fromkeys(data.needs)]
    checkin = Checkin(
        organisation_id=link.organisation_id,
        family_id=link.family_id,
        member_id=link.member_id,
        link_id=link.id,
        wellbeing=data.wellbeing,
        care_burden=data.care_burden,
        needs=needs,
        needs_text=data.needs_text or None,
        message=data.message or None,
        checked_in_at=made,
        received_at=now,
    )
    session.add(checkin)
    session.flush()
    reasons = alert_reasons(
        wellbeing=data.wellbeing, care_burden=data.care_burden, needs=needs, previous_wellbeing=previous
    )
    if reasons:
        alert = CheckinAlert(
            organisation_id=link.organisation_id,
            family_id=link.family_id,
            member_id=link.member_id,
            checkin_id=checkin.id,
            reasons=[r.value for r in reasons],
            previous_wellbeing=previous,
        )
        session.add(alert)
        publish(
            session, event_type="checkin_alert.raised", family_id=link.family_id, data={"alert_id": alert.id}
        )
    link.last_used_at = now
    session.add(
        event(
            link_principal(link, address),
            action="create",
            object_type="checkin",
            object_id=checkin.id,
            family_id=link.family_id,
        )
    )
    return CheckinReceipt(id=checkin.id, checked_in_at=made, received_at=now)


def submit(
    session: Session,
    *,
    token: str | None,
    address: str | None,
    key: str,
    path: str,
    data: CheckinCreate,
) -> JSONResponse:
    """Store a check-in exactly once per Idempotency-Key, and raise an alert when it crosses a threshold."""

    def work(link: CheckinLink) -> JSONResponse:
        return idempotent_create(
            session,
            actor_id=link.id,
            key=key,
            path=path,
            payload=data,
            create=lambda: _create_checkin(session, link, data, address),
        )

    return session_link(session, token=token, address=address, work=work)


def trend(session: Session, *, token: str | None, address: str | None, limit: int) -> CheckinTrend:
    """The member's own latest check-ins (only the two numbers and when), oldest first."""

    def work(link: CheckinLink) -> CheckinTrend:
        rows = session.exec(
            select(Checkin.checked_in_at, Checkin.wellbeing, Checkin.care_burden)
            .where(Checkin.member_id == link.member_id)
            .order_by(col(Checkin.checked_in_at).desc())
            .limit(limit)
        ).all()
        session.add(
            event(
                link_principal(link, address),
                action="read",
                object_type="checkin",
                family_id=link.family_id,
            )
        )
        points = [TrendPoint(checked_in_at=at, wellbeing=w, care_burden=b) for at, w, b in reversed(rows)]
        return CheckinTrend(items=points)

    return session_link(session, token=token, address=address, work=work)
