"""Pseudonymised trajectories of consenting families in the client's regions (list and FHIR export)."""

from datetime import date
from typing import Any

from sqlmodel import Session

from api.audit import service as audit
from api.auth.principal import FunderPrincipal
from api.core.errors import NotFound
from api.core.pagination import InvalidCursor, Page, keyset_page
from api.funders import fhir
from api.funders.crypto import pseudonym, seal, unseal
from api.funders.repository import family_by_pseudonym, funder_families
from api.funders.schemas import TrajectorySummary
from api.funders.sources import collect
from api.models import Family, FunderClient


def quarter(day: date | None) -> str | None:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}" if day else None


def _key(session: Session, principal: FunderPrincipal) -> str:
    client = session.get(FunderClient, principal.id)
    if client is None:  # revoked and removed between the token check and here
        raise NotFound("Client not found.", code="funder_client_not_found")
    return client.pseudonym_key


def summary(key: str, family: Family) -> TrajectorySummary:
    return TrajectorySummary(
        pseudonym=pseudonym(key, family.id),
        region_id=family.region_id,
        status=family.status.value,
        family_type=family.family_type.value if family.family_type else None,
        target_groups=list(family.target_groups),
        started_year_quarter=quarter(family.started_on),
        closed_year_quarter=quarter(family.ended_on),
    )


def list_trajectories(
    session: Session, principal: FunderPrincipal, *, limit: int, cursor: str | None
) -> Page[TrajectorySummary]:
    """A page of consenting families under the client's pseudonyms, newest first (each listing audited)."""
    # The page cursor would carry a family id: it is sealed so the client sees an opaque token only.
    inner = None
    if cursor:
        try:
            inner = unseal(cursor)
        except ValueError as exc:
            raise InvalidCursor("This cursor is not valid; start again from the first page.") from exc
    rows, next_inner = keyset_page(
        session,
        funder_families(principal),
        moment=Family.created_at,
        row_id=Family.id,
        limit=limit,
        cursor=inner,
    )
    key = _key(session, principal)
    audit.record_many(
        session, principal, action="list", object_type="trajectory", family_ids=[f.id for f in rows]
    )
    return Page(items=[summary(key, f) for f in rows], next_cursor=seal(next_inner) if next_inner else None)


def export_fhir(session: Session, principal: FunderPrincipal, value: str) -> dict[str, Any]:
    """One family's trajectory as a FHIR R4 Bundle (audited as an export)."""
    key = _key(session, principal)
    family = family_by_pseudonym(session, principal, key, value, action="export")
    facts = collect(session, [family.id])[family.id]
    audit.record(session, principal, action="export", object_type="trajectory", family_id=family.id)
    return fhir.bundle(key, family, facts)
