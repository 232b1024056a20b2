"""The rules for meetings: plan one with an agenda from the plan, change it, cancel it, read it."""

import uuid

from sqlalchemy import update
from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.concurrency import claim_version
from api.core.errors import Conflict, Unprocessable
from api.core.pagination import Page, keyset_page
from api.families.repository import get_readable_family
from api.meetings import participants as people
from api.meetings.events import meeting_scheduled
from api.meetings.plan_links import agenda_from_plan, crucial_people
from api.meetings.presenters import meeting_detail, meeting_flags, meeting_public
from api.meetings.repository import (
    NOT_OPEN,
    agenda_of,
    decisions_of,
    get_meeting,
    get_open_meeting,
    participants_of,
)
from api.meetings.schemas import (
    MeetingCancel,
    MeetingCreate,
    MeetingDetail,
    MeetingPublic,
    MeetingUpdate,
    ParticipantCreate,
    check_duration,
)
from api.models import (
    Family,
    Meeting,
    MeetingAgendaItem,
    MeetingStatus,
    ParticipantKind,
)
from api.models.base import localtoday, utcnow

CALENDAR_FIELDS = {"starts_at", "ends_at", "place", "video_url"}


def detail(session: Session, meeting: Meeting, *, family: Family) -> MeetingDetail:
    """The whole meeting in a fixed number of queries."""
    participants = participants_of(session, [meeting.id])[meeting.id]
    crucial = crucial_people(session, [family.id]).get(family.id, [])
    return meeting_detail(
        meeting,
        family,
        participants,
        agenda_of(session, meeting.id),
        decisions_of(session, meeting.id),
        crucial,
    )


def _writable_family(session: Session, principal: Principal, family_id: uuid.UUID) -> Family:
    family = get_readable_family(session, principal, family_id, action="create")
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    return family


def list_family_meetings(
    session: Session, principal: Principal, *, family_id: uuid.UUID, limit: int, cursor: str | None
) -> Page[MeetingPublic]:
    """The family's meetings, latest start first."""
    family = get_readable_family(session, principal, family_id)
    rows, next_cursor = keyset_page(
        session,
        select(Meeting).where(Meeting.family_id == family.id),
        moment=Meeting.starts_at,
        row_id=Meeting.id,
        limit=limit,
        cursor=cursor,
    )
    participants = participants_of(session, [m.id for m in rows])
    crucial = crucial_people(session, [family.id]).get(family.id, []) if rows else []
    audit.record(session, principal, action="list", object_type="meeting", family_id=family.id)
    items = []
    for meeting in rows:
        flags = meeting_flags(meeting, participants[meeting.id], crucial)
        items.append(meeting_public(meeting, family, participants[meeting.id], flags))
    return Page(items=items, next_cursor=next_cursor)


def create_meeting(
    session: Session, principal: Principal, *, family_id: uuid.UUID, data: MeetingCreate
) -> MeetingDetail:
    """Plan a meeting: the chair and the supporter join, the agenda starts from the plan."""
    family = _writable_family(session, principal, family_id)
    chair_id = data.chair_user_id or principal.id
    people.check_staff(session, principal, user_id=chair_id, field="chair_user_id")
    assert data.ends_at is not None  # filled in by the schema
    meeting = Meeting(
        family_id=family.id,
        uid=f"{uuid.uuid4()}@bondgenoot",
        starts_at=data.starts_at,
        ends_at=data.ends_at,
        place=data.place,
        video_url=data.video_url,
        chair_user_id=chair_id,
        created_by_id=principal.id,
    )
    session.add(meeting)
    session.flush()
    staff_ids = {chair_id} | ({family.supporter_id} if family.supporter_id else set())
    for user_id in sorted(staff_ids, key=lambda i: i != chair_id):  # the chair first
        people.add(
            session,
            principal,
            meeting=meeting,
            family=family,
            data=ParticipantCreate(kind=ParticipantKind.staff, user_id=user_id),
        )
    for index, participant in enumerate(data.participants):
        if participant.kind != ParticipantKind.staff or participant.user_id not in staff_ids:
            people.add(
                session,
                principal,
                meeting=meeting,
                family=family,
                data=participant,
                field=f"participants.{index}",
            )
    for position, seed in enumerate(agenda_from_plan(session, family.id, on=localtoday()), start=1):
        session.add(MeetingAgendaItem(meeting_id=meeting.id, position=position, **seed.__dict__))
    session.flush()
    audit.record(
        session, principal, action="create", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return detail(session, meeting, family=family)


def read_meeting(session: Session, principal: Principal, *, meeting_id: uuid.UUID) -> MeetingDetail:
    """One meeting with participants, agenda, decisions and flags."""
    meeting, family = get_meeting(session, principal, meeting_id)
    audit.record(
        session, principal, action="read", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return detail(session, meeting, family=family)


def update_meeting(
    session: Session,
    principal: Principal,
    *,
    meeting_id: uuid.UUID,
    data: MeetingUpdate,
    if_match: str | None,
) -> MeetingDetail:
    """Change time, place, chair or minutes; a change of time or place raises the calendar sequence."""
    meeting, family = get_meeting(session, principal, meeting_id, action="update")
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    fields = data.model_fields_set
    if meeting.status == MeetingStatus.cancelled or (
        meeting.status == MeetingStatus.held and fields - {"minutes"}
    ):
        raise Conflict(NOT_OPEN, code="meeting_not_open")
    claim_version(session, meeting, if_match)
    for name in ("starts_at", "ends_at"):
        if name in fields and getattr(data, name) is None:
            raise Unprocessable(
                "Een overleg heeft een begin en een eind / a meeting has a start and an end.",
                errors=[{"field": name, "message": "cannot be empty", "type": "value_error"}],
            )
    starts_at = data.starts_at or meeting.starts_at
    ends_at = data.ends_at or meeting.ends_at
    try:
        check_duration(starts_at, ends_at)
    except ValueError as exc:
        raise Unprocessable(
            "Het eind ligt na het begin, hooguit 12 uur later / the end is after the start, within 12 hours.",
            errors=[{"field": "ends_at", "message": str(exc), "type": "value_error"}],
        ) from exc
    calendar_changed = any(
        name in fields and getattr(data, name) != getattr(meeting, name) for name in CALENDAR_FIELDS
    )
    for name in CALENDAR_FIELDS | {"minutes"}:
        if name in fields:
            setattr(meeting, name, getattr(data, name))
    if "chair_user_id" in fields and data.chair_user_id is not None:
        people.check_staff(session, principal, user_id=data.chair_user_id, field="chair_user_id")
        meeting.chair_user_id, meeting.chair_participant_id = data.chair_user_id, None
        people.ensure_staff(session, principal, meeting=meeting, family=family, user_id=data.chair_user_id)
    if "chair_participant_id" in fields and data.chair_participant_id is not None:
        chair = people.get(session, meeting.id, participant_id=data.chair_participant_id)
        meeting.chair_participant_id = chair.id
        meeting.chair_user_id = chair.user_id
    if calendar_changed:
        meeting.sequence += 1
    meeting.updated_at = utcnow()
    session.flush()
    if calendar_changed:
        meeting_scheduled(session, meeting, event_type="meeting.changed", actor_id=principal.id)
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return detail(session, meeting, family=family)


def claim_status(session: Session, meeting: Meeting, *, target: MeetingStatus) -> None:
    """Move a planned meeting on, atomically: of two closes (or a close and a cancel) only one wins."""
    moved = session.execute(
        update(Meeting)
        .where(col(Meeting.id) == meeting.id, col(Meeting.status) == MeetingStatus.planned)
        .values(status=target, version=Meeting.version + 1)
    )
    if moved.rowcount != 1:  # type: ignore[attr-defined]
        raise Conflict(NOT_OPEN, code="meeting_not_open")
    session.refresh(meeting, attribute_names=["status", "version"])


def cancel_meeting(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, data: MeetingCancel
) -> MeetingDetail:
    """Call a planned meeting off; calendars get a cancellation with the same UID."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="cancel")
    claim_status(session, meeting, target=MeetingStatus.cancelled)
    meeting.sequence += 1
    meeting.cancelled_at = meeting.updated_at = utcnow()
    meeting.cancel_reason = data.reason
    session.flush()
    meeting_scheduled(session, meeting, event_type="meeting.cancelled", actor_id=principal.id)
    audit.record(
        session, principal, action="cancel", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return detail(session, meeting, family=family)
