"""Routes for a family's meetings: list, plan a new one, and the family's timeline."""

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.auth.principal import CurrentPrincipal, IdempotentCreate
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.meetings import service, timeline
from api.meetings.schemas import MeetingCreate, MeetingDetail, MeetingPublic

router = APIRouter(prefix="/families/{family_id}", tags=["meetings"])


@router.get("/meetings", response_model=Page[MeetingPublic], responses=problems(404))
def list_family_meetings(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[MeetingPublic]:
    """The family's meetings, latest start first, each with its flag count."""
    return service.list_family_meetings(session, principal, family_id=family_id, limit=limit, cursor=cursor)


@router.post("/meetings", response_model=MeetingDetail, status_code=201, responses=problems(404, 409))
def create_meeting(family_id: uuid.UUID, data: MeetingCreate, create: IdempotentCreate) -> JSONResponse:
    """Plan a roundtable meeting; the agenda starts from the goals and actions of the plan."""
    return create.run(service.create_meeting, data, family_id=family_id, tagged=True)


@router.get("/timeline", response_model=Page[timeline.TimelineEntry], responses=problems(404))
def read_family_timeline(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[timeline.TimelineEntry]:
    """The family's history: enrolment, status changes, meetings, decisions, plan adoptions (newest first)."""
    return timeline.timeline(session, principal, family_id=family_id, limit=limit, cursor=cursor)
