"""The family's timeline: enrolment, status changes, meetings, decisions and plan adoptions, newest first.

Each source is read with the same keyset condition and merged, so one page costs one query per source."""

import uuid
from collections.abc import Sequence
from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import ColumnElement, and_, or_, true
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.pagination import Page, decode_cursor, encode_cursor
from api.families.repository import get_readable_family
from api.meetings.summary import when_text
from api.models import (
    DecisionKind,
    FamilyStatus,
    FamilyStatusChange,
    Meeting,
    MeetingDecision,
    MeetingStatus,
    PlanVersion,
    User,
)
from api.models.workday import SupporterChange

STATUS_NL = {"intake": "aanmelding", "active": "actief", "phasing_out": "afbouw", "closed": "afgesloten"}
MEETING_TITLES = {
    MeetingStatus.planned: "Rondetafeloverleg gepland",
    MeetingStatus.held: "Rondetafeloverleg gehouden",
    MeetingStatus.cancelled: "Rondetafeloverleg afgelast",
}


class TimelineKind(StrEnum):
    family_enrolled = "family_enrolled"
    status_changed = "status_changed"
    meeting_planned = "meeting_planned"
    meeting_held = "meeting_held"
    meeting_cancelled = "meeting_cancelled"
    decision = "decision"
    plan_adopted = "plan_adopted"
    supporter_changed = "supporter_changed"


class TimelineEntry(BaseModel):
    id: uuid.UUID = Field(description="The id of the row behind the entry (meeting, decision, version …).")
    at: datetime
    kind: TimelineKind
    title: str = Field(description="Dutch, ready to show; the typed fields below let a client write its own.")
    detail: str | None
    meeting_id: uuid.UUID | None = None
    decision_kind: DecisionKind | None = None
    plan_version_number: int | None = None
    from_status: FamilyStatus | None = None
    to_status: FamilyStatus | None = None


def _before(moment: Any, row_id: Any, after: tuple[datetime, uuid.UUID] | None) -> ColumnElement[bool]:
    if after is None:
        return true()
    return or_(moment < after[0], and_(moment == after[0], row_id < after[1]))


def _newest(
    session: Session, statement: Any, moment: Any, row_id: Any, after: Any, limit: int | None
) -> Sequence[Any]:
    """The keyset read all sources share: `statement`'s rows before `after`, newest first by (moment, id)."""
    before = statement.where(_before(moment, row_id, after))
    return session.exec(before.order_by(col(moment).desc(), col(row_id).desc()).limit(limit)).all()


def _meetings(session: Session, family_id: uuid.UUID, after: Any, limit: int) -> list[TimelineEntry]:
    statement = select(Meeting).where(Meeting.family_id == family_id)
    rows = _newest(session, statement, Meeting.starts_at, Meeting.id, after, limit)
    return [
        TimelineEntry(
            id=m.id,
            at=m.starts_at,
            kind=TimelineKind(f"meeting_{m.status.value}"),
            title=MEETING_TITLES[m.status],
            detail=", ".join(x for x in (when_text(m), m.place) if x),
            meeting_id=m.id,
        )
        for m in rows
    ]


def _decisions(session: Session, family_id: uuid.UUID, after: Any, limit: int) -> list[TimelineEntry]:
    statement = (
        select(MeetingDecision, Meeting)
        .join(Meeting, col(Meeting.id) == MeetingDecision.meeting_id)
        .where(
            Meeting.family_id == family_id,
            Meeting.status == MeetingStatus.held,
            MeetingDecision.kind
            != DecisionKind.adopt_plan,  # the adoption itself comes from the plan's versions
        )
    )
    rows = _newest(session, statement, Meeting.closed_at, MeetingDecision.id, after, limit)
    return [
        TimelineEntry(
            id=d.id,
            at=m.closed_at,
            kind=TimelineKind.decision,
            title=d.text,
            detail=None,
            meeting_id=m.id,
            decision_kind=d.kind,
        )
        for d, m in rows
    ]


def _adoptions(session: Session, family_id: uuid.UUID, after: Any, limit: int) -> list[TimelineEntry]:
    statement = select(PlanVersion).where(PlanVersion.family_id == family_id)
    rows = _newest(session, statement, PlanVersion.adopted_at, PlanVersion.id, after, limit)
    return [
        TimelineEntry(
            id=v.id,
            at=v.adopted_at,
            kind=TimelineKind.plan_adopted,
            title=f"Gezinsplan vastgesteld (versie {v.number})",
            detail=v.note,
            meeting_id=v.meeting_id,
            plan_version_number=v.number,
        )
        for v in rows
    ]


def _supporter_changes(session: Session, family_id: uuid.UUID, after: Any, limit: int) -> list[TimelineEntry]:
    """Moves to another supporter's caseload, with the new supporter's name and the coordinator's note."""
    statement = (
        select(SupporterChange, User.full_name)
        .join(User, col(User.id) == SupporterChange.to_supporter_id)
        .where(SupporterChange.family_id == family_id)
    )
    rows = _newest(session, statement, SupporterChange.changed_at, SupporterChange.id, after, limit)
    return [
        TimelineEntry(
            id=c.id,
            at=c.changed_at,
            kind=TimelineKind.supporter_changed,
            title=f"Nieuwe bondgenoot: {name}",
            detail=c.note,
        )
        for c, name in rows
    ]


def status_changes(
    session: Session, family_id: uuid.UUID, *, after: Any, limit: int | None
) -> list[TimelineEntry]:
    """The family's status moves, newest first (`limit` None: all of them)."""
    statement = select(FamilyStatusChange).where(FamilyStatusChange.family_id == family_id)
    rows = _newest(session, statement, FamilyStatusChange.changed_at, FamilyStatusChange.id, after, limit)
    return [
        TimelineEntry(
            id=c.id,
            at=c.changed_at,
            kind=TimelineKind.status_changed,
            title=f"Status: {STATUS_NL[c.from_status.value]} → {STATUS_NL[c.to_status.value]}",
            detail=None,
            from_status=c.from_status,
            to_status=c.to_status,
        )
        for c in rows
    ]


def timeline(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[TimelineEntry]:
    """A page of the family's history and plans, newest first (one query per source and the family's)."""
    family = get_readable_family(session, principal, family_id)
    after = decode_cursor(cursor) if cursor else None
    entries: list[TimelineEntry] = []
    for source in (_meetings, _decisions, _adoptions, status_changes, _supporter_changes):
        entries += source(session, family.id, after=after, limit=limit + 1)
    if after is None or (family.created_at, family.id) < after:
        entries.append(
            TimelineEntry(
                id=family.id,
                at=family.created_at,
                kind=TimelineKind.family_enrolled,
                title="Gezin aangemeld",
                detail=None,
                to_status=FamilyStatus.intake,
            )
        )
    entries.sort(key=lambda e: (e.at, e.id), reverse=True)
    audit.record(session, principal, action="read", object_type="timeline", family_id=family.id)
    page = entries[:limit]
    next_cursor = encode_cursor(page[-1].at, page[-1].id) if len(entries) > limit else None
    return Page(items=page, next_cursor=next_cursor)
