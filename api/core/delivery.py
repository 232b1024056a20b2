"""What the outbox workers (webhooks, e-mail, text messages) share: back-off, one transaction per unit."""

import random
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import timedelta

from sqlmodel import Session


def backoff(attempts: int, *, base: float, cap: float, rng: random.Random) -> timedelta:
    """Exponential back-off with jitter: base·2^(n-1), capped, drawn from its upper half."""
    delay = min(base * 2 ** (attempts - 1), cap)
    return timedelta(seconds=delay * rng.uniform(0.5, 1.0))


@contextmanager
def transaction(sessions: Callable[[], AbstractContextManager[Session]]) -> Iterator[Session]:
    """One unit of a worker's work in a session of its own: committed at the end, rolled back on any error."""
    with sessions() as session:
        try:
            yield session
            session.commit()
        except BaseException:
            session.rollback()
            raise
