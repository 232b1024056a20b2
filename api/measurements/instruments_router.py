"""Routes for instruments and the coded factor list (administered per organisation)."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Path

from api.auth.principal import AdminPrincipal, Conditional, CurrentPrincipal
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import Page
from api.measurements import factors, instruments
from api.measurements.definitions import InstrumentDefinition
from api.measurements.schemas import (
    FactorCreate,
    FactorPublic,
    FactorUpdate,
    InstrumentDetail,
    InstrumentSummary,
)

router = APIRouter(tags=["instruments"])
CodePath = Annotated[str, Path(max_length=40, description="The instrument's code, e.g. `brs`.")]


@router.get("/instruments", response_model=Page[InstrumentSummary])
def list_instruments(session: SessionDep, principal: CurrentPrincipal) -> Page[InstrumentSummary]:
    """The organisation's instruments (latest versions), each with its licence."""
    return instruments.list_instruments(session, principal)


@router.get("/instruments/{code}", response_model=InstrumentDetail, responses=problems(404))
def read_instrument(code: CodePath, session: SessionDep, principal: CurrentPrincipal) -> InstrumentDetail:
    """One instrument: the latest definition and its versions with how often each was answered."""
    return instruments.read_instrument(session, principal, code=code)


@router.post("/instruments", response_model=InstrumentDetail, status_code=201, responses=problems(403, 409))
def create_instrument(
    data: InstrumentDefinition, session: SessionDep, principal: AdminPrincipal
) -> InstrumentDetail:
    """Define a new instrument (administrator); it starts at version 1."""
    return instruments.create_instrument(session, principal, data=data)


@router.put("/instruments/{code}", response_model=InstrumentDetail, responses=problems(403, 404))
def edit_instrument(
    code: CodePath, data: InstrumentDefinition, session: SessionDep, principal: AdminPrincipal
) -> InstrumentDetail:
    """Edit an instrument (administrator): answered versions stay frozen, so this makes a new version."""
    return instruments.edit_instrument(session, principal, code=code, data=data)


@router.get("/factors", response_model=Page[FactorPublic], tags=["factors"])
def list_factors(
    session: SessionDep, principal: CurrentPrincipal, include_inactive: bool = False
) -> Page[FactorPublic]:
    """The coded hindering and facilitating factors."""
    return factors.list_factors(session, principal, include_inactive=include_inactive)


@router.post(
    "/factors", response_model=FactorPublic, status_code=201, responses=problems(403, 409), tags=["factors"]
)
def create_factor(data: FactorCreate, session: SessionDep, principal: AdminPrincipal) -> FactorPublic:
    """Add a coded factor (administrator)."""
    return factors.create_factor(session, principal, data=data)


@router.patch(
    "/factors/{factor_id}",
    response_model=FactorPublic,
    responses=problems(403, 404, 412, 428),
    tags=["factors"],
)
def update_factor(
    factor_id: uuid.UUID,
    data: FactorUpdate,
    change: Conditional,
    session: SessionDep,
    principal: AdminPrincipal,
) -> FactorPublic:
    """Change a factor's labels or kind, or retire it (administrator; send If-Match)."""
    return change(
        factors.update_factor(session, principal, factor_id=factor_id, data=data, if_match=change.if_match)
    )
