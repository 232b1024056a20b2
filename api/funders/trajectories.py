"""Pseudonymised trajectories of consenting families in the client's regions (list and FHIR export)."""

from datetime import date
from typing import Any

from sqlmodel import Session

from api.audit import service as audit
from api.auth.principal import FunderPrincipal
from api.core.pagination import InvalidCursor, Page, keyset_page
from api.core.secrets import seal, unseal
from api.funders import fhir
from api.funders.facts import collect
from api.funders.pseudonyms import funder_key, given_out
from api.funders.repository import family_by_pseudonym, funder_families
from api.funders.schemas import TrajectorySummary
from api.measurements.norms import norms_status
from api.measurements.repository import definition_of, instrument_rows, latest_by_code
from api.models import Family, FunderKey


def quarter(day: date | None) -> str | None:
    return f"{day.year}-Q{(day.month - 1) // 3 + 1}" if day else None


def _key(session: Session, principal: FunderPrincipal) -> FunderKey:
    """The funder's key: every client of the same funder sees the same pseudonyms."""
    return funder_key(session, principal.organisation_id, funder_name=principal.funder_name)


def summary(value: str, family: Family) -> TrajectorySummary:
    return TrajectorySummary(
        pseudonym=value,
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
    names = given_out(session, _key(session, principal), family_ids=[f.id for f in rows])
    audit.record_many(
        session, principal, action="list", object_type="trajectory", family_ids=[f.id for f in rows]
    )
    return Page(
        items=[summary(names[f.id], f) for f in rows], next_cursor=seal(next_inner) if next_inner else None
    )


def export_fhir(session: Session, principal: FunderPrincipal, *, value: str) -> dict[str, Any]:
    """One family's trajectory as a FHIR R4 Bundle (audited as an export)."""
    key = _key(session, principal)
    family = family_by_pseudonym(session, principal, key, value, action="export")
    facts = collect(session, [family.id])[family.id]
    audit.record(session, principal, action="export", object_type="trajectory", family_id=family.id)
    definitions = [
        definition_of(r) for r in latest_by_code(instrument_rows(session, family.organisation_id)).values()
    ]
    example = frozenset(
        (d.code, s.code) for d in definitions for s in d.scales if norms_status(s) != "sourced"
    )
    return fhir.bundle(key.pseudonym_key, family, facts, pseudonym=value, example_norms=example)
