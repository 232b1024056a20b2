"""Instruments as data: the shipped catalogue per organisation, and versioned edits by an administrator."""

import uuid
from functools import lru_cache
from typing import Any

from pydantic import ValidationError
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict, NotFound, Unprocessable
from api.core.errors import validation_errors as field_errors
from api.core.pagination import Page
from api.measurements.catalog import load_catalog
from api.measurements.definitions import InstrumentDefinition
from api.measurements.offering import phone_languages
from api.measurements.repository import definition_of, instrument_rows, latest_by_code, measurement_counts
from api.measurements.schemas import InstrumentDetail, InstrumentSummary, InstrumentVersionInfo
from api.models import Instrument

UNKNOWN = "Deze vragenlijst bestaat niet / instrument not found."


@lru_cache
def _shipped() -> tuple[InstrumentDefinition, ...]:
    return tuple(load_catalog())


def _row(organisation_id: uuid.UUID, definition: InstrumentDefinition, actor: uuid.UUID | None) -> Instrument:
    return Instrument(
        organisation_id=organisation_id,
        code=definition.code,
        version=definition.version,
        use=definition.use.value,
        respondent=definition.respondent.value,
        definition=definition.model_dump(mode="json", exclude_none=True),
        created_by_id=actor,
    )


def ensure_catalog(session: Session, organisation_id: uuid.UUID) -> None:
    """Give the organisation every shipped instrument it lacks (idempotent; one query when complete).

    Organisations are created after migrations run, so the catalogue is copied on first use, per
    organisation: each licensee can then type in its licensed item wording as a new version.
    """
    present = set(
        session.exec(select(Instrument.code).where(Instrument.organisation_id == organisation_id)).all()
    )
    missing = [d for d in _shipped() if d.code not in present]
    if not missing:
        return
    try:
        with session.begin_nested():  # a concurrent first use may insert the same rows
            session.add_all(_row(organisation_id, d, None) for d in missing)
    except IntegrityError:
        pass


def _detail(session: Session, rows: list[Instrument], created_new: bool | None = None) -> InstrumentDetail:
    counts = measurement_counts(session, [r.id for r in rows])
    latest = max(rows, key=lambda r: r.version)
    return InstrumentDetail(
        definition=definition_of(latest),
        versions=[
            InstrumentVersionInfo(
                version=r.version, created_at=r.created_at, n_measurements=counts.get(r.id, 0)
            )
            for r in rows
        ],
        phone_languages=phone_languages(definition_of(latest)),
        created_new_version=created_new,
    )


def list_instruments(session: Session, principal: Principal) -> Page[InstrumentSummary]:
    """The latest version of every instrument of the organisation."""
    ensure_catalog(session, principal.organisation_id)
    rows = instrument_rows(session, principal.organisation_id)
    versions: dict[str, int] = {}
    for row in rows:
        versions[row.code] = versions.get(row.code, 0) + 1
    items = []
    for code, row in sorted(latest_by_code(rows).items()):
        d = definition_of(row)
        items.append(
            InstrumentSummary(
                code=code,
                version=d.version,
                name=d.name,
                description=d.description,
                respondent=d.respondent,
                use=d.use,
                licence=d.licence,
                n_versions=versions[code],
            )
        )
    return Page(items=items)


def read_instrument(session: Session, principal: Principal, *, code: str) -> InstrumentDetail:
    """One instrument: the latest definition and every version with its number of answers."""
    ensure_catalog(session, principal.organisation_id)
    rows = list(instrument_rows(session, principal.organisation_id, code))
    if not rows:
        raise NotFound(UNKNOWN, code="instrument_not_found")
    return _detail(session, rows)


def _validated(data: InstrumentDefinition, code: str, version: int) -> InstrumentDefinition:
    raw: dict[str, Any] = data.model_dump() | {"code": code, "version": version}
    try:
        return InstrumentDefinition.model_validate(raw)
    except ValidationError as exc:  # cannot happen for a valid body; kept so a bad merge is a 422, not a 500
        raise Unprocessable(
            "Ongeldige vragenlijst / invalid instrument.",
            errors=field_errors(exc.errors()),
            code="instrument_invalid",
        ) from exc


def create_instrument(
    session: Session, principal: Principal, *, data: InstrumentDefinition
) -> InstrumentDetail:
    """Add a new instrument (version 1)."""
    ensure_catalog(session, principal.organisation_id)
    if instrument_rows(session, principal.organisation_id, data.code):
        raise Conflict(
            "Deze code bestaat al; wijzig de vragenlijst / this code exists; edit the instrument instead.",
            code="instrument_code_taken",
        )
    row = _row(principal.organisation_id, _validated(data, data.code, 1), principal.id)
    session.add(row)
    session.flush()
    audit.record(session, principal, action="create", object_type="instrument", object_id=row.id)
    return _detail(session, [row])


def edit_instrument(
    session: Session, principal: Principal, *, code: str, data: InstrumentDefinition
) -> InstrumentDetail:
    """Edit an instrument: an answered version stays frozen and a new one is made; else it is replaced."""
    ensure_catalog(session, principal.organisation_id)
    rows = list(instrument_rows(session, principal.organisation_id, code))
    if not rows:
        raise NotFound(UNKNOWN, code="instrument_not_found")
    if data.code != code:
        message = "De code van een vragenlijst verandert niet / an instrument's code cannot change."
        raise Unprocessable(
            message,
            errors=[{"field": "code", "message": message, "type": "value_error"}],
            code="instrument_code_fixed",
        )
    latest = rows[-1]
    answered = measurement_counts(session, [latest.id]).get(latest.id, 0) > 0
    if answered:
        version = latest.version + 1
    else:
        # nobody answered it: replace the row (a new id, so nothing cached under the old one goes stale)
        version = latest.version
        session.delete(latest)
        session.flush()
        rows.pop()
    row = _row(principal.organisation_id, _validated(data, code, version), principal.id)
    session.add(row)
    session.flush()
    audit.record(session, principal, action="update", object_type="instrument", object_id=row.id)
    return _detail(session, [*rows, row], created_new=answered)
