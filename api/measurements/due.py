"""What each family's measurement plan asks and what is due, read set-based from `wave_plan.plan_rows`.

`plans_by_family` (the per-family plan) and `measurement_debt` (due questionnaires, evaluation debt, the
worklist and the "aandacht" column) read the same statement, so they cannot disagree.
"""

import uuid
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, TypeVar

from sqlalchemy import false, func, literal
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.config import Settings, get_settings
from api.core.pagination import keyset_page, keyset_statement
from api.families.repository import readable_families
from api.measurements.definitions import InstrumentDefinition
from api.measurements.instruments import ensure_catalog
from api.measurements.repository import latest_definitions
from api.measurements.schemas import DueMeasurement, DueMeasurements, PlanEntry, RespondentPublic
from api.measurements.wave_plan import plan_rows, row_order
from api.measurements.waves import entry_status
from api.models import Family, MeasurementStatus, Wave
from api.models.base import localtoday

E = TypeVar("E", bound=PlanEntry)


def instruments_of(session: Session, principal: Principal) -> list[InstrumentDefinition]:
    """The latest version of each of the organisation's instruments (the catalogue is copied on first use)."""
    ensure_catalog(session, principal.organisation_id)
    return latest_definitions(session, principal.organisation_id)


def _entry(row: Any, names: Mapping[str, Any], today: date, model: type[E] = PlanEntry, **extra: Any) -> E:  # type: ignore[assignment]
    # built in one step (no dump and validate again): the instrument's name stays the validated instance
    status = MeasurementStatus(row.measurement_status) if row.measurement_status is not None else None
    return model(
        wave=Wave(row.wave),
        due_on=row.due_on,
        instrument_code=row.code,
        instrument_name=names[row.code],
        respondent=RespondentPublic(
            kind=row.kind, id=row.respondent_id, display_name=row.name, role=row.role
        ),
        status=entry_status(row.due_on, today, status, get_settings()),
        measurement_id=row.measurement_id,
        **extra,
    )


def _rows(
    session: Session, principal: Principal, scope: Any, debt_on: date | None
) -> tuple[list[Any], dict[str, Any]]:
    instruments = instruments_of(session, principal)
    statement = plan_rows(scope, instruments, get_settings(), debt_on=debt_on)
    rows = [] if statement is None else sorted(session.execute(statement).all(), key=row_order)
    return rows, {d.code: d.name for d in instruments}


def plans_by_family(
    session: Session, principal: Principal, *, families: Sequence[Family], today: date | None = None
) -> dict[uuid.UUID, list[PlanEntry]]:
    """Plan entries per family (for a family page: a handful of families, read through the caller's scope)."""
    today = today or localtoday()
    scope = select(Family.id).where(col(Family.id).in_([f.id for f in families]))
    rows, names = _rows(session, principal, scope, None)
    plans: dict[uuid.UUID, list[PlanEntry]] = {f.id: [] for f in families}
    for row in rows:
        plans[row.family_id].append(_entry(row, names, today))
    return plans


def measurement_debt(
    session: Session,
    principal: Principal,
    *,
    scope: Any,
    families: Mapping[uuid.UUID, Family],
    today: date | None = None,
) -> list[DueMeasurement]:
    """Due and overdue questionnaires of the families in `scope` (a select of family ids the caller may read;
    `families` holds those shown), oldest due date first. Not audited: the caller records one audit statement
    for everything its answer shows."""
    today = today or localtoday()
    rows, names = _rows(session, principal, scope, today)
    debt = [
        _entry(
            row,
            names,
            today,
            DueMeasurement,
            family_id=row.family_id,
            family_reference=families[row.family_id].reference,
            family_name=families[row.family_id].display_name,
        )
        for row in rows
        if row.family_id in families
    ]
    debt.sort(key=lambda d: (d.due_on, d.family_reference, d.instrument_code))
    return debt


def measurement_debt_counts(session: Session, principal: Principal, *, scope: Any, today: date) -> Any:
    """(family_id, questionnaires owed) for the families in `scope`: measurement_debt's count."""
    return owed_counts(scope, instruments_of(session, principal), get_settings(), debt_on=today)


def owed_counts(
    scope: Any, instruments: Sequence[InstrumentDefinition], settings: Settings, *, debt_on: date
) -> Any:
    """measurement_debt_counts for given instruments (its dates are named parameters: see debt_dates)."""
    statement = plan_rows(scope, instruments, settings, debt_on=debt_on)
    if statement is None:
        return select(col(Family.id).label("family_id"), literal(0).label("owed")).where(false())
    debt = statement.subquery()
    return select(debt.c.family_id, func.count().label("owed")).group_by(debt.c.family_id)


def overdue_measurements(
    session: Session,
    principal: Principal,
    *,
    supporter_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    limit: int = 100,
    cursor: str | None = None,
) -> list[DueMeasurement]:
    """Due and overdue measurements of one page of the caller's families (`limit` families, newest first)."""
    return _overdue_page(session, principal, supporter_id, family_id, limit=limit, cursor=cursor)[0]


def _overdue_page(
    session: Session,
    principal: Principal,
    supporter_id: uuid.UUID | None,
    family_id: uuid.UUID | None,
    *,
    limit: int,
    cursor: str | None,
) -> tuple[list[DueMeasurement], str | None]:
    statement = readable_families(principal)
    if supporter_id is not None:
        statement = statement.where(Family.supporter_id == supporter_id)
    if family_id is not None:
        statement = statement.where(Family.id == family_id)
    keys = dict(moment=Family.created_at, row_id=Family.id, limit=limit, cursor=cursor)
    families, next_cursor = keyset_page(session, statement, **keys)  # type: ignore[arg-type]
    scope = keyset_statement(statement.with_only_columns(col(Family.id)), **keys)  # type: ignore[arg-type]
    debt = measurement_debt(session, principal, scope=scope, families={f.id: f for f in families})
    audit.record_many(
        session,
        principal,
        action="list",
        object_type="measurement_plan",
        family_ids=sorted({d.family_id for d in debt}),
    )
    return debt, next_cursor


def due_measurements(
    session: Session,
    principal: Principal,
    *,
    supporter_id: uuid.UUID | None,
    limit: int = 100,
    cursor: str | None = None,
) -> DueMeasurements:
    """The route's wrapper of overdue_measurements, with the cursor of the next page of families."""
    items, next_cursor = _overdue_page(session, principal, supporter_id, None, limit=limit, cursor=cursor)
    return DueMeasurements(items=items, next_cursor=next_cursor)
