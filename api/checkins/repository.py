"""Queries of check-in data, each narrowed by the caller's readable families (families/repository.py)."""

import uuid
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, true
from sqlalchemy.orm import joinedload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit.service import event
from api.auth.principal import Principal
from api.core.errors import NotFound
from api.families.repository import readable_families
from api.models import Checkin, CheckinAlert, CheckinLink, Family, Role

ALERT_NOT_FOUND = "Deze melding bestaat niet of je hebt er geen toegang toe / alert not found."
LINK_NOT_FOUND = "Deze link bestaat niet / check-in link not found."


def family_scope(principal: Principal) -> ColumnElement[bool]:
    """The condition on `Family` that limits a query to the families the caller may read."""
    clause = readable_families(principal).whereclause
    return clause if clause is not None else true()


def in_reach(principal: Principal, table: type[Checkin] | type[CheckinAlert]) -> ColumnElement[bool]:
    """The condition on check-ins or alerts themselves that limits them to the families the caller may read
    (`readable_families`). Both carry their family's organisation, so for the organisation's staff it is
    that column and "not of an archived family" (the few archived families, by a partial index): no join
    of every family of the organisation. Anyone else reaches them through their readable families (a
    supporter's caseload: a few dozen)."""
    if principal.role in (Role.admin, Role.coordinator):
        archived = exists().where(col(Family.id) == table.family_id, col(Family.archived_at).is_not(None))
        return and_(col(table.organisation_id) == principal.organisation_id, ~archived)
    return col(table.family_id).in_(readable_families(principal).with_only_columns(col(Family.id)))


def family_links(family_id: uuid.UUID) -> SelectOfScalar[CheckinLink]:
    """A family's links with their member (the caller has checked access to the family)."""
    return (
        select(CheckinLink).where(CheckinLink.family_id == family_id).options(joinedload(CheckinLink.member))  # type: ignore[arg-type]
    )


def get_family_link(session: Session, family_id: uuid.UUID, link_id: uuid.UUID) -> CheckinLink:
    link = session.exec(family_links(family_id).where(CheckinLink.id == link_id)).first()
    if link is None:
        raise NotFound(LINK_NOT_FOUND, code="checkin_link_not_found")
    return link


def family_checkins(family_id: uuid.UUID, member_id: uuid.UUID | None) -> SelectOfScalar[Checkin]:
    statement = (
        select(Checkin).where(Checkin.family_id == family_id).options(joinedload(Checkin.member))  # type: ignore[arg-type]
    )
    if member_id is not None:
        statement = statement.where(Checkin.member_id == member_id)
    return statement


def alert_ids_by_checkin(session: Session, checkin_ids: list[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    if not checkin_ids:
        return {}
    rows = session.exec(
        select(CheckinAlert.checkin_id, CheckinAlert.id).where(col(CheckinAlert.checkin_id).in_(checkin_ids))
    ).all()
    return dict(rows)


def readable_alerts(principal: Principal) -> SelectOfScalar[CheckinAlert]:
    """Alerts of the families the caller may read, with what an alert shows loaded in the same query."""
    options: list[Any] = [
        joinedload(CheckinAlert.checkin),  # type: ignore[arg-type]
        joinedload(CheckinAlert.family),  # type: ignore[arg-type]
        joinedload(CheckinAlert.member),  # type: ignore[arg-type]
        joinedload(CheckinAlert.acknowledged_by),  # type: ignore[arg-type]
    ]
    return (
        select(CheckinAlert)
        .join(Family, col(Family.id) == CheckinAlert.family_id)
        .where(family_scope(principal))
        .options(*options)
    )


def get_readable_alert(
    session: Session, principal: Principal, alert_id: uuid.UUID, *, action: str
) -> CheckinAlert:
    """One alert within the caller's reach, or a 404 whose refusal is still audited."""
    alert = session.exec(readable_alerts(principal).where(CheckinAlert.id == alert_id)).first()
    if alert is None:
        refused = event(
            principal, action=action, object_type="checkin_alert", object_id=alert_id, outcome="denied"
        )
        raise NotFound(ALERT_NOT_FOUND, persist=[refused], code="alert_not_found")
    return alert
