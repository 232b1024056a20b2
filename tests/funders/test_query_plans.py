"""On PostgreSQL with a few thousand families: the cohort aggregates use their indexes (EXPLAIN), never a
sequential scan of the families, measurements, scores or status history, and bind no parameter per family.

(Scale itself is measured by the bench in bench/; this proves every guarded table is reachable by index.)"""

import json
import random
import uuid
from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection, event, text
from sqlmodel import Session, col

from api.auth.principal import FunderPrincipal
from api.families.repository import funder_family_ids
from api.measurements import evidence, rollup
from api.measurements.instruments import ensure_catalog
from api.measurements.repository import definition_of, instrument_rows, latest_by_code
from api.models import (
    Family,
    FamilyConsent,
    FamilyMember,
    FamilyStatus,
    FamilyStatusChange,
    GasScore,
    Goal,
    GoalStatus,
    Measurement,
    MeasurementScore,
    MeasurementStatus,
    MemberRole,
    Plan,
    Wave,
)
from api.models.plans import life_domain_id
from tests.conftest import POSTGRES_URL
from tests.factories import World, auth, make_region
from tests.funders.factories import client_auth, make_client
from tests.statements import selects_sent

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="query plans are checked on PostgreSQL")
FAMILIES = 3000
GUARDED = {
    "family",
    "measurement",
    "measurement_score",
    "family_status_change",
    "gas_score",
    "rollup_family_status",
    "rollup_gas",
    "rollup_wave_change",
    "rollup_respondent_wave_change",
    "rollup_meeting_party",
}


def _seed(session: Session, world: World) -> list[uuid.UUID]:
    rng = random.Random(3)
    regions = [world.region] + [make_region(session, funder="CZ") for _ in range(8)]
    ensure_catalog(session, world.organisation.id)
    brs = latest_by_code(instrument_rows(session, world.organisation.id))["brs"]
    rows: dict[type, list[dict[str, object]]] = {}

    def add(model: type, **values: object) -> uuid.UUID:
        values.setdefault("id", uuid.uuid4())
        rows.setdefault(model, []).append(values)
        return values["id"]  # type: ignore[return-value]

    for n in range(FAMILIES):
        started = date(2023, 1, 1) + timedelta(days=rng.randint(0, 900))
        family = add(
            Family,
            organisation_id=world.organisation.id,
            reference=f"P-{n}",
            display_name="Gezin",
            region_id=regions[n % len(regions)].id,
            status=FamilyStatus.active,
            started_on=started,
            target_groups=[],
            created_at=datetime.combine(started, datetime.min.time(), tzinfo=UTC),
            updated_at=datetime.now(UTC),
        )
        add(FamilyConsent, family_id=family, funder_data=True, recorded_at=datetime.now(UTC))
        add(
            FamilyStatusChange,
            family_id=family,
            from_status=FamilyStatus.intake,
            to_status=FamilyStatus.active,
            changed_at=datetime.combine(started, datetime.min.time(), tzinfo=UTC),
        )
        member = add(
            FamilyMember,
            family_id=family,
            display_name="Ouder",
            role=MemberRole.parent,
            created_at=datetime.now(UTC),
        )
        for wave, days in ((Wave.t0, 0), (Wave.t1, 180)):
            moment = datetime.combine(started + timedelta(days=days), datetime.min.time(), tzinfo=UTC)
            measurement = add(
                Measurement,
                organisation_id=world.organisation.id,
                family_id=family,
                instrument_id=brs.id,
                instrument_code="brs",
                wave=wave,
                respondent_member_id=member,
                respondent_id=member,
                status=MeasurementStatus.completed,
                answers={},
                created_by_id=world.supporter.id,
                started_at=moment,
                completed_at=moment,
                updated_at=moment,
            )
            add(
                MeasurementScore,
                measurement_id=measurement,
                scale_code="total",
                score=3.0,
                n_answered=6,
                n_items=6,
                change_from_t0=None if wave is Wave.t0 else rng.choice([-1.0, 0.0, 1.0]),
            )
        plan = add(Plan, family_id=family, created_at=datetime.now(UTC), updated_at=datetime.now(UTC))
        goal = add(
            Goal,
            plan_id=plan,
            family_id=family,
            text="Doel",
            life_domain_id=life_domain_id("housing"),
            status=GoalStatus.active,
            created_at=datetime.now(UTC),
            updated_at=datetime.now(UTC),
        )
        add(
            GasScore,
            goal_id=goal,
            family_id=family,
            scored_on=started + timedelta(days=90),
            level=rng.randint(-2, 2),
            created_at=datetime.now(UTC),
        )
    for model in (
        Family,
        FamilyConsent,
        FamilyStatusChange,
        FamilyMember,
        Measurement,
        MeasurementScore,
        Plan,
        Goal,
        GasScore,
    ):
        session.execute(model.__table__.insert(), rows[model])  # type: ignore[attr-defined]
    session.flush()
    rollup.rebuild(session)  # bulk inserts pass the flush listener by, as the bench's generator does
    for table in GUARDED | {"family_consent", "goal", "plan"}:
        session.execute(text(f"ANALYZE {table}"))
    return [r.id for r in regions]


def _scans(plan: object) -> set[tuple[str, str]]:
    found = set()
    if isinstance(plan, dict):
        if "Relation Name" in plan:
            found.add((plan["Node Type"], plan["Relation Name"]))
        for value in plan.values():
            found |= _scans(value)
    elif isinstance(plan, list):
        for value in plan:
            found |= _scans(value)
    return found


def test_funder_aggregates_use_indexes(session: Session, world: World) -> None:
    regions = _seed(session, world)
    principal = FunderPrincipal(
        actor_type="client",
        id=uuid.uuid4(),
        role=None,
        organisation_id=world.organisation.id,
        funder_name="CZ",
        region_ids=(regions[0],),
    )
    definitions = [
        definition_of(r) for r in latest_by_code(instrument_rows(session, world.organisation.id)).values()
    ]
    spans = [evidence.Span("2024-Q3", date(2024, 7, 1), date(2024, 9, 30))]
    statements: list[tuple[str, object]] = []

    def capture(_conn: object, _cursor: object, statement: str, parameters: object, *_args: object) -> None:
        statements.append((statement, parameters))

    bind = session.connection()
    event.listen(bind, "before_cursor_execute", capture)
    try:
        found = evidence.figures(
            session, funder_family_ids(principal), spans, definitions=definitions, group=col(Family.region_id)
        )
    finally:
        event.remove(bind, "before_cursor_execute", capture)
    assert found[(regions[0], "2024-Q3")].families > 100  # a region's worth of families
    assert len(statements) == 5  # the report's work_mem, families, meetings, GAS, changes
    # A few thousand rows fit in a handful of pages, where a sequential scan is the cheaper plan; priced out,
    # any sequential scan left means no index can serve the query, which at 100k families would be slow.
    bind.exec_driver_sql("SET LOCAL enable_seqscan = off")
    for statement, parameters in statements:
        assert len(parameters or {}) < 200  # the catalogue's norms and the spans; never one per family
        raw = bind.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters).scalar()
        plan = raw if isinstance(raw, list) else json.loads(raw)
        sequential = {table for kind, table in _scans(plan) if kind == "Seq Scan" and table in GUARDED}
        assert not sequential, (statement, sequential)


RAW = {"gas_score", "measurement_score", "family_status_change"}
ENDPOINTS = {
    "coordinator": "/api/v1/outcomes/cohort?region_id={region}",
    "funder": "/api/v1/funder/outcomes?from=2024-01-01&to=2024-12-31&period=quarter",
}


@pytest.mark.parametrize("who", sorted(ENDPOINTS))
def test_the_cohort_and_the_funder_outcomes_read_the_rollups_by_index(
    client: TestClient, connection: Connection, session: Session, world: World, who: str
) -> None:
    regions = _seed(session, world)
    headers = auth(world.coordinator)
    if who == "funder":
        headers = client_auth(make_client(session, world.organisation, [world.region])[0])
    session.commit()
    sent = selects_sent(client, connection, ENDPOINTS[who].format(region=regions[0]), headers)
    connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
    scans: set[tuple[str, str]] = set()
    for statement, parameters in sent:
        raw = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters).scalar()
        scans |= _scans(raw if isinstance(raw, list) else json.loads(raw))
    read = {table for _kind, table in scans}
    assert {"rollup_family_status", "rollup_gas", "rollup_wave_change"} <= read
    assert not read & RAW  # never a family's raw scores or status history
    assert not {table for kind, table in scans if kind == "Seq Scan" and table in GUARDED}
