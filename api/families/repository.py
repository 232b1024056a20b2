"""Every query of family data starts here, narrowed to what the caller may read."""

import uuid
from typing import Any

from sqlalchemy import ColumnElement, Select
from sqlalchemy.orm import joinedload, selectinload
from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit.service import event
from api.auth.principal import FunderPrincipal, Principal
from api.core.errors import NotFound
from api.models import Family, FamilyConsent, FamilyMember, NetworkContact, Region, Role

NOT_FOUND = "Dit gezin bestaat niet of je hebt er geen toegang toe / family not found."


def readable_families(principal: Principal, *, include_archived: bool = False) -> SelectOfScalar[Family]:
    """The families `principal` may read: a supporter their caseload, staff their organisation."""
    statement = select(Family).where(Family.organisation_id == principal.organisation_id)
    if principal.role == Role.supporter:
        statement = statement.where(Family.supporter_id == principal.id)
    elif principal.role not in (Role.admin, Role.coordinator):
        statement = statement.where(col(Family.id).is_(None))
    if not include_archived:
        statement = statement.where(col(Family.archived_at).is_(None))
    return statement


def with_summary(statement: SelectOfScalar[Family]) -> SelectOfScalar[Family]:
    """Load what a family summary shows (region, supporter) in the same query."""
    return statement.options(joinedload(Family.region), joinedload(Family.supporter))  # type: ignore[arg-type]


def with_people(statement: SelectOfScalar[Family]) -> SelectOfScalar[Family]:
    """Also load the current members and network contacts (one extra query each)."""
    return with_summary(statement).options(
        selectinload(Family.members.and_(col(FamilyMember.archived_at).is_(None))),  # type: ignore[attr-defined]
        selectinload(Family.contacts.and_(col(NetworkContact.archived_at).is_(None))),  # type: ignore[attr-defined]
    )


def get_readable_family(
    session: Session,
    principal: Principal,
    family_id: uuid.UUID,
    *,
    action: str = "read",
    people: bool = False,
    include_archived: bool = True,
) -> Family:
    """One family within the caller's reach, or a 404 whose refusal is still audited."""
    statement = readable_families(principal, include_archived=include_archived).where(Family.id == family_id)
    family = session.exec(with_people(statement) if people else with_summary(statement)).first()
    if family is None:
        refused = event(
            principal,
            action=action,
            object_type="family",
            object_id=family_id,
            family_id=family_id,
            outcome="denied",
        )
        raise NotFound(NOT_FOUND, persist=[refused], code="family_not_found")
    return family


# What a funder client may see: families in its organisation and regions whose consent allows it.
_CONSENT = col(FamilyConsent.family_id) == Family.id


def _consent_allows(aggregates: bool) -> ColumnElement[bool]:
    if aggregates:
        return or_(col(FamilyConsent.funder_data), col(FamilyConsent.aggregates_only))
    return col(FamilyConsent.funder_data).is_(True)


def _visible(principal: FunderPrincipal, aggregates: bool) -> list[ColumnElement[bool]]:
    return [
        col(Family.organisation_id) == principal.organisation_id,
        # a client is bound to its own funder's regions, even if an older row says otherwise
        col(Family.region_id).in_(
            select(Region.id).where(
                col(Region.id).in_(principal.region_ids), Region.funder_name == principal.funder_name
            )
        ),
        col(Family.archived_at).is_(None),
        _consent_allows(aggregates),
    ]


def funder_families(principal: FunderPrincipal, *, aggregates: bool = False) -> SelectOfScalar[Family]:
    """Families the client may see: its regions, its organisation, not archived, with consent.

    `aggregates=True` also admits families that consented to being counted only (never listed).
    """
    return select(Family).join(FamilyConsent, _CONSENT).where(*_visible(principal, aggregates))


def funder_family_ids(principal: FunderPrincipal) -> Select[Any]:
    """The ids of the families the client's aggregates may count (a subquery, never a list of ids)."""
    return select(Family.id).join(FamilyConsent, _CONSENT).where(*_visible(principal, aggregates=True))
