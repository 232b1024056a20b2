"""Members and network contacts: the people around a family, kept the same way."""

import uuid
from typing import TypeVar

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.core.errors import Conflict, NotFound
from api.families.repository import get_readable_family
from api.families.schemas import ContactCreate, ContactUpdate, MemberCreate, MemberUpdate
from api.models import ContactKind, ContactParty, Family, FamilyMember, NetworkContact
from api.models.base import utcnow

Person = TypeVar("Person", FamilyMember, NetworkContact)
OBJECT_TYPE = {FamilyMember: "family_member", NetworkContact: "network_contact"}


def _align_party(contact: NetworkContact, *, changed_party: bool) -> None:
    """Keep the kind and the coded party in step (a party says the kind; a new kind resets the party)."""
    informal = contact.party == ContactParty.informal
    if changed_party:
        contact.kind = ContactKind.informal if informal else ContactKind.professional
    elif informal != (contact.kind == ContactKind.informal):
        contact.party = (
            ContactParty.informal if contact.kind == ContactKind.informal else ContactParty.other_professional
        )


def _writable_family(session: Session, principal: Principal, family_id: uuid.UUID, action: str) -> Family:
    family = get_readable_family(session, principal, family_id, action=action)
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    return family


def _get_person(
    session: Session,
    principal: Principal,
    family_id: uuid.UUID,
    model: type[Person],
    person_id: uuid.UUID,
    action: str,
) -> Person:
    _writable_family(session, principal, family_id, action)
    person = session.exec(
        select(model).where(
            model.id == person_id, model.family_id == family_id, col(model.archived_at).is_(None)
        )
    ).first()
    if person is None:
        raise NotFound(
            "Deze persoon bestaat niet (meer) / this person was not found.", code="member_not_found"
        )
    return person


def list_people(
    session: Session, principal: Principal, *, family_id: uuid.UUID, model: type[Person]
) -> list[Person]:
    """The current members or contacts of a family."""
    get_readable_family(session, principal, family_id)
    people = session.exec(
        select(model)
        .where(model.family_id == family_id, col(model.archived_at).is_(None))
        .order_by(col(model.created_at))
    ).all()
    audit.record(session, principal, action="list", object_type=OBJECT_TYPE[model], family_id=family_id)
    return list(people)


def add_person(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    model: type[Person],
    data: MemberCreate | ContactCreate,
) -> Person:
    """Add a member or contact to a family."""
    _writable_family(session, principal, family_id, "create")
    person = model(**data.model_dump(), family_id=family_id)
    session.add(person)
    session.flush()
    audit.record(
        session,
        principal,
        action="create",
        object_type=OBJECT_TYPE[model],
        object_id=person.id,
        family_id=family_id,
    )
    return person


def change_person(
    session: Session,
    principal: Principal,
    *,
    family_id: uuid.UUID,
    model: type[Person],
    person_id: uuid.UUID,
    data: MemberUpdate | ContactUpdate,
    if_match: str | None,
) -> Person:
    """Change a member or contact, only from the version the caller read."""
    person = _get_person(session, principal, family_id, model, person_id, "update")
    claim_version(session, person, if_match)
    changes = data.model_dump(exclude_unset=True)
    for name, value in changes.items():
        setattr(person, name, value)
    if isinstance(person, NetworkContact):
        _align_party(person, changed_party="party" in changes)
    session.flush()
    audit.record(
        session,
        principal,
        action="update",
        object_type=OBJECT_TYPE[model],
        object_id=person.id,
        family_id=family_id,
    )
    return person


def remove_person(
    session: Session, principal: Principal, *, family_id: uuid.UUID, model: type[Person], person_id: uuid.UUID
) -> None:
    """Remove a member or contact from the family (kept, archived, for the record)."""
    person = _get_person(session, principal, family_id, model, person_id, "archive")
    person.archived_at = utcnow()
    person.version += 1
    audit.record(
        session,
        principal,
        action="archive",
        object_type=OBJECT_TYPE[model],
        object_id=person.id,
        family_id=family_id,
    )
