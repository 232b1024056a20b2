"""Public routes for a family member's phone: no account, a personal link (token) plus a code.

The token never travels in a URL: the page has it in its #fragment and sends
`Authorization: CheckinLink <token>` once, to open a short session; later requests carry
`Authorization: Bearer <session_token>`.
"""

import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader

from api.auth.principal import client_address
from api.checkins import public_service as service
from api.checkins import questionnaires
from api.checkins.schemas import (
    CheckinCreate,
    CheckinProblem,
    CheckinReceipt,
    CheckinTrend,
    MemberQuestionnaire,
    MemberQuestionnaires,
    QuestionnaireDone,
    QuestionnaireStart,
    SessionRequest,
    SessionResponse,
)
from api.core.db import SessionDep
from api.core.errors import PROBLEM_JSON
from api.core.openapi import Responses
from api.measurements.schemas import AnswersUpdate

router = APIRouter(prefix="/checkin", tags=["checkin (public)"])

_link_scheme = APIKeyHeader(
    name="Authorization",
    scheme_name="CheckinLink",
    description="`CheckinLink <token>`: the token from the link's #fragment.",
    auto_error=False,
)
_session_scheme = APIKeyHeader(
    name="Authorization",
    scheme_name="CheckinSession",
    description="`Bearer <session_token>` from POST /api/v1/checkin/session.",
    auto_error=False,
)


def _credential(scheme: str, header: str | None) -> str | None:
    kind, _, value = (header or "").partition(" ")
    return value.strip() or None if kind.lower() == scheme.lower() else None


def link_token(header: Annotated[str | None, Depends(_link_scheme)]) -> str | None:
    return _credential("CheckinLink", header)


def session_token(header: Annotated[str | None, Depends(_session_scheme)]) -> str | None:
    return _credential("Bearer", header)


def _problems(*codes: int) -> Responses:
    return {code: {"model": CheckinProblem, "content": {PROBLEM_JSON: {}}} for code in codes}


IdempotencyKeyRequired = Annotated[
    str,
    Header(
        alias="Idempotency-Key",
        min_length=8,
        max_length=200,
        description="Required: one key per check-in (a UUID made on the phone); a resend adds nothing.",
    ),
]


@router.post("/session", response_model=SessionResponse, responses=_problems(401, 404, 423, 429))
def open_checkin_session(
    data: SessionRequest,
    request: Request,
    session: SessionDep,
    token: Annotated[str | None, Depends(link_token)],
) -> JSONResponse:
    """Open a short check-in session with the link's token and the code; wrong codes lock the link."""
    opened = service.open_session(session, token=token, code=data.code, address=client_address(request))
    return JSONResponse(opened.model_dump(mode="json"), headers={"Cache-Control": "no-store"})


@router.post(
    "/checkins", response_model=CheckinReceipt, status_code=201, responses=_problems(401, 404, 409, 423, 429)
)
def submit_checkin(
    data: CheckinCreate,
    request: Request,
    session: SessionDep,
    token: Annotated[str | None, Depends(session_token)],
    idempotency_key: IdempotencyKeyRequired,
) -> JSONResponse:
    """Send a check-in; the same Idempotency-Key again (a retry, an offline replay) makes no second one."""
    return service.submit(
        session,
        token=token,
        address=client_address(request),
        key=idempotency_key,
        path=request.url.path,
        data=data,
    )


@router.get("/checkins", response_model=CheckinTrend, responses=_problems(401, 404, 423, 429))
def read_own_checkins(
    request: Request,
    session: SessionDep,
    token: Annotated[str | None, Depends(session_token)],
    limit: Annotated[int, Query(ge=1, le=52, description="How many of the latest check-ins.")] = 12,
) -> CheckinTrend:
    """Your own latest check-ins as a simple trend (dates and the two numbers), oldest first."""
    return service.trend(session, token=token, address=client_address(request), limit=limit)


# --- questionnaires of this member that are due (the measurement waves), answered on the phone ---

SessionToken = Annotated[str | None, Depends(session_token)]
QUESTIONNAIRE = "/questionnaires/{measurement_id}"


@router.get("/questionnaires", response_model=MemberQuestionnaires, responses=_problems(401, 404, 423, 429))
def list_my_questionnaires(
    request: Request, session: SessionDep, token: SessionToken
) -> MemberQuestionnaires:
    """Your questionnaires that are due or started (forms without wording are done with your supporter)."""
    return questionnaires.list_questionnaires(session, token=token, address=client_address(request))


@router.post(
    "/questionnaires",
    response_model=MemberQuestionnaire,
    status_code=201,
    responses={
        200: {"model": MemberQuestionnaire, "description": "Already started: that one."},
        **_problems(401, 404, 409, 423, 429),
    },
)
def start_my_questionnaire(
    data: QuestionnaireStart, request: Request, session: SessionDep, token: SessionToken
) -> JSONResponse:
    """Start a due questionnaire (201); one started already answers 200, so a retry is harmless."""
    form, created = questionnaires.start_questionnaire(
        session, token=token, address=client_address(request), data=data
    )
    return JSONResponse(form.model_dump(mode="json"), status_code=201 if created else 200)


@router.get(QUESTIONNAIRE, response_model=MemberQuestionnaire, responses=_problems(401, 404, 423, 429))
def read_my_questionnaire(
    measurement_id: uuid.UUID, request: Request, session: SessionDep, token: SessionToken
) -> MemberQuestionnaire:
    """One of your questionnaires: the questions, answer options, licence and your answers so far."""
    return questionnaires.read_questionnaire(
        session, token=token, address=client_address(request), measurement_id=measurement_id
    )


@router.put(
    f"{QUESTIONNAIRE}/answers",
    response_model=MemberQuestionnaire,
    responses=_problems(401, 404, 409, 423, 429),
)
def save_my_answers(
    measurement_id: uuid.UUID,
    data: AnswersUpdate,
    request: Request,
    session: SessionDep,
    token: SessionToken,
) -> MemberQuestionnaire:
    """Save some answers (null clears one); the others stay, so you can stop and go on later."""
    return questionnaires.save_answers(
        session,
        token=token,
        address=client_address(request),
        measurement_id=measurement_id,
        answers=data.answers,
    )


@router.post(
    f"{QUESTIONNAIRE}/complete",
    response_model=QuestionnaireDone,
    responses=_problems(401, 404, 409, 423, 429),
)
def complete_my_questionnaire(
    measurement_id: uuid.UUID, request: Request, session: SessionDep, token: SessionToken
) -> QuestionnaireDone:
    """Hand in the questionnaire; your supporter sees the result and talks it through with you."""
    return questionnaires.complete(
        session, token=token, address=client_address(request), measurement_id=measurement_id
    )
