"""Which parties were at the table: held meetings per party that came, for the cohort and the funders.

One definition for both views (the staff cohort and the funder's region cells): a meeting counts for a party
when it was held and at least one participant of that party was present. The family's own members count as
`family`; a network contact counts as their coded party (informal, huisarts, school, …). Staff and guests
without a record are not a party of the family's network and are left out. The parties of each held meeting
are rolled up (api/measurements/rollup.py, `party_rows`); one aggregate query over them, grouped by (group,
span, party), whatever the number of families.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from pydantic import BaseModel, Field
from sqlalchemy import Select, and_, func, null
from sqlmodel import Session, col, select

from api.measurements.evidence import Key, Span, group_key, moment, once, overall, span_table
from api.models import ContactParty, RollupMeetingParty

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
    r = RollupMeetingParty
    # As the cohort figures: from the per-meeting rollup (api/measurements/rollup.py), the scope's rows found
    # once by family and date, with the family's group carried by the scope.
    in_scope = once(scope.add_columns(group.label("grp")) if group is not None else scope, "in_scope", spans)
    first, last = overall(spans)
    held = once(
        select(
            col(r.meeting_id),
            col(r.family_id),
            col(r.starts_at),
            col(r.party),
            *([in_scope.c.grp] if group is not None else []),
        )
        .join(in_scope, in_scope.c.id == r.family_id)
        .where(col(r.starts_at) >= moment(first), col(r.starts_at) < moment(last + timedelta(days=1))),
        "held",
        spans,
    )
    by = [held.c.grp] if group is not None else []  # PostgreSQL refuses GROUP BY NULL
    rows = session.execute(
        select(  # type: ignore[call-overload]
            (held.c.grp if group is not None else null()).label("grp"),
            span.c.pkey,
            held.c.party,
            func.count(func.distinct(held.c.meeting_id)),
            func.count(func.distinct(held.c.family_id)),
        )
        .select_from(held)
        .join(span, and_(held.c.starts_at >= span.c.starts, held.c.starts_at < span.c.ends))
        .group_by(*by, span.c.pkey, held.c.party)
    ).all()
    found: dict[Key, dict[str, PartyCount]] = {}
    for g, pkey, party, n_meetings, n_families in rows:
        found.setdefault((group_key(g), pkey), {})[party] = PartyCount(int(n_meetings), int(n_families))
    return found


def cohort_parties(counts: dict[str, PartyCount]) -> list[PartyAtTable]:
    """The staff cohort's view: every party, in a fixed order (zero where none came)."""
    empty = PartyCount()
    return [
        PartyAtTable(party=p, meetings=counts.get(p, empty).meetings, families=counts.get(p, empty).families)
        for p in PARTIES
    ]
