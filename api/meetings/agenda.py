"""The agenda: generated from the plan when the meeting is planned; items can be added, noted and moved."""

import uuid

from sqlmodel import Session

from api.audit import service as audit
from api.auth.principal import Principal
from api.meetings.plan_links import agenda_from_plan
from api.meetings.repository import agenda_of, get_agenda_item, get_open_meeting, next_position
from api.meetings.schemas import AgendaItemCreate, AgendaItemPublic, AgendaItemUpdate
from api.models import AgendaItemKind, MeetingAgendaItem
from api.models.base import localtoday


def _audit(session: Session, principal: Principal, meeting_id: uuid.UUID, family_id: uuid.UUID) -> None:
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting_id, family_id=family_id
    )


def add_item(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, data: AgendaItemCreate
) -> AgendaItemPublic:
    """Add a free item at the end of the agenda."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    item = MeetingAgendaItem(
        meeting_id=meeting.id,
        position=next_position(agenda_of(session, meeting.id)),
        kind=AgendaItemKind.free,
        title=data.title,
        note=data.note,
    )
    session.add(item)
    session.flush()
    _audit(session, principal, meeting.id, family.id)
    return AgendaItemPublic.model_validate(item.model_dump())


def update_item(
    session: Session,
    principal: Principal,
    *,
    meeting_id: uuid.UUID,
    item_id: uuid.UUID,
    data: AgendaItemUpdate,
) -> AgendaItemPublic:
    """Rename an item, note what was said, or move it (the others keep their order)."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    item = get_agenda_item(session, meeting.id, item_id)
    fields = data.model_fields_set
    if "title" in fields and data.title is not None:
        item.title = data.title
    if "note" in fields:
        item.note = data.note
    if data.position is not None:
        others = [i for i in agenda_of(session, meeting.id) if i.id != item.id]
        others.insert(min(max(data.position - 1, 0), len(others)), item)
        for position, row in enumerate(others, start=1):
            row.position = position
    session.flush()
    _audit(session, principal, meeting.id, family.id)
    return AgendaItemPublic.model_validate(item.model_dump())


def remove_item(session: Session, principal: Principal, *, meeting_id: uuid.UUID, item_id: uuid.UUID) -> None:
    """Take an item off the agenda."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    session.delete(get_agenda_item(session, meeting.id, item_id))
    session.flush()
    _audit(session, principal, meeting.id, family.id)


def add_from_plan(session: Session, principal: Principal, *, meeting_id: uuid.UUID) -> list[AgendaItemPublic]:
    """Add what the plan now asks to discuss and is not on the agenda yet (the plan moved since planning)."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    agenda = list(agenda_of(session, meeting.id))
    present = {(i.kind, i.goal_id, i.action_id) for i in agenda}
    position = next_position(agenda)
    for seed in agenda_from_plan(session, family.id, on=localtoday()):
        if (seed.kind, seed.goal_id, seed.action_id) not in present:
            item = MeetingAgendaItem(meeting_id=meeting.id, position=position, **seed.__dict__)
            session.add(item)
            agenda.append(item)
            position += 1
    session.flush()
    _audit(session, principal, meeting.id, family.id)
    return [AgendaItemPublic.model_validate(i.model_dump()) for i in agenda]
