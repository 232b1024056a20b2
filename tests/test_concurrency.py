"""Two people saving the same family at the same moment: exactly one wins, the other gets 412."""

import threading

from sqlalchemy import Engine
from sqlmodel import Session

from api.core.concurrency import claim_version
from api.core.errors import PreconditionFailed
from api.models import Family, Role
from tests.factories import make_family, make_organisation, make_user


def test_concurrent_writers_with_the_same_etag(engine: Engine) -> None:
    # Committed data on purpose (two real transactions); the scratch database is dropped after the run.
    with Session(engine, expire_on_commit=False) as setup:
        organisation = make_organisation(setup)
        family = make_family(setup, organisation, make_user(setup, organisation, Role.supporter))
        setup.commit()

    with Session(engine, expire_on_commit=False) as late, Session(engine, expire_on_commit=False) as early:
        stale = late.get(Family, family.id)
        late.commit()  # the late writer read version 1 and ends its read transaction
        fresh = early.get(Family, family.id)
        assert stale is not None and fresh is not None
        claim_version(early, fresh, '"1"')  # the early writer holds the row (or, on SQLite, the write lock)

        outcome: list[BaseException | None] = []

        def late_writer() -> None:
            try:
                claim_version(late, stale, '"1"')  # passes the in-memory check, blocks on the database
                outcome.append(None)
            except BaseException as exc:
                outcome.append(exc)
            finally:
                late.rollback()

        thread = threading.Thread(target=late_writer)
        thread.start()
        thread.join(timeout=0.5)
        early.commit()
        thread.join(timeout=30)

    assert len(outcome) == 1
    assert isinstance(outcome[0], PreconditionFailed)
    with Session(engine) as check:
        saved = check.get(Family, family.id)
        assert saved is not None and saved.version == 2
