"""Routes for families: thin — parse, call one service function, answer."""

import uuid
from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from api.audit.schemas import AuditEventPublic
from api.auth.principal import Conditional, CurrentPrincipal, ETagged, IdempotentCreate
from api.core.db import SessionDep
from api.core.openapi import problems
from api.core.pagination import CursorQuery, LimitQuery, Page
from api.families import listing, service
from api.families.listing import Sort
from api.families.schemas import FamilyCreate, FamilyDetail, FamilyListItem, FamilyPublic, FamilyUpdate
from api.models import FamilyStatus

router = APIRouter(prefix="/families", tags=["families"])


@router.get("", response_model=Page[FamilyListItem], responses=problems(422))
def list_families(
    session: SessionDep,
    principal: CurrentPrincipal,
    status: FamilyStatus | None = None,
    region_id: uuid.UUID | None = None,
    supporter_id: uuid.UUID | None = None,
    q: Annotated[str | None, Query(max_length=100, description="Search name and reference.")] = None,
    include_archived: bool = False,
    attention: Annotated[
        bool, Query(description="Only families that ask for attention (within one caseload).")
    ] = False,
    sort: Annotated[
        Sort, Query(description="`attention`: most attention first (within one caseload).")
    ] = "newest",
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[FamilyListItem]:
    """List the families you may see (a supporter's caseload, or the organisation's); on one caseload each
    family carries what asks for attention."""
    filters = listing.FamilyFilters(
        status=status,
        region_id=region_id,
        supporter_id=supporter_id,
        q=q,
        include_archived=include_archived,
        attention=attention,
        sort=sort,
    )
    return listing.list_families(session, principal, filters=filters, limit=limit, cursor=cursor)


@router.post("", response_model=FamilyDetail, status_code=201, responses=problems(409, 422))
def create_family(create: IdempotentCreate, data: FamilyCreate) -> JSONResponse:
    """Enrol a family; only `display_name` is required."""
    return create.run(service.create_family, data, tagged=True)


@router.get("/{family_id}", response_model=FamilyDetail, responses=problems(404))
def read_family(family_id: uuid.UUID, tag: ETagged) -> FamilyDetail:
    """Read one family with its members and network; the answer carries an ETag."""
    return tag.run(service.read_family, family_id=family_id)


@router.patch("/{family_id}", response_model=FamilyDetail, responses=problems(404, 409, 412, 428))
def update_family(family_id: uuid.UUID, data: FamilyUpdate, change: Conditional) -> FamilyDetail:
    """Change a family (send `If-Match` with the ETag you read); status moves along its path."""
    return change.run(service.update_family, family_id=family_id, data=data)


@router.post("/{family_id}/archive", response_model=FamilyPublic, responses=problems(404))
def archive_family(family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> FamilyPublic:
    """Archive a family (coordinator or admin); families are never deleted by a normal request."""
    return service.archive_family(session, principal, family_id=family_id)


@router.get("/{family_id}/access-log", response_model=Page[AuditEventPublic], responses=problems(403, 404))
def read_access_log(
    family_id: uuid.UUID,
    session: SessionDep,
    principal: CurrentPrincipal,
    limit: LimitQuery = 25,
    cursor: CursorQuery = None,
) -> Page[AuditEventPublic]:
    """Who read or changed this family's data, when, from where and why (coordinator or admin)."""
    return service.read_access_log(session, principal, family_id=family_id, limit=limit, cursor=cursor)
