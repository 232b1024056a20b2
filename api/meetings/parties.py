"""Which parties were at the table: held meetings per party that came, for the cohort and the funders.

One definition for both views (the staff cohort and the funder's region cells): a meeting counts for a party
when it was held and at least one participant of that party was present. The family's own members count as
`family`; a network contact counts as their coded party (informal, huisarts, school, …). Staff and guests
without a record are not a party of the family's network and are left out. One aggregate query, grouped by
(group, span, participant kind, party), whatever the number of families.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, func, null
from sqlmodel import Session, col, select

from api.measurements.evidence import Key, Span, group_key, span_table
from api.models import (
    Attendance,
    ContactParty,
    Family,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    NetworkContact,
    ParticipantKind,
)

FAMILY = "family"
PARTIES: tuple[str, ...] = (FAMILY, *(p.value for p in ContactParty))


class PartyAtTable(BaseModel):
    party: str = Field(description="`family` (the family's own members) or a network contact's coded party.")
    meetings: int = Field(description="Held meetings at which this party was present.")
    families: int = Field(description="Families those meetings were of.")


@dataclass
class PartyCount:
    meetings: int = 0  # held meetings with this party present
    families: int = 0  # families those meetings were of (what suppression rests on)


def parties_at_table(
    session: Session, scope: Select[Any], *, spans: Sequence[Span], group: Any = None
) -> dict[Key, dict[str, PartyCount]]:
    """Per group and span: for every party, the held meetings it was present at and their families."""
    span = span_table(spans)
    grp = (group if group is not None else null()).label("grp")
    p, m = MeetingParticipant, Meeting
    by = [group] if group is not None else []  # PostgreSQL refuses GROUP BY NULL
    rows = session.execute(
        select(  # type: ignore[call-overload]
            grp,
            span.c.pkey,
            col(p.kind),
            col(NetworkContact.party),
            func.count(func.distinct(col(m.id))),
            func.count(func.distinct(col(m.family_id))),
        )
        .select_from(p)
        .join(m, col(m.id) == p.meeting_id)
        .join(Family, col(Family.id) == m.family_id)
        .outerjoin(NetworkContact, col(NetworkContact.id) == p.contact_id)
        .join(span, and_(col(m.starts_at) >= span.c.starts, col(m.starts_at) < span.c.ends))
        .where(
            col(m.family_id).in_(scope),
            col(m.status) == MeetingStatus.held,
            col(p.attendance) == Attendance.present,
            col(p.kind).in_([ParticipantKind.member, ParticipantKind.contact]),
        )
        .group_by(*by, span.c.pkey, col(p.kind), col(NetworkContact.party))
    ).all()
    found: dict[Key, dict[str, PartyCount]] = {}
    for g, pkey, kind, party, n_meetings, n_families in rows:
        member = getattr(kind, "value", kind) == ParticipantKind.member.value
        code = FAMILY if member else getattr(party, "value", party)
        found.setdefault((group_key(g), pkey), {})[code] = PartyCount(int(n_meetings), int(n_families))
    return found


def cohort_parties(counts: dict[str, PartyCount]) -> list[PartyAtTable]:
    """The staff cohort's view: every party, in a fixed order (zero where none came)."""
    empty = PartyCount()
    return [
        PartyAtTable(party=p, meetings=counts.get(p, empty).meetings, families=counts.get(p, empty).families)
        for p in PARTIES
    ]
