"""Meetings across the families the caller may read: upcoming, recent, and the flagged ones.

Which meetings are flagged is read from the flag-count rollup (api/meetings/flag_rollup.py, kept current with
every plan and meeting change in the same transaction), so `flagged=` is one indexed statement. A planned
meeting's flags are read from the same row (stored by the same rules, `meeting_flags`); a held one's are
frozen on the meeting. Only a planned meeting whose row has no flags stored (made before migration 0027 and
not rebuilt since, or not yet seen) has them computed live from the plan's crucial players."""

import uuid
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import func, literal, or_, tuple_
from sqlalchemy.orm import joinedload
from sqlmodel import Session, col, select
from sqlmodel.sql.expression import Select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.pagination import Page, decode_cursor, encode_cursor
from api.families.repository import readable_families
from api.meetings import flag_rollup
from api.meetings.plan_links import crucial_people
from api.meetings.presenters import meeting_fields, meeting_flags
from api.meetings.repository import listed_participants
from api.meetings.schemas import MeetingOverviewItem
from api.models import Family, Meeting, MeetingStatus, RollupMeetingFlag

# the flag count and stored flags: None where the rollup has no row (outer join)
Rows = Select[Meeting, Family, int, list[dict[str, Any]] | None]
FLAGS = RollupMeetingFlag


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
    supporter_id: uuid.UUID | None = None  # the families on this supporter's caseload
    order: Order = Order.desc


def _key(filters: OverviewFilters) -> tuple[Any, Any]:
    """The columns a page is ordered by: for `flagged=true` the rollup's copy of (starts_at, id), so its
    partial index of the flagged meetings answers in order; otherwise the meeting's own."""
    if filters.flagged:
        return col(FLAGS.starts_at), col(FLAGS.meeting_id)
    return col(Meeting.starts_at), col(Meeting.id)


def _statement(principal: Principal, filters: OverviewFilters) -> Rows:
    """Meetings with their family (and its supporter) in one query, narrowed to the readable families."""
    families = readable_families(principal)
    if filters.scope == Scope.mine:
        families = families.where(
            or_(col(Family.supporter_id) == principal.id, col(Family.coordinator_id) == principal.id)
        )
    if filters.supporter_id is not None:
        families = families.where(col(Family.supporter_id) == filters.supporter_id)
    statement = (
        select(Meeting, Family, col(FLAGS.flag_count), col(FLAGS.flags))
        .join(Family, col(Family.id) == Meeting.family_id)
        .join(FLAGS, col(FLAGS.meeting_id) == Meeting.id, isouter=not filters.flagged)
        .options(joinedload(Family.supporter))  # type: ignore[arg-type]
    )
    if families.whereclause is not None:
        statement = statement.where(families.whereclause)
    if filters.flagged:
        statement = statement.where(col(FLAGS.flag_count) > 0)
    elif filters.flagged is not None:  # a meeting the rollup has not (yet) seen counts as unflagged
        statement = statement.where(or_(col(FLAGS.flag_count).is_(None), col(FLAGS.flag_count) <= 0))
    starts, _ = _key(filters)
    if filters.starts_from is not None:
        statement = statement.where(starts >= filters.starts_from)
    if filters.starts_to is not None:
        statement = statement.where(starts < filters.starts_to)
    if filters.status is not None:
        statement = statement.where(Meeting.status == filters.status)
    return statement


def overview(
    session: Session, principal: Principal, *, filters: OverviewFilters, limit: int, cursor: str | None
) -> Page[MeetingOverviewItem]:
    """A keyset page of meetings in either direction, with each one's flags (a fixed number of queries)."""
    statement = _statement(principal, filters)
    starts, row_id = key = _key(filters)
    ascending = filters.order == Order.asc
    if cursor:
        moment, after_id = decode_cursor(cursor)
        # A row comparison, so the index on (starts_at, id) answers it as one range scan.
        after = tuple_(literal(moment, starts.type), literal(after_id, row_id.type))
        statement = statement.where(tuple_(*key) > after if ascending else tuple_(*key) < after)
    ordered = statement.order_by(*(key if ascending else (c.desc() for c in key)))
    found = session.exec(ordered.limit(limit + 1)).all()
    rows = found[:limit]
    last = rows[-1][0] if rows and len(found) > limit else None
    participants = listed_participants(session, [m for m, _, _, _ in rows])
    planned = [(m, count, stored) for m, _, count, stored in rows if m.status == MeetingStatus.planned]
    shown = flag_rollup.restored(
        session, {m.id: stored for m, count, stored in planned if stored is not None}
    )
    # Live only where the rollup counts a flag but stored none (or has not seen the meeting yet).
    live = {m.family_id for m, count, stored in planned if count != 0 and stored is None}
    crucial = crucial_people(session, live)
    audit.record_many(
        session,
        principal,
        action="list",
        object_type="meeting",
        family_ids=list({m.family_id for m, _, _, _ in rows}),
    )
    items = []
    for meeting, family, count, _ in rows:
        crucial_here = crucial.get(meeting.family_id, []) if count != 0 else []  # none counted: none shown
        flags = (
            shown[meeting.id]
            if meeting.id in shown
            else meeting_flags(meeting, participants[meeting.id], crucial_here)
        )
        items.append(
            MeetingOverviewItem(
                **meeting_fields(meeting, family, participants[meeting.id], flags),
                family_display_name=family.display_name,
                supporter_id=family.supporter_id,
                supporter_name=family.supporter.full_name if family.supporter else None,
                flags=flags,
            )
        )
    return Page(items=items, next_cursor=encode_cursor(last.starts_at, last.id) if last else None)


def flagged_per_supporter(
    session: Session, principal: Principal, *, starts_from: datetime, starts_to: datetime
) -> dict[uuid.UUID | None, int]:
    """Planned meetings with flags in a period, counted per supporter of the readable families (one
    statement over the flag-count rollup's index of the flagged meetings)."""
    families = readable_families(principal).with_only_columns(col(Family.id), col(Family.supporter_id))
    scope = families.subquery("scope")
    counted = (
        select(scope.c.supporter_id, func.count())
        .select_from(FLAGS)
        .join(scope, scope.c.id == FLAGS.family_id)
        .where(
            col(FLAGS.flag_count) > 0,
            col(FLAGS.starts_at) >= starts_from,
            col(FLAGS.starts_at) < starts_to,
            col(FLAGS.status) == MeetingStatus.planned,
        )
        .group_by(scope.c.supporter_id)
    )
    return {supporter_id: count for supporter_id, count in session.exec(counted).all()}
