"""The supporter's side of check-ins: personal links, the family's check-ins, alerts and the dashboard."""

import uuid

from sqlalchemy import update
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.checkins import repository as repo
from api.checkins.links import PAGE_PATH, issue_link, link_status, stop_link
from api.checkins.schemas import (
    AlertState,
    CheckinAlertPublic,
    CheckinLinkCreate,
    CheckinLinkCreated,
    CheckinLinkPublic,
    CheckinPublic,
)
from api.core.errors import Conflict, NotFound
from api.core.events import publish
from api.core.pagination import Page, keyset_page
from api.families.repository import get_readable_family
from api.models import AlertReason, Checkin, CheckinAlert, CheckinLink, FamilyMember
from api.models.base import utcnow


def link_public(link: CheckinLink) -> CheckinLinkPublic:
    return CheckinLinkPublic.model_validate(
        link.model_dump() | {"member_name": link.member.display_name, "status": link_status(link)}
    )


def create_link(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    member_id: uuid.UUID,
    data: CheckinLinkCreate,
    token_and_code: tuple[str, str] | None = None,
) -> CheckinLinkCreated:
    """A new personal link for a family member; it replaces the member's earlier links (`token_and_code`:
    the demo's stable pair, see `issue_link`)."""
    family = get_readable_family(session, principal, family_id, action="create")
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    member = session.exec(
        select(FamilyMember).where(
            FamilyMember.id == member_id,
            FamilyMember.family_id == family.id,
            col(FamilyMember.archived_at).is_(None),
        )
    ).first()
    if member is None:
        raise NotFound(
            "Dit gezinslid bestaat niet (meer) / this family member was not found.", code="member_not_found"
        )
    link, token, code = issue_link(
        session,
        principal,
        family=family,
        kind=CheckinLink,
        owner={"member_id": member.id},
        valid_days=data.valid_days,
        token_and_code=token_and_code,
    )
    link.member = member
    # Notifications send the link (and the code by the other channel) when the member agreed to messages.
    publish(
        session,
        event_type="checkin_link.created",
        family_id=family.id,
        data={"link_id": link.id, "member_id": member.id},
        secrets={"path": f"{PAGE_PATH}{token}", "code": code},
    )
    return CheckinLinkCreated(
        **link_public(link).model_dump(), token=token, code=code, path=f"{PAGE_PATH}{token}"
    )


def list_links(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[CheckinLinkPublic]:
    """The family's check-in links, newest first (never their token or code)."""
    family = get_readable_family(session, principal, family_id)
    rows, next_cursor = keyset_page(
        session,
        repo.family_links(family.id),
        moment=CheckinLink.created_at,
        row_id=CheckinLink.id,
        limit=limit,
        cursor=cursor,
    )
    audit.record(session, principal, action="list", object_type="checkin_link", family_id=family.id)
    return Page(items=[link_public(r) for r in rows], next_cursor=next_cursor)


def revoke_link(
    session: Session, principal: Principal, *, family_id: uuid.UUID, link_id: uuid.UUID
) -> CheckinLinkPublic:
    """Stop a link at once (revoking twice changes nothing)."""
    family = get_readable_family(session, principal, family_id, action="revoke")
    link = repo.get_family_link(session, family.id, link_id)
    stop_link(session, principal, link=link)
    return link_public(link)


def list_checkins(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    member_id: uuid.UUID | None,
    limit: int,
    cursor: str | None,
) -> Page[CheckinPublic]:
    """The family's check-ins, newest first; reading them is audited."""
    family = get_readable_family(session, principal, family_id)
    rows, next_cursor = keyset_page(
        session,
        repo.family_checkins(family.id, member_id),
        moment=Checkin.checked_in_at,
        row_id=Checkin.id,
        limit=limit,
        cursor=cursor,
    )
    alerts = repo.alert_ids_by_checkin(session, [r.id for r in rows])
    audit.record(session, principal, action="read", object_type="checkin", family_id=family.id)
    return Page(items=[checkin_public(r, alerts.get(r.id)) for r in rows], next_cursor=next_cursor)


def checkin_public(checkin: Checkin, alert_id: uuid.UUID | None) -> CheckinPublic:
    """A check-in as the supporter sees it; its member must have been loaded with it."""
    return CheckinPublic.model_validate(
        checkin.model_dump() | {"member_name": checkin.member.display_name, "alert_id": alert_id}
    )


def alert_public(alert: CheckinAlert) -> CheckinAlertPublic:
    return CheckinAlertPublic(
        id=alert.id,
        family_id=alert.family_id,
        family_name=alert.family.display_name,
        family_reference=alert.family.reference,
        member_id=alert.member_id,
        member_name=alert.member.display_name,
        checkin_id=alert.checkin_id,
        reasons=[AlertReason(r) for r in alert.reasons],
        wellbeing=alert.checkin.wellbeing,
        care_burden=alert.checkin.care_burden,
        previous_wellbeing=alert.previous_wellbeing,
        checked_in_at=alert.checkin.checked_in_at,
        raised_at=alert.raised_at,
        acknowledged_at=alert.acknowledged_at,
        acknowledged_by_id=alert.acknowledged_by_id,
        acknowledged_by_name=alert.acknowledged_by.full_name if alert.acknowledged_by else None,
    )


def list_alerts(
    session: Session,
    principal: Principal,
    *,
    state: AlertState,
    family_id: uuid.UUID | None = None,
    limit: int,
    cursor: str | None,
) -> Page[CheckinAlertPublic]:
    """Alerts of the caller's families (a supporter's caseload, staff their organisation), newest first."""
    statement = repo.readable_alerts(principal)
    if family_id is not None:
        statement = statement.where(CheckinAlert.family_id == family_id)
    if state == AlertState.open:
        statement = statement.where(col(CheckinAlert.acknowledged_at).is_(None))
    elif state == AlertState.acknowledged:
        statement = statement.where(col(CheckinAlert.acknowledged_at).is_not(None))
    rows, next_cursor = keyset_page(
        session, statement, moment=CheckinAlert.raised_at, row_id=CheckinAlert.id, limit=limit, cursor=cursor
    )
    audit.record_many(
        session,
        principal,
        action="list",
        object_type="checkin_alert",
        family_ids=list(dict.fromkeys(r.family_id for r in rows)),
    )
    return Page(items=[alert_public(r) for r in rows], next_cursor=next_cursor)


def acknowledge_alert(session: Session, principal: Principal, *, alert_id: uuid.UUID) -> CheckinAlertPublic:
    """Mark an alert as seen and handled; the first acknowledgement (who, when) is kept."""
    alert = repo.get_readable_alert(session, principal, alert_id, action="acknowledge")
    if alert.acknowledged_at is None:
        # Conditional, so two supporters acknowledging at once both see the one who was first.
        session.execute(
            update(CheckinAlert)
            .where(col(CheckinAlert.id) == alert.id, col(CheckinAlert.acknowledged_at).is_(None))
            .values(acknowledged_at=utcnow(), acknowledged_by_id=principal.id)
        )
        session.expire(alert)
        alert = repo.get_readable_alert(session, principal, alert_id, action="acknowledge")
    audit.record(
        session,
        principal,
        action="acknowledge",
        object_type="checkin_alert",
        object_id=alert.id,
        family_id=alert.family_id,
    )
    return alert_public(alert)
