"""The parts the cohort evidence (api/measurements/evidence.py) is built from: its result types, the spans and
norms as derived tables, and the read-once helper for a funder's several periods."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum
from typing import Any

from sqlalchemy import Date, Float, String, literal, select, union_all

from api.measurements.definitions import InstrumentDefinition
from api.models.base import UTCDateTime


class Unit(StrEnum):
    family = "family"
    respondent = "respondent"


@dataclass(frozen=True)
class Span:
    """A calendar window with inclusive dates, named by `key` (e.g. "2026-Q1")."""

    key: str
    start: date
    end: date


@dataclass
class ScaleFigure:
    instrument: str
    scale: str
    n_families: int
    n_respondents: int
    mean_change: float | None
    n_classified: int
    n_improved: int
    n_deteriorated: int


@dataclass
class Figures:
    """What one group (a region, or the whole scope) shows for one span."""

    families: int = 0
    by_status: dict[str, int] = field(default_factory=dict)
    by_family_type: dict[str, int] = field(default_factory=dict)
    meetings: int = 0
    families_with_meetings: int = 0
    gas_families: int = 0
    mean_gas_t_score: float | None = None
    scales: list[ScaleFigure] = field(default_factory=list)


Key = tuple[uuid.UUID | None, str]  # (group, span key)


def _moment(day: date) -> datetime:
    return datetime.combine(day, time.min, tzinfo=UTC)


def _spans(spans: Sequence[Span]) -> Any:
    """The spans as a derived table: key, start and end dates, and [start, end) as UTC timestamps."""
    rows = [
        select(
            literal(s.key, String).label("pkey"),
            literal(s.start, Date).label("start_on"),
            literal(s.end, Date).label("end_on"),
            literal(_moment(s.start), UTCDateTime()).label("starts"),
            literal(_moment(s.end + timedelta(days=1)), UTCDateTime()).label("ends"),
        )
        for s in spans
    ]
    return (rows[0] if len(rows) == 1 else union_all(*rows)).subquery("span")


def _once(statement: Any, name: str, spans: Sequence[Span]) -> Any:
    """With several spans (a funder's periods): the scope's rows within all of them, read once (a materialised
    CTE) and joined to every span, where PostgreSQL would otherwise scan the whole organisation's rows by date
    once per span. With one span (the staff cohort's window) a plain subquery: nothing repeats, and
    materialising an organisation's rows only costs memory."""
    if len(spans) > 1:
        return statement.cte(name).prefix_with("MATERIALIZED")
    return statement.subquery(name)


def _overall(spans: Sequence[Span]) -> tuple[date, date]:
    return min(s.start for s in spans), max(s.end for s in spans)


def _norms(definitions: Sequence[InstrumentDefinition]) -> Any:
    """Per scale with norms: S_diff (Jacobson & Truax) and +1/-1 for the direction of better."""
    rows = [
        select(
            literal(d.code, String).label("instrument"),
            literal(s.code, String).label("scale"),
            literal(2**0.5 * s.norms.sd * (1 - s.norms.reliability) ** 0.5, Float).label("s_diff"),
            literal(1.0 if s.higher_is_better else -1.0, Float).label("sign"),
        )
        for d in definitions
        for s in d.scales
        if s.norms is not None
    ] or [
        select(
            literal("", String).label("instrument"),
            literal("", String).label("scale"),
            literal(1.0, Float).label("s_diff"),
            literal(1.0, Float).label("sign"),
        ).where(literal(False))
    ]
    return (rows[0] if len(rows) == 1 else union_all(*rows)).subquery("norm")


def _by(group: Any) -> list[Any]:
    """The group column to group by; none for the whole scope (PostgreSQL refuses GROUP BY NULL)."""
    return [] if group is None else [group]


def _uuid(value: Any) -> uuid.UUID | None:
    if value is None or isinstance(value, uuid.UUID):
        return value
    return uuid.UUID(str(value))
