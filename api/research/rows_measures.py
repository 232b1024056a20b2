"""Rows of the measurement tables. Scores, change from T0 and the RCI are the values the app stored when the
measurement was completed (api/measurements/recording.py): the dataset never computes them a second way."""

import uuid
from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import select
from sqlmodel import col

from api.measurements.definitions import InstrumentDefinition
from api.measurements.norms import norms_status
from api.measurements.repository import definition_of
from api.models import Instrument, Measurement, MeasurementScore, MeasurementStatus
from api.research.context import ExportContext, day_start, month, number, text

Row = Sequence[str | None]


def _measured(ctx: ExportContext) -> list[Any]:
    """Measurements of the dataset's families at a wave, completed (or started) within the period."""
    p, m = ctx.project, Measurement
    starts, ends = day_start(p.period_start_on), day_start(p.period_end_on, 1)
    completed_in = (col(m.completed_at) >= starts) & (col(m.completed_at) < ends)
    open_in = col(m.completed_at).is_(None) & (col(m.started_at) >= starts) & (col(m.started_at) < ends)
    return [col(m.family_id).in_(ctx.scope), col(m.wave).is_not(None), completed_in | open_in]


def definitions(ctx: ExportContext) -> dict[uuid.UUID, InstrumentDefinition]:
    """The instrument versions the dataset's measurements used (one query, however many measurements)."""
    used = select(Measurement.instrument_id).where(*_measured(ctx)).distinct()  # type: ignore[call-overload]
    rows = ctx.session.scalars(select(Instrument).where(col(Instrument.id).in_(used))).all()
    return {r.id: definition_of(r) for r in rows}


def _respondent(ctx: ExportContext, m: Measurement) -> tuple[str | None, str]:
    return ctx.pseudo("respondent", m.respondent_id), "member" if m.respondent_member_id else "supporter"


def measurements(ctx: ExportContext) -> Iterator[Row]:
    m = Measurement
    statement = select(m).where(*_measured(ctx)).order_by(col(m.family_id), col(m.started_at), col(m.id))
    versions = {i: d.version for i, d in definitions(ctx).items()}
    for (row,) in ctx.stream(statement):
        respondent, kind = _respondent(ctx, row)
        yield (
            ctx.pseudo("measurement", row.id),
            ctx.pseudo("family", row.family_id),
            respondent,
            kind,
            row.instrument_code,
            text(versions.get(row.instrument_id)),
            text(row.wave),
            text(row.status),
            month(row.started_at),
            month(row.completed_at),
        )


def item_answers(ctx: ExportContext) -> Iterator[Row]:
    found = definitions(ctx)
    statement = select(Measurement).where(*_measured(ctx)).order_by(col(Measurement.id))
    for (row,) in ctx.stream(statement):
        definition = found[row.instrument_id]
        for key, answer in sorted(row.answers.items(), key=lambda kv: int(kv[0])):
            number_ = int(key)
            item = definition.item(number_)
            options = definition.option_set_of(item)
            keyed = options.min_value + options.max_value - answer if item.reverse_keyed else answer
            yield (
                ctx.pseudo("measurement", row.id),
                definition.code,
                str(definition.version),
                str(number_),
                str(answer),
                "true" if item.reverse_keyed else "false",
                str(keyed),
            )


def scale_scores(ctx: ExportContext) -> Iterator[Row]:
    m, s = Measurement, MeasurementScore
    versions = {i: d.version for i, d in definitions(ctx).items()}
    statement = (
        select(m, s)
        .join(s, col(s.measurement_id) == m.id)
        .where(*_measured(ctx), col(m.status) == MeasurementStatus.completed)
        .order_by(col(m.family_id), col(m.completed_at), col(m.id), col(s.scale_code))
    )
    for row, score in ctx.stream(statement):
        respondent, _kind = _respondent(ctx, row)
        yield (
            ctx.pseudo("measurement", row.id),
            ctx.pseudo("family", row.family_id),
            respondent,
            row.instrument_code,
            text(versions.get(row.instrument_id)),
            text(row.wave),
            month(row.completed_at),
            score.scale_code,
            number(score.score),
            str(score.n_answered),
            str(score.n_items),
            number(score.change_from_t0),
            number(score.rci),
            text(score.change_class),
        )


def scales(ctx: ExportContext) -> Iterator[Row]:
    seen = set()
    for definition in sorted(definitions(ctx).values(), key=lambda d: (d.code, d.version)):
        if (definition.code, definition.version) in seen:
            continue
        seen.add((definition.code, definition.version))
        for scale in definition.scales:
            low, high = definition.score_range(scale)
            norms = scale.norms
            reverse = [n for n in scale.items if definition.item(n).reverse_keyed]
            yield (
                definition.code,
                str(definition.version),
                scale.code,
                scale.name.en,
                scale.name.nl,
                "true" if scale is definition.total else "false",
                "true" if scale.higher_is_better else "false",
                number(low),
                number(high),
                ";".join(str(n) for n in scale.items),
                ";".join(str(n) for n in reverse),
                number(norms.sd if norms else None),
                number(norms.reliability if norms else None),
                number(2**0.5 * norms.sd * (1 - norms.reliability) ** 0.5, 6) if norms else "",
                text(norms_status(scale)),
                (norms.source or "") if norms else "",
            )
