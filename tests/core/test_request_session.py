"""The production request session (`get_session`, async: made on the event loop, finished in a worker
thread): commit on success, rollback on an error, a domain error keeps only what it asks to keep, and the
session is closed either way. The suite's other tests bind their own session to the test's transaction."""

from collections.abc import Iterator
from contextlib import AbstractContextManager, asynccontextmanager, nullcontext
from pathlib import Path
from typing import Any

import anyio
import pytest
from sqlalchemy import Engine, create_engine, select
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlmodel import Session

from api.core import db
from api.core.errors import Conflict, NotFound


class _Base(DeclarativeBase):
    pass


class Probe(_Base):
    __tablename__ = "request_session_probe"
    id: Mapped[int] = mapped_column(primary_key=True)
    x: Mapped[int]


@pytest.fixture
def probe_engine(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Engine]:
    engine = create_engine(f"sqlite:///{tmp_path / 'probe.db'}")
    _Base.metadata.create_all(engine)
    monkeypatch.setattr(db, "get_engine", lambda: engine)
    yield engine
    engine.dispose()


def _request(error: Exception | None = None) -> Session:
    """One request's session: add x=1, then fail with `error` or succeed."""
    seen: list[Session] = []

    async def main() -> None:
        async with asynccontextmanager(db.get_session)() as session:
            seen.append(session)
            session.add(Probe(x=1))
            session.flush()
            if error is not None:
                raise error

    expected: AbstractContextManager[Any] = pytest.raises(type(error)) if error else nullcontext()
    with expected:
        anyio.run(main)
    return seen[0]


def _values(engine: Engine) -> list[int]:
    with Session(engine) as session:
        return list(session.scalars(select(Probe.x).order_by(Probe.x)))


def test_a_request_commits_once_and_closes(probe_engine: Engine) -> None:
    session = _request()
    assert _values(probe_engine) == [1]
    assert not session.in_transaction()
    assert probe_engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_an_error_rolls_the_request_back_and_closes(probe_engine: Engine) -> None:
    session = _request(RuntimeError("boom"))
    assert _values(probe_engine) == []
    assert not session.in_transaction()
    assert probe_engine.pool.checkedout() == 0  # type: ignore[attr-defined]


def test_a_domain_error_keeps_only_what_it_asks_to_keep(probe_engine: Engine) -> None:
    _request(NotFound("not here", persist=[Probe(x=2)]))
    assert _values(probe_engine) == [2]  # the request's own row is gone, the refusal's row stays
    _request(Conflict("keep all", keep_changes=True))
    assert _values(probe_engine) == [1, 2]


def test_a_cancelled_request_still_rolls_back_and_gives_its_connection_back(probe_engine: Engine) -> None:
    seen: list[Session] = []

    async def main() -> None:
        with anyio.CancelScope() as scope:
            async with asynccontextmanager(db.get_session)() as session:
                seen.append(session)
                session.add(Probe(x=1))
                session.flush()
                scope.cancel()  # the client went away: the next await is cancelled
                await anyio.sleep(1)

    anyio.run(main)
    assert _values(probe_engine) == []
    assert not seen[0].in_transaction()
    assert probe_engine.pool.checkedout() == 0  # type: ignore[attr-defined]
