"""The date rules of a family's trajectory, checked where dates are written (and reported for old rows).

No end before the start, no closure dated in the future, no status change before enrolment. The closing flow
calls `check_family_dates` with the dates it is about to write.
"""

import uuid
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func
from sqlmodel import Session, col, or_, select

from api.core.errors import Unprocessable
from api.models import Family, FamilyStatus, FamilyStatusChange, FunderClient, Region


def _error(field: str, message: str) -> Unprocessable:
    return Unprocessable(message, errors=[{"field": field, "message": message, "type": "value_error"}])


def check_family_dates(
    *,
    started_on: date | None,
    ended_on: date | None,
    status: FamilyStatus,
    today: date,
    first_change_on: date | None = None,
) -> None:
    """Refuse dates that cannot be true; `first_change_on` is the day of the earliest recorded move."""
    if ended_on is not None and started_on is not None and ended_on < started_on:
        raise _error(
            "ended_on", "De einddatum ligt voor de startdatum / the end date is before the start date."
        )
    if ended_on is not None and ended_on > today:
        raise _error(
            "ended_on", "Een afsluiting kan niet in de toekomst liggen / a closure cannot be in the future."
        )
    if status != FamilyStatus.intake and started_on is not None and started_on > today:
        raise _error(
            "started_on",
            "Een gezin kan niet van status veranderen voor de inschrijving / "
            "a family cannot change status before it is enrolled.",
        )
    if first_change_on is not None and started_on is not None and first_change_on < started_on:
        raise _error(
            "started_on",
            "Er is al een statuswijziging voor deze startdatum / a status change precedes this start.",
        )


def first_change_on(session: Session, family_id: uuid.UUID) -> date | None:
    """The day of the family's earliest move out of intake (one query)."""
    moment = session.exec(
        select(func.min(FamilyStatusChange.changed_at)).where(
            FamilyStatusChange.family_id == family_id, FamilyStatusChange.from_status == FamilyStatus.intake
        )
    ).one()
    return moment.date() if moment is not None else None


@dataclass(frozen=True)
class BadRow:
    table: str
    id: uuid.UUID
    problem: str


def bad_rows(session: Session, today: date) -> list[BadRow]:
    """Existing rows that break the rules (reported by `bondgenoot check-data`, never rewritten)."""
    found = [
        BadRow("family", i, "ended_on before started_on")
        for i in session.exec(select(Family.id).where(col(Family.ended_on) < col(Family.started_on))).all()
    ]
    found += [
        BadRow("family", i, "ended_on in the future")
        for i in session.exec(select(Family.id).where(col(Family.ended_on) > today)).all()
    ]
    found += [
        BadRow("family", i, "status change before started_on")
        for i in session.exec(
            select(Family.id)
            .join(FamilyStatusChange, col(FamilyStatusChange.family_id) == Family.id)
            .where(
                FamilyStatusChange.from_status == FamilyStatus.intake,
                or_(col(Family.started_on).is_(None), col(Family.started_on) > today),
            )
            .distinct()
        ).all()
    ]
    funders = dict(session.exec(select(Region.id, Region.funder_name)).all())
    for client in session.exec(select(FunderClient)).all():
        if any(funders.get(uuid.UUID(r)) != client.funder_name for r in client.region_ids):
            found.append(BadRow("funder_client", client.id, "bound to a region of another funder"))
    return found
