"""Queries for instruments and measurements; family data is always reached through a readable family."""

import uuid
from collections.abc import Iterable, Sequence

from sqlalchemy import func
from sqlmodel import Session, col, select

from api.measurements.definitions import InstrumentDefinition
from api.models import (
    FamilyMember,
    Instrument,
    Measurement,
    MeasurementScore,
    MeasurementStatus,
    User,
)


def definition_of(row: Instrument) -> InstrumentDefinition:
    """The stored definition, validated again (it was validated on the way in) once per process and row: a
    row's definition never changes (an edit that is not a new version replaces the row, with a new id) and
    the model is frozen. Validating the catalogue cost about 5 ms of every measurement plan and debt read."""
    found = _DEFINITIONS.get(row.id)
    if found is None:
        found = InstrumentDefinition.model_validate(row.definition)
        if len(_DEFINITIONS) >= 4096:  # a bound, never reached by one organisation's versions
            _DEFINITIONS.clear()
        _DEFINITIONS[row.id] = found
    return found


_DEFINITIONS: dict[uuid.UUID, InstrumentDefinition] = {}


def instrument_rows(
    session: Session, organisation_id: uuid.UUID, code: str | None = None
) -> Sequence[Instrument]:
    """Every stored version of the organisation's instruments (or of one), oldest version first."""
    statement = select(Instrument).where(Instrument.organisation_id == organisation_id)
    if code is not None:
        statement = statement.where(Instrument.code == code)
    return session.exec(statement.order_by(col(Instrument.code), col(Instrument.version))).all()


def latest_by_code(rows: Iterable[Instrument]) -> dict[str, Instrument]:
    """The newest version per code."""
    latest: dict[str, Instrument] = {}
    for row in rows:
        if row.code not in latest or row.version > latest[row.code].version:
            latest[row.code] = row
    return latest


def latest_definitions(session: Session, organisation_id: uuid.UUID) -> list[InstrumentDefinition]:
    """The definition of the newest version of each of the organisation's instruments: its versions read as
    (id, code, version) only; a row's whole definition is loaded the first time this process meets it."""
    latest: dict[str, tuple[int, uuid.UUID]] = {}
    versions = select(Instrument.id, Instrument.code, Instrument.version)
    versions = versions.where(Instrument.organisation_id == organisation_id).order_by(col(Instrument.code))
    for row_id, code, version in session.exec(versions):
        if code not in latest or version > latest[code][0]:
            latest[code] = (version, row_id)
    ids = [row_id for _, row_id in latest.values()]
    found = {row_id: _DEFINITIONS[row_id] for row_id in ids if row_id in _DEFINITIONS}
    if missing := [row_id for row_id in ids if row_id not in found]:
        rows = session.exec(select(Instrument).where(col(Instrument.id).in_(missing)))
        found |= {row.id: definition_of(row) for row in rows}
    return [found[row_id] for row_id in ids]


def measurement_counts(session: Session, instrument_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, int]:
    """How many measurements each instrument version has."""
    if not instrument_ids:
        return {}
    rows = session.exec(
        select(Measurement.instrument_id, func.count())
        .where(col(Measurement.instrument_id).in_(instrument_ids))
        .group_by(col(Measurement.instrument_id))
    ).all()
    return {instrument_id: count for instrument_id, count in rows}


def family_measurements(
    session: Session, family_ids: Sequence[uuid.UUID], *, completed_only: bool = False
) -> Sequence[Measurement]:
    """The measurements of these families, oldest first."""
    if not family_ids:
        return []
    statement = select(Measurement).where(col(Measurement.family_id).in_(family_ids))
    if completed_only:
        statement = statement.where(Measurement.status == MeasurementStatus.completed)
    return session.exec(statement.order_by(col(Measurement.started_at), col(Measurement.id))).all()


def scores_of(
    session: Session, measurement_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[MeasurementScore]]:
    """Stored scale scores per measurement."""
    result: dict[uuid.UUID, list[MeasurementScore]] = {m: [] for m in measurement_ids}
    if not measurement_ids:
        return result
    for row in session.exec(
        select(MeasurementScore).where(col(MeasurementScore.measurement_id).in_(measurement_ids))
    ).all():
        result[row.measurement_id].append(row)
    return result


def members_of(
    session: Session, family_ids: Sequence[uuid.UUID], *, current: bool = True
) -> Sequence[FamilyMember]:
    """Members of these families (current ones, or all, archived included, for history)."""
    if not family_ids:
        return []
    statement = select(FamilyMember).where(col(FamilyMember.family_id).in_(family_ids))
    if current:
        statement = statement.where(col(FamilyMember.archived_at).is_(None))
    return session.exec(statement.order_by(col(FamilyMember.created_at))).all()


def users_by_id(session: Session, user_ids: Iterable[uuid.UUID]) -> dict[uuid.UUID, User]:
    ids = set(user_ids)
    if not ids:
        return {}
    return {u.id: u for u in session.exec(select(User).where(col(User.id).in_(ids))).all()}
