"""Plain functions that make plan data for tests."""

from datetime import UTC, date, datetime

from sqlmodel import Session

from api.auth.principal import Principal
from api.models import (
    ActionStatus,
    Family,
    GasScore,
    Goal,
    GoalStatus,
    OwnerType,
    Plan,
    PlanAction,
    PlanVersion,
    User,
)
from api.models.base import localtoday
from api.models.plans import life_domain_id
from api.plans import repository
from api.plans.schemas import AdoptionCreate
from api.plans.versions import adopt_plan

LADDER = {
    "minus_2": "Daan gaat helemaal niet naar school.",
    "minus_1": "Daan gaat een paar ochtenden.",
    "zero": "Daan gaat elke ochtend.",
    "plus_1": "Daan gaat vier hele dagen.",
    "plus_2": "Daan gaat de hele week, met plezier.",
}


def principal_of(user: User) -> Principal:
    return Principal(actor_type="user", id=user.id, role=user.role, organisation_id=user.organisation_id)


def plan_of(session: Session, family: Family) -> Plan:
    plan, _ = repository.ensure_plan(session, family)
    return plan


def make_goal(
    session: Session,
    family: Family,
    *,
    text: str = "We willen dat Daan weer naar school gaat.",
    domain: str = "education",
    status: GoalStatus = GoalStatus.active,
    weight: float = 1.0,
    baseline_level: int | None = -1,
    activated_on: date | None = None,
    priority: int = 3,
) -> Goal:
    goal = Goal(
        plan_id=plan_of(session, family).id,
        family_id=family.id,
        text=text,
        life_domain_id=life_domain_id(domain),
        status=status,
        weight=weight,
        baseline_level=baseline_level,
        priority=priority,
        activated_on=activated_on or (localtoday() if status == GoalStatus.active else None),
        level_minus_2=LADDER["minus_2"],
        level_minus_1=LADDER["minus_1"],
        level_0=LADDER["zero"],
        level_plus_1=LADDER["plus_1"],
        level_plus_2=LADDER["plus_2"],
    )
    session.add(goal)
    session.flush()
    return goal


def make_score(
    session: Session, goal: Goal, level: int, scored_on: date, created_at: datetime | None = None
) -> GasScore:
    score = GasScore(
        goal_id=goal.id,
        family_id=goal.family_id,
        scored_on=scored_on,
        level=level,
        created_at=created_at or datetime.now(UTC),
    )
    session.add(score)
    session.flush()
    return score


def make_action(
    session: Session,
    goal: Goal,
    *,
    description: str = "Oma Riet haalt Daan op.",
    due_on: date | None = None,
    status: ActionStatus = ActionStatus.open,
    agreed: bool = False,
) -> PlanAction:
    action = PlanAction(
        plan_id=goal.plan_id,
        family_id=goal.family_id,
        goal_id=goal.id,
        description=description,
        owner_type=OwnerType.person,
        owner_name="Oma Riet",
        due_on=due_on,
        status=status,
        agreed_at_table=agreed,
    )
    session.add(action)
    session.flush()
    return action


def make_version(session: Session, family: Family, user: User) -> PlanVersion:
    """Adopt the family's draft (it needs a goal) as `user`."""
    detail = adopt_plan(
        session, principal_of(user), family_id=family.id, data=AdoptionCreate(), if_match=None
    )
    version = repository.get_version(session, plan_of(session, family).id, detail.number)
    assert version is not None
    return version
