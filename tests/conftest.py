"""Test database built by the real migrations (SQLite, or PostgreSQL via BONDGENOOT_TEST_DATABASE_URL);
every test runs in a transaction that is rolled back."""

import os
import uuid
from collections.abc import Iterator

os.environ["BONDGENOOT_ENVIRONMENT"] = "test"
os.environ["BONDGENOOT_SECRET_KEY"] = "test-secret-key-that-is-long-enough-0123456789"
os.environ.pop("BONDGENOOT_DATABASE_URL", None)
os.environ.pop("BONDGENOOT_MIGRATION_DATABASE_URL", None)

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlmodel import Session

from api import subscribers
from api.cli import migrate
from api.core.config import get_settings
from api.core.db import get_engine, get_session, transaction
from api.main import create_app
from tests.factories import World, build_world

subscribers.register()  # as the app and the command line do: domain events reach their listeners

POSTGRES_URL = os.environ.get("BONDGENOOT_TEST_DATABASE_URL")
# On PostgreSQL the suite runs as production does: migrations as the owner, the app as a role that may only
# INSERT and SELECT the audit trail (README, "Database roles").
OWNER_ROLE, APP_ROLE = "bondgenoot_owner", "bondgenoot_app"


def pytest_report_header() -> str:
    return (
        f"database: {'PostgreSQL ' + make_url(POSTGRES_URL).render_as_string() if POSTGRES_URL else 'SQLite'}"
    )


EXAMPLE_PUBLIC_ADDRESS = "93.184.215.14"


@pytest.fixture(autouse=True)
def _hermetic_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Webhook hosts under example.nl resolve to one public address; the tests never ask real DNS for them."""
    import api.core.outbound as outbound

    real = outbound.system_resolve

    def resolve(host: str, port: int) -> list[str]:
        return [EXAMPLE_PUBLIC_ADDRESS] if host.endswith("example.nl") else real(host, port)

    monkeypatch.setattr(outbound, "system_resolve", resolve)


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A scratch database: a temporary SQLite file, or a new PostgreSQL database dropped afterwards."""
    if not POSTGRES_URL:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.db'}"
        return
    server = make_url(POSTGRES_URL)
    name = f"bondgenoot_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        for role in (OWNER_ROLE, APP_ROLE):  # cluster-wide; parallel runs may race to create them
            conn.execute(
                text(
                    f"DO $$ BEGIN CREATE ROLE {role} LOGIN; "
                    "EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL; END $$"
                )
            )
        conn.execute(text(f'CREATE DATABASE "{name}" OWNER {OWNER_ROLE}'))
    try:
        yield server.set(database=name).render_as_string(hide_password=False)
    finally:
        get_engine().dispose()
        with admin.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin.dispose()


@pytest.fixture(scope="session")
def engine(database_url: str) -> Iterator[Engine]:
    """The app's engine on the scratch database, with the schema built by `alembic upgrade heads`."""
    url = make_url(database_url)
    if url.get_backend_name() == "postgresql":
        os.environ["BONDGENOOT_MIGRATION_DATABASE_URL"] = url.set(username=OWNER_ROLE).render_as_string(False)
        database_url = url.set(username=APP_ROLE).render_as_string(hide_password=False)
    os.environ["BONDGENOOT_DATABASE_URL"] = database_url
    get_settings.cache_clear()
    get_engine.cache_clear()
    migrate()
    yield get_engine()
    get_engine().dispose()


@pytest.fixture
def connection(engine: Engine) -> Iterator[Connection]:
    with engine.connect() as conn:
        outer = conn.begin()
        yield conn
        outer.rollback()


@pytest.fixture
def session(connection: Connection) -> Iterator[Session]:
    """A session whose commits are savepoints inside the test's transaction."""
    with Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False) as s:
        yield s


# FastAPI works out its included routers' routes on an app's first request (a large share of a short test's
# time), so the tests share one app per settings object; a test that changes settings gets a new one.
_SHARED: list[tuple[object, FastAPI]] = []


def _bound(application: FastAPI, session: Session) -> FastAPI:
    def test_session() -> Iterator[Session]:
        try:
            yield from transaction(session)
        finally:
            session.expire_all()  # like a fresh session per request: nothing cached between requests

    application.dependency_overrides[get_session] = test_session
    return application


@pytest.fixture
def app(session: Session) -> Iterator[FastAPI]:
    settings = get_settings()
    if not _SHARED or _SHARED[0][0] is not settings:
        _SHARED[:] = [(settings, create_app())]
    application = _bound(_SHARED[0][1], session)
    yield application
    application.dependency_overrides.clear()


@pytest.fixture
def fresh_app(session: Session) -> FastAPI:
    """An app of the test's own, for a test that adds to the app itself (a route, a handler)."""
    return _bound(create_app(), session)


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app, raise_server_exceptions=False) as test_client:
        yield test_client


@pytest.fixture
def world(session: Session) -> World:
    """Two organisations; in the first a coordinator, an admin and two supporters with a family each."""
    built = build_world(session)
    session.commit()  # ends the savepoint, so a request that rolls back keeps the world
    return built


class QueryCounter:
    def __init__(self) -> None:
        self.statements: list[str] = []

    @property
    def count(self) -> int:
        return len(self.statements)


@pytest.fixture
def count_queries(connection: Connection) -> Iterator[QueryCounter]:
    counter = QueryCounter()

    def before(_conn: object, _cursor: object, statement: str, *_args: object) -> None:
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK TO")):
            counter.statements.append(statement)

    event.listen(connection, "before_cursor_execute", before)
    yield counter
    event.remove(connection, "before_cursor_execute", before)
