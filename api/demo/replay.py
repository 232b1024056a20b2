"""Replaying a family's history through the domain services: each step at the moment it happened, with the
family as it stood then (a family closed since was still open, and the services let it be written to)."""

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from sqlmodel import Session, col, select

from api.models import Family, FamilyStatus, FamilyStatusChange
from api.models.base import replaying_at


@dataclass(order=True)
class Step:
    """One thing that happened; at the same moment a lower rank goes first (an adoption comes last)."""

    at: datetime
    run: Callable[[], object] = field(compare=False)
    rank: int = 0


def status_on(history: Sequence[FamilyStatusChange], moment: datetime, current: FamilyStatus) -> FamilyStatus:
    """The family's status at `moment` by its history (its current status when the history is silent)."""
    before = [change for change in history if change.changed_at <= moment]
    if before:
        return before[-1].to_status
    return history[0].from_status if history else current


def replay(session: Session, family: Family, steps: Sequence[Step]) -> int:
    """Run the steps in the order they happened, each at its moment, the family in the status it had then.

    Steps once the family was closed are left out: the services refuse a closed family, as they did then.
    The family's status is its own again afterwards. Returns how many steps ran."""
    history = session.exec(
        select(FamilyStatusChange)
        .where(FamilyStatusChange.family_id == family.id)
        .order_by(col(FamilyStatusChange.changed_at))
    ).all()
    current, ran = family.status, 0
    try:
        for step in sorted(steps):
            then = status_on(history, step.at, current)
            if then == FamilyStatus.closed:
                continue
            if family.status != then:
                family.status = then
            with replaying_at(step.at):
                step.run()
            ran += 1
    finally:
        if family.status != current:
            family.status = current
            session.flush()
    return ran
