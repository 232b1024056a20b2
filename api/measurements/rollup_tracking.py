"""Keeps the per-family rollups current: every flush that changes a fact a figure (or a meeting's flag count)
rests on recomputes that family's rollup rows (api/measurements/rollup.py) in the same transaction.

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
from sqlmodel import col

from api.measurements import rollup
from api.models import (
    Family,
    FamilyMember,
    FamilyStatusChange,
    GasScore,
    Goal,
    GoalMember,
    Measurement,
    MeasurementScore,
    Meeting,
    MeetingParticipant,
    NetworkContact,
    PlanAction,
)

# Per model: the columns whose change moves a figure (empty: any change, insert or delete does) …
FIGURES: dict[type, tuple[str, ...]] = {
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
# … and a meeting's flag count (api/meetings/flag_rollup.py): who is crucial (active goals' members, open
# actions' owners, professionals whose party a goal or action names) and who was asked and came. Names only
# matter for a named owner without a record, matched to a guest by name.
FLAGS: dict[type, tuple[str, ...]] = {
    Meeting: ("status", "starts_at", "closing_flags", "family_id"),
    MeetingParticipant: (
        *("kind", "invitation", "attendance", "member_id", "contact_id", "user_id", "name", "meeting_id"),
    ),
    Goal: ("status", "text", "life_domain_id", "family_id"),
    GoalMember: (),
    PlanAction: (
        *("status", "description", "owner_type", "owner_member_id", "owner_contact_id", "owner_user_id"),
        *("owner_name", "family_id"),
    ),
    FamilyMember: ("archived_at", "family_id"),
    NetworkContact: ("party", "archived_at", "family_id"),
}
WATCHES = {"figures": FIGURES, "flags": FLAGS}
# Rows without a family column: the row they belong to has it.
VIA: dict[type, tuple[str, Any]] = {
    MeasurementScore: ("measurement_id", Measurement),
    MeetingParticipant: ("meeting_id", Meeting),
    GoalMember: ("goal_id", Goal),
}
PENDING = "rollup_pending"  # session.info: {(watch, model whose ids are noted): ids}
DEFERRED = "rollup_deferred"  # session.info: set inside `deferred()`


def _keys(obj: Any, attribute: str, changed: bool) -> set[uuid.UUID]:
    """The attribute's value, and on a change also the one it had (a row moved to another family)."""
    found = {getattr(obj, attribute)}
    if changed:
        found.update(inspect(obj).attrs[attribute].history.deleted)
    return {value for value in found if value is not None}


def _moved(obj: Any, watched: tuple[str, ...]) -> bool:
    state = inspect(obj)
    return not watched or any(state.attrs[name].history.has_changes() for name in watched)


def _note(session: Session, _context: UOWTransaction) -> None:
    """After the flush's SQL, while new, dirty and deleted still show what changed: note their families (or
    the measurement, meeting or goal that leads to it)."""
    pending: dict[tuple[str, Any], set[uuid.UUID]] = session.info.setdefault(PENDING, defaultdict(set))
    changed = [(obj, False) for obj in (*session.new, *session.deleted)] + [
        (obj, True) for obj in session.dirty
    ]
    for obj, dirty in changed:
        for name, watch in WATCHES.items():
            watched = watch.get(type(obj))
            if watched is None or (dirty and not _moved(obj, watched)):
                continue
            if isinstance(obj, Family):
                pending[name, Family].add(obj.id)
            elif type(obj) in VIA:
                attribute, parent = VIA[type(obj)]
                pending[name, parent] |= _keys(obj, attribute, dirty)
            else:
                pending[name, Family] |= _keys(obj, "family_id", dirty)


def _refresh(session: Session, _context: UOWTransaction | None) -> None:
    if session.info.get(DEFERRED):
        return  # the families stay noted until the deferring block ends
    pending: dict[tuple[str, Any], set[uuid.UUID]] = session.info.pop(PENDING, {})
    families: dict[str, set[uuid.UUID]] = {name: set(pending.get((name, Family), ())) for name in WATCHES}
    for _attribute, parent in VIA.values():
        ids = {i for name in WATCHES for i in pending.get((name, parent), ())}
        if not ids:
            continue
        statement = select(col(parent.id), col(parent.family_id)).where(col(parent.id).in_(ids))
        found = {i: f for i, f in session.execute(statement).all() if f is not None}
        for name in WATCHES:  # rows of a deleted parent: its own deletion noted the family
            families[name] |= {found[i] for i in pending.get((name, parent), ()) if i in found}
    if families["figures"] or families["flags"]:
        rollup.refresh(session, families["figures"], flags=families["flags"])  # type: ignore[arg-type]


def _sets_watched(statement: Any, watched: tuple[str, ...]) -> bool:
    """Whether an UPDATE statement sets a watched column (claiming a version alone moves nothing)."""
    values = getattr(statement, "_values", None)
    if not watched or not values:
        return True
    return any(getattr(key, "key", key) in watched for key in values)


def _statement(state: ORMExecuteState) -> Any:
    """An UPDATE or DELETE statement of a watched model's rows passes the flush by (api/meetings claims a
    meeting's status so, api/plans deletes a goal's actions so; deleting a family so would leave its rollup
    rows behind): the families of the rows it matches are refreshed right after it."""
    if not (state.is_update or state.is_delete):
        return None
    name = getattr(state.statement.table, "name", None)  # type: ignore[attr-defined]
    model = next((m for watch in WATCHES.values() for m in watch if m.__tablename__ == name), None)  # type: ignore[attr-defined]
    if model is None or model in VIA:
        return None  # rows without a family column: none are written so (add them here when they are)
    kinds = {
        kind
        for kind, watch in WATCHES.items()
        if model in watch and (state.is_delete or _sets_watched(state.statement, watch[model]))
    }
    if not kinds:
        return None
    family = col(Family.id) if model is Family else col(model.family_id)  # type: ignore[attr-defined]
    matched = select(family).where(state.statement.whereclause)  # type: ignore[attr-defined]
    families = {f for f in state.session.execute(matched).scalars() if f is not None}
    result = state.invoke_statement()
    if families and state.session.info.get(DEFERRED):
        pending = state.session.info.setdefault(PENDING, defaultdict(set))
        for kind in kinds:
            pending[kind, Family] |= families
    elif families:
        rollup.refresh(
            state.session,  # type: ignore[arg-type]
            families if "figures" in kinds else (),
            flags=families if "flags" in kinds else (),
        )
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
