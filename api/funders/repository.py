"""What a funder client may see: families in its organisation and regions whose consent allows it."""

from typing import Any

from sqlalchemy import ColumnElement, Select
from sqlmodel import Session, col, or_, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit.service import event
from api.auth.principal import FunderPrincipal
from api.core.errors import NotFound
from api.funders.pseudonyms import family_of
from api.models import Family, FamilyConsent, FunderKey, Region

TRAJECTORY_NOT_FOUND = "Dit traject bestaat niet of valt buiten je regio's / trajectory not found."


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


def family_by_pseudonym(
    session: Session, principal: FunderPrincipal, key: FunderKey, value: str, *, action: str
) -> Family:
    """The consenting family behind the funder's pseudonym (one index lookup), or a 404 whose refusal is
    audited. Only pseudonyms already given out resolve; the family must still be visible to this client."""
    match = family_of(session, key, value)
    family = (
        session.exec(
            select(Family)
            .join(FamilyConsent, _CONSENT)
            .where(Family.id == match, *_visible(principal, False))
        ).first()
        if match is not None
        else None
    )
    if family is None:
        raise NotFound(
            TRAJECTORY_NOT_FOUND,
            persist=[event(principal, action=action, object_type="trajectory", outcome="denied")],
            code="trajectory_not_found",
        )
    return family
