"""Routes for goals, their GAS scores and adding actions to them."""

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.auth.item_routes import add_item_routes
from api.auth.principal import CurrentPrincipal, ETagged, IdempotentCreate
from api.core.db import SessionDep
from api.core.openapi import problems
from api.plans import actions, gas, goals
from api.plans.schemas import (
    ActionCreate,
    ActionPublic,
    GoalCreate,
    GoalDetail,
    GoalUpdate,
    ScoreCreate,
    ScorePublic,
)

router = APIRouter(prefix="/families/{family_id}/plan/goals", tags=["plans"])


@router.post("", response_model=GoalDetail, status_code=201, responses=problems(404, 409))
def create_plan_goal(family_id: uuid.UUID, data: GoalCreate, create: IdempotentCreate) -> JSONResponse:
    """Add a goal to the draft, in the family's own words."""
    return create.run(goals.create_goal, data, family_id=family_id, tagged=True)


@router.get("/{goal_id}", response_model=GoalDetail, responses=problems(404))
def read_plan_goal(family_id: uuid.UUID, goal_id: uuid.UUID, tag: ETagged) -> GoalDetail:
    """One goal with its GAS ladder, latest score and actions; the answer carries an ETag."""
    return tag.run(goals.read_goal, family_id=family_id, goal_id=goal_id)


add_item_routes(
    router,
    "/{goal_id}",
    change=goals.update_goal,
    remove=goals.delete_goal,
    body=GoalUpdate,
    answer=GoalDetail,
    conditional=True,
    names=("update_plan_goal", "delete_plan_goal"),
    descriptions=(
        "Change a goal (send `If-Match`); a goal becomes active only with all five GAS levels described.",
        "Remove a goal that was never scored, with its actions (a scored goal is discontinued instead).",
    ),
)


@router.get("/{goal_id}/scores", response_model=list[ScorePublic], responses=problems(404))
def list_goal_scores(
    family_id: uuid.UUID, goal_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[ScorePublic]:
    """The goal's GAS scores, oldest first."""
    return gas.list_scores(session, principal, family_id=family_id, goal_id=goal_id)


@router.post("/{goal_id}/scores", response_model=ScorePublic, status_code=201, responses=problems(404, 409))
def record_goal_score(
    family_id: uuid.UUID, goal_id: uuid.UUID, data: ScoreCreate, create: IdempotentCreate
) -> JSONResponse:
    """Record where the goal stands on a date (-2 .. +2); a second score on one day corrects the first."""
    return create.run(gas.record_score, data, family_id=family_id, goal_id=goal_id)


@router.post("/{goal_id}/actions", response_model=ActionPublic, status_code=201, responses=problems(404, 409))
def create_plan_action(
    family_id: uuid.UUID, goal_id: uuid.UUID, data: ActionCreate, create: IdempotentCreate
) -> JSONResponse:
    """Add an action to the goal: what, who, by when (not yet agreed at the table)."""
    return create.run(actions.create_action, data, family_id=family_id, goal_id=goal_id, tagged=True)
