"""Routes of the working day: the worklist, acknowledging with a note, the team page, reassignment."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Body, Query

from api.auth.principal import CurrentPrincipal, StaffPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery
from api.workday import team as team_service
from api.workday import worklist as worklist_service
from api.workday.schemas import (
    AcknowledgedAlert,
    AlertAcknowledge,
    Reassign,
    SupporterChangePublic,
    Team,
    Worklist,
)

router = APIRouter(tags=["workday"])


@router.get("/worklist", response_model=Worklist, responses=problems(403, 404))
def read_worklist(
    session: SessionDep,
    principal: CurrentPrincipal,
    supporter_id: Annotated[uuid.UUID | None, Query(description="Staff: whose worklist.")] = None,
) -> Worklist:
    """What needs attention on a caseload: alerts, debt, due questionnaires, this week's meetings."""
    return worklist_service.worklist(session, principal, supporter_id=supporter_id)


@router.post(
    "/worklist/alerts/{alert_id}/acknowledge", response_model=AcknowledgedAlert, responses=problems(404)
)
def acknowledge_worklist_alert(
    alert_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    data: Annotated[AlertAcknowledge | None, Body()] = None,
) -> AcknowledgedAlert:
    """Acknowledge an alert, with an optional note of what you did."""
    return worklist_service.acknowledge(
        session, principal, alert_id=alert_id, note=data.note if data else None
    )


@router.get("/team", response_model=Team, responses=problems(403))
def read_team(
    session: SessionDep,
    principal: StaffPrincipal,
    limit: Annotated[int, Query(ge=1, le=50, description="Supporters per page (at most 50).")] = 10,
    cursor: CursorQuery = None,
) -> Team:
    """A page of supporters, heaviest caseload first: caseload against the norm, evaluation debt, open
    alerts, flagged meetings."""
    return team_service.team(session, principal, limit=limit, cursor=cursor)


@router.post(
    "/families/{family_id}/reassign", response_model=SupporterChangePublic, responses=problems(403, 404, 409)
)
def reassign_family(
    family_id: uuid.UUID, data: Reassign, session: SessionDep, principal: CurrentPrincipal
) -> SupporterChangePublic:
    """Move a family to another supporter's caseload (coordinator or admin); shown in its timeline."""
    return team_service.reassign(session, principal, family_id=family_id, data=data)
