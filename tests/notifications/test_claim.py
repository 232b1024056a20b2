"""The notification sender scales out like the webhook worker: several `bondgenoot worker`s claim disjoint
batches (PostgreSQL `FOR UPDATE SKIP LOCKED` and a lease), so no message is claimed, or sent, twice."""

import threading
import time
import uuid
from collections import Counter
from datetime import timedelta

import pytest
from sqlalchemy import Engine, delete
from sqlmodel import Session, col, func, select

from api.models import (
    AuditEvent,
    Channel,
    Family,
    FamilyMember,
    MessageStatus,
    NotificationMessage,
    Organisation,
    RecipientKind,
    Role,
    User,
)
from api.models.base import utcnow
from api.notifications.channels import Result
from api.notifications.outbox import queue
from api.notifications.sender import Sender, claim
from tests.conftest import POSTGRES_URL
from tests.factories import make_family, make_organisation, make_user
from tests.notifications.helpers import reachable_member, settings_with


@pytest.mark.skipif(not POSTGRES_URL, reason="SKIP LOCKED needs PostgreSQL; on SQLite run one worker")
def test_two_senders_never_claim_the_same_message(engine: Engine) -> None:
    # Real, committed rows and real concurrent transactions; everything made here is deleted afterwards.
    with Session(engine, expire_on_commit=False) as setup:
        organisation = make_organisation(setup)
        for n in range(12):
            setup.add(
                NotificationMessage(
                    organisation_id=organisation.id,
                    recipient_kind=RecipientKind.user,
                    recipient_id=uuid.uuid4(),
                    channel=Channel.email,
                    kind="test",
                    dedupe_key=f"claim-test-{n}",
                    next_attempt_at=utcnow() - timedelta(minutes=1),
                )
            )
        setup.commit()
    try:
        now = utcnow()
        with Session(engine) as first, Session(engine) as second:
            mine = claim(first, owner="a", batch=8, now=now, lease_seconds=60)  # locks held, not committed
            theirs = claim(second, owner="b", batch=8, now=now, lease_seconds=60)
            assert len(mine) == 8 and len(theirs) == 4
            assert not set(mine) & set(theirs)
            first.commit()
            second.commit()
        with Session(engine) as third:
            assert claim(third, owner="c", batch=20, now=now, lease_seconds=60) == []  # all leased
            later = claim(third, owner="c", batch=20, now=now + timedelta(seconds=61), lease_seconds=60)
            assert len(later) == 12  # a lease that ran out (a crashed worker) is claimed again
            third.rollback()
    finally:
        with Session(engine) as cleanup:
            cleanup.execute(
                delete(NotificationMessage).where(col(NotificationMessage.organisation_id) == organisation.id)
            )
            cleanup.execute(delete(Organisation).where(col(Organisation.id) == organisation.id))
            cleanup.commit()


class CountingSms:
    """A text-message provider that counts what it is asked to send, slowly enough for senders to overlap."""

    name = "counting"

    def __init__(self) -> None:
        self.sent: Counter[str] = Counter()
        self.lock = threading.Lock()

    def send(self, *, to: str, text: str, reference: str) -> Result:
        time.sleep(0.01)
        with self.lock:
            self.sent[reference] += 1
        return Result("sent", provider_id=f"fake-{reference}")


def _drain(sender: Sender, start: threading.Barrier) -> None:
    start.wait()
    while sender.run_once(batch=2, now=utcnow()):
        pass


@pytest.mark.skipif(not POSTGRES_URL, reason="SKIP LOCKED needs PostgreSQL; on SQLite run one worker")
def test_two_senders_racing_over_the_same_messages_send_each_exactly_once(engine: Engine) -> None:
    # End to end: two workers (own sessions, own threads) drain the same due messages through the whole
    # send path (claim, rules, compose, channel, record); all made here but the audit log (append-only for
    # the app's role, no keys to the rest) is deleted afterwards.
    with Session(engine, expire_on_commit=False) as setup:
        organisation = make_organisation(setup)
        supporter = make_user(setup, organisation, Role.supporter)
        family = make_family(setup, organisation, supporter)
        for n in range(16):
            member = reachable_member(
                setup, family, channel=Channel.sms, email=None, phone=f"+316000010{n:02d}"
            )
            queue(
                setup,
                organisation_id=organisation.id,
                family_id=family.id,
                recipient_kind=RecipientKind.member,
                recipient_id=member.id,
                kind="checkin_nudge",
                key="checkin_nudge:race",
                context={"supporter_id": str(supporter.id)},
            )
        setup.commit()
    try:
        provider = CountingSms()
        settings = settings_with()
        senders = [
            Sender(
                lambda: Session(engine, expire_on_commit=False), name=name, settings=settings, sms=provider
            )
            for name in ("sender-a", "sender-b")
        ]
        start = threading.Barrier(len(senders))
        threads = [threading.Thread(target=_drain, args=(s, start)) for s in senders]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        with Session(engine) as check:
            rows = check.exec(
                select(NotificationMessage).where(NotificationMessage.organisation_id == organisation.id)
            ).all()
            assert len(rows) == 16 and {m.status for m in rows} == {MessageStatus.sent}
            assert provider.sent == Counter({str(m.id): 1 for m in rows})  # each one sent exactly once
            assert {m.lease_owner for m in rows} == {None}
            sends = check.exec(
                select(func.count())
                .select_from(AuditEvent)
                .where(AuditEvent.organisation_id == organisation.id, AuditEvent.action == "send")
            ).one()
            assert sends == 16
    finally:
        with Session(engine) as cleanup:
            for model, column, value in (
                (NotificationMessage, NotificationMessage.organisation_id, organisation.id),
                (FamilyMember, FamilyMember.family_id, family.id),
                (Family, Family.id, family.id),
                (User, User.id, supporter.id),
                (Organisation, Organisation.id, organisation.id),
            ):
                cleanup.execute(delete(model).where(col(column) == value))
            cleanup.commit()
