"""Regions: read by everyone signed in, kept by administrators."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from sqlmodel import Session, col, select

from api.auth.principal import AdminPrincipal, CurrentPrincipal
from api.core.concurrency import IdempotencyKey, idempotent_create
from api.core.db import SessionDep
from api.core.errors import Conflict, NotFound
from api.core.openapi import problems
from api.core.pagination import Page
from api.models import Region

router = APIRouter(prefix="/regions", tags=["regions"])

Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class RegionCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Label = Field(examples=["Groningen"])
    funder_name: Label = Field(examples=["Menzis"])


class RegionUpdate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: Label | None = None
    funder_name: Label | None = None


class RegionPublic(BaseModel):
    id: uuid.UUID
    name: str
    funder_name: str


def _unique_name(session: Session, name: str | None, region_id: uuid.UUID | None = None) -> None:
    if name is None:
        return
    other = session.exec(select(Region.id).where(Region.name == name, Region.id != region_id)).first()
    if other is not None:
        raise Conflict("Deze regio bestaat al / this region already exists.", code="region_exists")


@router.get("", response_model=Page[RegionPublic])
def list_regions(session: SessionDep, _: CurrentPrincipal) -> Page[RegionPublic]:
    """All regions (a short list, on one page)."""
    regions = session.exec(select(Region).order_by(col(Region.name))).all()
    return Page(items=[RegionPublic.model_validate(r.model_dump()) for r in regions])


@router.post("", response_model=RegionPublic, status_code=201, responses=problems(403, 409))
def create_region(
    data: RegionCreate,
    request: Request,
    session: SessionDep,
    principal: AdminPrincipal,
    idempotency_key: IdempotencyKey = None,
) -> JSONResponse:
    """Add a region with its funder (admin)."""

    def create() -> RegionPublic:
        _unique_name(session, data.name)
        region = Region(**data.model_dump())
        session.add(region)
        session.flush()
        return RegionPublic.model_validate(region.model_dump())

    return idempotent_create(
        session,
        actor_id=principal.id,
        key=idempotency_key,
        path=request.url.path,
        payload=data,
        create=create,
    )


@router.patch("/{region_id}", response_model=RegionPublic, responses=problems(403, 404, 409))
def update_region(
    region_id: uuid.UUID, data: RegionUpdate, session: SessionDep, _: AdminPrincipal
) -> RegionPublic:
    """Rename a region or change its funder (admin)."""
    region = session.get(Region, region_id)
    if region is None:
        raise NotFound("Onbekende regio / region not found.", code="region_not_found")
    _unique_name(session, data.name, region_id)
    for name, value in data.model_dump(exclude_unset=True).items():
        setattr(region, name, value)
    session.flush()
    return RegionPublic.model_validate(region.model_dump())
