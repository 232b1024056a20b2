"""Plain functions that make meeting data for tests."""

import uuid
from datetime import UTC, datetime, timedelta

from sqlmodel import Session, select

from api.models import (
    AgendaItemKind,
    Attendance,
    DecisionKind,
    Family,
    FamilyMember,
    InvitationStatus,
    Meeting,
    MeetingAgendaItem,
    MeetingDecision,
    MeetingParticipant,
    MeetingStatus,
    ParticipantKind,
)

MEETINGS = "/api/v1/meetings"


def family_url(family: Family) -> str:
    return f"/api/v1/families/{family.id}/meetings"


def first_member(session: Session, family: Family) -> FamilyMember:
    member = session.exec(select(FamilyMember).where(FamilyMember.family_id == family.id)).first()
    assert member is not None
    return member


def make_meeting(
    session: Session,
    family: Family,
    *,
    starts_at: datetime | None = None,
    status: MeetingStatus = MeetingStatus.planned,
    participant_id: uuid.UUID | None = None,
) -> Meeting:
    """A meeting chaired by the family's supporter, with one family member who came, an item and a note."""
    starts_at = starts_at or datetime.now(UTC).replace(microsecond=0) - timedelta(hours=2)
    meeting = Meeting(
        family_id=family.id,
        uid=f"{uuid.uuid4()}@test",
        starts_at=starts_at,
        ends_at=starts_at + timedelta(minutes=90),
        place="Wijkcentrum De Linde",
        chair_user_id=family.supporter_id,
        status=status,
    )
    session.add(meeting)
    session.flush()
    session.add(
        MeetingParticipant(
            id=participant_id or uuid.uuid4(),
            meeting_id=meeting.id,
            kind=ParticipantKind.member,
            member_id=first_member(session, family).id,
            invitation=InvitationStatus.accepted,
            attendance=Attendance.present,
        )
    )
    session.add(
        MeetingAgendaItem(meeting_id=meeting.id, position=1, kind=AgendaItemKind.free, title="Vervoer")
    )
    session.add(
        MeetingDecision(
            meeting_id=meeting.id, position=1, kind=DecisionKind.note, text="We bellen de school."
        )
    )
    session.flush()
    return meeting


def parts_of(session: Session, meeting: Meeting) -> dict[str, str]:
    """Ids of the meeting's first participant, agenda item and decision, as path parameters."""
    participant = session.exec(
        select(MeetingParticipant).where(MeetingParticipant.meeting_id == meeting.id)
    ).first()
    item = session.exec(select(MeetingAgendaItem).where(MeetingAgendaItem.meeting_id == meeting.id)).first()
    decision = session.exec(select(MeetingDecision).where(MeetingDecision.meeting_id == meeting.id)).first()
    assert participant and item and decision
    return {
        "meeting_id": str(meeting.id),
        "participant_id": str(participant.id),
        "item_id": str(item.id),
        "decision_id": str(decision.id),
    }
