"""Public routes for a family member's phone: no account, a personal link (token) plus a code.

The token never travels in a URL: the page has it in its #fragment and sends
`Authorization: CheckinLink <token>` once, to open a short session; later requests carry
`Authorization: Bearer <session_token>`.
"""

from typing import Annotated

from fastapi import APIRouter, Depends, Header, Query, Request
from fastapi.responses import JSONResponse
from fastapi.security import APIKeyHeader

from api.auth.principal import client_address
from api.checkins import public_service as service
from api.checkins.schemas import (
    CheckinCreate,
    CheckinProblem,
    CheckinReceipt,
    CheckinTrend,
    SessionRequest,
    SessionResponse,
)
from api.core.db import SessionDep
from api.core.errors import PROBLEM_JSON
from api.core.openapi import Responses

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
