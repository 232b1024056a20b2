"""The wave-change rollups (api/models/rollups.py) from the raw measurements: per unit (a family, or one of
its respondents), instrument scale and wave, the unit's change from T0, when it completed the wave and when
its next wave of that scale superseded it. Part of api/measurements/rollup.py's set (`WAVE_ROLLUPS`).

The definition the cohort and funder figures rest on: a wave's change belongs to the period in which the
unit completed the wave (its last completed measurement of it) and counts whole, with every measurement of
the wave, also those completed before the period began; a family's change is its respondents' mean.
"""

from typing import Any

from sqlalchemy import Table, func, select
from sqlmodel import col

from api.models import (
    Measurement,
    MeasurementScore,
    MeasurementStatus,
    RollupRespondentWaveChange,
    RollupWaveChange,
)

COLUMNS = [
    "family_id",
    "instrument_code",
    "scale_code",
    "wave",
    "completed_at",
    "superseded_at",
    "change_from_t0",
    "n",
]


def _wave_rows(families: Any, *, respondent: bool) -> Any:
    m, s = Measurement, MeasurementScore
    unit = [col(m.family_id), *([col(m.respondent_id)] if respondent else [])]
    per_wave = (
        select(
            *unit,
            col(m.instrument_code),
            col(s.scale_code),
            col(m.wave),
            func.max(m.completed_at).label("completed_at"),
            func.avg(s.change_from_t0).label("change_from_t0"),
            func.count().label("n"),
        )
        .join(m, col(m.id) == s.measurement_id)
        .where(
            *([] if families is None else [col(m.family_id).in_(families)]),
            col(m.family_id).is_not(None),
            col(m.wave).is_not(None),
            col(m.status) == MeasurementStatus.completed,
            col(m.completed_at).is_not(None),
            col(s.change_from_t0).is_not(None),
        )
        .group_by(*unit, col(m.instrument_code), col(s.scale_code), col(m.wave))
        .subquery("per_wave")
    )
    c = per_wave.c
    series = [c.family_id, *([c.respondent_id] if respondent else []), c.instrument_code, c.scale_code]
    superseded = func.lead(c.completed_at).over(partition_by=series, order_by=(c.completed_at, c.wave))
    return select(
        c.family_id,
        c.instrument_code,
        c.scale_code,
        c.wave,
        c.completed_at,
        superseded.label("superseded_at"),
        c.change_from_t0,
        c.n,
        *([c.respondent_id] if respondent else []),
    )


def family_wave_rows(families: Any = None) -> Any:
    """Per family, instrument scale and wave: its respondents' mean change from T0, over the wave's
    measurements, when its last one was completed, and when the family's next wave of the scale was."""
    return _wave_rows(families, respondent=False)


def respondent_wave_rows(families: Any = None) -> Any:
    """Per respondent (within a family), instrument scale and wave: the change from T0, when it was completed
    and when the respondent's next wave of the scale was."""
    return _wave_rows(families, respondent=True)


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


# What both read (api/measurements/rollup.py, `Rollup.reads`): the columns of each model above whose UPDATE
# moves a row. A new measurement alone makes none (its scores do: it is only `joined`).
WAVE_READS: dict[type, tuple[str, ...]] = {
    Measurement: ("status", "completed_at", "wave", "instrument_code", "respondent_id", "family_id"),
    MeasurementScore: ("change_from_t0", "scale_code", "measurement_id"),
}
WAVE_JOINED = frozenset({Measurement})

WAVE_ROLLUPS: list[tuple[Table, list[str], Any]] = [
    (_table(RollupWaveChange), COLUMNS, family_wave_rows),
    (_table(RollupRespondentWaveChange), [*COLUMNS, "respondent_id"], respondent_wave_rows),
]
