"""Routes of the business case: the cohort figure for staff, the model (read by staff, edited by admins)."""

import uuid
from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query

from api.auth.principal import AdminPrincipal, CurrentPrincipal, StaffPrincipal
from api.business_case import service, versions
from api.business_case.schemas import BusinessCaseReport, ModelEdit, ModelPublic, ModelVersionInfo
from api.core.db import ReportingSessionDep, SessionDep
from api.core.openapi import problems
from api.core.pagination import Page

router = APIRouter(prefix="/business-case", tags=["business case"])

FromQuery = Annotated[
    date | None, Query(alias="from", description="First day (default: a year before `to`).")
]
ToQuery = Annotated[date | None, Query(alias="to", description="Last day (default: today).")]
FamiliesQuery = Annotated[
    int | None, Query(ge=1, le=service.MAX_SCALE, description="Scale the totals to this many families.")
]
VersionQuery = Annotated[
    int | None, Query(ge=1, le=2_147_483_647, description="A model version (default: the latest).")
]


@router.get("", response_model=BusinessCaseReport, responses=problems(403, 404))
def read_business_case(
    principal: StaffPrincipal,  # before the session: the caller is looked up on the primary
    session: ReportingSessionDep,
    region_id: uuid.UUID | None = None,
    start: FromQuery = None,
    end: ToQuery = None,
    families: FamiliesQuery = None,
    model_version: VersionQuery = None,
) -> BusinessCaseReport:
    """The cohort's societal business case: per type, mix-weighted, per payer, sensitivity, observed."""
    return service.business_case(
        session,
        principal,
        region_id=region_id,
        from_on=start,
        to_on=end,
        families=families,
        model_version=model_version,
    )


@router.get("/model", response_model=ModelPublic, responses=problems(404))
def read_business_case_model(
    session: SessionDep, principal: CurrentPrincipal, version: VersionQuery = None
) -> ModelPublic:
    """The business-case model: types, cost factors, assumptions, sources (latest, or `version`)."""
    return versions.read_model(session, principal, version=version)


@router.put("/model", response_model=ModelPublic, responses=problems(403, 409))
def edit_business_case_model(data: ModelEdit, session: SessionDep, principal: AdminPrincipal) -> ModelPublic:
    """Save an edited model as a new version (administrator); earlier versions never change."""
    return versions.edit_model(session, principal, data=data)


@router.get("/model/versions", response_model=Page[ModelVersionInfo])
def list_business_case_model_versions(
    session: SessionDep, principal: CurrentPrincipal
) -> Page[ModelVersionInfo]:
    """Every version of the model, newest first, with who saved it and why."""
    return versions.list_versions(session, principal)
