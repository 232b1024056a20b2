"""Meeting times: stored in UTC, shown in Europe/Amsterdam."""

from datetime import UTC, datetime

from api.models.base import AMSTERDAM


def as_utc(value: datetime) -> datetime:
    """An aware UTC time; a time without offset is a wall-clock time in Amsterdam (what a form sends)."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=AMSTERDAM)
    return value.astimezone(UTC)


def local(value: datetime) -> datetime:
    return value.astimezone(AMSTERDAM)


def local_iso(value: datetime) -> str:
    """ISO 8601 in Amsterdam time with its offset, e.g. 2026-12-03T14:00:00+01:00."""
    return local(value).isoformat(timespec="minutes")
