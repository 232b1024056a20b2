"""Rate limits of the public check-in endpoints, per link and per client address (the core's throttle)."""

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

from sqlalchemy import ColumnElement, delete, false, or_
from sqlmodel import Session, col

from api.core.config import get_settings
from api.core.errors import DomainError, TooManyRequests
from api.core.security import keyed_digest
from api.core.throttle import used_up
from api.models import CheckinRequest
from api.models.base import utcnow

SLOW_DOWN = (
    "Even rustig aan: probeer het over een paar minuten opnieuw. / "
    "Too many requests; please try again in a few minutes."
)


def address_key(address: str | None) -> str:
    return keyed_digest(address or "unknown", purpose="checkin-address")


def check_limits(session: Session, *, address: str, link: str | None) -> None:
    """429 with Retry-After when the address or the link used up its requests in the window."""
    settings = get_settings()
    by_address: ColumnElement[bool] = col(CheckinRequest.address_key) == address
    by_link: ColumnElement[bool] = col(CheckinRequest.link_key) == link if link else false()
    occurred = col(CheckinRequest.occurred_at)
    # Old hits of these keys go first, so the table holds about one window of requests per key.
    since = utcnow() - timedelta(seconds=settings.checkin_window_seconds)
    session.execute(delete(CheckinRequest).where(occurred < since, or_(by_address, by_link)))
    wait = used_up(
        session,
        occurred,
        limits=[
            (by_address, settings.checkin_max_requests_per_address),
            (by_link, settings.checkin_max_requests_per_link),
        ],
        window=settings.checkin_window_seconds,
    )
    if wait is not None:
        raise TooManyRequests(
            SLOW_DOWN,
            headers={"Retry-After": wait},
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
