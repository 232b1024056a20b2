"""On PostgreSQL with a few thousand families: a page of trajectories and one trajectory's FHIR export read
by index only (the pseudonym is one probe of its unique index), and the staff cohort and the funder outcomes
read through the replica-capable session bind no parameter per family."""

import json
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Connection
from sqlmodel import Session, col, select

from api.models import Region
from tests.conftest import POSTGRES_URL
from tests.factories import World
from tests.funders.factories import client_auth, make_client
from tests.funders.test_query_plans import GUARDED, _scans, _seed
from tests.statements import selects_sent

pytestmark = pytest.mark.skipif(not POSTGRES_URL, reason="query plans are checked on PostgreSQL")
WATCHED = GUARDED | {"family_pseudonym", "family_consent"}


def _sequential(connection: Connection, sent: list[tuple[str, Any]]) -> set[str]:
    # A few thousand rows fit in a handful of pages, where a sequential scan is the cheaper plan; priced
    # out, a sequential scan left means no index can serve the query (slow at 100k families).
    connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
    found = set()
    for statement, parameters in sent:
        assert len(parameters or {}) < 200, statement[:80]  # never one parameter per family
        raw = connection.exec_driver_sql(f"EXPLAIN (FORMAT JSON) {statement}", parameters).scalar()
        plan = raw if isinstance(raw, list) else json.loads(raw)
        found |= {table for kind, table in _scans(plan) if kind == "Seq Scan" and table in WATCHED}
    connection.exec_driver_sql("SET LOCAL enable_seqscan = on")
    return found


def test_trajectories_and_fhir_read_by_index(
    client: TestClient, connection: Connection, session: Session, world: World
) -> None:
    region_ids = _seed(session, world)
    regions = list(session.exec(select(Region).where(col(Region.id).in_(region_ids[1:]))))  # CZ's eight
    funder, _ = make_client(session, world.organisation, regions, funder="CZ")
    headers = client_auth(funder)
    page = client.get("/api/v1/funder/trajectories?limit=100", headers=headers).json()
    assert len(page["items"]) == 100
    listing = selects_sent(client, connection, "/api/v1/funder/trajectories?limit=100", headers)
    pseudonym = page["items"][0]["pseudonym"]
    export = selects_sent(client, connection, f"/api/v1/funder/trajectories/{pseudonym}/fhir", headers)
    assert not _sequential(connection, listing), "trajectory page"
    assert not _sequential(connection, export), "FHIR export"
