"""What the notifications do when a domain announces something (registered by `api.subscribers`).

Each listener queues messages in the announcing transaction, so they exist exactly when the change does."""

import uuid

from sqlmodel import Session, select

from api.core.events import DomainEvent, InternalEventType
from api.models import (
    AlertReason,
    Channel,
    CheckinAlert,
    Family,
    Meeting,
    MeetingParticipant,
    NotificationPreference,
    ParticipantKind,
    RecipientKind,
)
from api.notifications import recipients
from api.notifications.outbox import queue

_MEETING_KIND = {
    InternalEventType.meeting_participant_added: None,  # invitation, or the change when the meeting moved
    InternalEventType.meeting_changed: "meeting_changed",
    InternalEventType.meeting_cancelled: "meeting_cancelled",
}
_PARTICIPANT = {
    ParticipantKind.member: (RecipientKind.member, "member_id"),
    ParticipantKind.contact: (RecipientKind.contact, "contact_id"),
    ParticipantKind.staff: (RecipientKind.user, "user_id"),
}


def on_domain_event(session: Session, event: DomainEvent) -> None:
    """The notifications' subscriber: every event, public and internal."""
    if event.type == InternalEventType.checkin_link_created:
        _link_created(session, event)
    elif event.type == InternalEventType.checkin_alert_raised:
        _alert_raised(session, event)
    elif event.type in _MEETING_KIND:
        _meeting(session, event)


def _family(session: Session, family_id: uuid.UUID) -> Family | None:
    family = session.get(Family, family_id)
    return family if family is not None and family.archived_at is None else None


def _link_created(session: Session, event: DomainEvent) -> None:
    """The link by the member's channel; the code only by the other channel (never both in one message)."""
    family = _family(session, event.family_id)
    member_id = event.data["member_id"]
    assert isinstance(member_id, uuid.UUID)
    recipient = recipients.load(session, RecipientKind.member, recipient_id=member_id)
    if family is None or recipient is None:
        return
    common = {
        "organisation_id": family.organisation_id,
        "family_id": family.id,
        "recipient_kind": RecipientKind.member,
        "recipient_id": member_id,
        "context": {"supporter_id": str(family.supporter_id) if family.supporter_id else None},
    }
    link_key = f"checkin_link:{event.data['link_id']}"
    queue(session, kind="checkin_link", key=link_key, secret=event.secrets.get("path"), **common)  # type: ignore[arg-type]
    channel = recipients.choose_channel(recipient)
    other = Channel.sms if channel == Channel.email else Channel.email
    if channel is not None and recipient.consent and recipient.address(other):
        queue(
            session,
            kind="checkin_code",
            key=f"checkin_code:{event.data['link_id']}",
            secret=event.secrets.get("code"),
            channel_override=other,
            **common,  # type: ignore[arg-type]
        )


def _alert_raised(session: Session, event: DomainEvent) -> None:
    """A 'bel me' reaches the supporter at once (unless turned off); other alerts wait for the digest."""
    alert = session.get(CheckinAlert, event.data["alert_id"])
    family = _family(session, event.family_id)
    if alert is None or family is None or family.supporter_id is None:
        return
    if AlertReason.asked_for_call.value not in alert.reasons:
        return
    preference = session.exec(
        select(NotificationPreference).where(NotificationPreference.user_id == family.supporter_id)
    ).first()
    if preference is not None and not preference.call_me_alerts:
        return
    queue(
        session,
        organisation_id=family.organisation_id,
        family_id=family.id,
        recipient_kind=RecipientKind.user,
        recipient_id=family.supporter_id,
        kind="call_me_alert",
        key=f"call_me:{alert.id}",
        context={"reference": family.reference, "family_id": str(family.id)},
    )


def _meeting(session: Session, event: DomainEvent) -> None:
    meeting = session.get(Meeting, event.data["meeting_id"])
    family = _family(session, event.family_id)
    if meeting is None or family is None:
        return
    statement = select(MeetingParticipant).where(MeetingParticipant.meeting_id == meeting.id)
    if event.type == InternalEventType.meeting_participant_added:
        statement = statement.where(MeetingParticipant.id == event.data["participant_id"])
    kind = _MEETING_KIND[InternalEventType(event.type)] or (
        "meeting_invitation" if meeting.sequence == 0 else "meeting_changed"
    )
    for participant in session.exec(statement).all():
        if participant.kind not in _PARTICIPANT:
            continue  # guests have no record to hold consent or an opt-out: the chair invites them
        recipient_kind, column = _PARTICIPANT[participant.kind]
        recipient_id = getattr(participant, column)
        if recipient_id is None or recipient_id == event.data.get("actor_id"):
            continue  # whoever planned or changed the meeting knows about it
        queue(
            session,
            organisation_id=family.organisation_id,
            family_id=family.id,
            recipient_kind=recipient_kind,
            recipient_id=recipient_id,
            kind=kind,
            key=f"meeting:{meeting.id}:{meeting.sequence}",
            context={
                "meeting_id": str(meeting.id),
                "sequence": meeting.sequence,
                "supporter_id": str(family.supporter_id) if family.supporter_id else None,
            },
        )
