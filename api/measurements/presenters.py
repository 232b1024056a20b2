"""Turning stored measurements and scores into response models (no queries here)."""

from collections.abc import Sequence

from api.measurements.definitions import InstrumentDefinition, LocalizedText
from api.measurements.schemas import MeasurementDetail, MeasurementPublic, RespondentPublic, ScaleScorePublic
from api.models import Measurement, MeasurementScore


def band_of(row: MeasurementScore) -> LocalizedText | None:
    if row.band_nl is None or row.band_en is None:
        return None
    return LocalizedText(nl=row.band_nl, en=row.band_en)


def scale_scores(
    definition: InstrumentDefinition, rows: Sequence[MeasurementScore]
) -> list[ScaleScorePublic]:
    """Stored scores in the instrument's scale order (subscales, then the total)."""
    by_code = {row.scale_code: row for row in rows}
    result = []
    for scale in definition.scales:
        row = by_code.get(scale.code)
        if row is None:
            continue
        result.append(
            ScaleScorePublic(
                code=scale.code,
                name=scale.name,
                score=row.score,
                n_answered=row.n_answered,
                n_items=row.n_items,
                band=band_of(row),
                reason=row.reason,
                change_from_t0=row.change_from_t0,
                rci=row.rci,
                change_class=row.change_class,
            )
        )
    return result


def answers_of(measurement: Measurement) -> dict[int, int]:
    return {int(number): value for number, value in measurement.answers.items()}


def measurement_public(
    measurement: Measurement, definition: InstrumentDefinition, respondent: RespondentPublic
) -> MeasurementPublic:
    return MeasurementPublic(
        id=measurement.id,
        family_id=measurement.family_id,
        instrument_code=measurement.instrument_code,
        instrument_version=definition.version,
        instrument_name=definition.name,
        wave=measurement.wave,
        respondent=respondent,
        status=measurement.status,
        n_answered=len(measurement.answers),
        n_items=len(definition.items),
        started_at=measurement.started_at,
        completed_at=measurement.completed_at,
    )


def measurement_detail(
    measurement: Measurement,
    definition: InstrumentDefinition,
    respondent: RespondentPublic,
    scores: Sequence[MeasurementScore],
) -> MeasurementDetail:
    return MeasurementDetail(
        **measurement_public(measurement, definition, respondent).model_dump(),
        instrument=definition,
        answers=answers_of(measurement),
        scores=scale_scores(definition, scores),
        version=measurement.version,
    )
