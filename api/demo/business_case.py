"""Demo cost events: for every family in support, a year before support and the months since, drawn around
the voorbeeldmodel's assumptions for its type, so the observed-versus-assumed view has something to show."""

import random
from datetime import date, timedelta
from decimal import Decimal

from sqlmodel import Session, col, select

from api.business_case.definitions import Assumption, ModelDefinition, Unit
from api.business_case.versions import definition_of, model_row
from api.demo.context import DemoContext
from api.models import CostEvent, Family

FACTORS_PER_FAMILY = 5
NOTES = {
    "crisis_respite": "Crisisopvang na een zware periode thuis",
    "parent_sick_leave": "Moeder ziek thuis, overbelast",
    "out_of_home_placement": "Tijdelijke plaatsing bij een pleeggezin",
    "wlz_admission": "Opname in een woonvoorziening",
    "sibling_school_dropout": "Broer gestopt met zijn opleiding",
    "debt_arrangement": "Schuldregeling via de gemeente",
    "police_callout": "Politie gebeld bij een escalatie",
}


def _events(
    rng: random.Random, family: Family, model: ModelDefinition, assumptions: list[Assumption], today: date
) -> list[CostEvent]:
    """Yearly volumes near usual care in the year before support, near the with-support value since."""
    assert family.started_on is not None
    end = min(family.ended_on or today, today)
    spans = [
        (family.started_on - timedelta(days=365), family.started_on - timedelta(days=1), "usual"),
        (family.started_on, end, "with_support"),
    ]
    events = []
    for assumption in sorted(assumptions, key=lambda a: a.usual - a.with_support, reverse=True)[
        :FACTORS_PER_FAMILY
    ]:
        factor = model.factor(assumption.factor)
        assert factor is not None
        for first, last, which in spans:
            days = (last - first).days + 1
            if days <= 0:
                continue
            per_year = assumption.usual if which == "usual" else assumption.with_support
            expected = per_year * Decimal(days) / 365 * Decimal(rng.uniform(0.6, 1.4))
            volume = expected.quantize(Decimal(1)) if factor.unit is not Unit.year else expected
            if volume <= 0:
                continue
            on = first + timedelta(days=rng.randrange(days))
            ended = None
            if factor.unit is Unit.day:
                ended = min(on + timedelta(days=int(volume) - 1), last)
            events.append(
                CostEvent(
                    family_id=family.id,
                    factor_code=factor.code,
                    occurred_on=on,
                    ended_on=ended,
                    volume_milli=int(volume.quantize(Decimal("0.001")) * 1000),
                    note=NOTES.get(factor.code) if rng.random() < 0.5 else None,
                    recorded_by_id=family.supporter_id,
                )
            )
    return events


def seed_business_case(session: Session, context: DemoContext) -> str:
    """Cost events for the demo families in support that have none yet."""
    model = definition_of(model_row(session, context.organisation.id))
    by_type: dict[str, list[Assumption]] = {}
    for assumption in model.assumptions:
        by_type.setdefault(assumption.family_type, []).append(assumption)
    ids = [f.id for f in context.families]
    recorded = set(session.exec(select(CostEvent.family_id).where(col(CostEvent.family_id).in_(ids))).all())
    today = date.today()
    added = 0
    for family in context.families:
        if family.id in recorded or family.started_on is None or family.family_type is None:
            continue
        rng = random.Random(f"cost-events-{family.reference}")
        events = _events(rng, family, model, by_type.get(family.family_type.value, []), today)
        session.add_all(events)
        added += len(events)
    session.flush()
    version = model_row(session, context.organisation.id).version
    return f"Demo business case: model version {version}, {added} cost events added."
