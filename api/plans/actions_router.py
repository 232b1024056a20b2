"""Routes for the plan's actions: the list with due and overdue, changes, removal."""

import uuid

from fastapi import APIRouter, Response

from api.auth.principal import CurrentPrincipal
from api.core.concurrency import Conditional
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


@router.patch("/{action_id}", response_model=ActionPublic, responses=problems(404, 409, 412, 428))
def update_plan_action(
    family_id: uuid.UUID,
    action_id: uuid.UUID,
    data: ActionUpdate,
    change: Conditional,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ActionPublic:
    """Change an action (send `If-Match`); changing what, who or when needs the table's agreement again."""
    return change(
        actions.update_action(
            session, principal, family_id=family_id, action_id=action_id, data=data, if_match=change.if_match
        )
    )


@router.delete("/{action_id}", status_code=204, responses=problems(404, 409))
def delete_plan_action(
    family_id: uuid.UUID, action_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Remove an action the table never agreed to (an agreed action is cancelled instead)."""
    actions.delete_action(session, principal, family_id=family_id, action_id=action_id)
    return Response(status_code=204)
