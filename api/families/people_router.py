"""Routes for a family's members and network contacts: the same four routes over the one people service."""

import uuid
from dataclasses import dataclass
from typing import Annotated, Any, Generic

from fastapi import APIRouter, Path, Response
from fastapi.responses import JSONResponse
from pydantic import BaseModel

from api.auth.principal import Conditional, CurrentPrincipal, IdempotentCreate
from api.core.db import SessionDep
from api.core.openapi import problems
from api.families import people_service as people
from api.families.people_service import Person
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


@dataclass(frozen=True)
class People(Generic[Person]):
    """One kind of person around a family: its table, schemas, and its routes' names and descriptions."""

    model: type[Person]
    create: type[BaseModel]
    update: type[BaseModel]
    public: type[BaseModel]
    one: str  # "member": the routes are list_members, add_member, … on /members/{member_id}
    many: str
    describe_list: str
    describe_add: str
    describe_update: str
    describe_remove: str


def add_people_routes(kind: People[Person]) -> None:
    """List, add, change (If-Match) and remove one kind of person."""
    model, public, one, many = kind.model, kind.public, kind.one, kind.many
    # The handlers' own parameter is `person_id`; the contract names it after the kind (`member_id`, …).
    person_path = Path(alias=f"{one}_id")

    def list_people(family_id: uuid.UUID, session: SessionDep, principal: CurrentPrincipal) -> list[Any]:
        found = people.list_people(session, principal, family_id=family_id, model=model)
        return [public.model_validate(person.model_dump()) for person in found]

    def add_person(
        family_id: uuid.UUID,
        data: kind.create,  # type: ignore[name-defined]
        create: IdempotentCreate,
        session: SessionDep,
        principal: CurrentPrincipal,
    ) -> JSONResponse:
        def add() -> BaseModel:
            person = people.add_person(session, principal, family_id=family_id, model=model, data=data)
            return public.model_validate(person.model_dump())

        return create(data, add)

    def update_person(
        family_id: uuid.UUID,
        person_id: Annotated[uuid.UUID, person_path],
        data: kind.update,  # type: ignore[name-defined]
        change: Conditional,
    ) -> Any:
        person = change.run(
            people.change_person, family_id=family_id, model=model, person_id=person_id, data=data
        )
        return public.model_validate(person.model_dump())

    def remove_person(
        family_id: uuid.UUID,
        person_id: Annotated[uuid.UUID, person_path],
        session: SessionDep,
        principal: CurrentPrincipal,
    ) -> Response:
        people.remove_person(session, principal, family_id=family_id, model=model, person_id=person_id)
        return Response(status_code=204)

    collection, item = f"/{many}", f"/{many}/{{{one}_id}}"
    router.add_api_route(
        collection,
        list_people,
        methods=["GET"],
        name=f"list_{many}",
        description=kind.describe_list,
        response_model=list[public],  # type: ignore[valid-type]
        responses=problems(404),
    )
    router.add_api_route(
        collection,
        add_person,
        methods=["POST"],
        name=f"add_{one}",
        description=kind.describe_add,
        response_model=public,
        status_code=201,
        responses=problems(404),
    )
    router.add_api_route(
        item,
        update_person,
        methods=["PATCH"],
        name=f"update_{one}",
        description=kind.describe_update,
        response_model=public,
        responses=problems(404, 409, 412, 428),
    )
    router.add_api_route(
        item,
        remove_person,
        methods=["DELETE"],
        name=f"remove_{one}",
        description=kind.describe_remove,
        status_code=204,
        responses=problems(404, 409),
    )


add_people_routes(
    People(
        model=FamilyMember,
        create=MemberCreate,
        update=MemberUpdate,
        public=MemberPublic,
        one="member",
        many="members",
        describe_list="The family's members.",
        describe_add="Add a member to the family.",
        describe_update='Change a member (send `If-Match` with the member\'s ETag or `"version"`).',
        describe_remove="Remove a member from the family (kept in the archive).",
    )
)
add_people_routes(
    People(
        model=NetworkContact,
        create=ContactCreate,
        update=ContactUpdate,
        public=ContactPublic,
        one="contact",
        many="contacts",
        describe_list="The family's network: informal and professional contacts.",
        describe_add="Add a network contact.",
        describe_update="Change a network contact (send `If-Match`).",
        describe_remove="Remove a network contact (kept in the archive).",
    )
)
