"""Writing audit events, in the same transaction as the access they describe."""

import os
import uuid
from collections.abc import Iterable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import event as sa_event
from sqlalchemy import insert
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import SelectOfScalar

from api.audit.schemas import AuditEventPublic, AuditFilters
from api.auth.principal import Principal
from api.core.pagination import Page, keyset_page
from api.models import AuditEvent, FunderClient, User
from api.models.base import new_id, utcnow

AUDIT_TABLE = AuditEvent.__table__  # type: ignore[attr-defined]


def event(
    principal: Principal,
    *,
    action: str,
    object_type: str,
    object_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
    outcome: str = "success",
) -> AuditEvent:
    """An audit event for `principal` doing `action` (not yet added to a session)."""
    row = _row(principal, action=action, object_type=object_type, now=utcnow())
    return AuditEvent(**row | {"object_id": object_id, "family_id": family_id, "outcome": outcome})


def record(
    session: Session,
    principal: Principal,
    *,
    action: str,
    object_type: str,
    object_id: uuid.UUID | None = None,
    family_id: uuid.UUID | None = None,
) -> None:
    """Add an audit event of a successful access to the current transaction."""
    row = _row(principal, action=action, object_type=object_type, now=utcnow())
    _pending(session).append(row | {"object_id": object_id, "family_id": family_id})


def record_many(
    session: Session, principal: Principal, *, action: str, object_type: str, family_ids: Iterable[uuid.UUID]
) -> None:
    """One event per family, all written with the request's other events (one INSERT at commit)."""
    template = _row(principal, action=action, object_type=object_type, now=utcnow())
    ids = list(family_ids)
    _pending(session).extend(
        template | {"id": row_id, "object_id": fid, "family_id": fid}
        for row_id, fid in zip(_random_ids(len(ids)), ids, strict=True)
    )


def _random_ids(count: int) -> list[uuid.UUID]:
    """`count` random (version 4) ids from one read of the system's random source, not one read each."""
    random = os.urandom(16 * count)
    return [uuid.UUID(bytes=random[i : i + 16], version=4) for i in range(0, 16 * count, 16)]


def _row(principal: Principal, *, action: str, object_type: str, now: datetime) -> dict[str, Any]:
    """The columns of `event`'s row as a plain dict (no model built: a page records 25-100 of them)."""
    return {
        "id": new_id(),
        "occurred_at": now,
        "actor_type": principal.actor_type,
        "actor_id": principal.id,
        "actor_role": principal.role.value if principal.role else principal.actor_type,
        "organisation_id": principal.organisation_id,
        "action": action,
        "object_type": object_type,
        "object_id": None,
        "family_id": None,
        "outcome": "success",
        "client_address": principal.client_address,
        "purpose": principal.purpose,
    }


# A request's audit events wait in its session and are written in ONE multi-row INSERT when the
# transaction commits, however many parts of the request (a worklist reads debt, alerts and meetings)
# recorded them; a rollback forgets them with everything else.
PENDING = "audit_pending"


def _pending(session: Session) -> list[dict[str, object]]:
    rows: list[dict[str, object]] = session.info.setdefault(PENDING, [])
    return rows


def write_pending(session: Session) -> None:
    """Write the events recorded so far now (one INSERT); the audit log's own pages call this first, so
    that they show their own reading."""
    rows = session.info.pop(PENDING, None)
    if rows:
        # A Core insert of plain dicts (every row has every column): one executemany (psycopg pipelines the
        # rows in one round trip), without the ORM's bulk-insert bookkeeping. On the session's connection,
        # in the request's transaction.
        session.connection().execute(insert(AUDIT_TABLE), rows)


@sa_event.listens_for(Session, "before_commit")
def _write_pending(session: Session) -> None:
    if not session.in_nested_transaction():  # a savepoint waits for the request's own commit
        write_pending(session)


@sa_event.listens_for(Session, "after_soft_rollback")
def _forget_pending(session: Session, previous: SessionTransaction) -> None:
    if not previous.nested:
        session.info.pop(PENDING, None)


def list_events(
    session: Session, principal: Principal, *, filters: AuditFilters, limit: int, cursor: str | None
) -> Page[AuditEventPublic]:
    """The organisation's audit events, newest first."""
    statement = select(AuditEvent).where(AuditEvent.organisation_id == principal.organisation_id)
    for column, value in (
        (AuditEvent.family_id, filters.family_id),
        (AuditEvent.actor_id, filters.actor_id),
        (AuditEvent.action, filters.action),
        (AuditEvent.outcome, filters.outcome),
    ):
        if value is not None:
            statement = statement.where(column == value)
    if filters.since is not None:
        statement = statement.where(AuditEvent.occurred_at >= filters.since)
    if filters.until is not None:
        statement = statement.where(AuditEvent.occurred_at < filters.until)
    return _page(session, statement, limit=limit, cursor=cursor)


def family_events(
    session: Session, family_id: uuid.UUID, *, limit: int, cursor: str | None
) -> Page[AuditEventPublic]:
    """One family's audit events, newest first (the caller has checked access)."""
    return _page(
        session, select(AuditEvent).where(AuditEvent.family_id == family_id), limit=limit, cursor=cursor
    )


def _page(
    session: Session, statement: SelectOfScalar[AuditEvent], *, limit: int, cursor: str | None
) -> Page[AuditEventPublic]:
    write_pending(session)
    rows, next_cursor = keyset_page(
        session, statement, moment=AuditEvent.occurred_at, row_id=AuditEvent.id, limit=limit, cursor=cursor
    )
    names = _actor_names(session, rows)
    return Page(
        items=[
            AuditEventPublic.model_validate(r.model_dump() | {"actor_name": names.get(r.actor_id)})
            for r in rows
        ],
        next_cursor=next_cursor,
    )


def _actor_names(session: Session, rows: Sequence[AuditEvent]) -> dict[uuid.UUID | None, str]:
    """Names of the staff and funder systems on a page, one query per kind (family members stay unnamed)."""
    names: dict[uuid.UUID | None, str] = {}
    for actor_type, id_column, name_column in (
        ("user", col(User.id), col(User.full_name)),
        ("client", col(FunderClient.id), col(FunderClient.name)),
    ):
        ids = {r.actor_id for r in rows if r.actor_type == actor_type and r.actor_id is not None}
        if ids:
            found = session.execute(select(id_column, name_column).where(id_column.in_(ids))).all()
            names.update((actor_id, name) for actor_id, name in found)
    return names
