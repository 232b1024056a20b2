"""Regions (zorgkantoorregio's): read by everyone signed in; shared by every organisation, so only a platform
operator changes them, audited and with If-Match."""

import uuid
from typing import Annotated

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field, StringConstraints
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Conditional, CurrentPrincipal, IdempotentCreate, OperatorPrincipal
from api.core.concurrency import claim_version
from api.core.db import SessionDep
from api.core.errors import Conflict, NotFound
from api.core.openapi import problems
from api.core.pagination import Page
from api.core.types import Input
from api.models import Region

router = APIRouter(prefix="/regions", tags=["regions"])

Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]


class RegionCreate(Input):
    name: Label = Field(examples=["Groningen"])
    funder_name: Label = Field(examples=["Menzis"])


class RegionUpdate(Input):
    name: Label | None = None
    funder_name: Label | None = None


class RegionPublic(BaseModel):
    id: uuid.UUID
    name: str
    funder_name: str
    version: int = Field(description="Send it back as If-Match (quoted) to change the region.")


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
    create: IdempotentCreate,
    session: SessionDep,
    principal: OperatorPrincipal,
) -> JSONResponse:
    """Add a region with its funder (platform operator)."""

    def add() -> RegionPublic:
        _unique_name(session, data.name)
        region = Region(**data.model_dump())
        session.add(region)
        session.flush()
        audit.record(session, principal, action="create", object_type="region", object_id=region.id)
        return RegionPublic.model_validate(region.model_dump())

    return create(data, add)


@router.patch("/{region_id}", response_model=RegionPublic, responses=problems(403, 404, 409, 412, 428))
def update_region(
    region_id: uuid.UUID,
    data: RegionUpdate,
    change: Conditional,
    session: SessionDep,
    principal: OperatorPrincipal,
) -> RegionPublic:
    """Rename a region or change its funder (platform operator; If-Match with the version you read)."""
    region = session.get(Region, region_id)
    if region is None:
        raise NotFound("Onbekende regio / region not found.", code="region_not_found")
    claim_version(session, region, change.if_match)
    _unique_name(session, data.name, region_id)
    for name, value in data.model_dump(exclude_unset=True, exclude_none=True).items():
        setattr(region, name, value)
    session.flush()
    audit.record(session, principal, action="update", object_type="region", object_id=region.id)
    return RegionPublic.model_validate(change(region).model_dump())
