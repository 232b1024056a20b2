"""The core's event API: domains publish, subscribers registered by the composition root listen."""

import uuid

import pytest
from sqlmodel import Session

from api.core import events
from api.core.events import DomainEvent, EventType, publish, subscribe
from api.funders.outbox import queue_webhooks


def test_the_funders_outbox_listens_to_domain_events() -> None:
    assert queue_webhooks in events._subscribers


def test_publish_reaches_each_subscriber_once_with_the_event(
    session: Session, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(events, "_subscribers", [])
    heard: list[tuple[Session, DomainEvent]] = []

    def listener(s: Session, event: DomainEvent) -> None:
        heard.append((s, event))

    subscribe(listener)
    subscribe(listener)  # twice: still heard once
    family_id = uuid.uuid4()
    publish(session, event_type="plan.adopted", family_id=family_id, data={"number": 2})
    assert heard == [(session, DomainEvent(EventType.plan_adopted, family_id, {"number": 2}))]


def test_an_unknown_event_type_fails_loudly(session: Session) -> None:
    with pytest.raises(ValueError):
        publish(session, event_type="family.read", family_id=uuid.uuid4())
