"""Meetings across the families the caller may read: upcoming, recent, and the flagged ones."""

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from sqlalchemy import literal, or_, tuple_
from sqlalchemy.orm import joinedload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.pagination import Page, decode_cursor, encode_cursor
from api.families.repository import readable_families
from api.meetings.plan_links import crucial_people
from api.meetings.presenters import meeting_flags, meeting_public
from api.meetings.repository import participants_of
from api.meetings.schemas import MeetingFlag, MeetingOverviewItem
from api.models import Family, Meeting, MeetingStatus

# With `flagged`, at most this many batches are read per request (then a short page with a cursor).
MAX_BATCHES = 4


Rows = Select[Meeting, Family]


class Scope(StrEnum):
    organisation = "organisation"
    mine = "mine"


class Order(StrEnum):
    asc = "asc"
    desc = "desc"


@dataclass(frozen=True)
class OverviewFilters:
    scope: Scope = Scope.organisation
    starts_from: datetime | None = None
    starts_to: datetime | None = None
    status: MeetingStatus | None = None
    flagged: bool | None = None
    order: Order = Order.desc


def _statement(principal: Principal, filters: OverviewFilters) -> Rows:
    """Meetings with their family (and its supporter) in one query, narrowed to the readable families."""
    families = readable_families(principal)
    if filters.scope == Scope.mine:
        families = families.where(
            or_(col(Family.supporter_id) == principal.id, col(Family.coordinator_id) == principal.id)
        )
    statement = (
        select(Meeting, Family)
        .join(Family, col(Family.id) == Meeting.family_id)
        .options(joinedload(Family.supporter))  # type: ignore[arg-type]
    )
    if families.whereclause is not None:
        statement = statement.where(families.whereclause)
    if filters.starts_from is not None:
        statement = statement.where(Meeting.starts_at >= filters.starts_from)
    if filters.starts_to is not None:
        statement = statement.where(Meeting.starts_at < filters.starts_to)
    if filters.status is not None:
        statement = statement.where(Meeting.status == filters.status)
    return statement


def _batch(
    session: Session,
    statement: Rows,
    ascending: bool,
    size: int,
    cursor: str | None,
) -> tuple[Sequence[tuple[Meeting, Family]], bool]:
    """One keyset page in either direction: (rows, more after them)."""
    key = tuple_(col(Meeting.starts_at), col(Meeting.id))
    if cursor:
        moment, row_id = decode_cursor(cursor)
        # A row comparison, so the index on (starts_at, id) answers it as one range scan.
        after = tuple_(literal(moment, Meeting.starts_at.type), literal(row_id, Meeting.id.type))  # type: ignore[attr-defined]
        statement = statement.where(key > after if ascending else key < after)
    order = (col(Meeting.starts_at), col(Meeting.id))
    ordered = statement.order_by(*order) if ascending else statement.order_by(*(c.desc() for c in order))
    rows = session.exec(ordered.limit(size + 1)).all()
    return rows[:size], len(rows) > size


def overview(
    session: Session, principal: Principal, *, filters: OverviewFilters, limit: int, cursor: str | None
) -> Page[MeetingOverviewItem]:
    """A page of meetings; with `flagged`, a page is filled by reading on, at most MAX_BATCHES batches (a
    page may then be short, with a cursor to read on), so a request sends a fixed number of queries."""
    statement = _statement(principal, filters)
    ascending = filters.order == Order.asc
    size = limit if filters.flagged is None else max(limit, 50)
    picked: list[tuple[Meeting, list[MeetingFlag]]] = []
    participants: dict[uuid.UUID, list] = {}  # type: ignore[type-arg]
    families: dict[uuid.UUID, Family] = {}
    next_cursor: str | None = None
    batches = 0
    while True:
        batch, more = _batch(session, statement, ascending, size, cursor)
        rows = [meeting for meeting, _ in batch]
        families |= {family.id: family for _, family in batch}
        found = participants_of(session, [m.id for m in rows])
        crucial = crucial_people(session, {m.family_id for m in rows})
        for index, meeting in enumerate(rows):
            flags = meeting_flags(meeting, found[meeting.id], crucial.get(meeting.family_id, []))
            if filters.flagged is None or bool(flags) == filters.flagged:
                picked.append((meeting, flags))
                participants[meeting.id] = found[meeting.id]
            if len(picked) == limit:
                rest = more or index < len(rows) - 1
                next_cursor = encode_cursor(meeting.starts_at, meeting.id) if rest else None
                break
        if len(picked) == limit or not more:
            break
        cursor = encode_cursor(rows[-1].starts_at, rows[-1].id)
        batches += 1
        if batches == MAX_BATCHES:  # a short page whose cursor reads on: the work per request stays fixed
            next_cursor = cursor
            break
    audit.record_many(
        session,
        principal,
        action="list",
        object_type="meeting",
        family_ids=list({m.family_id for m, _ in picked}),
    )
    items = []
    for meeting, flags in picked:
        family = families[meeting.family_id]
        public = meeting_public(meeting, family, participants[meeting.id], flags)
        items.append(
            MeetingOverviewItem(
                **public.model_dump(),
                family_display_name=family.display_name,
                supporter_id=family.supporter_id,
                supporter_name=family.supporter.full_name if family.supporter else None,
                flags=flags,
            )
        )
    return Page(items=items, next_cursor=next_cursor)
