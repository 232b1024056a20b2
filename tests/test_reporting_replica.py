"""Reporting reads (cohort, funder outcomes, business case) go to the read replica and never write there;
their audit event still lands on the primary. Research exports, when they come, belong here too."""

from collections.abc import Iterator

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, event
from sqlmodel import Session, col, select

from api.core.config import get_settings
from api.core.db import RoutingSession, get_replica_engine, get_session, transaction
from api.main import create_app
from api.models import AuditEvent
from tests.factories import World, auth
from tests.funders.factories import client_auth
from tests.funders.helpers import funder_world


@pytest.fixture
def replica(database_url: str, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    monkeypatch.setenv("BONDGENOOT_DATABASE_REPLICA_URL", database_url)
    get_settings.cache_clear()
    get_replica_engine.cache_clear()
    engine = get_replica_engine()
    assert engine is not None
    yield engine
    engine.dispose()
    monkeypatch.undo()
    get_settings.cache_clear()
    get_replica_engine.cache_clear()


@pytest.fixture
def routed_client(connection: Connection, replica: Engine) -> Iterator[TestClient]:
    """The app with the production session class, on the test's transaction, reading from `replica`."""
    application: FastAPI = create_app()

    def routed_session() -> Iterator[Session]:
        with RoutingSession(
            bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False
        ) as s:
            yield from transaction(s)

    application.dependency_overrides[get_session] = routed_session
    with TestClient(application, raise_server_exceptions=False) as client:
        yield client


def test_reporting_reads_go_to_the_replica_and_never_write_there(
    routed_client: TestClient, session: Session, world: World, replica: Engine
) -> None:
    fw = funder_world(session, world, families=6)
    sent: list[str] = []
    event.listen(replica, "before_cursor_execute", lambda _c, _cur, sql, *_a: sent.append(sql))
    cohort = routed_client.get("/api/v1/outcomes/cohort", headers=auth(world.coordinator))
    assert cohort.status_code == 200, cohort.text
    outcomes = routed_client.get(
        "/api/v1/funder/outcomes",
        params={"from": "2026-01-01", "to": "2026-06-30", "period": "quarter"},
        headers=client_auth(fw.client),
    )
    assert outcomes.status_code == 200, outcomes.text
    for path, headers in (
        ("/api/v1/business-case", auth(world.coordinator)),
        ("/api/v1/funder/business-case", client_auth(fw.client)),
    ):
        business_case = routed_client.get(path, headers=headers)
        assert business_case.status_code == 200, (path, business_case.text)
    statements = [s.lstrip().upper() for s in sent if not s.lstrip().upper().startswith("SET TRANSACTION")]
    assert statements, "the reporting reads went to the primary"
    assert all(s.startswith(("SELECT", "WITH")) for s in statements), [s[:60] for s in statements]
    audited = session.exec(
        select(AuditEvent.object_type).where(
            col(AuditEvent.object_type).in_(["cohort_outcomes", "outcomes", "business_case"])
        )
    ).all()
    assert sorted(audited) == ["business_case", "business_case", "cohort_outcomes", "outcomes"]  # primary


def test_the_replica_refuses_writes(replica: Engine) -> None:
    with pytest.raises(Exception, match=r"(?i)read-only|readonly"), replica.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE scratch_write (x INTEGER)")


def test_without_a_replica_reporting_reads_the_primary(client: TestClient, world: World) -> None:
    assert get_replica_engine() is None
    assert client.get("/api/v1/outcomes/cohort", headers=auth(world.coordinator)).status_code == 200
