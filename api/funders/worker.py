"""`bondgenoot worker`: drain the webhook outbox with leases, so no message is lost or sent twice.

A worker claims a batch (PostgreSQL: `FOR UPDATE SKIP LOCKED`, so several workers never claim the same rows)
and leases it; the lease is committed before any HTTP call. A worker that dies mid-delivery leaves its lease
to run out, and another worker takes the message again. Delivery is therefore at least once: receivers
de-duplicate on the `webhook-id` header.
"""

import json
import logging
import random
import signal
import socket
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta
from types import FrameType

import httpx
from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from api.core import delivery
from api.core.config import get_settings
from api.core.db import get_engine
from api.core.middleware import sanitized_traceback
from api.core.outbound import GuardedTransport
from api.core.secrets import sign, unseal
from api.funders.webhooks import webhook_id
from api.models import DeliveryStatus, FunderClient, WebhookAttempt, WebhookEndpoint, WebhookMessage
from api.models.base import utcnow

log = logging.getLogger("bondgenoot.worker")
SessionFactory = Callable[[], AbstractContextManager[Session]]


def backoff(attempts: int, rng: random.Random | None = None) -> timedelta:
    """Exponential back-off with jitter: base·2^(n-1), capped, drawn from its upper half."""
    settings = get_settings()
    rng = rng or random.Random()  # noqa: S311 (jitter, not security)
    return delivery.backoff(
        attempts, base=settings.webhook_backoff_seconds, cap=settings.webhook_backoff_max_seconds, rng=rng
    )


def claim(session: Session, *, owner: str, batch: int, now: datetime) -> list[uuid.UUID]:
    """Lease up to `batch` due messages to `owner` (the caller commits)."""
    ids = list(
        session.exec(
            select(WebhookMessage.id)
            .where(
                WebhookMessage.status == DeliveryStatus.pending,
                WebhookMessage.next_attempt_at <= now,
                or_(col(WebhookMessage.leased_until).is_(None), col(WebhookMessage.leased_until) < now),
            )
            .order_by(col(WebhookMessage.next_attempt_at))
            .limit(batch)
            .with_for_update(skip_locked=True)
        ).all()
    )
    if ids:
        # Counting the attempt at claim time stops a message that crashes every worker from looping forever.
        session.execute(
            update(WebhookMessage)
            .where(col(WebhookMessage.id).in_(ids))
            .values(
                lease_owner=owner,
                leased_until=now + timedelta(seconds=get_settings().webhook_lease_seconds),
                attempts=WebhookMessage.attempts + 1,
            )
        )
    return ids


class Worker:
    def __init__(
        self,
        sessions: SessionFactory | None = None,
        *,
        name: str | None = None,
        transport: httpx.BaseTransport | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.sessions = sessions or (lambda: Session(get_engine(), expire_on_commit=False))
        self.name = name or f"{socket.gethostname()[:40]}-{uuid.uuid4().hex[:8]}"
        # Every delivery goes through the address guard; tests hand in their own transport instead.
        self.transport = transport or GuardedTransport()
        self.rng = rng or random.Random()  # noqa: S311 (jitter, not security)
        self.stopping = threading.Event()
        self.heartbeat_seconds = get_settings().webhook_lease_seconds / 3

    def _transaction(self) -> AbstractContextManager[Session]:
        return delivery.transaction(self.sessions)

    def run_once(self, *, batch: int = 20, now: datetime | None = None) -> int:
        """Claim and deliver one batch; returns how many messages were tried."""
        moment = now or utcnow()
        with self._transaction() as session:
            ids = claim(session, owner=self.name, batch=batch, now=moment)
        with httpx.Client(
            timeout=get_settings().webhook_timeout_seconds, follow_redirects=False, transport=self.transport
        ) as http:
            for message_id in ids:
                # A slow batch must not outlive its leases: renew before each message (skip it when another
                # worker took it meanwhile) and keep renewing while it is being delivered.
                if not self.renew(message_id, now=now):
                    continue
                with self.heartbeat(message_id):
                    self.deliver(http, message_id, now=now)
        return len(ids)

    def renew(self, message_id: uuid.UUID, *, now: datetime | None = None) -> bool:
        """Extend this worker's lease on one message; False when the lease is no longer ours."""
        moment = now or utcnow()
        with self._transaction() as session:
            renewed = session.execute(
                update(WebhookMessage)
                .where(
                    col(WebhookMessage.id) == message_id,
                    col(WebhookMessage.lease_owner) == self.name,
                    col(WebhookMessage.status) == DeliveryStatus.pending,
                )
                .values(leased_until=moment + timedelta(seconds=get_settings().webhook_lease_seconds))
            )
        return bool(renewed.rowcount == 1)  # type: ignore[attr-defined]

    @contextmanager
    def heartbeat(self, message_id: uuid.UUID) -> Iterator[None]:
        """Renew the lease every third of its length while the block runs (a slow receiver keeps it)."""
        done = threading.Event()

        def beat() -> None:
            while not done.wait(self.heartbeat_seconds):
                try:
                    self.renew(message_id)
                except Exception:  # a failed renewal only shortens the lease; the delivery goes on
                    log.warning("worker %s: lease renewal failed", self.name)

        thread = threading.Thread(target=beat, daemon=True)
        thread.start()
        try:
            yield
        finally:
            done.set()
            thread.join()

    def deliver(self, http: httpx.Client, message_id: uuid.UUID, *, now: datetime | None = None) -> None:
        with self._transaction() as session:
            row = session.exec(
                select(WebhookMessage, WebhookEndpoint, FunderClient)
                .join(WebhookEndpoint, col(WebhookEndpoint.id) == WebhookMessage.endpoint_id)
                .join(FunderClient, col(FunderClient.id) == WebhookEndpoint.client_id)
                .where(WebhookMessage.id == message_id)
            ).one()
        message, endpoint, client = row
        status_code: int | None = None
        error: str | None = None
        if endpoint.disabled_at is not None or client.revoked_at is not None:
            error = "endpoint disabled or client revoked"
        else:
            body = json.dumps(message.payload, separators=(",", ":"), ensure_ascii=False).encode()
            timestamp = int((now or utcnow()).timestamp())
            headers = {
                "content-type": "application/json",
                "user-agent": "Bondgenoot-Webhooks/1",
                "webhook-id": webhook_id(message.id),
                "webhook-timestamp": str(timestamp),
                "webhook-signature": sign(
                    unseal(endpoint.secret_sealed),
                    message_id=webhook_id(message.id),
                    timestamp=timestamp,
                    body=body,
                ),
            }
            try:
                status_code = http.post(endpoint.url, content=body, headers=headers).status_code
                if not 200 <= status_code < 300:
                    error = f"HTTP {status_code}"
            except httpx.HTTPError as exc:  # the type only: messages can echo URLs and headers
                error = type(exc).__name__
        self.record(
            message.id,
            status_code=status_code,
            error=error,
            permanent=endpoint.disabled_at is not None or client.revoked_at is not None,
            now=now,
        )

    def record(
        self,
        message_id: uuid.UUID,
        *,
        status_code: int | None,
        error: str | None,
        permanent: bool = False,
        now: datetime | None = None,
    ) -> None:
        moment = now or utcnow()
        with self._transaction() as session:
            session.add(
                WebhookAttempt(message_id=message_id, status_code=status_code, error=error, worker=self.name)
            )
            message = session.get(WebhookMessage, message_id, with_for_update=True)
            if message is None or message.status != DeliveryStatus.pending:
                return  # another worker finished it after our lease ran out
            message.leased_until = None
            message.lease_owner = None
            if error is None:
                message.status = DeliveryStatus.delivered
                message.delivered_at = moment
            elif permanent or message.attempts >= get_settings().webhook_max_attempts:
                message.status = DeliveryStatus.failed
            else:
                message.next_attempt_at = moment + backoff(message.attempts, self.rng)
        log.info("webhook %s attempt: %s", webhook_id(message_id), error or "delivered")

    def run_forever(self, *, batch: int = 20) -> None:
        """Deliver until SIGTERM/SIGINT; the batch in hand is finished first."""
        poll = get_settings().worker_poll_seconds
        log.info("worker %s started", self.name)
        while not self.stopping.is_set():
            try:
                busy = self.run_once(batch=batch)
            except Exception as exc:  # a database hiccup must not end the worker; leases keep messages safe
                log.error("worker %s: batch failed\n%s", self.name, sanitized_traceback(exc))
                busy = 0
            if not busy:
                self.stopping.wait(poll)
        log.info("worker %s stopped", self.name)

    def stop(self, _signal: int | None = None, _frame: FrameType | None = None) -> None:
        self.stopping.set()


def quiet_http_client_logs() -> None:
    """httpx logs every request's full URL at INFO; a webhook URL can carry a funder's secret path."""
    for name in ("httpx", "httpcore"):
        logging.getLogger(name).setLevel(logging.WARNING)


def run(*, once: bool, batch: int) -> None:
    """The `bondgenoot worker` command."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    quiet_http_client_logs()
    worker = Worker()
    if once:
        print(f"{worker.run_once(batch=batch)} webhook message(s) tried.")
        return
    signal.signal(signal.SIGTERM, worker.stop)
    signal.signal(signal.SIGINT, worker.stop)
    worker.run_forever(batch=batch)
