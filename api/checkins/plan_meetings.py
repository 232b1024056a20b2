"""The meetings a phone link shows: the next one (a contact only one they are invited to) and the summaries
of held ones (a member the last; a contact those attended, or all with the family's consent)."""

from sqlmodel import Session, col, select

from api.checkins.plan_schemas import PhoneMeetingSummary, PhoneNextMeeting
from api.checkins.public_service import AnyLink
from api.meetings.summary import build_summary, when_text
from api.models import (
    Attendance,
    CheckinLink,
    ContactLink,
    Family,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
)
from api.models.base import utcnow

SUMMARIES = 3


def next_meeting(session: Session, link: AnyLink) -> PhoneNextMeeting | None:
    """The family's next planned meeting; a contact sees only one they are invited to."""
    statement = select(Meeting).where(
        Meeting.family_id == link.family_id,
        Meeting.status == MeetingStatus.planned,
        col(Meeting.ends_at) >= utcnow(),
    )
    if isinstance(link, ContactLink):
        statement = statement.join(
            MeetingParticipant, col(MeetingParticipant.meeting_id) == Meeting.id
        ).where(MeetingParticipant.contact_id == link.contact_id)
    meeting = session.exec(statement.order_by(col(Meeting.starts_at)).limit(1)).first()
    if meeting is None:
        return None
    summary = build_summary(session, meeting, family=link_family(session, link))
    invited = (
        session.exec(
            select(MeetingParticipant.id).where(
                MeetingParticipant.meeting_id == meeting.id,
                MeetingParticipant.member_id == link.member_id
                if isinstance(link, CheckinLink)
                else MeetingParticipant.contact_id == link.contact_id,
            )
        ).first()
        is not None
    )
    return PhoneNextMeeting(
        meeting_id=meeting.id,
        starts_at=meeting.starts_at,
        ends_at=meeting.ends_at,
        when=when_text(meeting),
        where=summary.where,
        video_url=meeting.video_url,
        agenda=summary.agenda,
        invited=invited,
    )


def meeting_summaries(session: Session, link: AnyLink, *, all_held: bool) -> list[PhoneMeetingSummary]:
    """The last held meeting for a member; a contact: meetings attended (all, with the family's consent)."""
    statement = select(Meeting).where(
        Meeting.family_id == link.family_id, Meeting.status == MeetingStatus.held
    )
    if isinstance(link, ContactLink) and not all_held:
        statement = statement.join(
            MeetingParticipant, col(MeetingParticipant.meeting_id) == Meeting.id
        ).where(
            MeetingParticipant.contact_id == link.contact_id,
            MeetingParticipant.attendance == Attendance.present,
        )
    limit = 1 if isinstance(link, CheckinLink) else SUMMARIES
    meetings = session.exec(statement.order_by(col(Meeting.starts_at).desc()).limit(limit)).all()
    family = link_family(session, link)
    found = []
    for meeting in meetings:
        text = build_summary(session, meeting, family=family)
        found.append(
            PhoneMeetingSummary(
                meeting_id=meeting.id,
                starts_at=meeting.starts_at,
                title=text.title,
                when=text.when,
                decisions=text.decisions,
                agreements=text.agreements,
                plan_adopted=text.plan_adopted,
            )
        )
    return found


def link_family(session: Session, link: AnyLink) -> Family:
    family = session.get(Family, link.family_id)
    assert family is not None  # the session checked the link's family
    return family
