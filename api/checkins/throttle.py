"""Rate limits of the public check-in endpoints, per link and per client address.

Kept in the database (like failed logins), so the limits hold across any number of API processes.
"""

import math
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta

from sqlalchemy import ColumnElement, delete, false, func, or_, select
from sqlmodel import Session, col

from api.core.config import get_settings
from api.core.errors import DomainError, TooManyRequests
from api.core.security import keyed_digest
from api.models import CheckinRequest
from api.models.base import utcnow

SLOW_DOWN = (
    "Even rustig aan: probeer het over een paar minuten opnieuw. / "
    "Too many requests; please try again in a few minutes."
)


def address_key(address: str | None) -> str:
    return keyed_digest(address or "unknown", purpose="checkin-address")


def _retry_after(oldest: datetime | None, window: int) -> str:
    if oldest is None:
        return str(window)
    wait = (oldest + timedelta(seconds=window) - utcnow()).total_seconds()
    return str(max(1, math.ceil(wait)))


def check_limits(session: Session, *, address: str, link: str | None) -> None:
    """429 with Retry-After when the address or the link used up its requests in the window."""
    settings = get_settings()
    window = settings.checkin_window_seconds
    since = utcnow() - timedelta(seconds=window)
    by_address: ColumnElement[bool] = col(CheckinRequest.address_key) == address
    by_link: ColumnElement[bool] = col(CheckinRequest.link_key) == link if link else false()
    occurred = col(CheckinRequest.occurred_at)
    # Old hits of these keys go first, so the table holds about one window of requests per key.
    session.execute(delete(CheckinRequest).where(occurred < since, or_(by_address, by_link)))
    address_count, address_oldest, link_count, link_oldest = session.execute(
        select(
            func.count().filter(by_address),
            func.min(occurred).filter(by_address),
            func.count().filter(by_link),
            func.min(occurred).filter(by_link),
        ).where(occurred >= since, or_(by_address, by_link))
    ).one()
    for count, oldest, limit in (
        (address_count, address_oldest, settings.checkin_max_requests_per_address),
        (link_count, link_oldest, settings.checkin_max_requests_per_link),
    ):
        if count >= limit:
            raise TooManyRequests(
                SLOW_DOWN,
                headers={"Retry-After": _retry_after(oldest, window)},
                extensions={"reason": "rate_limited"},
                code="checkin_rate_limited",
            )


@contextmanager
def counted(session: Session, *, address: str | None, link_key: str | None) -> Iterator[None]:
    """Check the limits, then count this request, also when it is refused further on."""
    key = address_key(address)
    check_limits(session, address=key, link=link_key)
    hit = CheckinRequest(link_key=link_key, address_key=key)
    session.add(hit)
    try:
        yield
    except DomainError as exc:
        if not exc.keep_changes:  # the rollback drops `hit`: keep a copy, so refusals count too
            exc.persist.append(
                CheckinRequest(link_key=link_key, address_key=key, occurred_at=hit.occurred_at)
            )
        raise
