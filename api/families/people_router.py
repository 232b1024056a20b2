"""Routes for a family's members and network contacts."""

import uuid

from fastapi import APIRouter, Response
from fastapi.responses import JSONResponse

from api.auth.principal import CurrentPrincipal, IdempotentCreate
from api.core.concurrency import IfMatch, etag
from api.core.db import SessionDep
from api.core.openapi import problems
from api.families import people_service as people
from api.families.schemas import (
    ContactCreate,
    ContactPublic,
    ContactUpdate,
    MemberCreate,
    MemberPublic,
    MemberUpdate,
)
from api.models import FamilyMember, NetworkContact

router = APIRouter(prefix="/families/{family_id}", tags=["families"])


@router.get("/members", response_model=list[MemberPublic], responses=problems(404))
def list_members(
    family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[MemberPublic]:
    """The family's members."""
    found = people.list_people(session, principal, family_id=family_id, model=FamilyMember)
    return [MemberPublic.model_validate(m.model_dump()) for m in found]


@router.post("/members", response_model=MemberPublic, status_code=201, responses=problems(404))
def add_member(
    family_id: uuid.UUID,
    data: MemberCreate,
    create: IdempotentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Add a member to the family."""

    def add() -> MemberPublic:
        member = people.add_person(session, principal, family_id=family_id, model=FamilyMember, data=data)
        return MemberPublic.model_validate(member.model_dump())

    return create(data, add)


@router.patch("/members/{member_id}", response_model=MemberPublic, responses=problems(404, 409, 412, 428))
def update_member(
    family_id: uuid.UUID,
    member_id: uuid.UUID,
    data: MemberUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> MemberPublic:
    """Change a member (send `If-Match` with the member's ETag or `"version"`)."""
    member = people.change_person(
        session,
        principal,
        family_id=family_id,
        model=FamilyMember,
        person_id=member_id,
        data=data,
        if_match=if_match,
    )
    response.headers["ETag"] = etag(member.version)
    return MemberPublic.model_validate(member.model_dump())


@router.delete("/members/{member_id}", status_code=204, responses=problems(404, 409))
def remove_member(
    family_id: uuid.UUID, member_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Remove a member from the family (kept in the archive)."""
    people.remove_person(session, principal, family_id=family_id, model=FamilyMember, person_id=member_id)
    return Response(status_code=204)


@router.get("/contacts", response_model=list[ContactPublic], responses=problems(404))
def list_contacts(
    family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> list[ContactPublic]:
    """The family's network: informal and professional contacts."""
    found = people.list_people(session, principal, family_id=family_id, model=NetworkContact)
    return [ContactPublic.model_validate(c.model_dump()) for c in found]


@router.post("/contacts", response_model=ContactPublic, status_code=201, responses=problems(404))
def add_contact(
    family_id: uuid.UUID,
    data: ContactCreate,
    create: IdempotentCreate,
    session: SessionDep,
    principal: CurrentPrincipal,
) -> JSONResponse:
    """Add a network contact."""

    def add() -> ContactPublic:
        contact = people.add_person(session, principal, family_id=family_id, model=NetworkContact, data=data)
        return ContactPublic.model_validate(contact.model_dump())

    return create(data, add)


@router.patch("/contacts/{contact_id}", response_model=ContactPublic, responses=problems(404, 409, 412, 428))
def update_contact(
    family_id: uuid.UUID,
    contact_id: uuid.UUID,
    data: ContactUpdate,
    session: SessionDep,
    principal: CurrentPrincipal,
    response: Response,
    if_match: IfMatch = None,
) -> ContactPublic:
    """Change a network contact (send `If-Match`)."""
    contact = people.change_person(
        session,
        principal,
        family_id=family_id,
        model=NetworkContact,
        person_id=contact_id,
        data=data,
        if_match=if_match,
    )
    response.headers["ETag"] = etag(contact.version)
    return ContactPublic.model_validate(contact.model_dump())


@router.delete("/contacts/{contact_id}", status_code=204, responses=problems(404, 409))
def remove_contact(
    family_id: uuid.UUID, contact_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal
) -> Response:
    """Remove a network contact (kept in the archive)."""
    people.remove_person(session, principal, family_id=family_id, model=NetworkContact, person_id=contact_id)
    return Response(status_code=204)
