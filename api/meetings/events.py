"""Webhook events of the meetings domain, queued in the funders' transactional outbox (same transaction)."""

from sqlmodel import Session

from api.funders.outbox import emit
from api.models import Meeting


def meeting_closed(session: Session, meeting: Meeting) -> None:
    """Thin events (ids, numbers, months; never free text): meeting.held, and plan.adopted when it was."""
    held_on = meeting.starts_at.date()
    adopted = meeting.plan_version_id is not None
    emit(
        session,
        event_type="meeting.held",
        family_id=meeting.family_id,
        data={"meeting_id": meeting.id, "held_on": held_on, "plan_adopted": adopted},
    )
    if meeting.plan_version_id is not None:
        emit(
            session,
            event_type="plan.adopted",
            family_id=meeting.family_id,
            data={
                "plan_version_id": meeting.plan_version_id,
                "meeting_id": meeting.id,
                "adopted_on": held_on,
            },
        )
