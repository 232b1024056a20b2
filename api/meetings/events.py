"""Domain events of the meetings domain, published in the transaction that closes the meeting."""

from sqlmodel import Session

from api.core.events import publish
from api.models import Meeting


def meeting_closed(session: Session, meeting: Meeting) -> None:
    """A thin meeting.held event (ids and dates, never free text); plan.adopted comes from adopt_plan."""
    held_on = meeting.starts_at.date()
    adopted = meeting.plan_version_id is not None
    publish(
        session,
        event_type="meeting.held",
        family_id=meeting.family_id,
        data={"meeting_id": meeting.id, "held_on": held_on, "plan_adopted": adopted},
    )


def meeting_scheduled(session: Session, meeting: Meeting, *, event_type: str, **data: object) -> None:
    """In-app only (notifications listen): a participant was invited, the time or place changed, or it was
    called off. Calendars follow the meeting's UID and SEQUENCE."""
    publish(
        session,
        event_type=event_type,
        family_id=meeting.family_id,
        data={"meeting_id": meeting.id, "sequence": meeting.sequence} | data,
    )
