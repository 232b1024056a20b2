"""On PostgreSQL, with a few thousand families, the hot reads use their indexes: no sequential scan of the
families, the scores or the audit log (the plans PostgreSQL picks for the exact statements the app sends)."""

import json
from collections.abc import Iterator
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session

from tests.factories import World, auth
from tests.statements import selects_sent

FAMILIES = 4000
WATCHED = {"family", "gas_score", "measurement_score", "audit_event"}


@pytest.fixture
def many_families(connection: Connection, session: Session, world: World) -> World:
    """FAMILIES families, 40 per supporter, each with a plan, an active goal, 3 scores and 20 audit events."""
    if connection.dialect.name != "postgresql":
        pytest.skip("query plans are checked on PostgreSQL")
    params = {
        "org": world.organisation.id,
        "sup": world.supporter.id,
        "other": world.other_supporter.id,
        "region": world.region.id,
    }
    for sql in (
        "INSERT INTO app_user (id, organisation_id, email, full_name, role, password_hash, is_active, "
        "created_at) SELECT md5('u' || k)::uuid, %(org)s, 'qp' || k || '@example.nl', 'Begeleider ' || k, "
        "'supporter', 'x', true, now() FROM generate_series(2, 99) k",
        "INSERT INTO family (id, organisation_id, reference, display_name, status, region_id, target_groups, "
        "supporter_id, version, created_at, updated_at) SELECT md5('f' || g)::uuid, %(org)s, 'QP-' || g, "
        "'Gezin ' || md5(g::text), (ARRAY['intake','active','phasing_out','closed'])[1 + g %% 4], "
        "CASE WHEN g %% 3 = 0 THEN %(region)s END, '[]', "
        "CASE g %% 100 WHEN 0 THEN %(sup)s WHEN 1 THEN %(other)s ELSE md5('u' || g %% 100)::uuid END, "
        f"1, now() - make_interval(mins => g), now() FROM generate_series(1, {FAMILIES}) g",
        "INSERT INTO plan (id, family_id, version, adopted_count, created_at, updated_at) "
        "SELECT md5('p' || g)::uuid, md5('f' || g)::uuid, 1, 0, now(), now() "
        f"FROM generate_series(1, {FAMILIES}) g",
        "INSERT INTO goal (id, plan_id, family_id, text, life_domain_id, priority, status, activated_on, "
        "weight, version, created_at, updated_at) "
        "SELECT md5('g' || g)::uuid, md5('p' || g)::uuid, md5('f' || g)::uuid, "
        "'Doel', (SELECT id FROM life_domain WHERE code = 'health'), 1, 'active', current_date - 200, 1, 1, "
        f"now(), now() FROM generate_series(1, {FAMILIES}) g",
        "INSERT INTO gas_score (id, goal_id, family_id, scored_on, level, created_at) "
        "SELECT md5('s' || g || ':' || k)::uuid, md5('g' || g)::uuid, md5('f' || g)::uuid, "
        f"current_date - 30 * k, 0, now() FROM generate_series(1, {FAMILIES}) g, generate_series(1, 3) k",
        "INSERT INTO audit_event (id, occurred_at, actor_type, actor_id, organisation_id, action, "
        "object_type, object_id, family_id, outcome) "
        "SELECT md5('a' || g || ':' || k)::uuid, now() - make_interval(mins => k), "
        "'user', %(sup)s, %(org)s, 'read', 'family', md5('f' || g)::uuid, md5('f' || g)::uuid, 'success' "
        f"FROM generate_series(1, {FAMILIES}) g, generate_series(1, 20) k",
        "ANALYZE family, plan, goal, gas_score, audit_event, plan_action, measurement, measurement_score",
    ):
        connection.exec_driver_sql(sql, params)
    return world


def _scans(plan: Any) -> Iterator[tuple[str, str]]:
    if isinstance(plan, dict):
        if "Relation Name" in plan:
            yield plan["Node Type"], plan["Relation Name"]
        for value in plan.values():
            yield from _scans(value)
    elif isinstance(plan, list):
        for value in plan:
            yield from _scans(value)


def _plans_of(
    client: TestClient, connection: Connection, url: str, headers: dict[str, str], *, families_bound: int = 1
) -> list[Any]:
    sent = selects_sent(client, connection, url, headers)
    # no read binds one parameter per family: at most the one family a request names (or one page of them)
    families = {str(row[0]) for row in connection.exec_driver_sql("SELECT id FROM family")}
    for _, parameters in sent:
        values = parameters.values() if isinstance(parameters, dict) else parameters or ()
        assert sum(str(v) in families for v in values) <= families_bound, (url, len(values))
    return [
        json.loads(row[0]) if isinstance(row[0], str) else row[0]
        for statement, parameters in sent
        for row in [connection.exec_driver_sql("EXPLAIN (FORMAT JSON) " + statement, parameters).one()]
    ]


@pytest.mark.parametrize(
    ("who", "url"),
    [
        ("coordinator", "/api/v1/families?limit=25"),
        ("coordinator", "/api/v1/families?limit=100&status=active"),
        ("coordinator", "/api/v1/families?limit=25&region_id={region}"),
        ("coordinator", "/api/v1/families?limit=25&supporter_id={supporter}"),
        ("coordinator", "/api/v1/families?limit=25&q=3999"),
        ("coordinator", "/api/v1/families?limit=25&q={name_part}"),
        ("coordinator", "/api/v1/families?limit=25&cursor={cursor}"),
        ("supporter", "/api/v1/families?limit=25"),
        ("supporter", "/api/v1/families?limit=25&sort=attention"),
        ("supporter", "/api/v1/families?limit=25&attention=true"),
        ("coordinator", "/api/v1/families?limit=25&supporter_id={supporter}&sort=attention"),
        ("supporter", "/api/v1/measurements/due"),
        ("coordinator", "/api/v1/measurements/due?limit=25"),
        ("supporter", "/api/v1/worklist"),
        ("supporter", "/api/v1/evaluation-debt?family_id={family}"),
        ("coordinator", "/api/v1/evaluation-debt"),
        ("supporter", "/api/v1/evaluation-debt"),
        ("coordinator", "/api/v1/evaluation-debt/summary"),
        ("coordinator", "/api/v1/families/{family}/access-log"),
        ("admin", "/api/v1/audit-events"),
    ],
)
def test_hot_reads_use_their_indexes(
    client: TestClient, connection: Connection, many_families: World, who: str, url: str
) -> None:
    world = many_families
    headers = auth(getattr(world, who))
    cursor = client.get("/api/v1/families?limit=25", headers=auth(world.coordinator)).json()["next_cursor"]
    name_part = connection.exec_driver_sql(
        "SELECT substr(display_name, 7, 8) FROM family WHERE reference = 'QP-1234'"
    ).scalar_one()
    path = url.format(
        region=world.region.id,
        supporter=world.supporter.id,
        cursor=cursor,
        family=world.family.id,
        name_part=name_part,
    )
    assert_indexed(_plans_of(client, connection, path, headers), WATCHED, path)


def assert_indexed(plans: list[Any], watched: set[str], path: str) -> None:
    """No plan reads a watched table by a sequential scan."""
    scans = {scan for plan in plans for scan in _scans(plan)}
    assert scans, "no statement reached a table"
    sequential = {table for node, table in scans if node == "Seq Scan" and table in watched}
    assert not sequential, (path, sorted(scans), sequential)
