"""Routes for a family's cost events (scoped to the family; audited)."""

import uuid

from fastapi import APIRouter, Response

from api.auth.principal import CurrentPrincipal
from api.business_case import cost_events
from api.business_case.schemas import CostEventCreate, CostEventPublic
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page

router = APIRouter(prefix="/families/{family_id}/cost-events", tags=["business case"])


@router.get("", response_model=Page[CostEventPublic], responses=problems(404))
def list_cost_events(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 100,
    cursor: CursorQuery = None,
) -> Page[CostEventPublic]:
    """The family's cost events (before and during support), newest recorded first."""
    return cost_events.list_cost_events(session, principal, family_id=family_id, limit=limit, cursor=cursor)


@router.post("", response_model=CostEventPublic, status_code=201, responses=problems(404))
def record_cost_event(
    family_id: uuid.UUID, data: CostEventCreate, session: SessionDep, principal: CurrentPrincipal
) -> CostEventPublic:
    """Record a cost event: a factor of the model, a date or period, a volume and a note."""
    return cost_events.record_cost_event(session, principal, family_id=family_id, data=data)


@router.delete("/{cost_event_id}", status_code=204, responses=problems(404))
def delete_cost_event(
    family_id: uuid.UUID, cost_event_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Remove a cost event recorded in error."""
    cost_events.delete_cost_event(session, principal, family_id=family_id, event_id=cost_event_id)
    return Response(status_code=204)
