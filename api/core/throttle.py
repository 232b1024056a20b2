"""Database-backed rate limits, used by log-in and the public check-in endpoints.

Each limit counts rows of one table (failed log-ins, check-in requests) inside a sliding window. The rows are
in the database, so the limits hold across any number of API processes.
"""

import math
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, func, or_, select
from sqlmodel import Session

from api.models.base import utcnow


def retry_after(oldest: datetime | None, window: int) -> str:
    """Seconds until the oldest counted row leaves the window (the `Retry-After` header value)."""
    if oldest is None:
        return str(window)
    wait = (oldest + timedelta(seconds=window) - utcnow()).total_seconds()
    return str(max(1, math.ceil(wait)))


def used_up(
    session: Session,
    occurred: Any,
    *,
    limits: Sequence[tuple[ColumnElement[bool], int]],
    window: int,
) -> str | None:
    """The Retry-After of the first limit whose rows fill the window, in one query; None while all have room.

    `occurred` is the table's time column; each limit is a (which rows, how many) pair.
    """
    since = utcnow() - timedelta(seconds=window)
    aggregates: list[Any] = []
    for condition, _ in limits:
        aggregates += [func.count().filter(condition), func.min(occurred).filter(condition)]
    row = session.execute(select(*aggregates).where(occurred >= since, or_(*(c for c, _ in limits)))).one()
    for position, (_, limit) in enumerate(limits):
        count, oldest = row[2 * position], row[2 * position + 1]
        if count >= limit:
            # min() keeps the column's type, so `oldest` is already an aware UTC time.
            return retry_after(oldest, window)
    return None
