"""Who is at the table: family members, network contacts, staff and guests; invitations and attendance."""

import uuid

from sqlmodel import Session, col, select

from api.audit import service as audit
from api.auth.principal import Principal
from api.core.errors import Conflict, NotFound, Unprocessable
from api.meetings.events import meeting_scheduled
from api.meetings.plan_links import crucial_people
from api.meetings.presenters import participant_public
from api.meetings.repository import get_open_meeting, get_participant, participants_of
from api.meetings.schemas import AttendanceUpdate, ParticipantCreate, ParticipantPublic, ParticipantUpdate
from api.models import (
    Family,
    FamilyMember,
    Meeting,
    MeetingParticipant,
    NetworkContact,
    ParticipantKind,
    User,
)

DUPLICATE = "Deze persoon staat al op de deelnemerslijst / this person is already a participant."


def _field_error(field: str, message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "value_error"}])


def check_staff(session: Session, principal: Principal, *, user_id: uuid.UUID, field: str) -> User:
    user = session.get(User, user_id)
    if user is None or user.organisation_id != principal.organisation_id or not user.is_active:
        raise _field_error(
            field, "Geen actieve medewerker van je organisatie / not an active colleague here."
        )
    return user


def _check_person(
    session: Session,
    family: Family,
    model: type[FamilyMember] | type[NetworkContact],
    ref: uuid.UUID,
    field: str,
) -> None:
    person: FamilyMember | NetworkContact | None = session.get(model, ref)  # type: ignore[assignment]
    if person is None or person.family_id != family.id or person.archived_at is not None:
        raise _field_error(
            field, "Deze persoon hoort niet bij dit gezin / this person is not in this family."
        )


def add(
    session: Session,
    principal: Principal,
    *,
    meeting: Meeting,
    family: Family,
    data: ParticipantCreate,
    field: str = "body",
) -> MeetingParticipant:
    """Put someone on the list; each member, contact or user at most once."""
    if data.kind == ParticipantKind.member:
        _check_person(session, family, FamilyMember, data.member_id, f"{field}.member_id")  # type: ignore[arg-type]
    elif data.kind == ParticipantKind.contact:
        _check_person(session, family, NetworkContact, data.contact_id, f"{field}.contact_id")  # type: ignore[arg-type]
    elif data.kind == ParticipantKind.staff:
        check_staff(session, principal, user_id=data.user_id, field=f"{field}.user_id")  # type: ignore[arg-type]
    ref_column = {
        ParticipantKind.member: (MeetingParticipant.member_id, data.member_id),
        ParticipantKind.contact: (MeetingParticipant.contact_id, data.contact_id),
        ParticipantKind.staff: (MeetingParticipant.user_id, data.user_id),
        ParticipantKind.guest: (MeetingParticipant.name, data.name),
    }[data.kind]
    clash = session.exec(
        select(MeetingParticipant.id).where(
            MeetingParticipant.meeting_id == meeting.id,
            MeetingParticipant.kind == data.kind,
            col(ref_column[0]) == ref_column[1],
        )
    ).first()
    if clash is not None:
        raise Conflict(DUPLICATE, code="participant_duplicate")
    participant = MeetingParticipant(meeting_id=meeting.id, **data.model_dump())
    session.add(participant)
    session.flush()
    meeting_scheduled(
        session,
        meeting,
        event_type="meeting.participant_added",
        participant_id=participant.id,
        actor_id=principal.id,
    )
    return participant


def ensure_staff(
    session: Session, principal: Principal, *, meeting: Meeting, family: Family, user_id: uuid.UUID
) -> None:
    """Make sure a staff user (a new chair) is on the list."""
    present = session.exec(
        select(MeetingParticipant.id).where(
            MeetingParticipant.meeting_id == meeting.id, MeetingParticipant.user_id == user_id
        )
    ).first()
    if present is None:
        add(
            session,
            principal,
            meeting=meeting,
            family=family,
            data=ParticipantCreate(kind=ParticipantKind.staff, user_id=user_id),
        )


def get(session: Session, meeting_id: uuid.UUID, *, participant_id: uuid.UUID) -> MeetingParticipant:
    return get_participant(session, meeting_id, participant_id)


def _public(session: Session, meeting: Meeting, participant_id: uuid.UUID) -> ParticipantPublic:
    loaded = next(p for p in participants_of(session, [meeting.id])[meeting.id] if p.id == participant_id)
    crucial = crucial_people(session, [meeting.family_id]).get(meeting.family_id, [])
    return participant_public(meeting, loaded, crucial)


def add_participant(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, data: ParticipantCreate
) -> ParticipantPublic:
    """Invite someone (or put them on the list first, with invitation `not_invited`)."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    participant = add(session, principal, meeting=meeting, family=family, data=data)
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return _public(session, meeting, participant.id)


def update_participant(
    session: Session,
    principal: Principal,
    *,
    meeting_id: uuid.UUID,
    participant_id: uuid.UUID,
    data: ParticipantUpdate,
) -> ParticipantPublic:
    """Change an invitation, attendance or a guest's details."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    participant = get_participant(session, meeting.id, participant_id)
    fields = data.model_fields_set
    if participant.kind != ParticipantKind.guest and fields & {"name", "email"}:
        raise _field_error("name", "Alleen bij een gast / only for a guest.")
    if participant.kind == ParticipantKind.guest and "name" in fields and data.name is None:
        raise _field_error("name", "Een gast heeft een naam / a guest has a name.")
    for name in ("invitation",):
        if name in fields and getattr(data, name) is None:
            raise _field_error(name, "Dit veld mag niet leeg zijn / this field cannot be empty.")
    for name in fields:
        setattr(participant, name, getattr(data, name))
    session.flush()
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    return _public(session, meeting, participant.id)


def remove_participant(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, participant_id: uuid.UUID
) -> None:
    """Take someone off the list (a planned meeting only)."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    participant = get_participant(session, meeting.id, participant_id)
    if meeting.chair_participant_id == participant.id or (
        meeting.chair_user_id is not None and participant.user_id == meeting.chair_user_id
    ):
        raise Conflict("Kies eerst een andere voorzitter / choose another chair first.", code="chair_removal")
    session.delete(participant)
    session.flush()
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )


def record_attendance(
    session: Session, principal: Principal, *, meeting_id: uuid.UUID, data: AttendanceUpdate
) -> list[ParticipantPublic]:
    """Who came: present, absent or excused, for many participants at once."""
    meeting, family = get_open_meeting(session, principal, meeting_id, action="update")
    participants = {p.id: p for p in participants_of(session, [meeting.id])[meeting.id]}
    for index, item in enumerate(data.items):
        participant = participants.get(item.participant_id)
        if participant is None:
            raise NotFound(
                "Deze deelnemer bestaat niet / participant not found.",
                errors=[
                    {"field": f"items.{index}.participant_id", "message": "not found", "type": "not_found"}
                ],
                code="participant_not_found",
            )
        participant.attendance = item.attendance
    session.flush()
    audit.record(
        session, principal, action="update", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    crucial = crucial_people(session, [family.id]).get(family.id, [])
    return [participant_public(meeting, p, crucial) for p in participants.values()]
