"""Keeps the per-family rollups current: every flush that changes a fact a figure rests on recomputes that
family's rollup rows (api/measurements/rollup.py) in the same transaction.

Why a flush listener and not one domain event per write: the facts are written by services, the demo seeder,
closing, imports and test factories alike, and a forgotten `publish` would mean silently stale figures. The
unit of work already knows every row that changed; the listener maps each to its family. Domains import
nothing of this (the composition root, api/subscribers.py, installs it). Bulk SQL statements bypass the ORM
and so this listener: whatever writes these tables that way (bench/generate.py) runs a rebuild afterwards.
"""

import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlmodel import col

from api.measurements import rollup
from api.models import (
    Family,
    FamilyStatusChange,
    GasScore,
    Goal,
    Measurement,
    MeasurementScore,
    Meeting,
    MeetingParticipant,
    NetworkContact,
)

# Per model: the columns whose change moves a figure (empty: any change, insert or delete does).
WATCHED: dict[type, tuple[str, ...]] = {
    Family: ("status",),
    FamilyStatusChange: (),
    Goal: ("status", "weight", "family_id"),
    GasScore: (),
    Measurement: ("status", "completed_at", "wave", "instrument_code", "respondent_id", "family_id"),
    MeasurementScore: ("change_from_t0", "scale_code", "measurement_id"),
    Meeting: ("status", "starts_at", "family_id"),
    MeetingParticipant: ("kind", "attendance", "contact_id", "meeting_id"),
    NetworkContact: ("party", "family_id"),
}
FAMILIES, MEASUREMENTS, MEETINGS = "rollup_families", "rollup_measurements", "rollup_meetings"
DEFERRED = "rollup_deferred"


def _keys(obj: Any, attribute: str, changed: bool) -> set[uuid.UUID]:
    """The attribute's value, and on a change also the one it had (a row moved to another family)."""
    found = {getattr(obj, attribute)}
    if changed:
        found.update(inspect(obj).attrs[attribute].history.deleted)
    return {value for value in found if value is not None}


def _note(session: Session, _context: UOWTransaction) -> None:
    """After the flush's SQL, while new, dirty and deleted still show what changed: note their families."""
    families: set[uuid.UUID] = session.info.setdefault(FAMILIES, set())
    measurements: set[uuid.UUID] = session.info.setdefault(MEASUREMENTS, set())
    meetings: set[uuid.UUID] = session.info.setdefault(MEETINGS, set())
    changed = [(obj, False) for obj in (*session.new, *session.deleted)] + [
        (obj, True) for obj in session.dirty
    ]
    for obj, dirty in changed:
        watched = WATCHED.get(type(obj))
        if watched is None:
            continue
        if dirty and watched:
            state = inspect(obj)
            if not any(state.attrs[name].history.has_changes() for name in watched):
                continue
        if isinstance(obj, Family):
            families.add(obj.id)
        elif isinstance(obj, MeasurementScore):
            measurements |= _keys(obj, "measurement_id", dirty)
        elif isinstance(obj, MeetingParticipant):
            meetings |= _keys(obj, "meeting_id", dirty)
        else:
            families |= _keys(obj, "family_id", dirty)


def _refresh(session: Session, _context: UOWTransaction | None) -> None:
    if session.info.get(DEFERRED):
        return  # the families stay noted until the deferring block ends
    families: set[uuid.UUID] = session.info.pop(FAMILIES, set())
    for key, model in ((MEASUREMENTS, Measurement), (MEETINGS, Meeting)):
        ids: set[uuid.UUID] = session.info.pop(key, set())
        if ids:  # rows of a measurement or meeting: their family
            found = session.execute(select(col(model.family_id)).where(col(model.id).in_(ids))).scalars()
            families |= {family_id for family_id in found if family_id is not None}
    if families:
        rollup.refresh(session, families)  # type: ignore[arg-type]


def _statement(state: ORMExecuteState) -> Any:
    """An UPDATE or DELETE statement of a watched model's rows passes the flush by (api/meetings claims a
    meeting's status so; deleting a family so would leave its rollup rows behind): the families of the rows
    it matches are refreshed right after it."""
    if not (state.is_update or state.is_delete):
        return None
    name = getattr(state.statement.table, "name", None)  # type: ignore[attr-defined]
    model = next((m for m in WATCHED if m.__tablename__ == name), None)  # type: ignore[attr-defined]
    if model is None or model in (MeasurementScore, MeetingParticipant):
        return None  # rows without a family column: none are written so (add them here when they are)
    family = col(Family.id) if model is Family else col(model.family_id)  # type: ignore[attr-defined]
    matched = select(family).where(state.statement.whereclause)  # type: ignore[attr-defined]
    families = {f for f in state.session.execute(matched).scalars() if f is not None}
    result = state.invoke_statement()
    if families and state.session.info.get(DEFERRED):
        state.session.info.setdefault(FAMILIES, set()).update(families)
    elif families:
        rollup.refresh(state.session, families)  # type: ignore[arg-type]
    return result


@contextmanager
def deferred(session: Session) -> Iterator[None]:
    """Refresh the rollups once, when the block ends, for every family its flushes touched (a writer of
    many rows at a time: the demo). Inside the block the rollups are not current; nothing there reads them."""
    session.info[DEFERRED] = True
    try:
        yield
    except BaseException:
        for key in (FAMILIES, MEASUREMENTS, MEETINGS):
            session.info.pop(key, None)  # rolled back with the transaction
        raise
    finally:
        session.info.pop(DEFERRED, None)
    session.flush()
    _refresh(session, None)


def track() -> None:
    """Install the listeners on every session (registering them twice has no effect)."""
    if not event.contains(Session, "after_flush", _note):
        event.listen(Session, "after_flush", _note)
        event.listen(Session, "after_flush_postexec", _refresh)
        event.listen(Session, "do_orm_execute", _statement)
