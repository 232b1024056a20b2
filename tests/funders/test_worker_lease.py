"""A slow batch keeps its leases: the worker renews before each message and while delivering, and skips a
message another worker took meanwhile, so nothing is delivered twice."""

import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import httpx
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.core.config import get_settings
from api.funders.outbox import emit
from api.funders.worker import Worker
from api.models import DeliveryStatus, WebhookMessage
from api.models.base import utcnow
from tests.factories import World
from tests.funders.factories import client_auth
from tests.funders.helpers import funder_world


def _sessions(session: Session):  # type: ignore[no-untyped-def]
    @contextmanager
    def factory() -> Iterator[Session]:
        yield session

    return factory


def _queue_two(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=1)
    hook = {"url": "https://hooks.example.nl/lease", "event_types": ["plan.adopted"]}
    assert (
        client.post("/api/v1/funder/webhooks", json=hook, headers=client_auth(fw.client)).status_code == 201
    )
    for _ in range(2):
        emit(session, event_type="plan.adopted", family_id=fw.families[0].id)
    session.commit()


def test_a_slow_batch_is_never_delivered_twice(client: TestClient, session: Session, world: World) -> None:
    _queue_two(client, session, world)
    start = utcnow()
    lease = timedelta(seconds=get_settings().webhook_lease_seconds)
    later = start + lease + timedelta(seconds=1)
    delivered: list[str] = []
    first = Worker(_sessions(session), name="slow")
    second = Worker(
        _sessions(session), name="fast", transport=httpx.MockTransport(lambda r: _ok(r, delivered))
    )

    def slow(request: httpx.Request) -> httpx.Response:
        if not delivered:
            # The first delivery takes longer than the lease: the heartbeat renews the message in hand…
            in_hand = uuid.UUID(request.headers["webhook-id"].removeprefix("msg_"))
            assert first.renew(in_hand, now=later)
            # …while a second worker comes by after the batch's original lease ran out.
            assert second.run_once(now=later) == 1  # it may only take the message not yet in hand
        return _ok(request, delivered)

    first.transport = httpx.MockTransport(slow)
    first.run_once(now=start)
    assert sorted(delivered) == sorted({*delivered})  # no webhook-id twice
    assert len(delivered) == 2
    statuses = session.exec(select(WebhookMessage.status)).all()
    assert statuses == [DeliveryStatus.delivered, DeliveryStatus.delivered]


def _ok(request: httpx.Request, delivered: list[str]) -> httpx.Response:
    delivered.append(request.headers["webhook-id"])
    return httpx.Response(204)


def test_the_heartbeat_renews_while_delivering() -> None:
    renewed: list[uuid.UUID] = []
    worker = Worker(name="beating")
    worker.heartbeat_seconds = 0.01
    worker.renew = lambda message_id, now=None: renewed.append(message_id) or True  # type: ignore[method-assign]
    message_id = uuid.uuid4()
    with worker.heartbeat(message_id):
        deadline = time.monotonic() + 5
        while len(renewed) < 3 and time.monotonic() < deadline:
            time.sleep(0.01)
    count = len(renewed)
    time.sleep(0.05)
    assert count >= 3 and set(renewed) == {message_id}
    assert len(renewed) == count  # it stops with the delivery
