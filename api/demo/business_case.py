"""Demo cost events: for every family in support, a year before support and the months since, drawn around
the voorbeeldmodel's assumptions for its type, so the observed-versus-assumed view has something to show.

Recorded through the business case's service by the family's supporter, each on the day it happened."""

import random
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal

from sqlmodel import Session, col, select

from api.business_case.cost_events import record_cost_event
from api.business_case.definitions import Assumption, ModelDefinition, Unit
from api.business_case.schemas import CostEventCreate
from api.business_case.versions import definition_of, model_row
from api.demo.context import DemoContext, acting, supporter_of
from api.models import CostEvent, Family, Role
from api.models.base import localtoday, replaying_at, utcnow

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
) -> list[CostEventCreate]:
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
            note = NOTES.get(factor.code) if rng.random() < 0.5 else None
            volume = volume.quantize(Decimal("0.001"))
            if volume <= 0:  # below a thousandth: nothing to record
                continue
            events.append(
                CostEventCreate(
                    factor_code=factor.code, occurred_on=on, ended_on=ended, volume=f"{volume:f}", note=note
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
    today = localtoday()
    coordinator = next(u for u in context.users.values() if u.role == Role.coordinator)
    added = 0
    for family in context.families:
        if family.id in recorded or family.started_on is None or family.family_type is None:
            continue
        rng = random.Random(f"cost-events-{family.reference}")
        who = supporter_of(session, family) or acting(coordinator)
        for data in _events(rng, family, model, by_type.get(family.family_type.value, []), today):
            day = datetime.combine(data.ended_on or data.occurred_on, time(16), tzinfo=UTC)
            with replaying_at(min(day, utcnow())):  # recorded on the day it happened (or ended)
                record_cost_event(session, who, family_id=family.id, data=data)
            added += 1
    session.flush()
    version = model_row(session, context.organisation.id).version
    return f"Demo business case: model version {version}, {added} cost events added."
