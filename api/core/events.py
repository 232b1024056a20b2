"""Domain events: a domain announces what happened, in its own transaction; other packages subscribe.

Families, plans, meetings, measurements and check-ins call `publish(...)` from their services;
subscribers (the funders' webhook outbox, the notifications' message outbox, research later) are
registered once by the composition root (`api.subscribers`), so no domain imports a subscriber, and a
subscriber's rows commit or roll back with the change.
"""

import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from sqlmodel import Session


class EventType(StrEnum):
    """Everything a domain announces; funders may subscribe their webhooks to each of these."""

    plan_adopted = "plan.adopted"
    meeting_held = "meeting.held"
    measurement_completed = "measurement.completed"
    family_closed = "family.closed"


class InternalEventType(StrEnum):
    """Announced inside the app only (notifications listen); never offered to funders' webhooks."""

    checkin_link_created = "checkin_link.created"
    checkin_alert_raised = "checkin_alert.raised"
    meeting_planned = "meeting.planned"
    meeting_changed = "meeting.changed"
    meeting_cancelled = "meeting.cancelled"
    meeting_participant_added = "meeting.participant_added"


@dataclass(frozen=True)
class DomainEvent:
    """What happened to which family; `data` holds ids, numbers, dates and short codes, never free text.

    `secrets` (a check-in link's token and code) lives in memory for in-process listeners only: it is never
    compared, printed or handed to a subscriber of public events."""

    type: EventType | InternalEventType
    family_id: uuid.UUID
    data: Mapping[str, object] = field(default_factory=dict)
    secrets: Mapping[str, str] = field(default_factory=dict, repr=False, compare=False)


Subscriber = Callable[[Session, DomainEvent], None]
_subscribers: list[Subscriber] = []
_internal_subscribers: list[Subscriber] = []


def subscribe(subscriber: Subscriber, *, internal: bool = False) -> None:
    """Call `subscriber` for every public event published from now on, and for internal ones too when
    `internal` (registering it twice has no effect)."""
    target = _internal_subscribers if internal else _subscribers
    if subscriber not in target:
        target.append(subscriber)


def _event_type(value: str) -> EventType | InternalEventType:
    if value in EventType._value2member_map_:
        return EventType(value)
    return InternalEventType(value)  # an unknown type is a programming error: ValueError


def publish(
    session: Session,
    *,
    event_type: str,
    family_id: uuid.UUID,
    data: Mapping[str, object] | None = None,
    secrets: Mapping[str, str] | None = None,
) -> None:
    """Announce an event inside the caller's transaction; an unknown type is a programming error."""
    kind = _event_type(event_type)
    event = DomainEvent(type=kind, family_id=family_id, data=data or {}, secrets=secrets or {})
    internal = isinstance(kind, InternalEventType)
    for subscriber in _internal_subscribers if internal else [*_subscribers, *_internal_subscribers]:
        subscriber(session, event)
