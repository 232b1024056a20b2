"""Routes for a planned meeting's parts: participants and attendance, agenda items, decisions."""

import uuid

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from api.auth.item_routes import add_item_routes
from api.auth.principal import CurrentPrincipal, IdempotentCreate
from api.core.db import SessionDep
from api.core.openapi import problems
from api.meetings import agenda, decisions, participants
from api.meetings.decision_schemas import DecisionCreate, DecisionPublic
from api.meetings.schemas import (
    AgendaItemCreate,
    AgendaItemPublic,
    AgendaItemUpdate,
    AttendanceUpdate,
    ParticipantCreate,
    ParticipantPublic,
    ParticipantUpdate,
)

router = APIRouter(prefix="/meetings/{meeting_id}", tags=["meetings"])


@router.post("/participants", response_model=ParticipantPublic, status_code=201, responses=problems(404, 409))
def add_meeting_participant(
    meeting_id: uuid.UUID, data: ParticipantCreate, create: IdempotentCreate
) -> JSONResponse:
    """Add a family member, network contact, colleague or guest (invited unless said otherwise)."""
    return create.run(participants.add_participant, data, meeting_id=meeting_id)


add_item_routes(
    router,
    "/participants/{participant_id}",
    change=participants.update_participant,
    remove=participants.remove_participant,
    body=ParticipantUpdate,
    answer=ParticipantPublic,
    names=("update_meeting_participant", "remove_meeting_participant"),
    descriptions=(
        "Change an invitation status, attendance, or a guest's details.",
        "Take someone off the list.",
    ),
)


@router.put("/attendance", response_model=list[ParticipantPublic], responses=problems(404, 409))
def record_meeting_attendance(
    meeting_id: uuid.UUID, data: AttendanceUpdate, session: SessionDep, principal: CurrentPrincipal
) -> list[ParticipantPublic]:
    """Record who came (present, absent, excused) for many participants at once."""
    return participants.record_attendance(session, principal, meeting_id=meeting_id, data=data)


@router.post("/agenda-items", response_model=AgendaItemPublic, status_code=201, responses=problems(404, 409))
def add_agenda_item(meeting_id: uuid.UUID, data: AgendaItemCreate, create: IdempotentCreate) -> JSONResponse:
    """Add an item to the end of the agenda."""
    return create.run(agenda.add_item, data, meeting_id=meeting_id)


@router.post("/agenda-items/from-plan", response_model=list[AgendaItemPublic], responses=problems(404, 409))
def add_agenda_items_from_plan(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[AgendaItemPublic]:
    """Add the goals and actions the plan now puts up for discussion; answers the whole agenda."""
    return agenda.add_from_plan(session, principal, meeting_id=meeting_id)


add_item_routes(
    router,
    "/agenda-items/{item_id}",
    change=agenda.update_item,
    remove=agenda.remove_item,
    body=AgendaItemUpdate,
    answer=AgendaItemPublic,
    names=("update_agenda_item", "remove_agenda_item"),
    descriptions=(
        "Rename, note what was said, or move an agenda item (`position` starts at 1).",
        "Take an item off the agenda.",
    ),
)


@router.post("/decisions", response_model=DecisionPublic, status_code=201, responses=problems(404, 409))
def add_meeting_decision(
    meeting_id: uuid.UUID, data: DecisionCreate, create: IdempotentCreate
) -> JSONResponse:
    """Write down a decision (typed by `kind`); the plan changes only when the meeting closes."""
    return create.run(decisions.add_decision, data, meeting_id=meeting_id)


add_item_routes(
    router,
    "/decisions/{decision_id}",
    change=decisions.replace_decision,
    remove=decisions.remove_decision,
    body=DecisionCreate,
    answer=DecisionPublic,
    method="PUT",
    names=("replace_meeting_decision", "remove_meeting_decision"),
    descriptions=(
        "Rewrite a decision while the meeting is open.",
        "Strike a decision while the meeting is open.",
    ),
)
