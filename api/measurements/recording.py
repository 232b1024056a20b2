"""Recording a measurement the caller has found in its own scope (the staff's family pages, a member's link):
starting it, checking and merging answers, scoring it when complete and storing change from T0."""

import uuid
from collections.abc import Mapping

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict, Unprocessable
from api.core.events import publish
from api.measurements.definitions import InstrumentDefinition, Scale
from api.measurements.repository import definition_of, scores_of
from api.measurements.scoring import reliable_change, score_response
from api.models import (
    ChangeClassValue,
    Family,
    Instrument,
    Measurement,
    MeasurementScore,
    MeasurementStatus,
    Wave,
)
from api.models.base import utcnow


def merge_answers(
    definition: InstrumentDefinition, saved: Mapping[str, int], answers: Mapping[int, int | None]
) -> dict[str, int]:
    """Saved answers with these applied (null clears one); every value checked, each error names its item."""
    errors = []
    merged = dict(saved)
    items = {item.number: item for item in definition.items}
    for number, value in sorted(answers.items()):
        field = f"answers.{number}"
        if number not in items:
            errors.append(
                {"field": field, "message": "geen vraag van deze lijst / not an item", "type": "unknown_item"}
            )
            continue
        if value is None:
            merged.pop(str(number), None)
            continue
        allowed = sorted(definition.option_set_of(items[number]).values)
        if value not in allowed:
            message = f"kies een van / choose one of {allowed}"
            errors.append({"field": field, "message": message, "type": "not_an_option"})
            continue
        merged[str(number)] = value
    if errors:
        fields = ", ".join(e["field"] for e in errors)
        raise Unprocessable(
            f"Ongeldig antwoord / invalid answer: {fields}", errors=errors, code="answer_invalid"
        )
    return merged


def complete(
    session: Session, measurement: Measurement, *, definition: InstrumentDefinition
) -> list[MeasurementScore]:
    """Score the answers exactly as the instrument defines and store one row per scale."""
    result = score_response(definition, {int(k): v for k, v in measurement.answers.items()})
    if all(s.score is None for s in result.scales.values()):
        reasons = "; ".join(f"{code}: {s.reason}" for code, s in result.scales.items())
        raise Unprocessable(
            f"Te weinig vragen beantwoord om een score te geven / too few answers to score ({reasons}).",
            errors=[{"field": "answers", "message": reasons, "type": "too_few_answers"}],
            code="too_few_answers",
        )
    rows = [
        MeasurementScore(
            measurement_id=measurement.id,
            scale_code=code,
            score=s.score,
            n_answered=s.n_answered,
            n_items=s.n_items,
            band_nl=s.band.label.nl if s.band else None,
            band_en=s.band.label.en if s.band else None,
            reason=s.reason,
        )
        for code, s in result.scales.items()
    ]
    measurement.status = MeasurementStatus.completed
    measurement.completed_at = utcnow()
    measurement.updated_at = measurement.completed_at
    measurement.version += 1
    session.add_all(rows)
    session.flush()
    return rows


def comparable(before: Scale, after: Scale) -> bool:
    """Scores of two versions compare only when the scale is built the same way."""
    return (before.items, before.aggregation, before.prorate_missing, before.positive_threshold) == (
        after.items,
        after.aggregation,
        after.prorate_missing,
        after.positive_threshold,
    )


def refresh_changes(session: Session, measurement: Measurement) -> None:
    """Recompute change from T0 and the RCI for every later wave of this respondent and instrument.

    Runs on each completion, so a T0 entered late still updates the waves after it.
    """
    if measurement.family_id is None or measurement.wave is None:
        return
    series = session.exec(
        select(Measurement).where(
            Measurement.family_id == measurement.family_id,
            Measurement.instrument_code == measurement.instrument_code,
            Measurement.respondent_id == measurement.respondent_id,
            Measurement.status == MeasurementStatus.completed,
        )
    ).all()
    baseline = next((m for m in series if m.wave == Wave.t0), None)
    instruments = {
        row.id: definition_of(row)
        for row in session.exec(
            select(Instrument).where(col(Instrument.id).in_({m.instrument_id for m in series}))
        ).all()
    }
    scores = scores_of(session, [m.id for m in series])
    base_scores = {row.scale_code: row for row in scores.get(baseline.id, [])} if baseline else {}
    for later in series:
        if later.wave == Wave.t0:
            continue
        definition = instruments[later.instrument_id]
        for row in scores[later.id]:
            row.change_from_t0 = row.rci = row.change_class = None
            base = base_scores.get(row.scale_code)
            if baseline is None or base is None:
                continue
            scale = definition.scale(row.scale_code)
            base_definition = instruments[baseline.instrument_id]
            if row.scale_code not in {s.code for s in base_definition.scales}:
                continue
            if not comparable(base_definition.scale(row.scale_code), scale):
                continue
            change = reliable_change(scale, base.score, row.score)
            row.change_from_t0 = change.change
            row.rci = change.rci
            row.change_class = ChangeClassValue(change.change_class.value) if change.change_class else None
    session.flush()


def audit_measurement(session: Session, principal: Principal, action: str, measurement: Measurement) -> None:
    audit.record(
        session,
        principal,
        action=action,
        object_type="measurement",
        object_id=measurement.id,
        family_id=measurement.family_id,
    )


def ensure_open(measurement: Measurement) -> Measurement:
    """A completed measurement is frozen: answering or completing it again is a 409."""
    if measurement.status == MeasurementStatus.completed:
        raise Conflict(
            "Deze meting is al afgerond / this measurement is already completed.",
            code="measurement_completed",
        )
    return measurement


def start_measurement(
    session: Session,
    principal: Principal,
    *,
    family: Family,
    row: Instrument,
    wave: Wave,
    member_id: uuid.UUID | None,
    user_id: uuid.UUID | None,
    created_by_id: uuid.UUID,
) -> Measurement:
    """Insert the one measurement of this respondent, instrument and wave (409 naming it when it exists).

    The caller has checked the family, the instrument and the respondent (staff here, a member's link in
    api/checkins/questionnaires.py); `principal` is who the audit log names.
    """
    respondent_id = member_id or user_id
    assert respondent_id is not None
    clash = session.exec(
        select(Measurement.id).where(
            Measurement.family_id == family.id,
            Measurement.instrument_code == row.code,
            Measurement.wave == wave,
            Measurement.respondent_id == respondent_id,
        )
    ).first()
    started = Conflict(
        "Deze meting is al gestart; ga daar verder / this measurement was already started; resume it.",
        extensions={"measurement_id": str(clash)} if clash else None,
    )
    if clash is not None:
        raise started
    measurement = Measurement(
        organisation_id=family.organisation_id,
        family_id=family.id,
        instrument_id=row.id,
        instrument_code=row.code,
        wave=wave,
        respondent_member_id=member_id,
        respondent_user_id=user_id,
        respondent_id=respondent_id,
        created_by_id=created_by_id,
    )
    try:
        with session.begin_nested():  # the unique constraint catches a second device starting it meanwhile
            session.add(measurement)
    except IntegrityError as exc:
        raise started from exc
    audit_measurement(session, principal, "create", measurement)
    return measurement


def save_answers(
    session: Session, principal: Principal, *, measurement: Measurement, answers: dict[int, int | None]
) -> None:
    """Check and merge answers into an open measurement the caller has found (and locked) in its scope."""
    row = session.get(Instrument, measurement.instrument_id)
    assert row is not None
    measurement.answers = merge_answers(definition_of(row), measurement.answers, answers)
    measurement.updated_at = utcnow()
    measurement.version += 1
    session.flush()
    audit_measurement(session, principal, "update", measurement)


def complete_measurement(session: Session, principal: Principal, *, measurement: Measurement) -> None:
    """Score an open measurement the caller has found in its scope, store change from T0, announce it."""
    row = session.get(Instrument, measurement.instrument_id)
    assert row is not None
    complete(session, measurement, definition=definition_of(row))
    refresh_changes(session, measurement)
    audit_measurement(session, principal, "complete", measurement)
    if measurement.family_id is not None:
        publish(
            session,
            event_type="measurement.completed",
            family_id=measurement.family_id,
            data={"measurement_id": measurement.id, "instrument": row.code, "wave": measurement.wave},
        )
