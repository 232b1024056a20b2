"""The business case's queries: families in support per type, and observed cost events, aggregated by the
database (never every family loaded into Python)."""

import uuid
from collections.abc import Sequence
from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, and_, case, cast, distinct, exists, extract, func, literal, or_
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.models import CostEvent, Family, FamilyType, User

YEAR_DAYS = 365


def type_code(value: FamilyType | str | None) -> str | None:
    """A family type column value as its code (None: no type recorded)."""
    return None if value is None else FamilyType(value).value


def in_support(
    statement: SelectOfScalar[Family], *, region_id: uuid.UUID | None, from_on: date, to_on: date
) -> SelectOfScalar[Family]:
    """Families whose support (started_on to ended_on) overlaps the period (intake has not started)."""
    statement = statement.where(
        col(Family.started_on).is_not(None),
        col(Family.started_on) <= to_on,
        or_(col(Family.ended_on).is_(None), col(Family.ended_on) >= from_on),
    )
    if region_id is not None:
        statement = statement.where(col(Family.region_id) == region_id)
    return statement


def type_counts(session: Session, families: SelectOfScalar[Family]) -> dict[str | None, int]:
    """How many families of each type (None: no type recorded)."""
    ids = families.with_only_columns(col(Family.id))
    rows = session.exec(
        select(col(Family.family_type), func.count())
        .where(col(Family.id).in_(ids))
        .group_by(col(Family.family_type))
    ).all()
    return {type_code(t): n for t, n in rows}


def type_counts_by_region(
    session: Session, families: SelectOfScalar[Family]
) -> dict[uuid.UUID | None, dict[str | None, int]]:
    """Type counts per region."""
    ids = families.with_only_columns(col(Family.id))
    rows = session.exec(
        select(col(Family.region_id), col(Family.family_type), func.count())
        .where(col(Family.id).in_(ids))
        .group_by(col(Family.region_id), col(Family.family_type))
    ).all()
    result: dict[uuid.UUID | None, dict[str | None, int]] = {}
    for region_id, family_type, n in rows:
        result.setdefault(region_id, {})[type_code(family_type)] = n
    return result


def day_number(session: Session, value: Any) -> Any:
    """A date as a number of days, on SQLite and PostgreSQL alike (differences are whole days)."""
    if session.get_bind().dialect.name == "sqlite":
        return cast(func.julianday(value), Integer)
    return cast(extract("epoch", value) / 86400, Integer)


def observed_volumes(
    session: Session, families: SelectOfScalar[Family], today: date
) -> Sequence[tuple[Any, ...]]:
    """Per type, factor and phase: the summed volume (thousandths) and how many families had such events.

    `before` is the year before the family's start of support, `during` from the start to its end (or today).
    """
    ids = families.with_only_columns(col(Family.id))
    start = day_number(session, col(Family.started_on))
    occurred = day_number(session, col(CostEvent.occurred_on))
    last = day_number(session, func.coalesce(col(Family.ended_on), literal(today, Date)))
    phase = case(
        (and_(occurred < start, occurred >= start - YEAR_DAYS), "before"),
        (and_(occurred >= start, occurred <= last), "during"),
        else_="other",
    )
    return session.exec(
        select(  # type: ignore[call-overload]
            Family.family_type,
            CostEvent.factor_code,
            phase,
            func.sum(CostEvent.volume_milli),
            func.count(distinct(col(Family.id))),
        )
        .join(Family, col(Family.id) == CostEvent.family_id)
        .where(col(Family.id).in_(ids))
        .group_by(Family.family_type, CostEvent.factor_code, phase)
    ).all()


def observed_exposure(
    session: Session, families: SelectOfScalar[Family], today: date
) -> dict[str | None, tuple[int, int]]:
    """Per type, of the families with any cost event: how many, and their days in support up to today."""
    ids = families.with_only_columns(col(Family.id))
    end = case(
        (and_(col(Family.ended_on).is_not(None), col(Family.ended_on) < today), col(Family.ended_on)),
        else_=literal(today, Date),
    )
    days = day_number(session, end) - day_number(session, col(Family.started_on)) + 1
    recorded = exists().where(col(CostEvent.family_id) == Family.id)
    rows = session.exec(
        select(col(Family.family_type), func.count(), func.sum(case((days > 0, days), else_=0)))
        .where(col(Family.id).in_(ids), recorded)
        .group_by(col(Family.family_type))
    ).all()
    return {type_code(t): (n, int(d or 0)) for t, n, d in rows}


def family_cost_events(session: Session, family_id: uuid.UUID) -> SelectOfScalar[CostEvent]:
    return select(CostEvent).where(CostEvent.family_id == family_id)


def user_names(session: Session, ids: set[uuid.UUID]) -> dict[uuid.UUID, str]:
    if not ids:
        return {}
    return dict(session.exec(select(User.id, User.full_name).where(col(User.id).in_(ids))).all())
