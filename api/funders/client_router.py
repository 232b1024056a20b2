"""Routes for funder systems (client-credentials tokens): outcomes, trajectories, FHIR, webhooks."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query, Response
from fastapi.responses import JSONResponse

from api.auth.principal import OutcomesClient, TrajectoriesClient, WebhooksClient
from api.core.db import ReportingSessionDep, SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.core.types import SafeDate
from api.funders import outcomes, trajectories, webhooks
from api.funders.fhir import FHIR_JSON
from api.funders.schemas import (
    OutcomesReport,
    Period,
    TrajectorySummary,
    WebhookCreate,
    WebhookPublic,
    WebhookWithSecret,
)

router = APIRouter(prefix="/funder", tags=["funder"])

SealedCursor = Annotated[
    str | None, Query(max_length=400, description="The `next_cursor` of the previous page (opaque).")
]
Pseudonym = Annotated[
    str, Path(pattern=r"^[0-9a-f]{32}$", description="The family's pseudonym for your client.")
]


@router.get(
    "/outcomes", response_model=OutcomesReport, response_model_exclude_none=True, responses=problems(403)
)
def read_outcomes(
    principal: OutcomesClient,  # before the session: the client is looked up on the primary
    session: ReportingSessionDep,
    start: Annotated[
        SafeDate | None, Query(alias="from", description="First day (default: 1 January).")
    ] = None,
    end: Annotated[SafeDate | None, Query(alias="to", description="Last day (default: today).")] = None,
    period: Period = Period.quarter,
) -> OutcomesReport:
    """Outcomes of your regions per region and period; small cells are `{"suppressed": true}`."""
    return outcomes.outcomes(session, principal, start=start, end=end, period=period)


@router.get("/trajectories", response_model=Page[TrajectorySummary], responses=problems(403))
def list_trajectories(
    session: SessionDep, principal: TrajectoriesClient, limit: LimitQuery = 25, cursor: SealedCursor = None
) -> Page[TrajectorySummary]:
    """Pseudonymised trajectories of consenting families in your regions, newest first."""
    return trajectories.list_trajectories(session, principal, limit=limit, cursor=cursor)


@router.get(
    "/trajectories/{pseudonym}/fhir",
    response_class=JSONResponse,
    responses={
        200: {"description": "A FHIR R4 Bundle (collection).", "content": {"application/fhir+json": {}}},
        **problems(403, 404),
    },
)
def export_trajectory_fhir(
    pseudonym: Pseudonym, session: SessionDep, principal: TrajectoriesClient
) -> JSONResponse:
    """One pseudonymised trajectory as a FHIR R4 Bundle (`application/fhir+json`)."""
    bundle = trajectories.export_fhir(session, principal, value=pseudonym)
    return JSONResponse(bundle, media_type=FHIR_JSON)


@router.get("/webhooks", response_model=Page[WebhookPublic], responses=problems(403))
def list_webhooks(
    session: SessionDep, principal: WebhooksClient, limit: LimitQuery = 25, cursor: CursorQuery = None
) -> Page[WebhookPublic]:
    """Your webhook endpoints."""
    return webhooks.list_endpoints(session, principal, limit=limit, cursor=cursor)


@router.post("/webhooks", response_model=WebhookWithSecret, status_code=201, responses=problems(403))
def create_webhook(session: SessionDep, principal: WebhooksClient, data: WebhookCreate) -> WebhookWithSecret:
    """Register an endpoint for events; the `whsec_…` signing secret is in this answer only."""
    return webhooks.create_endpoint(session, principal, data=data)


@router.delete("/webhooks/{webhook_endpoint_id}", status_code=204, responses=problems(403, 404))
def disable_webhook(
    webhook_endpoint_id: uuid.UUID, session: SessionDep, principal: WebhooksClient
) -> Response:
    """Stop deliveries to one of your endpoints (its history stays visible to the administrator)."""
    webhooks.disable_endpoint(session, principal, endpoint_id=webhook_endpoint_id)
    return Response(status_code=204)
