"""The per-family rollups behind the cohort and funder figures (api/models/rollups.py), from the raw data; and
the meetings' flag counts (api/meetings/flag_rollup.py), refreshed and rebuilt alongside.

One set of statements serves both ways of filling them: `refresh` recomputes the rows of a few families in
the caller's transaction, only in the rollups whose facts changed (api/measurements/rollup_tracking.py calls
it, following what each rollup declares it reads in `ROLLUPS`), and `rebuild`
recomputes every family's (`bondgenoot rollups rebuild`). So the incremental rows are, by construction, the
rows a rebuild makes.
"""

import uuid
from collections import defaultdict
from collections.abc import Callable, Collection, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    String,
    Table,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    literal,
    literal_column,
    null,
    or_,
    select,
    type_coerce,
    union_all,
)
from sqlmodel import Session, col

from api.measurements.rollup_waves import WAVE_JOINED, WAVE_READS, WAVE_ROLLUPS
from api.measurements.scoring import GAS_DEFAULT_RHO
from api.meetings import flag_rollup
from api.meetings.parties import FAMILY
from api.models import (
    Attendance,
    Family,
    FamilyStatusChange,
    GasScore,
    Goal,
    GoalStatus,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    NetworkContact,
    ParticipantKind,
    RollupFamilyStatus,
    RollupGas,
    RollupMeetingParty,
)

COUNTED_GOALS = (GoalStatus.active, GoalStatus.achieved)  # as the family's own T-score (api/plans)
BATCH = 500  # families per statement when refreshing many


def _only(column: Any, families: Any) -> list[Any]:
    return [] if families is None else [column.in_(families)]


def status_rows(families: Any = None) -> Any:
    """Each family's statuses over time from its recorded changes: (family, position, status, since,
    until)."""
    c = FamilyStatusChange
    order = (col(c.changed_at), col(c.id))
    moves = select(
        col(c.family_id),
        func.row_number().over(partition_by=col(c.family_id), order_by=order).label("position"),
        col(c.to_status).label("status"),
        col(c.changed_at).label("since"),
        func.lead(c.changed_at).over(partition_by=col(c.family_id), order_by=order).label("until"),
    ).where(*_only(col(c.family_id), families))
    first = (
        select(
            col(c.family_id),
            col(c.from_status),
            col(c.changed_at),
            func.row_number().over(partition_by=col(c.family_id), order_by=order).label("rn"),
        )
        .where(*_only(col(c.family_id), families))
        .subquery("first_change")
    )
    before = select(
        first.c.family_id, literal_column("0"), first.c.from_status, null(), first.c.changed_at
    ).where(first.c.rn == 1)
    unchanged: Any = select(col(Family.id), literal_column("0"), col(Family.status), null(), null()).where(
        *_only(col(Family.id), families), ~select(col(c.id)).where(col(c.family_id) == Family.id).exists()
    )
    return union_all(moves, before, unchanged)


def gas_rows(families: Any = None) -> Any:
    """Each family's GAS T-score timeline: from every day one of its goals was scored until the next such day,
    the T-score of its active and achieved goals, each at its latest level (Kiresuk & Sherman, rho 0.3)."""
    g = GasScore
    until = func.lead(g.scored_on).over(
        partition_by=col(g.goal_id), order_by=(col(g.scored_on), col(g.created_at))
    )
    levels = (
        select(col(g.family_id), col(g.level), col(g.scored_on), col(Goal.weight), until.label("until"))
        .join(Goal, col(Goal.id) == g.goal_id)
        .where(*_only(col(g.family_id), families), col(Goal.status).in_(COUNTED_GOALS))
        .subquery("level")
    )
    days = select(col(g.family_id), col(g.scored_on)).where(*_only(col(g.family_id), families)).distinct()
    day = days.subquery("day")
    following = func.lead(day.c.scored_on).over(partition_by=day.c.family_id, order_by=day.c.scored_on)
    timeline = select(
        day.c.family_id, day.c.scored_on.label("since_on"), following.label("until_on")
    ).subquery("timeline")
    w, x, rho = levels.c.weight, levels.c.level, GAS_DEFAULT_RHO
    t = 50 + 10 * func.sum(w * x) / func.sqrt((1 - rho) * func.sum(w * w) + rho * func.sum(w) * func.sum(w))
    at = (
        select(timeline.c.family_id, timeline.c.since_on, t.label("t"))
        .join(
            levels,
            and_(
                levels.c.family_id == timeline.c.family_id,
                levels.c.scored_on <= timeline.c.since_on,
                or_(levels.c.until.is_(None), levels.c.until > timeline.c.since_on),
            ),
        )
        .group_by(timeline.c.family_id, timeline.c.since_on)
        .subquery("at_day")
    )
    return select(timeline.c.family_id, timeline.c.since_on, timeline.c.until_on, at.c.t).outerjoin(
        at, and_(at.c.family_id == timeline.c.family_id, at.c.since_on == timeline.c.since_on)
    )


def party_rows(families: Any = None) -> Any:
    """Each party present at a held meeting, once: `family` for its members, a contact's coded party (staff
    and guests without a record are no party of the family's network)."""
    m, p = Meeting, MeetingParticipant
    member = col(p.kind) == ParticipantKind.member
    party = case(
        (member, literal(FAMILY, String(40))), else_=type_coerce(col(NetworkContact.party), String(40))
    )
    return (
        select(col(m.id), party.label("party"), col(m.family_id), col(m.starts_at))
        .select_from(p)
        .join(m, col(m.id) == p.meeting_id)
        .outerjoin(NetworkContact, col(NetworkContact.id) == p.contact_id)
        .where(
            *_only(col(m.family_id), families),
            col(m.status) == MeetingStatus.held,
            col(p.attendance) == Attendance.present,
            or_(member, and_(col(p.kind) == ParticipantKind.contact, col(NetworkContact.party).is_not(None))),
        )
        .distinct()
    )


def _table(model: Any) -> Table:
    table: Table = model.__table__
    return table


@dataclass(frozen=True)
class Rollup:
    """A per-family rollup table, the statement that makes its rows (of some families, or of all) and what it
    reads — the one statement of what feeds it (api/measurements/rollup_tracking.py follows it): per model,
    the columns whose UPDATE moves its rows. An INSERT or DELETE of the model's rows always may, except an
    INSERT of a model in `joined`: a new row of it alone makes no rollup row (the rows are made from another
    model's, joined to it, and their insert is noted by itself). A family's deletion empties every rollup."""

    table: Table
    columns: list[str]
    rows: Callable[..., Any]  # (families=None: every family)
    reads: dict[type, tuple[str, ...]]
    joined: frozenset[type] = frozenset()


ROLLUPS: list[Rollup] = [
    Rollup(
        _table(RollupFamilyStatus),
        ["family_id", "position", "status", "since", "until"],
        status_rows,
        {
            Family: ("status",),  # a family without recorded changes: its own status
            FamilyStatusChange: ("family_id", "from_status", "to_status", "changed_at"),
        },
    ),
    Rollup(
        _table(RollupGas),
        ["family_id", "since_on", "until_on", "t_score"],
        gas_rows,
        {
            GasScore: ("goal_id", "family_id", "scored_on", "level", "created_at"),
            Goal: ("status", "weight", "family_id"),
        },
        joined=frozenset({Goal}),  # a goal counts from its first score
    ),
    *(
        Rollup(t, c, r, WAVE_READS, WAVE_JOINED) for t, c, r in WAVE_ROLLUPS
    ),  # api/measurements/rollup_waves.py
    Rollup(
        _table(RollupMeetingParty),
        ["meeting_id", "party", "family_id", "starts_at"],
        party_rows,
        {
            Meeting: ("status", "starts_at", "family_id"),
            MeetingParticipant: ("kind", "attendance", "contact_id", "meeting_id"),
            NetworkContact: ("party", "family_id"),
        },
        joined=frozenset({Meeting, NetworkContact}),  # rows are made from the participants present
    ),
]
FLAGS = flag_rollup.TABLE.name  # refreshed by api/meetings/flag_rollup.py, reading flag_rollup.READS


def feeds() -> dict[type, dict[str, tuple[tuple[str, ...], bool]]]:
    """Per model, the rollups (by table name) it feeds: the columns whose update moves them, and whether an
    insert may (a delete always does)."""
    found: dict[type, dict[str, tuple[tuple[str, ...], bool]]] = defaultdict(dict)
    for model, columns in flag_rollup.READS.items():
        found[model][FLAGS] = (columns, True)
    for made in ROLLUPS:
        for model, columns in made.reads.items():
            found[model][made.table.name] = (columns, model not in made.joined)
    for name in (FLAGS, *(made.table.name for made in ROLLUPS)):
        found[Family].setdefault(name, ((), False))  # its deletion: its rows go
    return dict(found)


def refresh(session: Session, families: Mapping[str, Collection[uuid.UUID]]) -> None:
    """Recompute, per rollup (by table name, the flag counts' included), the rows of the families given for
    it from their raw data, in the caller's transaction; other rollups are not touched."""
    wanted = {name: set(ids) for name, ids in families.items() if ids}
    ids = sorted(set().union(*wanted.values()))
    for start in range(0, len(ids), BATCH):
        batch = ids[start : start + BATCH]
        if session.get_bind().dialect.name == "postgresql":
            # Two transactions refreshing one family take turns: the second deletes the first's rows and
            # recomputes with its facts (SQLite's writers take turns anyway). NO KEY: scores may be added.
            lock = select(col(Family.id)).where(col(Family.id).in_(batch)).order_by(col(Family.id))
            session.execute(lock.with_for_update(key_share=True))
        for made in ROLLUPS:
            chosen: Any
            some = [family_id for family_id in batch if family_id in wanted.get(made.table.name, ())]
            if some:
                table, chosen = made.table, bindparam("families", some, expanding=True)
                session.execute(delete(table).where(table.c.family_id.in_(chosen)))
                session.execute(insert(table).from_select(made.columns, made.rows(chosen)))
        some = [family_id for family_id in batch if family_id in wanted.get(FLAGS, ())]
        if some:
            flag_rollup.refresh(session, some)


def rebuild(session: Session) -> dict[str, int]:
    """Recompute every family's rollup rows from the raw data, one set-based statement per table (the flag
    counts, computed by the meetings' own rules in Python, a batch of families at a time)."""
    counts: dict[str, int] = {}
    for rollup in ROLLUPS:
        table = rollup.table
        session.execute(delete(table))
        made = rollup.rows().subquery("made")  # a family's rows side by side: few pages per family to read
        session.execute(insert(table).from_select(rollup.columns, select(made).order_by(made.c.family_id)))
        counts[table.name] = session.execute(select(func.count()).select_from(table)).scalar_one()
    counts[flag_rollup.TABLE.name] = flag_rollup.rebuild(session)
    return counts


def is_empty(session: Session) -> bool:
    """No rollup rows while their facts exist: never filled (a database just upgraded to them)."""
    for rollup in ROLLUPS:  # one just added (and so empty) is filled too
        filled = session.execute(select(rollup.table.c.family_id).limit(1)).first()
        if filled is None and session.execute(rollup.rows().limit(1)).first() is not None:
            return True
    return flag_rollup.is_empty(session)
