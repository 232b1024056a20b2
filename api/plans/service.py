"""The living plan: the draft a family and its supporter write together, and the family's T-score."""

import uuid
from collections.abc import Sequence
from datetime import date

from sqlmodel import Session

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict, Unprocessable
from api.families.repository import get_readable_family
from api.measurements.scoring import gas_t_score
from api.models import Family, FamilyStatus, Goal, GoalStatus, Plan
from api.models.base import localtoday
from api.plans import repository as repo
from api.plans.presenters import Levels, goal_detail, version_summary
from api.plans.schemas import PlanDetail

ARCHIVED = "Dit gezin is gearchiveerd / this family is archived."
# Goals whose scores make up the family's T-score: proposed goals have none, discontinued ones stop counting.
COUNTED = (GoalStatus.active, GoalStatus.achieved)


def field_error(field: str, message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "value_error"}])


def writable_family(session: Session, principal: Principal, *, family_id: uuid.UUID, action: str) -> Family:
    """A family the caller may change: readable, and not archived."""
    family = get_readable_family(session, principal, family_id, action=action)
    if family.archived_at is not None:
        raise Conflict(ARCHIVED, code="family_archived")
    if family.status == FamilyStatus.closed:
        raise Conflict(
            "Dit gezin is afgesloten; heropen het eerst / this family is closed; reopen it first.",
            code="family_closed",
        )
    return family


def family_t_score(goals: Sequence[Goal], levels: Levels) -> float | None:
    """The T-score of the counted goals' levels; goals without a score are left out."""
    pairs = [(levels[g.id][0] if g.id in levels else None, g.weight) for g in goals if g.status in COUNTED]
    return gas_t_score(pairs)


def plan_detail(session: Session, plan: Plan, *, today: date) -> PlanDetail:
    """The whole draft in five queries, whatever its size."""
    goals = repo.goals_of_plan(session, plan.id)
    actions = repo.actions_of_family(session, plan.family_id)
    levels = repo.latest_levels(session, plan.family_id, today)
    latest = repo.latest_version(session, plan.id)
    return PlanDetail(
        **plan.model_dump(include={"id", "family_id", "version", "created_at", "updated_at"}),
        has_unadopted_changes=latest is None or latest.draft_revision != plan.version,
        latest_version=version_summary(latest) if latest else None,
        gas_t_score=family_t_score(goals, levels),
        goals=[goal_detail(g, levels, actions, today) for g in goals],
    )


def read_plan(session: Session, principal: Principal, *, family_id: uuid.UUID) -> PlanDetail:
    """The family's living plan (made on first access)."""
    family = get_readable_family(session, principal, family_id)
    plan, _ = repo.ensure_plan(session, family)
    audit.record(
        session, principal, action="read", object_type="plan", object_id=plan.id, family_id=family.id
    )
    return plan_detail(session, plan, today=localtoday())


def create_plan(session: Session, principal: Principal, *, family_id: uuid.UUID) -> tuple[PlanDetail, bool]:
    """Make the family's plan if it has none; (plan, created). Idempotent."""
    family = get_readable_family(session, principal, family_id, action="create")
    plan = repo.find_plan(session, family.id)
    created = plan is None
    if plan is None:
        if family.archived_at is not None:
            raise Conflict(ARCHIVED, code="family_archived")
        plan, created = repo.ensure_plan(session, family)
    audit.record(
        session,
        principal,
        action="create" if created else "read",
        object_type="plan",
        object_id=plan.id,
        family_id=family.id,
    )
    return plan_detail(session, plan, today=localtoday()), created
