"""The funder client's lookups; which families it may see is decided in api/families/repository.py."""

from sqlmodel import Session

from api.audit.service import event
from api.auth.principal import FunderPrincipal
from api.core.errors import NotFound
from api.families.repository import funder_families
from api.funders.pseudonyms import family_of
from api.models import Family, FunderKey

TRAJECTORY_NOT_FOUND = "Dit traject bestaat niet of valt buiten je regio's / trajectory not found."


def family_by_pseudonym(
    session: Session, principal: FunderPrincipal, key: FunderKey, value: str, *, action: str
) -> Family:
    """The consenting family behind the funder's pseudonym (one index lookup), or a 404 whose refusal is
    audited. Only pseudonyms already given out resolve; the family must still be visible to this client."""
    match = family_of(session, key, value=value)
    visible = funder_families(principal).where(Family.id == match)
    family = session.exec(visible).first() if match is not None else None
    if family is None:
        raise NotFound(
            TRAJECTORY_NOT_FOUND,
            persist=[event(principal, action=action, object_type="trajectory", outcome="denied")],
            code="trajectory_not_found",
        )
    return family


__all__ = ["TRAJECTORY_NOT_FOUND", "family_by_pseudonym", "funder_families"]
