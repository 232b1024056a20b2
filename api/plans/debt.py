"""Evaluation debt: active goals nobody scored for too long, open actions past their due date, and
questionnaires of the measurement waves that are due or overdue.

Computed in the database in a fixed number of queries, over the families the caller may read (closed families
are done and left out). A goal's clock runs from its latest score, or from the day it became active.
"""

import uuid
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Select, func
from sqlalchemy import select as sa_select
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import get_settings
from api.families.repository import readable_families
from api.measurements.service import overdue_measurements
from api.models import ActionStatus, Family, FamilyStatus, GasScore, Goal, GoalStatus, PlanAction, Role, User
from api.plans.schemas import DebtCount, DebtItem, EvaluationDebt, EvaluationDebtSummary


def _scope(principal: Principal, supporter_id: uuid.UUID | None, family_id: uuid.UUID | None) -> Any:
    families = readable_families(principal).where(Family.status != FamilyStatus.closed)
    if supporter_id is not None:
        families = families.where(Family.supporter_id == supporter_id)
    if family_id is not None:
        families = families.where(Family.id == family_id)
    return families.with_only_columns(col(Family.id))


def _goals_in_debt(scope: Any, cutoff: date) -> Any:
    """Active goals last scored (or activated) before `cutoff`: (goal_id, family_id, text, since)."""
    last = (
        sa_select(col(GasScore.goal_id), func.max(GasScore.scored_on).label("last_on"))
        .group_by(col(GasScore.goal_id))
        .subquery()
    )
    since = func.coalesce(last.c.last_on, Goal.activated_on)
    return (
        sa_select(col(Goal.id).label("goal_id"), col(Goal.family_id), col(Goal.text), since.label("since"))
        .outerjoin(last, last.c.goal_id == col(Goal.id))
        .where(col(Goal.status) == GoalStatus.active, col(Goal.family_id).in_(scope), since < cutoff)
        .subquery()
    )


def _overdue_actions(scope: Any, today: date) -> Any:
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


def _with_family(debt: Any, *columns: Any) -> Select[Any]:
    return sa_select(*columns).select_from(debt).join(Family, col(Family.id) == debt.c.family_id)


def _count(supporter_id: uuid.UUID | None, name: str | None = None) -> DebtCount:
    return DebtCount(
        supporter_id=supporter_id,
        supporter_name=name,
        families=0,
        goals_without_score=0,
        overdue_actions=0,
        measurements_due=0,
    )


def evaluation_debt(
    session: Session,
    principal: Principal,
    *,
    supporter_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    today: date | None = None,
) -> EvaluationDebt:
    """Every item of debt in the caller's families, longest overdue first (a fixed number of queries)."""
    today = today or date.today()
    threshold = get_settings().evaluation_debt_days
    scope = _scope(principal, supporter_id, family_id)
    family_columns = (Family.reference, Family.display_name, Family.supporter_id)
    goals = _goals_in_debt(scope, today - timedelta(days=threshold))
    actions = _overdue_actions(scope, today)
    goal_rows = session.execute(_with_family(goals, *goals.c, *family_columns)).all()
    action_rows = session.execute(_with_family(actions, *actions.c, *family_columns)).all()
    items = [
        DebtItem(
            kind="goal_without_score",
            family_id=row.family_id,
            family_reference=row.reference,
            family_name=row.display_name,
            supporter_id=row.supporter_id,
            goal_id=row.goal_id,
            action_id=None,
            text=row.text,
            since=row.since,
            days=(today - row.since).days,
        )
        for row in goal_rows
    ] + [
        DebtItem(
            kind="overdue_action",
            family_id=row.family_id,
            family_reference=row.reference,
            family_name=row.display_name,
            supporter_id=row.supporter_id,
            goal_id=row.goal_id,
            action_id=row.action_id,
            text=row.description,
            since=row.due_on,
            days=(today - row.due_on).days,
        )
        for row in action_rows
    ]
    items.sort(key=lambda i: (-i.days, i.family_reference, str(i.goal_id)))
    audit.record_many(
        session,
        principal,
        action="read",
        object_type="evaluation_debt",
        family_ids=list(dict.fromkeys(i.family_id for i in items)),
    )
    # measurement waves run on past closure (end and follow-up), so they are not limited to open families
    measurements = overdue_measurements(session, principal, supporter_id=supporter_id, family_id=family_id)
    return EvaluationDebt(on=today, threshold_days=threshold, items=items, measurements=measurements)


def debt_summary(
    session: Session, principal: Principal, *, today: date | None = None
) -> EvaluationDebtSummary:
    """Per supporter: families with debt, goals without a recent score, overdue actions, due measurements."""
    today = today or date.today()
    threshold = get_settings().evaluation_debt_days
    scope = _scope(principal, None, None)
    per_family = (Family.supporter_id, Family.id, func.count())
    goals = _goals_in_debt(scope, today - timedelta(days=threshold))
    actions = _overdue_actions(scope, today)
    goal_counts = session.execute(
        _with_family(goals, *per_family).group_by(col(Family.supporter_id), col(Family.id))
    ).all()
    action_counts = session.execute(
        _with_family(actions, *per_family).group_by(col(Family.supporter_id), col(Family.id))
    ).all()
    supporters = session.exec(
        select(User)
        .where(
            User.organisation_id == principal.organisation_id,
            User.role == Role.supporter,
            col(User.is_active),
        )
        .order_by(col(User.full_name))
    ).all()
    rows: dict[uuid.UUID | None, DebtCount] = {u.id: _count(u.id, u.full_name) for u in supporters}
    families: dict[uuid.UUID | None, set[uuid.UUID]] = {}
    for supporter, family, count in goal_counts:
        rows.setdefault(supporter, _count(supporter)).goals_without_score += count
        families.setdefault(supporter, set()).add(family)
    for supporter, family, count in action_counts:
        rows.setdefault(supporter, _count(supporter)).overdue_actions += count
        families.setdefault(supporter, set()).add(family)
    due = overdue_measurements(session, principal)
    owners = dict(
        session.exec(
            select(Family.id, Family.supporter_id).where(col(Family.id).in_({d.family_id for d in due}))
        ).all()
    )
    for item in due:
        supporter = owners.get(item.family_id)
        rows.setdefault(supporter, _count(supporter)).measurements_due += 1
        families.setdefault(supporter, set()).add(item.family_id)
    for supporter, ids in families.items():
        rows[supporter].families = len(ids)
    audit.record(session, principal, action="read", object_type="evaluation_debt")
    return EvaluationDebtSummary(on=today, threshold_days=threshold, supporters=list(rows.values()))
