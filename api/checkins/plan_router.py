"""Public routes: the family plan on the phone of a family member or a network contact (session of a link)."""

import uuid

from fastapi import APIRouter, Request, Response
from fastapi.responses import JSONResponse

from api.auth.principal import client_address
from api.checkins import plan_service as service
from api.checkins.plan_schemas import (
    ActionStatusUpdate,
    PhoneAction,
    PhonePlan,
    PhoneProposal,
    ProposalCreate,
)
from api.checkins.public_router import SessionToken, _problems
from api.core.db import SessionDep

router = APIRouter(prefix="/checkin", tags=["checkin (public)"])


@router.get("/plan", response_model=PhonePlan, responses=_problems(401, 404, 423, 429))
def read_my_plan(request: Request, session: SessionDep, token: SessionToken) -> JSONResponse:
    """The family's plan: goals in their own words and where they stand, who does what, the meetings.

    A network contact gets their own actions and meetings, and more only with the family's consent."""
    plan = service.read_plan(session, token=token, address=client_address(request))
    return JSONResponse(plan.model_dump(mode="json"), headers={"Cache-Control": "no-store"})


@router.put(
    "/plan/actions/{action_id}/status", response_model=PhoneAction, responses=_problems(401, 404, 423, 429)
)
def mark_my_action(
    action_id: uuid.UUID, data: ActionStatusUpdate, request: Request, session: SessionDep, token: SessionToken
) -> PhoneAction:
    """Mark one of your own actions done (or open again)."""
    return service.set_action_status(
        session, token=token, address=client_address(request), action_id=action_id, status=data.status
    )


@router.post(
    "/plan/proposals", response_model=PhoneProposal, status_code=201, responses=_problems(401, 404, 423, 429)
)
def propose_to_the_table(
    data: ProposalCreate, request: Request, session: SessionDep, token: SessionToken
) -> PhoneProposal:
    """Propose a new goal in your own words, or comment on a goal; your supporter takes it to the table."""
    return service.propose(session, token=token, address=client_address(request), data=data)


@router.get(
    "/plan/meetings/{meeting_id}/invitation",
    responses={200: {"content": {"text/calendar": {}}}, **_problems(401, 404, 423, 429)},
    response_class=Response,
)
def download_my_invitation(
    meeting_id: uuid.UUID, request: Request, session: SessionDep, token: SessionToken
) -> Response:
    """The next meeting as a calendar invitation (.ics)."""
    body, filename = service.invitation(
        session, token=token, address=client_address(request), meeting_id=meeting_id
    )
    return Response(
        body,
        media_type="text/calendar",
        headers={"Content-Disposition": f'attachment; filename="{filename}"', "Cache-Control": "no-store"},
    )
