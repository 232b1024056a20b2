"""Fact sources for funders from the domains that exist: measurements (issue 6).

Each reads only codes, numbers and dates: never the goal's words, notes, answers or who answered.
"""

import uuid
from collections.abc import Sequence

from sqlmodel import Session, col, select

from api.funders.sources import FamilyFacts, ScoreFact
from api.models import Instrument, Measurement, MeasurementScore, MeasurementStatus

FAMILY_OUTCOME = "family_outcome"  # instruments for a supporter's own wellbeing or check-ins never leave


def measurement_facts(session: Session, family_ids: Sequence[uuid.UUID]) -> dict[uuid.UUID, FamilyFacts]:
    """Completed outcome measurements with each scale's score and change from T0 (one query)."""
    rows = session.exec(
        select(Measurement, MeasurementScore)
        .join(MeasurementScore, col(MeasurementScore.measurement_id) == Measurement.id)
        .join(Instrument, col(Instrument.id) == Measurement.instrument_id)
        .where(
            col(Measurement.family_id).in_(family_ids),
            Measurement.status == MeasurementStatus.completed,
            Instrument.use == FAMILY_OUTCOME,
        )
        .order_by(col(Measurement.completed_at), col(MeasurementScore.scale_code))
    ).all()
    facts: dict[uuid.UUID, FamilyFacts] = {}
    for measurement, score in rows:
        if measurement.family_id is None or measurement.completed_at is None:
            continue
        facts.setdefault(measurement.family_id, FamilyFacts()).scores.append(
            ScoreFact(
                measurement_id=measurement.id,
                instrument=measurement.instrument_code,
                scale=score.scale_code,
                wave=measurement.wave.value if measurement.wave else "none",
                completed_on=measurement.completed_at.date(),
                score=score.score,
                change_from_t0=score.change_from_t0,
                change_class=score.change_class.value if score.change_class else None,
            )
        )
    return facts
