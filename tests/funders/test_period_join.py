"""A funder's several calendar periods are read together (each rollup row once, joined to every period): the
figures are those of each period asked alone, also for facts a minute either side of a month's turn and
whatever the database session's time zone."""

import random
from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import text
from sqlmodel import Session, col, select

from api.funders.suppression import lattice
from api.measurements import evidence
from api.measurements.instruments import ensure_catalog
from api.measurements.repository import definition_of, instrument_rows, latest_by_code
from api.meetings.parties import parties_at_table
from api.models import ContactParty, Family, FamilyStatus, Measurement, Meeting, Wave
from tests.factories import World, make_region
from tests.funders.cohort import brs, enrol, gas, meeting, move, parent, party_at

TURN = datetime.combine(date(2025, 4, 1), time.min, tzinfo=UTC)


def _facts(session: Session, world: World) -> None:
    rng = random.Random(20)
    other = make_region(session, funder="CZ")
    for n in range(24):
        started = date(2024, 1, 1) + timedelta(days=rng.randint(0, 500))
        family = enrol(session, world, started_on=started)
        if n % 3 == 0:
            family.region_id = other.id
        member = parent(session, family)
        brs(session, family, member, Wave.t0, 2, started)
        for wave in (Wave.t1, Wave.t2):
            brs(session, family, member, wave, rng.randint(1, 5), started + timedelta(rng.randint(60, 300)))
        gas(session, family, [(started + timedelta(days), rng.randint(-2, 2)) for days in (30, 91, 200)])
        held = meeting(session, family, started + timedelta(rng.randint(10, 400)))
        party_at(session, held, ContactParty.school)
        if n % 4 == 0:
            move(session, family, FamilyStatus.active, FamilyStatus.closed, started + timedelta(300))
    # a minute either side of the turn of a month (UTC), where the session's time zone would move them
    later = select(Measurement).where(col(Measurement.wave) == Wave.t2).order_by(col(Measurement.id))
    for i, measurement in enumerate(session.exec(later).all()[:8]):
        measurement.completed_at = TURN - timedelta(minutes=i % 2)
    for i, held_meeting in enumerate(session.exec(select(Meeting).order_by(col(Meeting.id))).all()[:6]):
        held_meeting.starts_at = TURN - timedelta(minutes=i % 2)
    session.flush()


def test_several_periods_give_the_figures_of_each_period_alone(session: Session, world: World) -> None:
    ensure_catalog(session, world.organisation.id)
    _facts(session, world)
    if session.get_bind().dialect.name == "postgresql":
        session.execute(text("SET LOCAL TimeZone = 'Pacific/Kiritimati'"))  # UTC+14: another month's turn
    definitions = [
        definition_of(r) for r in latest_by_code(instrument_rows(session, world.organisation.id)).values()
    ]
    scope = select(col(Family.id)).where(col(Family.organisation_id) == world.organisation.id)
    group = col(Family.region_id)
    spans = [evidence.Span(n.key, n.start, n.end) for n in lattice(2024, 2025, "month")]
    together = evidence.figures(session, scope, spans, definitions=definitions, group=group)
    parties = parties_at_table(session, scope, spans=spans, group=group)
    assert sum(f.families for f in together.values()) > 0
    assert any(f.scales for f in together.values()) and any(f.gas_families for f in together.values())
    for span in spans:
        alone = evidence.figures(session, scope, [span], definitions=definitions, group=group)
        assert {k: v for k, v in together.items() if k[1] == span.key} == alone, span.key
        assert {k: v for k, v in parties.items() if k[1] == span.key} == parties_at_table(
            session, scope, spans=[span], group=group
        ), span.key
