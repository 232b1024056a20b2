"""Plain functions that make test data, and the standard two-organisation world."""

import uuid
from dataclasses import dataclass
from datetime import timedelta
from functools import lru_cache

from sqlmodel import Session

from api.core.security import ACCESS, create_token, hash_password
from api.measurements import rollup_tracking
from api.models import (
    ContactKind,
    Family,
    FamilyMember,
    MemberRole,
    NetworkContact,
    Organisation,
    Region,
    Role,
    User,
)

PASSWORD = "correct horse battery staple"


@lru_cache
def password_hash() -> str:
    return hash_password(PASSWORD)  # hashing is slow on purpose; do it once


def make_organisation(session: Session, name: str | None = None) -> Organisation:
    organisation = Organisation(name=name or f"Org {uuid.uuid4().hex[:8]}")
    session.add(organisation)
    session.flush()
    return organisation


def make_region(session: Session, name: str | None = None, funder: str = "CZ") -> Region:
    region = Region(name=name or f"Regio {uuid.uuid4().hex[:8]}", funder_name=funder)
    session.add(region)
    session.flush()
    return region


def make_user(session: Session, organisation: Organisation, role: Role, email: str | None = None) -> User:
    user = User(
        organisation_id=organisation.id,
        email=email or f"{role.value}-{uuid.uuid4().hex[:8]}@example.nl",
        full_name=f"Test {role.value}",
        role=role,
        password_hash=password_hash(),
    )
    session.add(user)
    session.flush()
    return user


def make_family(
    session: Session, organisation: Organisation, supporter: User | None = None, **fields: object
) -> Family:
    family = Family(
        organisation_id=organisation.id,
        reference=f"T-{uuid.uuid4().hex[:8]}",
        display_name=str(fields.pop("display_name", "Gezin Test")),
        supporter_id=supporter.id if supporter else None,
        **fields,  # type: ignore[arg-type]
    )
    session.add(family)
    session.flush()
    return family


def make_member(session: Session, family: Family, name: str = "Sanne") -> FamilyMember:
    member = FamilyMember(family_id=family.id, display_name=name, role=MemberRole.parent)
    session.add(member)
    session.flush()
    return member


def make_contact(session: Session, family: Family, name: str = "Buurvrouw") -> NetworkContact:
    contact = NetworkContact(family_id=family.id, name=name, kind=ContactKind.informal)
    session.add(contact)
    session.flush()
    return contact


def auth(user: User, minutes: int = 5) -> dict[str, str]:
    """Authorization header for `user` (signed directly: logging in through the API is tested elsewhere)."""
    token, _ = create_token(subject=user.id, kind=ACCESS, lifetime=timedelta(minutes=minutes))
    return {"Authorization": f"Bearer {token}"}


@dataclass
class World:
    organisation: Organisation
    region: Region
    admin: User
    coordinator: User
    supporter: User
    other_supporter: User
    family: Family
    other_caseload_family: Family
    other_org_family: Family
    other_org_coordinator: User


def build_world(session: Session) -> World:
    with rollup_tracking.deferred(session):  # the rollups refreshed once for the whole world, not per flush
        return _build_world(session)


def _build_world(session: Session) -> World:
    organisation = make_organisation(session)
    region = make_region(session)
    supporter = make_user(session, organisation, Role.supporter)
    other_supporter = make_user(session, organisation, Role.supporter)
    other_org = make_organisation(session)
    other_org_supporter = make_user(session, other_org, Role.supporter)
    world = World(
        organisation=organisation,
        region=region,
        admin=make_user(session, organisation, Role.admin),
        coordinator=make_user(session, organisation, Role.coordinator),
        supporter=supporter,
        other_supporter=other_supporter,
        family=make_family(session, organisation, supporter, region_id=region.id),
        other_caseload_family=make_family(session, organisation, other_supporter),
        other_org_family=make_family(session, other_org, other_org_supporter),
        other_org_coordinator=make_user(session, other_org, Role.coordinator),
    )
    for family in (world.family, world.other_caseload_family, world.other_org_family):
        make_member(session, family)
        make_contact(session, family)
    return world
