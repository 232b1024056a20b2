"""A coordinator's team page: per supporter the caseload against the norm, evaluation debt, open alerts and
flagged meetings; and moving a family to another supporter's caseload.

Caseloads, alerts and flagged meetings are counted in the database grouped by supporter; debt comes from the
debt module."""

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.core.errors import Conflict, Forbidden, NotFound
from api.families.repository import get_readable_family, readable_families
from api.meetings.overview import flagged_per_supporter
from api.models import CheckinAlert, Family, FamilyStatus, Role, User
from api.models.base import localtoday, utcnow
from api.models.workday import SupporterChange
from api.workday.attention import attention_statement
from api.workday.schemas import Reassign, SupporterChangePublic, Team, TeamMember

FLAG_HORIZON_DAYS = 28


def _member(supporter_id: uuid.UUID | None, name: str | None) -> TeamMember:
    return TeamMember(
        supporter_id=supporter_id,
        supporter_name=name,
        caseload=0,
        over_norm=False,
        families_with_debt=0,
        goals_without_score=0,
        overdue_actions=0,
        measurements_due=0,
        open_alerts=0,
        flagged_meetings=0,
    )


def team(session: Session, principal: Principal, *, today: date | None = None) -> Team:
    """Every active supporter of the organisation (and the unassigned families), heaviest caseload first."""
    today = today or localtoday()
    settings = get_settings()
    # caseload and open alerts in one pass over the organisation's open families (one index-only range),
    # the alerts counted per family first
    alerts = (
        select(col(CheckinAlert.family_id), func.count().label("n"))
        .where(
            CheckinAlert.organisation_id == principal.organisation_id,
            col(CheckinAlert.acknowledged_at).is_(None),
        )
        .group_by(col(CheckinAlert.family_id))
        .subquery("open_alerts")
    )
    families = readable_families(principal).where(Family.status != FamilyStatus.closed)
    counts = session.execute(
        families.with_only_columns(
            col(Family.supporter_id), func.count(), func.coalesce(func.sum(alerts.c.n), 0)
        )
        .outerjoin(alerts, alerts.c.family_id == Family.id)
        .group_by(col(Family.supporter_id))
    ).all()
    supporters = session.exec(
        select(User.id, User.full_name).where(
            User.organisation_id == principal.organisation_id,
            User.role == Role.supporter,
            col(User.is_active),
        )
    ).all()
    rows: dict[uuid.UUID | None, TeamMember] = {uid: _member(uid, name) for uid, name in supporters}

    def row_of(supporter_id: uuid.UUID | None, name: str | None = None) -> TeamMember:
        if supporter_id not in rows:
            rows[supporter_id] = _member(supporter_id, name)
        return rows[supporter_id]

    for supporter_id, caseload, open_alerts in counts:
        row = row_of(supporter_id)
        row.caseload, row.open_alerts = caseload, int(open_alerts)
    for supporter_id, *debt in session.execute(*_debt_per_supporter(session, principal, families, today)):
        row = row_of(supporter_id)
        row.families_with_debt, row.goals_without_score, row.overdue_actions, row.measurements_due = debt
    start = datetime.combine(today, time.min, tzinfo=UTC)
    end = start + timedelta(days=FLAG_HORIZON_DAYS)
    for supporter_id, count in flagged_per_supporter(
        session, principal, starts_from=start, starts_to=end
    ).items():
        row_of(supporter_id).flagged_meetings = count
    for row in rows.values():
        row.over_norm = row.supporter_id is not None and row.caseload > settings.caseload_norm
    members = sorted(
        (r for r in rows.values() if r.supporter_id is not None or r.caseload > 0),
        key=lambda r: (
            r.supporter_id is None,
            -(r.goals_without_score + r.overdue_actions + r.measurements_due),
            r.supporter_name or "",
        ),
    )
    audit.record(session, principal, action="read", object_type="team")
    return Team(
        on=today,
        caseload_norm=settings.caseload_norm,
        threshold_days=settings.evaluation_debt_days,
        members=members,
    )


def _debt_per_supporter(
    session: Session, principal: Principal, families: Any, today: date
) -> tuple[Any, dict[str, Any]]:
    """Per supporter: families with debt, goals without a recent score, overdue actions, questionnaires due —
    the attention statement's counts (the evaluation debt's definition) summed in the database."""
    statement, parameters = attention_statement(
        session, principal, scope=families.with_only_columns(col(Family.id)), today=today
    )
    debt = statement.subquery("debt")
    paperwork = debt.c.goals + debt.c.actions + debt.c.questionnaires
    per_supporter = (
        sa_select(
            col(Family.supporter_id),
            func.count(),
            func.sum(debt.c.goals),
            func.sum(debt.c.actions),
            func.sum(debt.c.questionnaires),
        )
        .join(debt, debt.c.family_id == Family.id)
        .where(paperwork > 0)
        .group_by(col(Family.supporter_id))
    )
    return per_supporter, parameters


def reassign(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: Reassign
) -> SupporterChangePublic:
    """Move a family to another supporter's caseload (coordinator or admin); its timeline shows it."""
    family = get_readable_family(session, principal, family_id, action="reassign")
    if principal.role not in (Role.admin, Role.coordinator):
        raise Forbidden(
            "Alleen een coördinator of beheerder mag dit / only a coordinator or administrator may do this.",
            code="staff_only",
        )
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    target = session.get(User, data.supporter_id)
    if (
        target is None
        or target.organisation_id != principal.organisation_id
        or target.role != Role.supporter
        or not target.is_active
    ):
        raise NotFound(
            "Deze begeleider bestaat niet / this supporter was not found.",
            code="supporter_not_found",
            errors=[
                {"field": "supporter_id", "message": "not an active supporter here", "type": "value_error"}
            ],
        )
    if family.supporter_id == target.id:  # asked twice (a double click): the answer is the same
        audit.record(
            session, principal, action="read", object_type="family", object_id=family.id, family_id=family.id
        )
        return SupporterChangePublic(
            id=None,
            changed=False,
            family_id=family.id,
            from_supporter_id=target.id,
            from_supporter_name=target.full_name,
            to_supporter_id=target.id,
            to_supporter_name=target.full_name,
            note=None,
            changed_at=family.updated_at,
        )
    previous = session.get(User, family.supporter_id) if family.supporter_id else None
    change = SupporterChange(
        family_id=family.id,
        from_supporter_id=family.supporter_id,
        to_supporter_id=target.id,
        note=(data.note or "").strip() or None,
        changed_by_id=principal.id,
    )
    session.add(change)
    family.supporter_id = target.id
    family.version += 1
    family.updated_at = utcnow()
    session.flush()
    audit.record(
        session, principal, action="reassign", object_type="family", object_id=family.id, family_id=family.id
    )
    return SupporterChangePublic(
        id=change.id,
        changed=True,
        family_id=family.id,
        from_supporter_id=change.from_supporter_id,
        from_supporter_name=previous.full_name if previous else None,
        to_supporter_id=target.id,
        to_supporter_name=target.full_name,
        note=change.note,
        changed_at=change.changed_at,
    )
