"""Engine, naming convention and the one-transaction-per-request session."""

from collections.abc import Iterator
from functools import lru_cache
from typing import Annotated, Any

from fastapi import Depends
from sqlalchemy import Engine, event
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
    # hide_parameters: SQL parameters (names, search text) never reach an error message or a log.
    return create_engine(
        url,
        pool_pre_ping=True,
        pool_size=10,
        max_overflow=20,
        hide_parameters=True,
        connect_args={"connect_timeout": 5},
    )


@lru_cache
def get_engine() -> Engine:
    """The process-wide engine."""
    return make_engine(get_settings().database_url)


def get_session() -> Iterator[Session]:
    """One session and one transaction per request, committed once before the response is sent."""
    with Session(get_engine(), expire_on_commit=False) as session:
        yield from transaction(session)


def transaction(session: Session) -> Iterator[Session]:
    """Commit on success; on a domain error keep only what the error asks to keep (audit, throttling)."""
    try:
        yield session
    except DomainError as exc:
        if exc.keep_changes:
            session.commit()
            raise
        session.rollback()
        if exc.persist:
            session.add_all(exc.persist)
            session.commit()
        raise
    except Exception:
        session.rollback()
        raise
    else:
        session.commit()


SessionDep = Annotated[Session, Depends(get_session, scope="function")]
