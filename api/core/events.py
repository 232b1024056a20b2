"""Domain events: a domain announces what happened, in its own transaction; other packages subscribe.

Families, plans, meetings and measurements call `publish(...)` from their services; subscribers (the
funders' webhook outbox today, notifications and research later) are registered once by the composition root
(`api.subscribers`), so no domain imports a subscriber, and a subscriber's rows commit or roll back with the
change.
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


@dataclass(frozen=True)
class DomainEvent:
    """What happened to which family; `data` holds ids, numbers, dates and short codes, never free text."""

    type: EventType
    family_id: uuid.UUID
    data: Mapping[str, object] = field(default_factory=dict)


Subscriber = Callable[[Session, DomainEvent], None]
_subscribers: list[Subscriber] = []


def subscribe(subscriber: Subscriber) -> None:
    """Call `subscriber` for every event published from now on (registering it twice has no effect)."""
    if subscriber not in _subscribers:
        _subscribers.append(subscriber)


def publish(
    session: Session, *, event_type: str, family_id: uuid.UUID, data: Mapping[str, object] | None = None
) -> None:
    """Announce an event inside the caller's transaction; an unknown type is a programming error."""
    event = DomainEvent(type=EventType(event_type), family_id=family_id, data=data or {})
    for subscriber in _subscribers:
        subscriber(session, event)
