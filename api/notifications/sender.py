"""The notifications' sender: drains the message outbox like the webhook worker drains its own.

A batch is claimed (PostgreSQL: `FOR UPDATE SKIP LOCKED`) and leased; the lease is committed before anything
is sent and renewed while a message is on its way, so a slow mail relay does not hand the message to a second
worker. The rules are checked again right before sending (consent, opt-out, quiet hours, the weekly limit, a
configured channel); every message sent is an audit event. Bodies are never logged."""

import logging
import random
import threading
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import datetime, timedelta

from sqlalchemy import update
from sqlmodel import Session, col, or_, select

from api.core import delivery
from api.core.config import Settings, get_settings
from api.core.db import get_engine
from api.models import AuditEvent, MessageStatus, NotificationMessage
from api.models.base import utcnow
from api.notifications import recipients
from api.notifications.channels import Result, SmsChannel, SmtpChannel, email_channel, sms_channel
from api.notifications.compose import Composed, Skip, as_mail, as_sms, compose
from api.notifications.templates import KINDS

log = logging.getLogger("bondgenoot.notifications")
SessionFactory = Callable[[], AbstractContextManager[Session]]


def backoff(attempts: int, settings: Settings, rng: random.Random) -> timedelta:
    return delivery.backoff(
        attempts, base=settings.notify_backoff_seconds, cap=settings.notify_backoff_max_seconds, rng=rng
    )


def claim(session: Session, *, owner: str, batch: int, now: datetime, lease_seconds: int) -> list[uuid.UUID]:
    """Lease up to `batch` due messages to `owner` (the caller commits); the attempt counts at claim time."""
    ids = list(
        session.exec(
            select(NotificationMessage.id)
            .where(
                NotificationMessage.status == MessageStatus.queued,
                NotificationMessage.next_attempt_at <= now,
                or_(
                    col(NotificationMessage.leased_until).is_(None),
                    col(NotificationMessage.leased_until) < now,
                ),
            )
            .order_by(col(NotificationMessage.next_attempt_at))
            .limit(batch)
            .with_for_update(skip_locked=True)
        ).all()
    )
    if ids:
        session.execute(
            update(NotificationMessage)
            .where(col(NotificationMessage.id).in_(ids))
            .values(
                lease_owner=owner,
                leased_until=now + timedelta(seconds=lease_seconds),
                attempts=NotificationMessage.attempts + 1,
            )
        )
    return ids


class Sender:
    def __init__(
        self,
        sessions: SessionFactory | None = None,
        *,
        name: str,
        settings: Settings | None = None,
        sms: SmsChannel | None = None,
        rng: random.Random | None = None,
    ) -> None:
        self.sessions = sessions or (lambda: Session(get_engine(), expire_on_commit=False))
        self.name = name
        self.settings = settings or get_settings()
        self.email: SmtpChannel | None = email_channel(self.settings)
        self.sms = sms or sms_channel(self.settings)
        self.rng = rng or random.Random()  # noqa: S311 (jitter, not security)

    def _transaction(self) -> AbstractContextManager[Session]:
        return delivery.transaction(self.sessions)

    def run_once(self, *, batch: int = 20, now: datetime | None = None) -> int:
        """Claim and send one batch; returns how many messages were handled."""
        moment = now or utcnow()
        with self._transaction() as session:
            ids = claim(
                session,
                owner=self.name,
                batch=batch,
                now=moment,
                lease_seconds=self.settings.notify_lease_seconds,
            )
        for message_id in ids:
            self.handle(message_id, now=moment)
        return len(ids)

    def _prepare(
        self, session: Session, message: NotificationMessage, now: datetime
    ) -> tuple[str, Composed] | str | datetime:
        """(address, composed) to send, a reason to skip, or a time to try again (quiet hours)."""
        recipient = recipients.load(session, message.recipient_kind, recipient_id=message.recipient_id)
        if recipient is None or not recipient.active:
            return "recipient_gone"
        if recipient.outside_staff:
            if not recipient.consent:
                return "no_consent"
            if (until := recipients.quiet_until(now, self.settings)) is not None:
                return until
            if KINDS[message.kind].automatic and recipients.sent_this_week(session, recipient, now=now) >= (
                self.settings.notify_weekly_limit
            ):
                return "weekly_limit"
        if recipients.opted_out(session, recipient, channel=message.channel):
            return "opted_out"
        address = recipient.address(message.channel)
        if not address:
            return "no_address"
        if not recipients.allowed(address, self.settings):
            return "not_allowed"
        if (self.email if message.channel == "email" else self.sms) is None:
            return "channel_off"
        try:
            return address, compose(session, message, recipient=recipient, settings=self.settings)
        except Skip as skip:
            return skip.reason

    def handle(self, message_id: uuid.UUID, *, now: datetime) -> None:
        with self._transaction() as session:
            message = session.get(NotificationMessage, message_id)
            if message is None or message.status != MessageStatus.queued or message.lease_owner != self.name:
                return
            prepared = self._prepare(session, message, now)
            if isinstance(prepared, datetime):  # quiet hours: not an attempt, just later
                message.next_attempt_at, message.attempts = prepared, message.attempts - 1
                message.leased_until = message.lease_owner = None
                return
            if isinstance(prepared, str):
                self._finish(session, message, MessageStatus.skipped, prepared, now)
                return
            kind, channel, reference = message.kind, message.channel, str(message.id)
        address, composed = prepared
        with self._lease_kept(message_id):
            if channel == "email":
                assert self.email is not None
                result = self.email.send(as_mail(composed, address))
            else:
                assert self.sms is not None
                result = self.sms.send(to=address, text=as_sms(composed), reference=reference)
        self.record(message_id, result, now=now)
        log.info("notification %s (%s, %s): %s", message_id, kind, channel, result.outcome)

    @contextmanager
    def _lease_kept(self, message_id: uuid.UUID) -> Iterator[None]:
        """Renew the lease every third of its length while the message is on its way."""
        stop = threading.Event()
        seconds = self.settings.notify_lease_seconds

        def renew() -> None:
            while not stop.wait(seconds / 3):
                with self._transaction() as session:
                    session.execute(
                        update(NotificationMessage)
                        .where(
                            col(NotificationMessage.id) == message_id,
                            col(NotificationMessage.lease_owner) == self.name,
                        )
                        .values(leased_until=utcnow() + timedelta(seconds=seconds))
                    )

        keeper = threading.Thread(target=renew, daemon=True)
        keeper.start()
        try:
            yield
        finally:
            stop.set()
            keeper.join()

    def record(self, message_id: uuid.UUID, result: Result, *, now: datetime) -> None:
        with self._transaction() as session:
            message = session.get(NotificationMessage, message_id, with_for_update=True)
            if message is None or message.status != MessageStatus.queued:
                return
            if result.outcome == "sent":
                message.provider_id = result.provider_id
                self._finish(session, message, MessageStatus.sent, None, now)
            elif result.outcome == "bounced":
                self._finish(session, message, MessageStatus.bounced, result.detail, now)
            elif result.outcome == "failed" or message.attempts >= self.settings.notify_max_attempts:
                self._finish(session, message, MessageStatus.failed, result.detail, now)
            else:
                message.reason = result.detail
                message.next_attempt_at = now + backoff(message.attempts, self.settings, self.rng)
                message.leased_until = message.lease_owner = None

    def _finish(
        self,
        session: Session,
        message: NotificationMessage,
        status: MessageStatus,
        reason: str | None,
        now: datetime,
    ) -> None:
        message.status, message.reason = status, reason
        message.secret_sealed = None  # a link token is kept only until the message is done
        message.leased_until = message.lease_owner = None
        if status == MessageStatus.sent:
            message.sent_at = now
            session.add(
                AuditEvent(
                    actor_type="system",
                    actor_role="notifications",
                    organisation_id=message.organisation_id,
                    action="send",
                    object_type="notification",
                    object_id=message.id,
                    family_id=message.family_id,
                    purpose=f"{message.kind} by {message.channel.value}",
                )
            )
