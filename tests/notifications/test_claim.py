"""The notification sender scales out like the webhook worker: several `bondgenoot worker`s claim disjoint
batches (PostgreSQL `FOR UPDATE SKIP LOCKED` and a lease), so no message is claimed, or sent, twice."""

import uuid
from datetime import timedelta

import pytest
from sqlalchemy import Engine, delete
from sqlmodel import Session, col

from api.models import Channel, NotificationMessage, Organisation, RecipientKind
from api.models.base import utcnow
from api.notifications.sender import claim
from tests.conftest import POSTGRES_URL
from tests.factories import make_organisation


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
