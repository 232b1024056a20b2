"""Goals: in the family's own words, with a GAS ladder; proposed, active, achieved or discontinued."""

import uuid
from datetime import date

from sqlalchemy import delete
from sqlmodel import Session, col, func, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.core.errors import Conflict, NotFound, Unprocessable
from api.families.repository import get_readable_family
from api.models import (
    FamilyMember,
    GasScore,
    Goal,
    GoalMember,
    GoalStatus,
    LifeDomain,
    Plan,
    PlanAction,
)
from api.models.base import localtoday, utcnow
from api.plans import repository as repo
from api.plans.presenters import goal_detail, set_ladder
from api.plans.schemas import GoalCreate, GoalDetail, GoalUpdate
from api.plans.service import field_error, writable_family

GOAL_NOT_FOUND = "Dit doel bestaat niet (meer) / goal not found."
TRANSITIONS: dict[GoalStatus, set[GoalStatus]] = {
    GoalStatus.proposed: {GoalStatus.active, GoalStatus.discontinued},
    GoalStatus.active: {GoalStatus.achieved, GoalStatus.discontinued},
    GoalStatus.achieved: {GoalStatus.active},
    GoalStatus.discontinued: {GoalStatus.active},
}


def _check_domain(session: Session, domain_id: uuid.UUID | None) -> None:
    if domain_id is not None and session.get(LifeDomain, domain_id) is None:
        raise field_error("life_domain_id", "Onbekend levensgebied / unknown life domain.")


def _check_members(session: Session, family_id: uuid.UUID, member_ids: list[uuid.UUID] | None) -> None:
    if not member_ids:
        return
    found = session.exec(
        select(func.count())
        .select_from(FamilyMember)
        .where(
            col(FamilyMember.id).in_(set(member_ids)),
            FamilyMember.family_id == family_id,
            col(FamilyMember.archived_at).is_(None),
        )
    ).one()
    if found != len(set(member_ids)):
        raise field_error("member_ids", "Niet iedereen hoort bij dit gezin / not everyone is in this family.")


def _move_status(goal: Goal, target: GoalStatus, today: date) -> None:
    if target == goal.status:
        return
    if target not in TRANSITIONS[goal.status]:
        allowed = ", ".join(sorted(s.value for s in TRANSITIONS[goal.status]))
        raise Conflict(
            f"Een doel kan niet van {goal.status.value} naar {target.value}; toegestaan: {allowed} / "
            f"a goal cannot move from {goal.status.value} to {target.value}; allowed: {allowed}.",
            code="goal_status_transition",
        )
    goal.status = target
    if target == GoalStatus.active:
        goal.activated_on = today  # the evaluation clock starts again


def _require_ladder_when_active(goal: Goal) -> None:
    """An active goal has its whole ladder: it is written first, and the goal is a proposal until then."""
    ladder = (goal.level_minus_2, goal.level_minus_1, goal.level_0, goal.level_plus_1, goal.level_plus_2)
    if goal.status == GoalStatus.active and any(level is None for level in ladder):
        message = (
            "Beschrijf alle vijf GAS-niveaus voordat het doel actief wordt / "
            "describe all five GAS levels before the goal becomes active."
        )
        raise Unprocessable(
            message,
            code="goal_ladder_incomplete",
            errors=[{"field": "ladder", "message": message, "type": "value_error"}],
        )


def _set_members(goal: Goal, member_ids: list[uuid.UUID]) -> None:
    # Keep the link rows of members who stay, so the unit of work never deletes and re-inserts one key.
    kept = {link.member_id: link for link in goal.member_links}
    goal.member_links = [
        kept.get(m) or GoalMember(goal_id=goal.id, member_id=m) for m in dict.fromkeys(member_ids)
    ]


def _goal_detail(session: Session, goal: Goal) -> GoalDetail:
    today = localtoday()
    actions = repo.actions_of_family(session, goal.family_id, goal_id=goal.id)
    return goal_detail(goal, repo.latest_levels(session, goal.family_id, today), actions, today)


def load_goal(session: Session, family_id: uuid.UUID, *, goal_id: uuid.UUID) -> Goal:
    goal = repo.get_goal(session, family_id, goal_id)
    if goal is None:
        raise NotFound(GOAL_NOT_FOUND, code="goal_not_found")
    return goal


def create_goal(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: GoalCreate
) -> GoalDetail:
    """Add a goal to the draft, in the family's own words."""
    family = writable_family(session, principal, family_id=family_id, action="create")
    plan, _ = repo.ensure_plan(session, family)
    repo.touch_plan(session, plan)
    _check_domain(session, data.life_domain_id)
    _check_members(session, family.id, data.member_ids)
    if data.status not in (GoalStatus.proposed, GoalStatus.active):
        raise field_error(
            "status", "Een nieuw doel is voorgesteld of actief / a new goal is proposed or active."
        )
    goal = Goal(
        **data.model_dump(exclude={"member_ids", "ladder"}),
        plan_id=plan.id,
        family_id=family.id,
        created_by_id=principal.id,
        activated_on=localtoday() if data.status == GoalStatus.active else None,
    )
    set_ladder(goal, data.ladder)
    _require_ladder_when_active(goal)
    goal.member_links = []
    _set_members(goal, data.member_ids)
    session.add(goal)
    session.flush()
    audit.record(
        session, principal, action="create", object_type="goal", object_id=goal.id, family_id=family.id
    )
    return _goal_detail(session, load_goal(session, family.id, goal_id=goal.id))


def read_goal(
    session: Session, principal: Principal, *, family_id: uuid.UUID, goal_id: uuid.UUID
) -> GoalDetail:
    """One goal with its actions and latest score."""
    family = get_readable_family(session, principal, family_id)
    goal = load_goal(session, family.id, goal_id=goal_id)
    audit.record(
        session, principal, action="read", object_type="goal", object_id=goal.id, family_id=family.id
    )
    return _goal_detail(session, goal)


def update_goal(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    goal_id: uuid.UUID,
    data: GoalUpdate,
    if_match: str | None,
) -> GoalDetail:
    """Change a goal in the draft, only from the version the caller read."""
    family = writable_family(session, principal, family_id=family_id, action="update")
    goal = load_goal(session, family.id, goal_id=goal_id)
    claim_version(session, goal, if_match)
    plan = session.get(Plan, goal.plan_id)
    assert plan is not None
    repo.touch_plan(session, plan)
    changes = data.model_dump(exclude_unset=True, exclude={"member_ids", "ladder", "status"})
    for name in ("text", "life_domain_id", "priority", "weight"):
        if name in changes and changes[name] is None:
            raise field_error(name, "Dit veld mag niet leeg zijn / this field cannot be empty.")
    _check_domain(session, data.life_domain_id)
    for name, value in changes.items():
        setattr(goal, name, value)
    if "ladder" in data.model_fields_set:
        set_ladder(goal, data.ladder)
    if data.member_ids is not None:
        _check_members(session, family.id, data.member_ids)
        _set_members(goal, data.member_ids)
    if data.status is not None:
        _move_status(goal, data.status, localtoday())
    _require_ladder_when_active(goal)
    goal.updated_at = utcnow()
    session.flush()
    audit.record(
        session, principal, action="update", object_type="goal", object_id=goal.id, family_id=family.id
    )
    session.expire(goal, ["life_domain"])
    return _goal_detail(session, load_goal(session, family.id, goal_id=goal.id))


def delete_goal(session: Session, principal: Principal, *, family_id: uuid.UUID, goal_id: uuid.UUID) -> None:
    """Remove a goal that was never scored, with its actions (adopted versions keep it)."""
    family = writable_family(session, principal, family_id=family_id, action="delete")
    goal = load_goal(session, family.id, goal_id=goal_id)
    scored = session.exec(select(GasScore.id).where(GasScore.goal_id == goal.id).limit(1)).first()
    if scored is not None:
        raise Conflict(
            "Dit doel heeft al scores; zet het op 'gestopt' in plaats van het te verwijderen / "
            "this goal has scores; discontinue it instead of deleting it.",
            code="goal_has_scores",
        )
    plan = session.get(Plan, goal.plan_id)
    assert plan is not None
    repo.touch_plan(session, plan)
    session.execute(delete(PlanAction).where(col(PlanAction.goal_id) == goal.id))
    session.delete(goal)
    session.flush()
    audit.record(
        session, principal, action="delete", object_type="goal", object_id=goal.id, family_id=family.id
    )
