"""Shared column types and helpers for every table."""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import UTC, date, datetime
from enum import StrEnum
from typing import Any
from zoneinfo import ZoneInfo

from sqlalchemy import DateTime, Dialect, Enum, MetaData, TypeDecorator
from sqlmodel import Field, SQLModel

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
# Set before any table is declared, so constraint names are stable across SQLite and PostgreSQL.
SQLModel.metadata = MetaData(naming_convention=NAMING_CONVENTION)


_replayed_now: ContextVar[datetime | None] = ContextVar("replayed_now", default=None)


def utcnow() -> datetime:
    """The current time, aware, in UTC (or the moment being replayed, see `replaying_at`)."""
    return _replayed_now.get() or datetime.now(UTC)


AMSTERDAM = ZoneInfo("Europe/Amsterdam")  # the one zone people here live in


def localtoday() -> date:
    """Today on the Dutch calendar (or the replayed moment's, see `replaying_at`): the services' one "today".
    Between midnight and 01:00 (02:00 in summer) Dutch time UTC still says yesterday; the day people mean
    when they enter a date, and the day debt, due questionnaires and reports count from, is this one."""
    return utcnow().astimezone(AMSTERDAM).date()


@contextmanager
def replaying_at(moment: datetime) -> Iterator[None]:
    """Within this block `utcnow()` answers `moment`: the demo records history at the dates it happened."""
    token = _replayed_now.set(moment)
    try:
        yield
    finally:
        _replayed_now.reset(token)


def new_id() -> uuid.UUID:
    return uuid.uuid4()


class UTCDateTime(TypeDecorator[datetime]):
    """An aware UTC timestamp on every database (SQLite stores it naive)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetimes are not stored; use aware UTC times")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


def id_field() -> Any:
    return Field(default_factory=new_id, primary_key=True)


def created_at_field() -> Any:
    return Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


def timestamp_field(*, index: bool = False) -> Any:
    return Field(default=None, sa_type=UTCDateTime, nullable=True, index=index)


def enum_type(enum: type[StrEnum], length: int = 40) -> Enum:
    """A string column that reads back as the Python enum (no native database enum to migrate)."""
    return Enum(
        enum,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda members: [m.value for m in members],
        validate_strings=True,
    )
