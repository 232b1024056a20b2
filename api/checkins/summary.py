"""The check-in dashboard: open alerts, and the families that need a look first.

One grouped statement over the check-ins and open alerts in reach (`repository.in_reach`: no join of the
organisation's families), each read by its own index: for the organisation's staff the last four weeks'
check-ins (one range by organisation and time) and the open alerts (a partial index); a family with an open
alert and no check-in of late gets its latest check-in by (family, time). The read grows with the open
alerts and the last four weeks' check-ins, not with every check-in or family there ever was."""

import uuid
from datetime import timedelta

from sqlalchemy import case, func, literal, null, type_coerce, union_all
from sqlalchemy import select as sa_select
from sqlalchemy.orm import aliased
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.checkins import repository as repo
from api.checkins.schemas import CheckinSummary, FamilyCheckinSummary, OpenAlertCount
from api.models import Checkin, CheckinAlert, Family, Role
from api.models.base import utcnow

RECENT = timedelta(days=28)


def count_open_alerts(session: Session, principal: Principal) -> OpenAlertCount:
    """The number of open alerts in the caller's reach; not audited, as it names no family."""
    count = session.exec(
        select(func.count())
        .select_from(CheckinAlert)
        .where(repo.in_reach(principal, CheckinAlert), col(CheckinAlert.acknowledged_at).is_(None))
    ).one()
    return OpenAlertCount(open_alerts=count)


def summary(session: Session, principal: Principal, *, limit: int = 100) -> CheckinSummary:
    """The `limit` families in reach with check-ins that need a look first (open alerts, then the latest
    check-in): each one's latest check-in, its last four weeks and its open alerts. A supporter sees every
    family of the caseload that ever checked in; the organisation's staff the families with an open alert
    or a check-in in the last four weeks."""
    since = utcnow() - RECENT
    checkins = sa_select(
        col(Checkin.family_id).label("family_id"),
        col(Checkin.checked_in_at).label("at"),
        case((col(Checkin.checked_in_at) >= since, 1), else_=0).label("recent"),
        literal(0).label("open"),
    ).where(repo.in_reach(principal, Checkin))
    if principal.role != Role.supporter:
        checkins = checkins.where(col(Checkin.checked_in_at) >= since)
    alerts = sa_select(
        col(CheckinAlert.family_id),
        type_coerce(null(), Checkin.__table__.c.checked_in_at.type),  # type: ignore[attr-defined]
        literal(0),
        literal(1),
    ).where(repo.in_reach(principal, CheckinAlert), col(CheckinAlert.acknowledged_at).is_(None))
    rows_of = union_all(checkins, alerts).subquery("facts")
    earlier = aliased(Checkin)
    # a family with an open alert and no check-in of late: its latest check-in, by its index
    latest = (
        sa_select(func.max(col(earlier.checked_in_at)))
        .where(col(earlier.family_id) == rows_of.c.family_id)
        .scalar_subquery()
    )
    at = func.coalesce(func.max(rows_of.c.at), latest).label("at")
    recent = func.sum(rows_of.c.recent).label("recent")
    open_alerts = func.sum(rows_of.c.open).label("open")
    page = (
        sa_select(rows_of.c.family_id, at, recent, open_alerts)
        .group_by(rows_of.c.family_id)
        .order_by(open_alerts.desc(), at.desc(), rows_of.c.family_id)
        .limit(limit)
        .subquery()
    )
    rows = session.execute(
        sa_select(
            col(Family.id),
            col(Family.display_name),
            col(Family.reference),
            col(Checkin.checked_in_at),
            col(Checkin.wellbeing),
            col(Checkin.care_burden),
            page.c.recent,
            page.c.open,
        )
        .join(Family, col(Family.id) == page.c.family_id)
        .join(Checkin, (col(Checkin.family_id) == Family.id) & (col(Checkin.checked_in_at) == page.c.at))
        .order_by(page.c.open.desc(), page.c.at.desc(), col(Family.id))
    ).all()
    families_shown: dict[uuid.UUID, FamilyCheckinSummary] = {}
    for family_id, name, reference, checked_in_at, wellbeing, burden, recent_count, open_count in rows:
        families_shown.setdefault(
            family_id,
            FamilyCheckinSummary(
                family_id=family_id,
                family_name=name,
                family_reference=reference,
                last_checkin_at=checked_in_at,
                last_wellbeing=wellbeing,
                last_care_burden=burden,
                checkins_last_28_days=recent_count,
                open_alerts=open_count,
            ),
        )
    ordered = list(families_shown.values())
    audit.record_many(
        session, principal, action="list", object_type="checkin", family_ids=[f.family_id for f in ordered]
    )
    return CheckinSummary(open_alerts=count_open_alerts(session, principal).open_alerts, families=ordered)
