"""The streamed export reads beside writers: on SQLite through a query-only connection (no write lock)."""

import pytest
from sqlalchemy import Engine

from api.core.db import RoutingSession
from api.research.reader import get_export_session


def test_the_export_reads_on_sqlite_without_taking_the_write_lock(engine: Engine) -> None:
    if engine.dialect.name != "sqlite":
        pytest.skip("SQLite's write lock only")
    with RoutingSession(engine) as session:
        reader = get_export_session(session)
        replica = reader.info["replica"]
        with replica.connect() as connection:
            assert connection.exec_driver_sql("PRAGMA query_only").scalar() == 1
