"""The plan's queries; the caller has already checked the family with `get_readable_family`."""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlalchemy import func, update
from sqlalchemy import select as sa_select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.models import Family, GasScore, Goal, Plan, PlanAction, PlanVersion
from api.models.base import utcnow


def find_plan(session: Session, family_id: uuid.UUID) -> Plan | None:
    return session.exec(select(Plan).where(Plan.family_id == family_id)).first()


def ensure_plan(session: Session, family: Family) -> tuple[Plan, bool]:
    """The family's plan, made on first use; (plan, created). Two first uses at once make one plan."""
    plan = find_plan(session, family.id)
    if plan is not None:
        return plan, False
    try:
        with session.begin_nested():
            plan = Plan(family_id=family.id)
            session.add(plan)
            session.flush()
    except IntegrityError:
        # Someone else made it a moment ago: use theirs.
        existing = find_plan(session, family.id)
        assert existing is not None
        return existing, False
    return plan, True


def touch_plan(session: Session, plan: Plan) -> None:
    """Record a change to the draft; the row lock also orders concurrent edits against an adoption."""
    now = utcnow()
    session.execute(
        update(Plan).where(col(Plan.id) == plan.id).values(version=Plan.version + 1, updated_at=now)
    )
    session.refresh(plan, attribute_names=["version"])
    plan.updated_at = now


def goals_of_plan(session: Session, plan_id: uuid.UUID) -> Sequence[Goal]:
    """The draft's goals, most important first, with domain and members (two queries)."""
    return session.exec(
        select(Goal)
        .where(Goal.plan_id == plan_id)
        .options(joinedload(Goal.life_domain), selectinload(Goal.member_links))  # type: ignore[arg-type]
        .order_by(col(Goal.priority), col(Goal.created_at), col(Goal.id))
    ).all()


def get_goal(session: Session, family_id: uuid.UUID, goal_id: uuid.UUID) -> Goal | None:
    return session.exec(
        select(Goal)
        .where(Goal.id == goal_id, Goal.family_id == family_id)
        .options(joinedload(Goal.life_domain), selectinload(Goal.member_links))  # type: ignore[arg-type]
    ).first()


def with_owner(statement: SelectOfScalar[PlanAction]) -> SelectOfScalar[PlanAction]:
    """Load an action's owner (member, contact or user) in the same query."""
    return statement.options(
        joinedload(PlanAction.owner_member),  # type: ignore[arg-type]
        joinedload(PlanAction.owner_contact),  # type: ignore[arg-type]
        joinedload(PlanAction.owner_user),  # type: ignore[arg-type]
    )


def actions_of_family(
    session: Session,
    family_id: uuid.UUID,
    *,
    goal_id: uuid.UUID | None = None,
    status: str | None = None,
    overdue_on: date | None = None,
    agreed: bool | None = None,
) -> Sequence[PlanAction]:
    """The family's actions (one query), soonest due first."""
    statement = select(PlanAction).where(PlanAction.family_id == family_id)
    if goal_id is not None:
        statement = statement.where(PlanAction.goal_id == goal_id)
    if status is not None:
        statement = statement.where(PlanAction.status == status)
    if overdue_on is not None:
        statement = statement.where(PlanAction.status == "open", col(PlanAction.due_on) < overdue_on)
    if agreed is not None:
        statement = statement.where(PlanAction.agreed_at_table == agreed)
    order = (col(PlanAction.due_on).is_(None), col(PlanAction.due_on), col(PlanAction.created_at))
    return session.exec(with_owner(statement).order_by(*order)).all()


def get_action(session: Session, family_id: uuid.UUID, action_id: uuid.UUID) -> PlanAction | None:
    statement = select(PlanAction).where(PlanAction.id == action_id, PlanAction.family_id == family_id)
    return session.exec(with_owner(statement)).first()


def latest_levels(
    session: Session, family_id: uuid.UUID, on: date | None = None
) -> dict[uuid.UUID, tuple[int, date]]:
    """Each goal's latest score (on or before `on`): {goal_id: (level, scored_on)}, in one query.

    Two scores on the same day: the one recorded last counts (a correction)."""
    rank = (
        func.row_number()
        .over(
            partition_by=col(GasScore.goal_id),
            order_by=(col(GasScore.scored_on).desc(), col(GasScore.created_at).desc(), col(GasScore.id)),
        )
        .label("rank")
    )
    ranked = sa_select(col(GasScore.goal_id), col(GasScore.level), col(GasScore.scored_on), rank).where(
        col(GasScore.family_id) == family_id
    )
    if on is not None:
        ranked = ranked.where(col(GasScore.scored_on) <= on)
    inner = ranked.subquery()
    rows = session.execute(
        sa_select(inner.c.goal_id, inner.c.level, inner.c.scored_on).where(inner.c.rank == 1)
    ).all()
    return {row.goal_id: (row.level, row.scored_on) for row in rows}


def scores_of_family(session: Session, family_id: uuid.UUID) -> Sequence[GasScore]:
    """Every score of the family, oldest first (one query)."""
    return session.exec(
        select(GasScore)
        .where(GasScore.family_id == family_id)
        .order_by(col(GasScore.scored_on), col(GasScore.created_at), col(GasScore.id))
    ).all()


def scores_of_goal(session: Session, goal_id: uuid.UUID) -> Sequence[GasScore]:
    return session.exec(
        select(GasScore)
        .where(GasScore.goal_id == goal_id)
        .options(joinedload(GasScore.scored_by))  # type: ignore[arg-type]
        .order_by(col(GasScore.scored_on), col(GasScore.created_at), col(GasScore.id))
    ).all()


def latest_version(session: Session, plan_id: uuid.UUID) -> PlanVersion | None:
    return session.exec(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id)
        .options(joinedload(PlanVersion.adopted_by))  # type: ignore[arg-type]
        .order_by(col(PlanVersion.number).desc())
        .limit(1)
    ).first()


def get_version(session: Session, plan_id: uuid.UUID, number: int) -> PlanVersion | None:
    return session.exec(
        select(PlanVersion)
        .where(PlanVersion.plan_id == plan_id, PlanVersion.number == number)
        .options(joinedload(PlanVersion.adopted_by))  # type: ignore[arg-type]
    ).first()


def claim_adoption(session: Session, plan: Plan) -> int:
    """The next version number, taken atomically (0 when someone adopted at the same moment)."""
    current = plan.adopted_count
    claimed = session.execute(
        update(Plan)
        .where(col(Plan.id) == plan.id, col(Plan.adopted_count) == current)
        .values(adopted_count=current + 1)
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        return 0
    plan.adopted_count = current + 1
    return current + 1
