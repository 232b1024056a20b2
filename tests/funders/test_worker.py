"""The outbox worker: signed deliveries, retries with back-off, leases that survive a crash, and no double
sends with several workers on PostgreSQL."""

import base64
import hashlib
import hmac
import json
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import timedelta

import httpx
import pytest
from fastapi.testclient import TestClient
from sqlalchemy import Engine, delete, update
from sqlmodel import Session, col, select

from api.core.config import get_settings
from api.core.secrets import seal
from api.funders.outbox import emit
from api.funders.worker import Worker, backoff, claim
from api.models import (
    DeliveryStatus,
    Family,
    FamilyConsent,
    FamilyPseudonym,
    FunderClient,
    FunderKey,
    Organisation,
    Region,
    WebhookAttempt,
    WebhookEndpoint,
    WebhookMessage,
)
from api.models.base import utcnow
from tests.conftest import POSTGRES_URL
from tests.factories import World, auth, make_family, make_organisation, make_region
from tests.funders.factories import client_auth, consent, make_client
from tests.funders.helpers import funder_world

HOOK = {"url": "https://hooks.example.nl/bondgenoot", "event_types": ["plan.adopted"]}


class Receiver:
    """A webhook receiver that verifies signatures the way the README tells funders to."""

    def __init__(self, secret: str, statuses: list[int] | None = None) -> None:
        self.key = base64.b64decode(secret.removeprefix("whsec_"))
        self.statuses = statuses or []
        self.received: list[httpx.Request] = []
        self.lock = threading.Lock()

    def __call__(self, request: httpx.Request) -> httpx.Response:
        signed = f"{request.headers['webhook-id']}.{request.headers['webhook-timestamp']}.".encode()
        digest = hmac.new(self.key, signed + request.content, hashlib.sha256).digest()
        expected = "v1," + base64.b64encode(digest).decode()
        assert hmac.compare_digest(expected, request.headers["webhook-signature"])
        with self.lock:
            self.received.append(request)
            status = self.statuses.pop(0) if self.statuses else 204
        return httpx.Response(status)


def _sessions(session: Session):  # type: ignore[no-untyped-def]
    @contextmanager
    def factory() -> Iterator[Session]:
        yield session  # the test's session: its commits are savepoints of the test's transaction

    return factory


def _queue(client: TestClient, session: Session, world: World, count: int = 1) -> tuple[str, list[str]]:
    fw = funder_world(session, world, families=1)
    secret = client.post("/api/v1/funder/webhooks", json=HOOK, headers=client_auth(fw.client)).json()[
        "secret"
    ]
    for _ in range(count):
        emit(session, event_type="plan.adopted", family_id=fw.families[0].id)
    session.commit()
    return secret, [str(m.id) for m in session.exec(select(WebhookMessage)).all()]


def test_delivery_is_signed_thin_and_recorded(client: TestClient, session: Session, world: World) -> None:
    secret, _ = _queue(client, session, world)
    receiver = Receiver(secret)
    worker = Worker(_sessions(session), transport=httpx.MockTransport(receiver))
    assert worker.run_once() == 1
    [request] = receiver.received
    assert request.headers["webhook-id"].startswith("msg_")
    assert set(json.loads(request.content)) == {"type", "timestamp", "data"}
    message = session.exec(select(WebhookMessage)).one()
    assert message.status == DeliveryStatus.delivered
    assert message.lease_owner is None
    assert worker.run_once() == 0  # nothing is sent twice
    deliveries = client.get("/api/v1/funder/deliveries", headers=auth(world.admin)).json()["items"]
    assert deliveries[0]["status"] == "delivered"
    assert deliveries[0]["last_status_code"] == 204
    assert deliveries[0]["webhook_id"] == request.headers["webhook-id"]


def test_failures_retry_with_back_off_then_give_up(
    client: TestClient, session: Session, world: World
) -> None:
    secret, _ = _queue(client, session, world)
    receiver = Receiver(secret, statuses=[500] * 30)
    worker = Worker(_sessions(session), transport=httpx.MockTransport(receiver))
    now = utcnow()
    assert worker.run_once(now=now) == 1
    message = session.exec(select(WebhookMessage)).one()
    assert message.status == DeliveryStatus.pending
    assert message.attempts == 1
    first_delay = message.next_attempt_at - now
    assert timedelta(seconds=2.5) <= first_delay <= timedelta(seconds=5)
    assert worker.run_once(now=now) == 0  # not due yet
    for _ in range(get_settings().webhook_max_attempts - 1):
        session.refresh(message)
        assert worker.run_once(now=message.next_attempt_at) == 1
    session.refresh(message)
    assert message.status == DeliveryStatus.failed
    attempts = session.exec(select(WebhookAttempt).where(WebhookAttempt.message_id == message.id)).all()
    assert len(attempts) == get_settings().webhook_max_attempts
    assert {a.error for a in attempts} == {"HTTP 500"}


def test_back_off_doubles_and_is_capped() -> None:
    settings = get_settings()
    assert backoff(1) <= timedelta(seconds=settings.webhook_backoff_seconds)
    assert backoff(4) >= timedelta(seconds=settings.webhook_backoff_seconds * 8 / 2)
    assert backoff(60) <= timedelta(seconds=settings.webhook_backoff_max_seconds)


def test_network_errors_are_retried(client: TestClient, session: Session, world: World) -> None:
    _queue(client, session, world)

    def refuse(_: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused")

    Worker(_sessions(session), transport=httpx.MockTransport(refuse)).run_once()
    message = session.exec(select(WebhookMessage)).one()
    assert message.status == DeliveryStatus.pending
    assert session.exec(select(WebhookAttempt.error)).one() == "ConnectError"


def test_a_crashed_workers_lease_runs_out_and_another_worker_delivers(
    client: TestClient, session: Session, world: World
) -> None:
    secret, _ = _queue(client, session, world)
    now = utcnow()
    claimed = claim(session, owner="worker-that-dies", batch=10, now=now)  # …and then it dies
    session.commit()
    assert len(claimed) == 1
    receiver = Receiver(secret)
    survivor = Worker(_sessions(session), transport=httpx.MockTransport(receiver))
    assert survivor.run_once(now=now) == 0  # still leased
    lease = timedelta(seconds=get_settings().webhook_lease_seconds + 1)
    assert survivor.run_once(now=now + lease) == 1
    assert len(receiver.received) == 1
    assert session.exec(select(WebhookMessage)).one().status == DeliveryStatus.delivered


def test_revoked_client_gets_nothing(client: TestClient, session: Session, world: World) -> None:
    secret, _ = _queue(client, session, world)
    session.exec(select(FunderClient)).one().revoked_at = utcnow()
    session.commit()
    receiver = Receiver(secret)
    Worker(_sessions(session), transport=httpx.MockTransport(receiver)).run_once()
    assert receiver.received == []
    assert session.exec(select(WebhookMessage)).one().status == DeliveryStatus.failed


@pytest.mark.skipif(not POSTGRES_URL, reason="SKIP LOCKED needs PostgreSQL; on SQLite run one worker")
def test_two_workers_never_claim_or_send_the_same_message(engine: Engine) -> None:
    # Real, committed rows and real concurrent transactions (the usual rolled-back test transaction can't
    # show locking between connections); everything made here is deleted afterwards.
    secret = "whsec_" + base64.b64encode(b"k" * 32).decode()
    with Session(engine, expire_on_commit=False) as setup:
        organisation = make_organisation(setup)
        region = make_region(setup)
        family = make_family(setup, organisation, region_id=region.id)
        consent(setup, family)
        funder, _ = make_client(setup, organisation, [region])
        endpoint = WebhookEndpoint(
            client_id=funder.id,
            url="https://hooks.example.nl/x",
            event_types=["plan.adopted"],
            secret_sealed=seal(secret),
        )
        setup.add(endpoint)
        setup.flush()
        for _ in range(12):
            emit(setup, event_type="plan.adopted", family_id=family.id)
        setup.commit()
    try:
        now = utcnow()
        with Session(engine) as first, Session(engine) as second:
            mine = claim(first, owner="a", batch=8, now=now)  # holds its row locks, not yet committed
            theirs = claim(second, owner="b", batch=8, now=now)
            assert len(mine) == 8
            assert len(theirs) == 4
            assert not set(mine) & set(theirs)
            first.commit()
            second.commit()
        with Session(engine) as third:
            assert claim(third, owner="c", batch=20, now=now) == []  # all leased
            third.execute(update(WebhookMessage).values(leased_until=None, lease_owner=None, attempts=0))
            third.commit()
        # End to end: three workers in threads send each message exactly once.
        receiver = Receiver(secret)
        workers = [Worker(transport=httpx.MockTransport(receiver), name=f"w{i}") for i in range(3)]
        threads = [threading.Thread(target=_drain, args=(w,)) for w in workers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        ids = [r.headers["webhook-id"] for r in receiver.received]
        assert len(ids) == len(set(ids)) == 12
    finally:
        with Session(engine) as cleanup:
            messages = select(WebhookMessage.id).where(WebhookMessage.endpoint_id == endpoint.id)
            cleanup.execute(delete(WebhookAttempt).where(col(WebhookAttempt.message_id).in_(messages)))
            for model, column, value in (
                (WebhookMessage, WebhookMessage.endpoint_id, endpoint.id),
                (WebhookEndpoint, WebhookEndpoint.id, endpoint.id),
                (FunderClient, FunderClient.id, funder.id),
                (FamilyConsent, FamilyConsent.family_id, family.id),
                (FamilyPseudonym, FamilyPseudonym.family_id, family.id),
                (FunderKey, FunderKey.organisation_id, organisation.id),
                (Family, Family.id, family.id),
                (Region, Region.id, region.id),
                (Organisation, Organisation.id, organisation.id),
            ):
                cleanup.execute(delete(model).where(col(column) == value))
            cleanup.commit()


def _drain(worker: Worker) -> None:
    for _ in range(6):
        worker.run_once(batch=2)
