"""The meeting as an RFC 5545 invitation that calendars can update and cancel (stable UID, SEQUENCE)."""

import uuid

from icalendar import Calendar, Event, vCalAddress, vText
from sqlmodel import Session

from api.audit import service as audit
from api.auth.principal import Principal
from api.meetings.repository import get_meeting
from api.models import Family, Meeting, MeetingStatus, User

PRODID = "-//Bondgenoot//Rondetafeloverleg//NL"


def _organizer(session: Session, meeting: Meeting, family: Family) -> User | None:
    """The chair when staff, else the family's supporter: the person calendars send replies to."""
    for user_id in (meeting.chair_user_id, family.supporter_id):
        if user_id is not None and (user := session.get(User, user_id)) is not None:
            return user
    return None


def invitation(meeting: Meeting, family: Family, organizer: User | None) -> bytes:
    """METHOD:REQUEST (CANCEL once called off), times in UTC, no personal data beyond the organiser.

    The summary names the family's reference, never its name; attendees are not listed, so one person's
    download does not hand every participant's address to everyone it is forwarded to."""
    cancelled = meeting.status == MeetingStatus.cancelled
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "CANCEL" if cancelled else "REQUEST")
    event = Event()
    event.add("uid", meeting.uid)
    event.add("sequence", meeting.sequence)
    event.add("dtstamp", meeting.updated_at)
    event.add("dtstart", meeting.starts_at)
    event.add("dtend", meeting.ends_at)
    event.add("summary", f"Rondetafeloverleg {family.reference}")
    lines = [f"Rondetafeloverleg (1Gezin1Plan), kenmerk {family.reference}."]
    if meeting.video_url:
        event.add("url", meeting.video_url)
        lines.append(f"Videoverbinding: {meeting.video_url}")
    location = meeting.place or meeting.video_url
    if location:
        event.add("location", location)
    if cancelled:
        lines.insert(0, "Dit overleg gaat niet door.")
    event.add("description", "\n".join(lines))
    event.add("status", "CANCELLED" if cancelled else "CONFIRMED")
    event.add("transp", "OPAQUE")
    if organizer is not None:
        address = vCalAddress(f"mailto:{organizer.email}")
        address.params["cn"] = vText(organizer.full_name)
        event.add("organizer", address)
    calendar.add_component(event)
    return calendar.to_ical()


def invitation_for(session: Session, principal: Principal, *, meeting_id: uuid.UUID) -> tuple[bytes, str]:
    """The invitation file and a file name (audited as an export of the meeting)."""
    meeting, family = get_meeting(session, principal, meeting_id, action="export")
    audit.record(
        session, principal, action="export", object_type="meeting", object_id=meeting.id, family_id=family.id
    )
    filename = f"rondetafeloverleg-{meeting.starts_at:%Y%m%d}.ics"
    return invitation(meeting, family, _organizer(session, meeting, family)), filename
