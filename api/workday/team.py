"""A coordinator's team page: per supporter the caseload against the norm, evaluation debt, open alerts and
flagged meetings; and moving a family to another supporter's caseload.

Paged by supporters, heaviest caseload first: the caseloads of the whole organisation are one grouped count;
debt and alerts (the attention statement) are counted for the page's families only, so a page costs the same
at any size. The first page also has the families without an active supporter."""

import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any

from sqlalchemy import func, not_, or_, tuple_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.core.errors import Conflict, Forbidden, NotFound
from api.core.pagination import decode_key, encode_key
from api.families.repository import get_readable_family, readable_families
from api.meetings.overview import flagged_per_supporter
from api.models import Family, FamilyStatus, Role, User
from api.models.base import localtoday, utcnow
from api.models.workday import SupporterChange
from api.workday.attention import attention_statement
from api.workday.schemas import Reassign, SupporterChangePublic, Team, TeamMember

FLAG_HORIZON_DAYS = 28


def _member(supporter_id: uuid.UUID | None, name: str | None, caseload: int, norm: int) -> TeamMember:
    return TeamMember(
        supporter_id=supporter_id,
        supporter_name=name,
        caseload=caseload,
        over_norm=supporter_id is not None and caseload > norm,
        families_with_debt=0,
        goals_without_score=0,
        overdue_actions=0,
        measurements_due=0,
        open_alerts=0,
        flagged_meetings=0,
    )


def team(
    session: Session,
    principal: Principal,
    *,
    today: date | None = None,
    limit: int = 10,
    cursor: str | None = None,
) -> Team:
    """One page of the organisation's active supporters, heaviest caseload first, then by name; the first page
    starts with the families without an active supporter."""
    today = today or localtoday()
    settings = get_settings()
    norm = settings.caseload_norm
    families = readable_families(principal).where(Family.status != FamilyStatus.closed)
    caseloads = (
        families.with_only_columns(col(Family.supporter_id), func.count().label("caseload"))
        .group_by(col(Family.supporter_id))
        .subquery("caseload")
    )
    rows: dict[uuid.UUID | None, TeamMember] = {}
    if cursor is None:
        for supporter_id, name, caseload in _without_active_supporter(session, principal, families):
            rows[supporter_id] = _member(supporter_id, name, caseload, norm)
    supporters, next_cursor = _supporters(session, principal, caseloads, limit=limit, cursor=cursor)
    for supporter_id, name, caseload in supporters:
        rows[supporter_id] = _member(supporter_id, name, caseload, norm)
    owner = col(Family.supporter_id)
    assigned = owner.in_([supporter_id for supporter_id in rows if supporter_id is not None])
    page = families.where(or_(assigned, owner.is_(None)) if None in rows else assigned)
    for supporter_id, *counts in session.execute(*_attention_per_supporter(session, principal, page, today)):
        row = rows[supporter_id]
        (
            row.families_with_debt,
            row.goals_without_score,
            row.overdue_actions,
            row.measurements_due,
            row.open_alerts,
        ) = counts
    start = datetime.combine(today, time.min, tzinfo=UTC)
    flagged = flagged_per_supporter(
        session, principal, starts_from=start, starts_to=start + timedelta(days=FLAG_HORIZON_DAYS)
    )
    for supporter_id, row in rows.items():
        row.flagged_meetings = flagged.get(supporter_id, 0)
    audit.record(session, principal, action="read", object_type="team")
    return Team(
        on=today,
        caseload_norm=norm,
        threshold_days=settings.evaluation_debt_days,
        members=list(rows.values()),
        next_cursor=next_cursor,
    )


def _without_active_supporter(session: Session, principal: Principal, families: Any) -> list[Any]:
    """(supporter_id, name, caseload) of the families without a supporter (id null) or whose supporter is no
    longer an active supporter (their few ids sent as a list: index probes, no scan of every family)."""
    owner = col(Family.supporter_id)
    others = session.scalars(
        sa_select(col(User.id)).where(
            col(User.organisation_id) == principal.organisation_id,
            or_(col(User.role) != Role.supporter, not_(col(User.is_active))),
        )
    ).all()
    counted = (
        families.where(or_(owner.is_(None), owner.in_(others)))
        .with_only_columns(owner, col(User.full_name), func.count())
        .outerjoin(User, col(User.id) == owner)
        .group_by(owner, col(User.full_name))
        .order_by(owner.is_not(None), col(User.full_name))
    )
    return list(session.execute(counted).all())


def _supporters(
    session: Session, principal: Principal, caseloads: Any, *, limit: int, cursor: str | None
) -> tuple[list[Any], str | None]:
    """One page of (supporter_id, name, caseload) of the active supporters, heaviest caseload first, then by
    name and id; and the next cursor."""
    caseload = func.coalesce(caseloads.c.caseload, 0)
    statement = (
        sa_select(col(User.id), col(User.full_name), caseload)
        .outerjoin(caseloads, caseloads.c.supporter_id == col(User.id))
        .where(
            col(User.organisation_id) == principal.organisation_id,
            col(User.role) == Role.supporter,
            col(User.is_active),
        )
    )
    if cursor:
        load, name, user_id = decode_key(cursor, 3, types=(int, str, uuid.UUID))
        # one row comparison: fewer families first is "after", so the caseload is compared negated
        statement = statement.where(
            tuple_(-caseload, col(User.full_name), col(User.id)) > tuple_(-load, name, user_id)
        )
    ordered = statement.order_by(caseload.desc(), col(User.full_name), col(User.id)).limit(limit + 1)
    rows = list(session.execute(ordered).all())
    if len(rows) <= limit:
        return rows, None
    last = rows[limit - 1]
    return rows[:limit], encode_key(last[2], last[1], last[0])


def _attention_per_supporter(
    session: Session, principal: Principal, families: Any, today: date
) -> tuple[Any, dict[str, Any]]:
    """Per supporter of `families`: families with debt, goals without a recent score, overdue actions,
    questionnaires due and open alerts — the attention statement's counts (the evaluation debt's definition)
    summed in the database."""
    statement, parameters = attention_statement(
        session, principal, scope=families.with_only_columns(col(Family.id)), today=today
    )
    counts = statement.subquery("attention")
    paperwork = counts.c.goals + counts.c.actions + counts.c.questionnaires
    per_supporter = (
        sa_select(
            col(Family.supporter_id),
            func.count().filter(paperwork > 0),
            func.sum(counts.c.goals),
            func.sum(counts.c.actions),
            func.sum(counts.c.questionnaires),
            func.sum(counts.c.alerts),
        )
        .join(counts, counts.c.family_id == Family.id)
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
