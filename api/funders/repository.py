"""What a funder client may see: families in its organisation and regions whose consent allows it."""

from typing import Any

from sqlalchemy import ColumnElement, Select
from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit.service import event
from api.auth.principal import FunderPrincipal
from api.core.errors import NotFound
from api.funders.crypto import pseudonym
from api.models import Family, FamilyConsent

TRAJECTORY_NOT_FOUND = "Dit traject bestaat niet of valt buiten uw regio's / trajectory not found."


_CONSENT = col(FamilyConsent.family_id) == Family.id


def _consent_allows(aggregates: bool) -> ColumnElement[bool]:
    if aggregates:
        return or_(col(FamilyConsent.funder_data), col(FamilyConsent.aggregates_only))
    return col(FamilyConsent.funder_data).is_(True)


def _visible(principal: FunderPrincipal, aggregates: bool) -> list[ColumnElement[bool]]:
    return [
        col(Family.organisation_id) == principal.organisation_id,
        col(Family.region_id).in_(principal.region_ids),
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


def family_by_pseudonym(
    session: Session, principal: FunderPrincipal, key: str, value: str, *, action: str
) -> Family:
    """The consenting family behind the client's pseudonym, or a 404 whose refusal is audited.

    Pseudonyms cannot be reversed, so the client's visible families are hashed and compared; for the
    thousands of families of a region that is a few milliseconds and needs no lookup table to keep in step.
    """
    ids = session.exec(
        select(Family.id).join(FamilyConsent, _CONSENT).where(*_visible(principal, aggregates=False))
    ).all()
    match = next((family_id for family_id in ids if pseudonym(key, family_id) == value), None)
    family = session.get(Family, match) if match is not None else None
    if family is None:
        raise NotFound(
            TRAJECTORY_NOT_FOUND,
            persist=[event(principal, action=action, object_type="trajectory", outcome="denied")],
        )
    return family
