"""The session the streamed export reads on, kept open while the response streams.

On SQLite every transaction of the app's engine begins IMMEDIATE (it takes the write lock), so a slow
download would hold back every writer; the export reads on a query-only connection instead, which WAL lets
run beside writers. With a read replica configured, the export reads there; on PostgreSQL otherwise, on the
primary. The download's audit events are committed on the request's own session before the first byte.
"""

from functools import lru_cache
from typing import Annotated

from fastapi import Depends
from sqlalchemy import Engine
from sqlmodel import Session

from api.core.config import get_settings
from api.core.db import get_replica_engine, get_session, make_replica_engine


@lru_cache
def _sqlite_reader(url: str) -> Engine:
    return make_replica_engine(url)


def get_export_session(
    reader: Annotated[Session, Depends(get_session, scope="request")],
) -> Session:
    """A request-scoped session whose reads go to the replica, or on SQLite to a query-only connection."""
    url = get_settings().database_url
    replica = get_replica_engine() or (_sqlite_reader(url) if url.startswith("sqlite") else None)
    if replica is not None:
        reader.info["replica"] = replica
    return reader


ExportSessionDep = Annotated[Session, Depends(get_export_session)]
