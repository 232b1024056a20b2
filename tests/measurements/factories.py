"""Plain functions that make instruments, measurements and factors for tests."""

from datetime import timedelta
from typing import Any

from sqlmodel import Session, select

from api.measurements import recording
from api.measurements.catalog import load_instrument
from api.measurements.definitions import InstrumentDefinition
from api.measurements.factors import ensure_factors
from api.measurements.instruments import ensure_catalog
from api.measurements.repository import definition_of
from api.models import (
    Factor,
    Family,
    FamilyMember,
    Instrument,
    Measurement,
    Organisation,
    User,
    Wave,
)
from api.models.base import utcnow


def rating_definition(code: str = "supporter_rating", respondent: str = "supporter") -> dict[str, Any]:
    """A small two-item instrument (1-5, mean, item 2 reversed) with norms, as an administrator posts it."""
    return {
        "code": code,
        "version": 1,
        "name": {"nl": "Inschatting", "en": "Rating"},
        "description": {"nl": "Twee vragen.", "en": "Two questions."},
        "source": "Test instrument.",
        "licence": {"owner": "Test", "terms": "Free.", "item_text_reproducible": True},
        "respondent": respondent,
        "option_sets": [
            {
                "code": "one_to_five",
                "options": [{"value": v, "label": {"nl": str(v), "en": str(v)}} for v in range(1, 6)],
            }
        ],
        "items": [
            {"number": 1, "text_nl": "Gaat het goed?", "option_set": "one_to_five"},
            {"number": 2, "text_nl": "Is het zwaar?", "option_set": "one_to_five", "reverse_keyed": True},
        ],
        "total": {
            "code": "total",
            "name": {"nl": "Totaal", "en": "Total"},
            "items": [1, 2],
            "aggregation": "mean",
            "min_answered": 1,
            "higher_is_better": True,
            "norms": {"mean": 3.0, "sd": 1.0, "reliability": 0.75},
        },
    }


def add_instrument(session: Session, organisation_id: Any, raw: dict[str, Any]) -> Instrument:
    definition = InstrumentDefinition.model_validate(raw)
    row = Instrument(
        organisation_id=organisation_id,
        code=definition.code,
        version=definition.version,
        use=definition.use.value,
        respondent=definition.respondent.value,
        definition=definition.model_dump(mode="json", exclude_none=True),
    )
    session.add(row)
    session.flush()
    return row


def instrument(session: Session, organisation_id: Any, code: str) -> Instrument:
    ensure_catalog(session, organisation_id)
    row = session.exec(
        select(Instrument)
        .where(Instrument.organisation_id == organisation_id, Instrument.code == code)
        .order_by(Instrument.version.desc())  # type: ignore[attr-defined]
    ).first()
    assert row is not None
    return row


def make_measurement(
    session: Session,
    family: Family,
    respondent: FamilyMember | User,
    *,
    code: str = "brs",
    wave: Wave = Wave.t0,
    answers: dict[int, int] | None = None,
    complete: bool = False,
    days_ago: int = 0,
) -> Measurement:
    """A measurement for a member (or, for supporter instruments, a user), optionally completed and scored."""
    row = instrument(session, family.organisation_id, code)
    is_member = isinstance(respondent, FamilyMember)
    measurement = Measurement(
        organisation_id=family.organisation_id,
        family_id=family.id,
        instrument_id=row.id,
        instrument_code=code,
        wave=wave,
        respondent_member_id=respondent.id if is_member else None,
        respondent_user_id=None if is_member else respondent.id,
        respondent_id=respondent.id,
        created_by_id=family.supporter_id or respondent.id,
        answers={str(k): v for k, v in (answers or {}).items()},
    )
    session.add(measurement)
    session.flush()
    if complete:
        recording.complete(session, measurement, definition=definition_of(row))
        measurement.completed_at = utcnow() - timedelta(days=days_ago)
        recording.refresh_changes(session, measurement)
    return measurement


def brs_answers(level: int) -> dict[int, int]:
    """BRS answers whose mean score is `level` (reversed items 2, 4, 6 answered 6 - level)."""
    return {n: (6 - level if n in (2, 4, 6) else level) for n in range(1, 7)}


def make_factor(session: Session, organisation: Organisation, code: str = "test_factor") -> Factor:
    ensure_factors(session, organisation.id)
    factor = Factor(
        organisation_id=organisation.id, code=code, kind="hindering", label_nl="Test", label_en="Test"
    )  # type: ignore[arg-type]
    session.add(factor)
    session.flush()
    return factor


SHIPPED_BRS = load_instrument("brs")
