"""Evaluation debt: active goals nobody scored for too long, open actions past their due date, and
questionnaires of the measurement waves that are due or overdue.

Paged, so it answers at any size: the list covers one page of the caller's families (the family list's
order, `limit` families), the summary one page of supporters; each page costs a fixed number of queries whose
work grows with the page, never with the organisation. Closed families have no goal or action debt; their end
and follow-up waves still count. A goal's clock runs from its latest score, or from the day it became active.

Other services build on `evaluation_debt(session, principal, supporter_id=…, family_id=…, limit=…, cursor=…)`
and `debt_summary(session, principal, limit=…, cursor=…)`; the families and supporters of a page come from
`debt_families` and `debt_supporters`.
"""

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, tuple_
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, or_, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.core.pagination import decode_key, encode_key, keyset_page, keyset_statement
from api.families.repository import readable_families
from api.measurements.service import measurement_debt, measurement_debt_counts
from api.models import ActionStatus, Family, FamilyStatus, GasScore, Goal, GoalStatus, PlanAction, Role, User
from api.models.base import localtoday
from api.plans.debt_schemas import DebtCount, DebtItem, EvaluationDebt, EvaluationDebtSummary


def open_families(scope: Any) -> Any:
    """The families of `scope` (a select of family ids) that still collect goal and action debt."""
    return select(Family.id).where(col(Family.id).in_(scope), Family.status != FamilyStatus.closed)


def goals_in_debt(scope: Any, cutoff: date | ColumnElement[date]) -> Any:
    """Active goals last scored (or activated) before `cutoff` (a day, or a named parameter):
    (goal_id, family_id, text, since)."""
    # the latest score per goal is one probe of ix_gas_score_goal_scored, for the page's goals only
    last = (
        sa_select(func.max(GasScore.scored_on))
        .where(col(GasScore.goal_id) == col(Goal.id))
        .correlate(Goal)
        .scalar_subquery()
    )
    since = func.coalesce(last, Goal.activated_on)
    return (
        sa_select(col(Goal.id).label("goal_id"), col(Goal.family_id), col(Goal.text), since.label("since"))
        .where(col(Goal.status) == GoalStatus.active, col(Goal.family_id).in_(scope), since < cutoff)
        .subquery()
    )


def overdue_actions(scope: Any, today: date | ColumnElement[date]) -> Any:
    """Open actions past their due date: (action_id, goal_id, family_id, description, due_on)."""
    return (
        sa_select(
            col(PlanAction.id).label("action_id"),
            col(PlanAction.goal_id),
            col(PlanAction.family_id),
            col(PlanAction.description),
            col(PlanAction.due_on),
        )
        .where(
            col(PlanAction.status) == ActionStatus.open,
            col(PlanAction.due_on) < today,
            col(PlanAction.family_id).in_(scope),
        )
        .subquery()
    )


def _count(supporter_id: uuid.UUID | None, name: str | None = None) -> DebtCount:
    return DebtCount(
        supporter_id=supporter_id,
        supporter_name=name,
        families=0,
        goals_without_score=0,
        overdue_actions=0,
        measurements_due=0,
    )


def debt_families(
    session: Session,
    principal: Principal,
    *,
    supporter_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> tuple[list[Family], str | None, Any]:
    """One page of the caller's families in the family list's order (newest first), the next cursor, and
    the page as a subquery of family ids (the scope of the set-based reads: no parameter per family)."""
    families = readable_families(principal)
    if supporter_id is not None:
        families = families.where(Family.supporter_id == supporter_id)
    if family_id is not None:
        families = families.where(Family.id == family_id)
    keys: dict[str, Any] = dict(moment=Family.created_at, row_id=Family.id, limit=limit, cursor=cursor)
    rows, next_cursor = keyset_page(session, families, **keys)
    scope = keyset_statement(families.with_only_columns(col(Family.id)), **keys)
    return list(rows), next_cursor, scope


def evaluation_debt(
    session: Session,
    principal: Principal,
    *,
    supporter_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    today: date | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> EvaluationDebt:
    """The debt of one page of the caller's families, longest overdue first (a fixed number of queries)."""
    today = today or localtoday()
    threshold = get_settings().evaluation_debt_days
    families, next_cursor, page = debt_families(
        session, principal, supporter_id=supporter_id, family_id=family_id, limit=limit, cursor=cursor
    )
    items: list[DebtItem] = []
    measurements = []
    if families:
        scope = open_families(page)
        by_id = {f.id: f for f in families}
        goals = goals_in_debt(scope, today - timedelta(days=threshold))
        actions = overdue_actions(scope, today)
        items = [
            _goal_item(row, by_id[row.family_id], today)
            for row in session.execute(sa_select(goals))
            if row.family_id in by_id
        ] + [
            _action_item(row, by_id[row.family_id], today)
            for row in session.execute(sa_select(actions))
            if row.family_id in by_id
        ]
        items.sort(key=lambda i: (-i.days, i.family_reference, str(i.goal_id)))
        measurements = measurement_debt(session, principal, scope=page, families=by_id, today=today)
    # one audit statement for every family this answer shows
    audit.record_many(
        session,
        principal,
        action="read",
        object_type="evaluation_debt",
        family_ids=list(dict.fromkeys([*(i.family_id for i in items), *(m.family_id for m in measurements)])),
    )
    return EvaluationDebt(
        on=today, threshold_days=threshold, items=items, measurements=measurements, next_cursor=next_cursor
    )


def _goal_item(row: Any, family: Family, today: date) -> DebtItem:
    return DebtItem(
        kind="goal_without_score",
        family_id=row.family_id,
        family_reference=family.reference,
        family_name=family.display_name,
        supporter_id=family.supporter_id,
        goal_id=row.goal_id,
        action_id=None,
        text=row.text,
        since=row.since,
        days=(today - row.since).days,
    )


def _action_item(row: Any, family: Family, today: date) -> DebtItem:
    return DebtItem(
        kind="overdue_action",
        family_id=row.family_id,
        family_reference=family.reference,
        family_name=family.display_name,
        supporter_id=family.supporter_id,
        goal_id=row.goal_id,
        action_id=row.action_id,
        text=row.description,
        since=row.due_on,
        days=(today - row.due_on).days,
    )


def debt_supporters(
    session: Session, principal: Principal, *, limit: int = 10, cursor: str | None = None
) -> tuple[list[User], str | None]:
    """One page of the organisation's active supporters by name, and the next cursor."""
    statement = select(User).where(
        User.organisation_id == principal.organisation_id, User.role == Role.supporter, col(User.is_active)
    )
    if cursor:
        name, user_id = decode_key(cursor, 2, types=(str, uuid.UUID))
        statement = statement.where(tuple_(col(User.full_name), col(User.id)) > tuple_(name, user_id))
    rows = list(session.exec(statement.order_by(col(User.full_name), col(User.id)).limit(limit + 1)).all())
    if len(rows) <= limit:
        return rows, None
    return rows[:limit], encode_key(rows[limit - 1].full_name, rows[limit - 1].id)


def debt_summary(
    session: Session,
    principal: Principal,
    *,
    today: date | None = None,
    limit: int = 10,
    cursor: str | None = None,
) -> EvaluationDebtSummary:
    """Per supporter on this page: families with debt, goals without a recent score, overdue actions, due
    measurements. The last page adds a row for families without a supporter when they have debt."""
    today = today or localtoday()
    threshold = get_settings().evaluation_debt_days
    supporters, next_cursor = debt_supporters(session, principal, limit=limit, cursor=cursor)
    rows: dict[uuid.UUID | None, DebtCount] = {u.id: _count(u.id, u.full_name) for u in supporters}
    owner = col(Family.supporter_id)
    ids = [u.id for u in supporters]
    # the last page also counts the families without a supporter
    mine = owner.in_(ids) if next_cursor else or_(owner.in_(ids), owner.is_(None))
    page = readable_families(principal).where(mine)
    scope = page.with_only_columns(col(Family.id))
    owners: dict[uuid.UUID, uuid.UUID | None] = {
        family: supporter
        for family, supporter in session.execute(page.with_only_columns(col(Family.id), owner))
    }
    with_debt: dict[uuid.UUID | None, set[uuid.UUID]] = {}
    goals = goals_in_debt(open_families(scope), today - timedelta(days=threshold))
    actions = overdue_actions(open_families(scope), today)
    counts = [
        (sa_select(debt.c.family_id, func.count()).group_by(debt.c.family_id), field)
        for debt, field in ((goals, "goals_without_score"), (actions, "overdue_actions"))
    ] + [(measurement_debt_counts(session, principal, scope=scope, today=today), "measurements_due")]
    for per_family, field in counts:
        for family, count in session.execute(per_family).all():
            if family not in owners:
                continue
            supporter = owners[family]
            row = rows[supporter] if supporter in rows else rows.setdefault(supporter, _count(supporter))
            setattr(row, field, getattr(row, field) + count)
            with_debt.setdefault(supporter, set()).add(family)
    for supporter, family_ids in with_debt.items():
        rows[supporter].families = len(family_ids)
    audit.record(session, principal, action="read", object_type="evaluation_debt")
    return EvaluationDebtSummary(
        on=today, threshold_days=threshold, supporters=list(rows.values()), next_cursor=next_cursor
    )
