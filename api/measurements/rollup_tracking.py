"""Keeps the per-family rollups current: every flush that changes a fact a figure (or a meeting's flag count)
rests on recomputes that family's rows in the rollups reading that fact (api/measurements/rollup.py, each
rollup's `reads`), in the same transaction; an update of columns no rollup reads recomputes nothing.

Why a flush listener and not one domain event per write: the facts are written by services, the demo seeder,
closing, imports and test factories alike, and a forgotten `publish` would mean silently stale figures. The
unit of work already knows every row that changed; the listener maps each to its family. Domains import
nothing of this (the composition root, api/subscribers.py, installs it). Bulk SQL statements bypass the ORM
and so this listener: whatever writes these tables that way (bench/generate.py) runs a rebuild afterwards.
"""

import uuid
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event, inspect, select
from sqlalchemy.orm import ORMExecuteState, Session, UOWTransaction
from sqlalchemy.orm.util import identity_key
from sqlmodel import col

from api.measurements import rollup
from api.models import Family, Goal, GoalMember, Measurement, MeasurementScore, Meeting, MeetingParticipant

# Per model, the rollups (by table name) it feeds: {rollup: (columns whose update moves it, an insert may)};
# derived from what each rollup declares it reads (api/measurements/rollup.py, ROLLUPS; the flag counts'
# api/meetings/flag_rollup.py, READS).
WATCHES = rollup.feeds()
# Rows without a family column: the row they belong to has it.
VIA: dict[type, tuple[str, Any]] = {
    MeasurementScore: ("measurement_id", Measurement),
    MeetingParticipant: ("meeting_id", Meeting),
    GoalMember: ("goal_id", Goal),
}
PENDING = "rollup_pending"  # session.info: {(rollup, model whose ids are noted): ids}
DEFERRED = "rollup_deferred"  # session.info: set inside `deferred()`
INSERT, UPDATE, DELETE = "insert", "update", "delete"


def _keys(obj: Any, attribute: str, changed: bool) -> set[uuid.UUID]:
    """The attribute's value, and on a change also the one it had (a row moved to another family)."""
    found = {getattr(obj, attribute)}
    if changed:
        found.update(inspect(obj).attrs[attribute].history.deleted)
    return {value for value in found if value is not None}


def _fed(obj: Any, how: str) -> set[str]:
    """The rollups an insert, update or delete of this row feeds: an update only those reading a column it
    changed (one set to its old value, or a version alone, moves none)."""
    feeds = WATCHES.get(type(obj), {})
    if how != UPDATE:
        return {name for name, (_columns, inserts) in feeds.items() if how == DELETE or inserts}
    state = inspect(obj)
    read = {column for columns, _inserts in feeds.values() for column in columns}
    changed = {column for column in read if state.attrs[column].history.has_changes()}
    return {name for name, (columns, _inserts) in feeds.items() if changed.intersection(columns)}


def _note(session: Session, _context: UOWTransaction) -> None:
    """After the flush's SQL, while new, dirty and deleted still show what changed: note, per rollup it
    feeds, their families (or the measurement, meeting or goal that leads to it)."""
    pending: dict[tuple[str, Any], set[uuid.UUID]] = session.info.setdefault(PENDING, defaultdict(set))
    changed = [
        *((obj, INSERT) for obj in session.new),
        *((obj, DELETE) for obj in session.deleted),
        *((obj, UPDATE) for obj in session.dirty),
    ]
    for obj, how in changed:
        names = _fed(obj, how) if type(obj) in WATCHES else set()
        if not names:
            continue
        if isinstance(obj, Family):
            parent, ids = Family, {obj.id}
        elif type(obj) in VIA:
            attribute, parent = VIA[type(obj)]
            ids = _keys(obj, attribute, how == UPDATE)
        else:
            parent, ids = Family, _keys(obj, "family_id", how == UPDATE)
        for name in names:
            pending[name, parent] |= ids


def _families_of(session: Session, parent: Any, ids: set[uuid.UUID]) -> dict[uuid.UUID, uuid.UUID]:
    """The family of each of these measurements, meetings or goals: as loaded in the session (just flushed),
    else read."""
    found: dict[uuid.UUID, uuid.UUID] = {}
    for i in ids:
        loaded = session.identity_map.get(identity_key(parent, i))
        if loaded is not None and loaded.__dict__.get("family_id") is not None:
            found[i] = loaded.__dict__["family_id"]
    if unknown := ids - found.keys():
        statement = select(col(parent.id), col(parent.family_id)).where(col(parent.id).in_(unknown))
        found |= {i: f for i, f in session.execute(statement).all() if f is not None}
    return found


def _refresh(session: Session, _context: UOWTransaction | None) -> None:
    if session.info.get(DEFERRED):
        return  # the families stay noted until the deferring block ends
    pending: dict[tuple[str, Any], set[uuid.UUID]] = session.info.pop(PENDING, {})
    families: dict[str, set[uuid.UUID]] = defaultdict(set)
    for (name, model), ids in pending.items():
        if model is Family:
            families[name] |= ids
    for _attribute, parent in VIA.values():
        ids = {i for (_name, model), noted in pending.items() if model is parent for i in noted}
        if ids:
            found = _families_of(session, parent, ids)
            for (name, model), noted in pending.items():  # of a deleted parent: its deletion noted the family
                if model is parent:
                    families[name] |= {found[i] for i in noted if i in found}
    if any(families.values()):
        rollup.refresh(session, families)  # type: ignore[arg-type]


def _sets(statement: Any, feeds: dict[str, tuple[tuple[str, ...], bool]]) -> set[str]:
    """The rollups reading a column an UPDATE statement sets (claiming a version alone moves nothing; a
    statement whose values are not known: all of them)."""
    values = getattr(statement, "_values", None)
    if not values:
        return set(feeds)
    keys = {getattr(key, "key", key) for key in values}
    return {name for name, (columns, _inserts) in feeds.items() if keys.intersection(columns)}


def _statement(state: ORMExecuteState) -> Any:
    """An UPDATE or DELETE statement of a watched model's rows passes the flush by (api/meetings claims a
    meeting's status so, api/plans deletes a goal's actions so; deleting a family so would leave its rollup
    rows behind): the families of the rows it matches are refreshed, in the rollups it feeds, after it."""
    if not (state.is_update or state.is_delete):
        return None
    name = getattr(state.statement.table, "name", None)  # type: ignore[attr-defined]
    model = next((m for m in WATCHES if m.__tablename__ == name), None)  # type: ignore[attr-defined]
    if model is None or model in VIA:
        return None  # rows without a family column: none are written so (add them here when they are)
    names = set(WATCHES[model]) if state.is_delete else _sets(state.statement, WATCHES[model])
    if not names:
        return None
    family = col(Family.id) if model is Family else col(model.family_id)  # type: ignore[attr-defined]
    matched = select(family).where(state.statement.whereclause)  # type: ignore[attr-defined]
    families = {f for f in state.session.execute(matched).scalars() if f is not None}
    result = state.invoke_statement()
    if families and state.session.info.get(DEFERRED):
        pending = state.session.info.setdefault(PENDING, defaultdict(set))
        for kind in names:
            pending[kind, Family] |= families
    elif families:
        rollup.refresh(state.session, dict.fromkeys(names, families))  # type: ignore[arg-type]
    return result


@contextmanager
def deferred(session: Session) -> Iterator[None]:
    """Refresh the rollups once, when the block ends, for every family its flushes touched (a writer of
    many rows at a time: the demo). Inside the block the rollups are not current; nothing there reads them."""
    session.info[DEFERRED] = True
    try:
        yield
    except BaseException:
        session.info.pop(PENDING, None)  # rolled back with the transaction
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
