"""Routes for a planned meeting's parts: participants and attendance, agenda items, decisions."""

import uuid

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

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
    meeting_id: uuid.UUID,
    data: ParticipantCreate,
    create: IdempotentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Add a family member, network contact, colleague or guest (invited unless said otherwise)."""
    return create(
        data, lambda: participants.add_participant(session, principal, meeting_id=meeting_id, data=data)
    )


@router.patch(
    "/participants/{participant_id}", response_model=ParticipantPublic, responses=problems(404, 409)
)
def update_meeting_participant(
    meeting_id: uuid.UUID,
    participant_id: uuid.UUID,
    data: ParticipantUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> ParticipantPublic:
    """Change an invitation status, attendance, or a guest's details."""
    return participants.update_participant(
        session, principal, meeting_id=meeting_id, participant_id=participant_id, data=data
    )


@router.delete("/participants/{participant_id}", status_code=204, responses=problems(404, 409))
def remove_meeting_participant(
    meeting_id: uuid.UUID, participant_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Take someone off the list."""
    participants.remove_participant(session, principal, meeting_id=meeting_id, participant_id=participant_id)
    return Response(status_code=204)


@router.put("/attendance", response_model=list[ParticipantPublic], responses=problems(404, 409))
def record_meeting_attendance(
    meeting_id: uuid.UUID, data: AttendanceUpdate, session: SessionDep, principal: CurrentPrincipal
) -> list[ParticipantPublic]:
    """Record who came (present, absent, excused) for many participants at once."""
    return participants.record_attendance(session, principal, meeting_id=meeting_id, data=data)


@router.post("/agenda-items", response_model=AgendaItemPublic, status_code=201, responses=problems(404, 409))
def add_agenda_item(
    meeting_id: uuid.UUID,
    data: AgendaItemCreate,
    create: IdempotentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Add an item to the end of the agenda."""
    return create(data, lambda: agenda.add_item(session, principal, meeting_id=meeting_id, data=data))


@router.post("/agenda-items/from-plan", response_model=list[AgendaItemPublic], responses=problems(404, 409))
def add_agenda_items_from_plan(
    meeting_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[AgendaItemPublic]:
    """Add the goals and actions the plan now puts up for discussion; answers the whole agenda."""
    return agenda.add_from_plan(session, principal, meeting_id=meeting_id)


@router.patch("/agenda-items/{item_id}", response_model=AgendaItemPublic, responses=problems(404, 409))
def update_agenda_item(
    meeting_id: uuid.UUID,
    item_id: uuid.UUID,
    data: AgendaItemUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> AgendaItemPublic:
    """Rename, note what was said, or move an agenda item (`position` starts at 1)."""
    return agenda.update_item(session, principal, meeting_id=meeting_id, item_id=item_id, data=data)


@router.delete("/agenda-items/{item_id}", status_code=204, responses=problems(404, 409))
def remove_agenda_item(
    meeting_id: uuid.UUID, item_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Take an item off the agenda."""
    agenda.remove_item(session, principal, meeting_id=meeting_id, item_id=item_id)
    return Response(status_code=204)


@router.post("/decisions", response_model=DecisionPublic, status_code=201, responses=problems(404, 409))
def add_meeting_decision(
    meeting_id: uuid.UUID,
    data: DecisionCreate,
    create: IdempotentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Write down a decision (typed by `kind`); the plan changes only when the meeting closes."""
    return create(data, lambda: decisions.add_decision(session, principal, meeting_id=meeting_id, data=data))


@router.put("/decisions/{decision_id}", response_model=DecisionPublic, responses=problems(404, 409))
def replace_meeting_decision(
    meeting_id: uuid.UUID,
    decision_id: uuid.UUID,
    data: DecisionCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> DecisionPublic:
    """Rewrite a decision while the meeting is open."""
    return decisions.replace_decision(
        session, principal, meeting_id=meeting_id, decision_id=decision_id, data=data
    )


@router.delete("/decisions/{decision_id}", status_code=204, responses=problems(404, 409))
def remove_meeting_decision(
    meeting_id: uuid.UUID, decision_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Strike a decision while the meeting is open."""
    decisions.remove_decision(session, principal, meeting_id=meeting_id, decision_id=decision_id)
    return Response(status_code=204)
