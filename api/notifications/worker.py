"""The notifications' half of `bondgenoot worker`: the scheduled passes and the sender."""

import logging
import signal
import socket
import threading
import uuid
from datetime import datetime, timedelta
from types import FrameType
from typing import Protocol

from sqlmodel import Session

from api.core.config import get_settings
from api.core.db import get_engine
from api.models.base import utcnow
from api.notifications.channels import email_channel, sms_channel
from api.notifications.passes import run_passes
from api.notifications.sender import Sender

log = logging.getLogger("bondgenoot.notifications")


class Companion(Protocol):
    """Another outbox worker run in the same process (the funders' webhooks)."""

    def run_once(self, *, batch: int = 20) -> int: ...
    def run_forever(self, *, batch: int = 20) -> None: ...
    def stop(self, _signal: int | None = None, _frame: FrameType | None = None) -> None: ...


class NotificationWorker:
    def __init__(self, sender: Sender | None = None) -> None:
        self.sender = sender or Sender(name=f"{socket.gethostname()[:40]}-{uuid.uuid4().hex[:8]}-n")
        self.stopping = threading.Event()
        self.last_pass: datetime | None = None

    def passes(self, now: datetime) -> int:
        """The scheduled passes, at most every BONDGENOOT_NOTIFY_PASS_MINUTES (they are idempotent anyway)."""
        if self.last_pass and now - self.last_pass < timedelta(minutes=get_settings().notify_pass_minutes):
            return 0
        with Session(get_engine(), expire_on_commit=False) as session:
            queued = run_passes(session, now)
            session.commit()
        self.last_pass = now
        return queued

    def run_once(self, *, batch: int = 20) -> int:
        now = utcnow()
        self.passes(now)
        return self.sender.run_once(batch=batch, now=now)

    def run_forever(self, *, batch: int = 20) -> None:
        poll = get_settings().worker_poll_seconds
        while not self.stopping.is_set():
            try:
                busy = self.run_once(batch=batch)
            except Exception:  # a database or relay hiccup must not end the worker; leases keep messages safe
                log.exception("notifications: batch failed")
                busy = 0
            if not busy:
                self.stopping.wait(poll)

    def stop(self, _signal: int | None = None, _frame: FrameType | None = None) -> None:
        self.stopping.set()


def channel_status() -> str:
    settings = get_settings()
    mail = "on" if email_channel(settings) else "off (BONDGENOOT_SMTP_URL is not set)"
    sms = (
        f"on ({settings.sms_provider})"
        if sms_channel(settings)
        else "off (BONDGENOOT_SMS_PROVIDER is not set)"
    )
    return f"e-mail {mail}; text messages {sms}"


def run_with(webhooks: Companion, *, once: bool, batch: int) -> None:
    """`bondgenoot worker`: webhooks and notifications side by side, stopped together by SIGTERM/SIGINT."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    notifications = NotificationWorker()
    print(f"Notifications: {channel_status()}.")
    if once:
        print(f"{webhooks.run_once(batch=batch)} webhook message(s) tried.")
        print(f"{notifications.run_once(batch=batch)} notification(s) handled.")
        return

    def stop(signum: int, frame: FrameType | None) -> None:
        webhooks.stop(signum, frame)
        notifications.stop(signum, frame)

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    side = threading.Thread(target=notifications.run_forever, kwargs={"batch": batch}, name="notifications")
    side.start()
    webhooks.run_forever(batch=batch)
    side.join()
