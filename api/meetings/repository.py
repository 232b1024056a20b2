"""The meetings' queries. A meeting is reached only through its family's scope (`get_readable_family`)."""

import uuid
from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TypeVar

from sqlalchemy.orm import joinedload
from sqlmodel import Session, col, select

from api.audit.service import event
from api.auth.principal import Principal
from api.core.errors import Conflict, NotFound
from api.families.repository import get_readable_family
from api.meetings.presenters import chair_of
from api.models import (
    Family,
    Meeting,
    MeetingAgendaItem,
    MeetingDecision,
    MeetingParticipant,
    MeetingStatus,
)

MEETING_NOT_FOUND = "Dit overleg bestaat niet of je hebt er geen toegang toe / meeting not found."
NOT_OPEN = (
    "Dit overleg is al gesloten of afgelast; het kan niet meer veranderen / "
    "this meeting was already closed or cancelled and can no longer change."
)


def get_meeting(
    session: Session, principal: Principal, meeting_id: uuid.UUID, *, action: str = "read"
) -> tuple[Meeting, Family]:
    """A meeting whose family the caller may read; otherwise a 404 (the same for 'absent' and 'not yours')."""
    meeting = session.get(Meeting, meeting_id)
    if meeting is None:
        refused = event(
            principal, action=action, object_type="meeting", object_id=meeting_id, outcome="denied"
        )
        raise NotFound(MEETING_NOT_FOUND, persist=[refused], code="meeting_not_found")
    try:
        family = get_readable_family(session, principal, meeting.family_id, action=action)
    except NotFound as exc:
        raise NotFound(MEETING_NOT_FOUND, persist=exc.persist, code="meeting_not_found") from exc
    return meeting, family


def get_open_meeting(
    session: Session, principal: Principal, meeting_id: uuid.UUID, *, action: str
) -> tuple[Meeting, Family]:
    """A planned meeting of a family that is not archived (what can still be changed)."""
    meeting, family = get_meeting(session, principal, meeting_id, action=action)
    if family.archived_at is not None:
        raise Conflict("Dit gezin is gearchiveerd / this family is archived.", code="family_archived")
    if meeting.status != MeetingStatus.planned:
        raise Conflict(NOT_OPEN, code="meeting_not_open")
    return meeting, family


# a participant's member, contact or user, joined in the same query
_WITH_PERSON = (
    joinedload(MeetingParticipant.member),  # type: ignore[arg-type]
    joinedload(MeetingParticipant.contact),  # type: ignore[arg-type]
    joinedload(MeetingParticipant.user),  # type: ignore[arg-type]
)


def participants_of(
    session: Session, meeting_ids: Iterable[uuid.UUID]
) -> dict[uuid.UUID, list[MeetingParticipant]]:
    """The participants of these meetings with their member, contact or user (one query)."""
    ids = list(meeting_ids)
    grouped: dict[uuid.UUID, list[MeetingParticipant]] = defaultdict(list)
    if not ids:
        return grouped
    rows = session.exec(
        select(MeetingParticipant)
        .where(col(MeetingParticipant.meeting_id).in_(ids))
        .options(*_WITH_PERSON)
        .order_by(col(MeetingParticipant.created_at), col(MeetingParticipant.id))
    ).all()
    for row in rows:
        grouped[row.meeting_id].append(row)
    return grouped


def listed_participants(
    session: Session, meetings: Sequence[Meeting]
) -> dict[uuid.UUID, list[MeetingParticipant]]:
    """The participants of a page of meetings, for what a list shows of them (counts, flags, the chair's
    name): without their member, contact or user, except each meeting's chair, whose are loaded by a second
    query (two queries; no join of the organisation's members, contacts and users per row)."""
    grouped: dict[uuid.UUID, list[MeetingParticipant]] = defaultdict(list)
    if not meetings:
        return grouped
    rows = session.exec(
        select(MeetingParticipant)
        .where(col(MeetingParticipant.meeting_id).in_([m.id for m in meetings]))
        .order_by(col(MeetingParticipant.created_at), col(MeetingParticipant.id))
    ).all()
    for row in rows:
        grouped[row.meeting_id].append(row)
    chairs = [c.id for m in meetings if (c := chair_of(m, grouped[m.id])) is not None]
    if chairs:  # the same rows: the session's instances get their member, contact or user
        session.exec(
            select(MeetingParticipant).where(col(MeetingParticipant.id).in_(chairs)).options(*_WITH_PERSON)
        ).all()
    return grouped


Part = TypeVar("Part", MeetingParticipant, MeetingAgendaItem, MeetingDecision)


def _part(
    session: Session, model: type[Part], meeting_id: uuid.UUID, part_id: uuid.UUID, *, detail: str, code: str
) -> Part:
    """One participant, agenda item or decision of the meeting, or a 404 saying which."""
    part = session.exec(
        select(model).where(col(model.id) == part_id, col(model.meeting_id) == meeting_id)
    ).first()
    if part is None:
        raise NotFound(detail, code=code)
    return part


def get_participant(session: Session, meeting_id: uuid.UUID, participant_id: uuid.UUID) -> MeetingParticipant:
    detail = "Deze deelnemer bestaat niet / participant not found."
    return _part(
        session, MeetingParticipant, meeting_id, participant_id, detail=detail, code="participant_not_found"
    )


Ordered = TypeVar("Ordered", MeetingAgendaItem, MeetingDecision)


def _in_order(session: Session, model: type[Ordered], meeting_id: uuid.UUID) -> Sequence[Ordered]:
    """The meeting's agenda items or decisions, by position (then by when they were added)."""
    return session.exec(
        select(model)
        .where(col(model.meeting_id) == meeting_id)
        .order_by(col(model.position), col(model.created_at))
    ).all()


def agenda_of(session: Session, meeting_id: uuid.UUID) -> Sequence[MeetingAgendaItem]:
    return _in_order(session, MeetingAgendaItem, meeting_id)


def get_agenda_item(session: Session, meeting_id: uuid.UUID, item_id: uuid.UUID) -> MeetingAgendaItem:
    detail = "Dit agendapunt bestaat niet / agenda item not found."
    return _part(session, MeetingAgendaItem, meeting_id, item_id, detail=detail, code="agenda_item_not_found")


def decisions_of(session: Session, meeting_id: uuid.UUID) -> Sequence[MeetingDecision]:
    return _in_order(session, MeetingDecision, meeting_id)


def get_decision(session: Session, meeting_id: uuid.UUID, decision_id: uuid.UUID) -> MeetingDecision:
    detail = "Dit besluit bestaat niet / decision not found."
    return _part(session, MeetingDecision, meeting_id, decision_id, detail=detail, code="decision_not_found")


def next_position(rows: Sequence[MeetingAgendaItem] | Sequence[MeetingDecision]) -> int:
    return max((r.position for r in rows), default=0) + 1
