"""The measurement plan as one set-based query: every (wave, instrument, respondent) of a set of families.

The one definition of the wave plan. The per-family plan (`plans_by_family`), the due questionnaires and
evaluation debt all read it, for any set of families given as a subquery of family ids, so its cost grows
with the families asked about and it never binds one parameter per family:

- waves: T0 at the anchor (start of support, else the day of enrolment); T1 and T2 some months later
  unless they fall on or after the end date; once the family has an end date, the end wave on it and a
  follow-up some months after (`wave_dates` in waves.py is the same rule for one loaded family);
- respondents: the family's supporter for supporter instruments, else the family's current members
  (those with one of `wave_member_roles`, or all);
- the measurement of that respondent, instrument and wave, when there is one (the unique index answers it).
"""

from collections.abc import Sequence
from datetime import date, timedelta
from typing import Any

from sqlalchemy import (
    Date,
    DateTime,
    String,
    and_,
    bindparam,
    cast,
    func,
    literal,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.expression import ColumnElement, FunctionElement
from sqlmodel import col

from api.core.config import Settings
from api.measurements.definitions import InstrumentDefinition, InstrumentUse, Respondent
from api.models import Family, FamilyMember, Measurement, MeasurementStatus, User, Wave

WAVE_ORDER = {w: i for i, w in enumerate((Wave.t0, Wave.t1, Wave.t2, Wave.end, Wave.follow_up))}


class add_months(FunctionElement[date]):  # noqa: N801 (a SQL function)
    """`day` plus `months`, clamped to the end of a shorter month (31 Aug + 6 months = 28/29 Feb)."""

    type = Date()
    inherit_cache = True
    name = "add_months"


@compiles(add_months, "postgresql")
def _add_months_pg(element: add_months, compiler: SQLCompiler, **kw: Any) -> str:
    day, months = list(element.clauses)
    # PostgreSQL's month arithmetic clamps to the month's last day, as add_months() in waves.py does
    interval = f"make_interval(months => {compiler.process(months, **kw)})"
    return f"CAST(({compiler.process(day, **kw)}) + {interval} AS DATE)"


@compiles(add_months, "sqlite")
def _add_months_sqlite(element: add_months, compiler: SQLCompiler, **kw: Any) -> str:
    day, months = (compiler.process(c, **kw) for c in element.clauses)
    same_day = (
        f"date({day}, 'start of month', '+' || ({months}) || ' months', "
        f"'+' || (CAST(strftime('%d', {day}) AS INTEGER) - 1) || ' days')"
    )
    last_day = f"date({day}, 'start of month', '+' || ({months} + 1) || ' months', '-1 day')"
    return f"min({same_day}, {last_day})"


class utc_date(FunctionElement[date]):  # noqa: N801 (a SQL function)
    """The UTC calendar day of an aware timestamp (as `created_at.date()` gives in Python)."""

    type = Date()
    inherit_cache = True
    name = "utc_date"


@compiles(utc_date, "postgresql")
def _utc_date_pg(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    return f"CAST(({compiler.process(element.clauses, **kw)}) AT TIME ZONE 'UTC' AS DATE)"


@compiles(utc_date, "sqlite")
def _utc_date_sqlite(element: utc_date, compiler: SQLCompiler, **kw: Any) -> str:
    return f"date({compiler.process(element.clauses, **kw)})"  # stored as naive UTC text


def _families(scope: Any) -> Any:
    """The families of `scope` once (a CTE), with their anchor: every part below reads this."""
    anchor = func.coalesce(Family.started_on, utc_date(Family.created_at))
    return (
        select(
            col(Family.id),
            col(Family.supporter_id),
            col(Family.ended_on),
            type_coerce(anchor, Date).label("anchor"),
        )
        .where(col(Family.id).in_(scope))
        .cte("wave_family")
    )


def _waves(family: Any, settings: Settings) -> Any:
    """(family_id, wave, due_on) of every wave of the families."""
    anchor, ended = family.c.anchor, family.c.ended_on

    def wave(name: Wave, due: ColumnElement[date], *where: ColumnElement[bool]) -> Any:
        return select(
            family.c.id.label("family_id"),
            literal(name.value, String(20)).label("wave"),
            type_coerce(due, Date).label("due_on"),
        ).where(*where)

    def before_end(due: ColumnElement[date]) -> ColumnElement[bool]:
        return or_(ended.is_(None), due < ended)

    t1 = add_months(anchor, settings.wave_t1_months)
    t2 = add_months(anchor, settings.wave_t2_months)
    return union_all(
        wave(Wave.t0, anchor),
        wave(Wave.t1, t1, before_end(t1)),
        wave(Wave.t2, t2, before_end(t2)),
        wave(Wave.end, ended, ended.is_not(None)),
        wave(Wave.follow_up, add_months(ended, settings.wave_follow_up_months), ended.is_not(None)),
    ).subquery("waves")


def _instruments(instruments: Sequence[InstrumentDefinition]) -> Any:
    """(code, kind, roles) per instrument as constant rows; roles ",parent,partner," or "" for all members."""
    return union_all(
        *(
            select(
                literal(d.code, String(40)).label("code"),
                literal("supporter" if d.respondent is Respondent.SUPPORTER else "member", String(20)).label(
                    "kind"
                ),
                literal(
                    "".join(f",{r.value}" for r in d.wave_member_roles)
                    + ("," if d.wave_member_roles else ""),
                    String(200),
                ).label("roles"),
            )
            for d in instruments
        )
    ).subquery("plan_instrument")


def _respondents(family: Any, instruments: Sequence[InstrumentDefinition]) -> Any:
    """(family_id, code, kind, respondent_id, name, role, joined_at) of everyone who answers an instrument:
    the supporter for supporter instruments, the current members (of the listed roles) for the others."""
    instrument = _instruments(instruments)
    role = cast(FamilyMember.role, String(20))
    supporters = (
        select(
            family.c.id.label("family_id"),
            instrument.c.code,
            instrument.c.kind,
            col(User.id).label("respondent_id"),
            col(User.full_name).label("name"),
            literal("supporter", String(20)).label("role"),
            type_coerce(null(), DateTime).label("joined_at"),
        )
        .join(User, col(User.id) == family.c.supporter_id)
        .join(instrument, instrument.c.kind == "supporter")
    )
    members = (
        select(
            family.c.id,
            instrument.c.code,
            instrument.c.kind,
            col(FamilyMember.id),
            col(FamilyMember.display_name),
            role,
            type_coerce(FamilyMember.created_at, DateTime),
        )
        .join(FamilyMember, col(FamilyMember.family_id) == family.c.id)
        .join(
            instrument,
            and_(
                instrument.c.kind == "member",
                or_(instrument.c.roles == "", instrument.c.roles.like("%," + role + ",%")),
            ),
        )
        .where(col(FamilyMember.archived_at).is_(None))
    )
    return union_all(supporters, members).subquery("respondents")


def family_outcome_instruments(definitions: Sequence[InstrumentDefinition]) -> list[InstrumentDefinition]:
    return sorted((d for d in definitions if d.use is InstrumentUse.FAMILY_OUTCOME), key=lambda d: d.code)


def plan_rows(
    scope: Any,
    instruments: Sequence[InstrumentDefinition],
    settings: Settings,
    *,
    debt_on: date | None = None,
) -> Any | None:
    """The statement of every plan entry of the families in `scope` (a select of family ids); with
    `debt_on`, only what a supporter owes that day: due or overdue and not started, or started and past
    its date. None when the organisation has no family-outcome instrument."""
    outcome = family_outcome_instruments(instruments)
    if not outcome:
        return None
    family = _families(scope)
    respondents = _respondents(family, outcome)
    waves = _waves(family, settings)
    taken = and_(
        col(Measurement.family_id) == waves.c.family_id,
        # the same families again, as a condition on the measurements alone: PostgreSQL pushes it into their
        # scan, so past a few hundred families a hash join reads the scope's measurements, not all of them
        col(Measurement.family_id).in_(select(family.c.id)),
        col(Measurement.instrument_code) == respondents.c.code,
        col(Measurement.wave) == waves.c.wave,
        col(Measurement.respondent_id) == respondents.c.respondent_id,
    )
    statement = (
        select(
            waves.c.family_id,
            waves.c.wave,
            waves.c.due_on,
            respondents.c.code,
            respondents.c.kind,
            respondents.c.respondent_id,
            respondents.c.name,
            respondents.c.role,
            respondents.c.joined_at,
            col(Measurement.id).label("measurement_id"),
            col(Measurement.status).label("measurement_status"),
        )
        .select_from(waves.join(respondents, respondents.c.family_id == waves.c.family_id))
        .outerjoin(Measurement, taken)
    )
    if debt_on is not None:
        # named, so a statement built once can be sent again for another day (debt_dates gives the values)
        values = debt_dates(debt_on, settings)
        due_from, owed_on = (bindparam(name, value, type_=Date) for name, value in values.items())
        statement = statement.where(
            or_(
                and_(col(Measurement.id).is_(None), waves.c.due_on <= due_from),
                and_(col(Measurement.status) == MeasurementStatus.in_progress, waves.c.due_on <= owed_on),
            )
        )
    return statement


def debt_dates(debt_on: date, settings: Settings) -> dict[str, date]:
    """The values of plan_rows' two named dates for `debt_on`: not started and due by the first, started and
    due by the second."""
    return {"plan_due_from": debt_on + timedelta(days=settings.wave_due_window_days), "plan_debt_on": debt_on}


def row_order(row: Any) -> tuple[Any, ...]:
    """The plan's order: wave, instrument code, then members in the order they joined."""
    joined = row.joined_at.isoformat() if row.joined_at is not None else ""
    return (WAVE_ORDER[Wave(row.wave)], row.code, joined, str(row.respondent_id))
