"""Engine, naming convention and the one-transaction-per-request session."""

from collections.abc import AsyncIterator, Iterator
from contextlib import contextmanager
from functools import lru_cache
from typing import Annotated, Any

import anyio
from fastapi import Depends
from sqlalchemy import Engine, event
from sqlalchemy.engine import Connection
from sqlalchemy.sql.elements import ClauseElement
from sqlmodel import Session, create_engine

from api.core.config import get_settings
from api.core.errors import DomainError


def make_engine(url: str) -> Engine:
    """An engine for `url`; SQLite gets foreign keys, WAL and a busy timeout."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
        )

        @event.listens_for(engine, "connect")
        def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
            # Let SQLAlchemy, not the sqlite3 module, decide when transactions begin (savepoints work).
            dbapi_connection.isolation_level = None
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA foreign_keys=ON")
            cursor.execute("PRAGMA journal_mode=WAL")
            cursor.close()

        @event.listens_for(engine, "begin")
        def _begin_immediate(connection: Any) -> None:
            # Nearly every request writes (the audit log): take the write lock up front, no upgrade deadlocks.
            connection.exec_driver_sql("BEGIN IMMEDIATE")

        return engine
    settings = get_settings()
    # Behind PgBouncer in transaction pooling, a server connection may change between transactions, so
    # psycopg must not prepare statements on it (BONDGENOOT_DATABASE_PREPARED_STATEMENTS=false).
    connect_args = {} if settings.database_prepared_statements else {"prepare_threshold": None}
    # hide_parameters: SQL parameters (names, search text) never reach an error message or a log.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=settings.database_pool_size,
        max_overflow=2 * settings.database_pool_size,
        hide_parameters=True,
        connect_args={"connect_timeout": 5, **connect_args},
    )


def make_replica_engine(url: str) -> Engine:
    """An engine for reporting reads; every transaction on it is read-only."""
    if url.startswith("sqlite"):
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, hide_parameters=True
        )

        @event.listens_for(engine, "connect")
        def _read_only(dbapi_connection: Any, _record: Any) -> None:
            cursor = dbapi_connection.cursor()
            cursor.execute("PRAGMA query_only=ON")
            cursor.close()

        return engine
    engine = make_engine(url)

    @event.listens_for(engine, "begin")
    def _read_only_transaction(connection: Any) -> None:
        # per transaction, not per session: safe behind PgBouncer in transaction pooling
        connection.exec_driver_sql("SET TRANSACTION READ ONLY")

    return engine


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine."""
    return make_engine(get_settings().database_url)


@lru_cache
def get_replica_engine() -> Engine | None:
    """The read replica for reporting (BONDGENOOT_DATABASE_REPLICA_URL), or None to read the primary."""
    url = get_settings().database_replica_url
    return make_replica_engine(url) if url else None


class RoutingSession(Session):
    """A session whose plain reads go to `info["replica"]` once a reporting route sets it; every write
    (flush, INSERT/UPDATE/DELETE, such as the audit event of the read) still goes to the primary."""

    def get_bind(
        self, mapper: Any = None, *, clause: ClauseElement | None = None, **kw: Any
    ) -> Engine | Connection:
        replica = self.info.get("replica")
        if replica is not None and not self._flushing and getattr(clause, "is_select", False):
            return replica
        return super().get_bind(mapper, clause=clause, **kw)


async def get_session() -> AsyncIterator[Session]:
    """One session and one transaction per request, committed once before the response is sent.

    Async on purpose: making the session does no I/O, so it is made on the event loop (no trip to the thread
    pool); its first statement (in the caller's lookup) checks a connection out. The commit, or the
    rollback, runs in a worker thread with a limiter of its own: it gives a connection back to the pool,
    so it must never wait for a thread that waits for a connection.
    """
    session = RoutingSession(get_engine(), expire_on_commit=False)
    error: BaseException | None = None
    try:
        yield session
    except BaseException as exc:
        error = exc
        raise
    finally:
        # shielded: a cancelled request (client gone) must still roll back and give its connection back
        with anyio.CancelScope(shield=True):
            await anyio.to_thread.run_sync(_end, session, error, limiter=anyio.CapacityLimiter(1))


def _end(session: Session, error: BaseException | None) -> None:
    try:
        finish(session, error)
    finally:
        session.close()


def transaction(session: Session) -> Iterator[Session]:
    """The request's transaction around `session` as a generator dependency (tests bind their own)."""
    try:
        yield session
    except Exception as exc:
        finish(session, exc)
        raise
    else:
        finish(session, None)


def finish(session: Session, error: BaseException | None) -> None:
    """Commit on success; on a domain error keep only what the error asks to keep (audit, throttling);
    roll back on any other error."""
    if error is None:
        session.commit()
    elif isinstance(error, DomainError):
        if error.keep_changes:
            session.commit()
            return
        session.rollback()
        if error.persist:
            session.add_all(error.persist)
            session.commit()
    elif isinstance(error, Exception):
        session.rollback()


SessionDep = Annotated[Session, Depends(get_session, scope="function")]


async def get_reporting_session(session: SessionDep) -> Session:
    """The request's session with its reads sent to the read replica, when one is configured.

    Declare the principal before this dependency in a route, so the caller is looked up on the primary.
    """
    replica = get_replica_engine()
    if replica is not None:
        session.info["replica"] = replica
    return session


ReportingSessionDep = Annotated[Session, Depends(get_reporting_session)]


@contextmanager
def primary(session: Session) -> Iterator[Session]:
    """Within the block, reads go to the primary too: for rows the request may have just written there
    (a catalogue or model copied in on first use), which the replica cannot show yet."""
    replica = session.info.pop("replica", None)
    try:
        yield session
    finally:
        if replica is not None:
            session.info["replica"] = replica
