"""Routes for the plan's actions: the list with due and overdue, changes, removal."""

import uuid

from fastapi import APIRouter

from api.auth.item_routes import add_item_routes
from api.auth.principal import CurrentPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.models import ActionStatus
from api.plans import actions
from api.plans.schemas import ActionPublic, ActionUpdate

router = APIRouter(prefix="/families/{family_id}/plan/actions", tags=["plans"])


@router.get("", response_model=list[ActionPublic], responses=problems(404))
def list_plan_actions(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    goal_id: uuid.UUID | None = None,
    status: ActionStatus | None = None,
    overdue: bool = False,
    agreed: bool | None = None,
) -> list[ActionPublic]:
    """The family's actions, soonest due first; filter by goal, status, overdue or agreed at the table."""
    return actions.list_actions(
        session,
        principal,
        family_id=family_id,
        goal_id=goal_id,
        status=status,
        overdue=overdue,
        agreed=agreed,
    )


add_item_routes(
    router,
    "/{action_id}",
    change=actions.update_action,
    remove=actions.delete_action,
    body=ActionUpdate,
    answer=ActionPublic,
    conditional=True,
    names=("update_plan_action", "delete_plan_action"),
    descriptions=(
        "Change an action (send `If-Match`); changing what, who or when needs the table's agreement again.",
        "Remove an action the table never agreed to (an agreed action is cancelled instead).",
    ),
)
