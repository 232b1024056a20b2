"""Routes for the living plan, its adopted versions and the family's GAS T-score."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path, Query
from fastapi.responses import JSONResponse

from api.auth.principal import CurrentPrincipal, ETagged, IdempotentCreate
from api.core.concurrency import IfMatch
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.core.types import INT_MAX, SafeDate
from api.plans import gas, service, versions
from api.plans.schemas import (
    AdoptionCreate,
    GasSeries,
    GasSummary,
    PlanComparison,
    PlanDetail,
    PlanVersionDetail,
    PlanVersionSummary,
)

router = APIRouter(prefix="/families/{family_id}/plan", tags=["plans"])


@router.get("", response_model=PlanDetail, responses=problems(404))
def read_plan(family_id: uuid.UUID, tag: ETagged) -> PlanDetail:
    """The family's living plan: goals (with weight, latest GAS level and actions) and today's T-score."""
    return tag.run(service.read_plan, family_id=family_id)


@router.post(
    "",
    response_model=PlanDetail,
    status_code=201,
    responses={**problems(404, 409), 200: {"model": PlanDetail, "description": "The plan already existed."}},
)
def create_plan(
    family_id: uuid.UUID, tag: ETagged, session: SessionDep, principal: CurrentPrincipal
) -> PlanDetail:
    """Make the family's plan (201), or answer the existing one (200)."""
    plan, created = service.create_plan(session, principal, family_id=family_id)
    tag.response.status_code = 201 if created else 200
    return tag(plan)


@router.post("/adopt", response_model=PlanVersionDetail, status_code=201, responses=problems(404, 409, 412))
def adopt_plan(
    family_id: uuid.UUID,
    create: IdempotentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
    data: AdoptionCreate | None = None,
    if_match: IfMatch = None,
) -> JSONResponse:
    """Adopt the draft: freeze it as the next version (If-Match with the plan's ETag adopts what you read)."""
    payload = data or AdoptionCreate()
    return create(
        payload,
        lambda: versions.adopt_plan(session, principal, family_id=family_id, data=payload, if_match=if_match),
    )


@router.get("/versions", response_model=Page[PlanVersionSummary], responses=problems(404))
def list_plan_versions(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[PlanVersionSummary]:
    """The adopted versions, newest first."""
    return versions.list_versions(session, principal, family_id=family_id, limit=limit, cursor=cursor)


@router.get("/versions/compare", response_model=PlanComparison, responses=problems(404))
def compare_plan_versions(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    from_version: Annotated[
        int | None, Query(alias="from", ge=1, description="A version number (default: the latest).")
    ] = None,
    to: Annotated[
        str, Query(pattern=r"^(draft|[1-9][0-9]{0,8})$", description="A version number or `draft`.")
    ] = "draft",
) -> PlanComparison:
    """Goals and actions added, changed (field by field) and removed between two versions or the draft."""
    return versions.compare_versions(session, principal, family_id=family_id, from_number=from_version, to=to)


@router.get("/versions/{number}", response_model=PlanVersionDetail, responses=problems(404))
def read_plan_version(
    family_id: uuid.UUID,
    number: Annotated[int, Path(ge=1, le=INT_MAX)],
    session: SessionDep,
    principal: CurrentPrincipal,
) -> PlanVersionDetail:
    """One adopted version, exactly as it was adopted (versions never change)."""
    return versions.read_version(session, principal, family_id=family_id, number=number)


@router.get("/gas", response_model=GasSummary, responses=problems(404))
def read_plan_gas(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    on: Annotated[SafeDate | None, Query(description="The date (default: today).")] = None,
) -> GasSummary:
    """The family's GAS T-score on a date, from each goal's latest score on or before it."""
    return gas.gas_summary(session, principal, family_id=family_id, on=on)


@router.get("/gas/series", response_model=GasSeries, responses=problems(404))
def read_plan_gas_series(family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> GasSeries:
    """The T-score on every scoring date and each goal's scores over time (for charts)."""
    return gas.gas_series(session, principal, family_id=family_id)
