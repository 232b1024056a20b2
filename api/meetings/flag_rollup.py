"""Each meeting's flag count, kept in `rollup_meeting_flag` so that the flagged-meeting reads (the overview's
`flagged=`, the team page) filter and count in SQL instead of computing every meeting's flags per request;
and a planned meeting's flags themselves, so the meeting lists show them without reading the plan.

The count is `len(meeting_flags(…))`, the one definition of a flag (api/meetings/presenters.py) over the
plan's crucial players (api/meetings/plan_links.py): frozen at close, none when cancelled, live while planned.
The rows of a few families are recomputed when a fact they rest on changes (`READS` below, followed by
api/measurements/rollup_tracking.py), and every family's by a rebuild, with the same function.
"""

import uuid
from collections import defaultdict
from collections.abc import Collection, Mapping
from typing import Any

from sqlalchemy import Table, delete, func, insert
from sqlmodel import Session, col, select

from api.meetings.plan_links import crucial_people
from api.meetings.presenters import flag, meeting_flags
from api.meetings.schemas import FlagPerson, MeetingFlag
from api.models import (
    FamilyMember,
    Goal,
    GoalMember,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    NetworkContact,
    ParticipantKind,
    PlanAction,
    RollupMeetingFlag,
    User,
)

BATCH = 500  # families per read when rebuilding
TABLE: Table = RollupMeetingFlag.__table__  # type: ignore[attr-defined]
# What a flag count rests on (api/measurements/rollup.py, `Rollup.reads`): per model, the columns whose UPDATE
# moves it (an insert or delete of the model's rows always may): who is crucial (active goals' members, open
# actions' owners, professionals whose party a goal or action names) and who was asked and came; and the names
# and texts a stored flag shows. A colleague's name is not stored but read with the flags (`restored`): a
# user is no family's, so a rename would refresh no family's rows.
READS: dict[type, tuple[str, ...]] = {
    Meeting: ("status", "starts_at", "closing_flags", "family_id"),
    MeetingParticipant: (
        *("kind", "invitation", "attendance", "member_id", "contact_id", "user_id", "name", "meeting_id"),
    ),
    Goal: ("status", "text", "life_domain_id", "family_id"),
    GoalMember: ("goal_id", "member_id"),
    PlanAction: (
        *("status", "description", "owner_type", "owner_member_id", "owner_contact_id", "owner_user_id"),
        *("owner_name", "family_id"),
    ),
    FamilyMember: ("archived_at", "display_name", "family_id"),
    NetworkContact: ("party", "archived_at", "name", "family_id"),
}


def flag_rows(session: Session, family_ids: Collection[uuid.UUID]) -> list[dict[str, Any]]:
    """A row per meeting of these families with its flag count; participants and crucial players are read
    only for the planned ones (the others' flags do not depend on them). A fixed number of queries."""
    meetings = session.exec(select(Meeting).where(col(Meeting.family_id).in_(list(family_ids)))).all()
    planned = [m for m in meetings if m.status == MeetingStatus.planned]
    participants: dict[uuid.UUID, list[MeetingParticipant]] = defaultdict(list)
    if planned:
        # Without their member, contact or user: who matches whom needs only the ids, kind and name.
        found = select(MeetingParticipant).where(
            col(MeetingParticipant.meeting_id).in_([m.id for m in planned])
        )
        for participant in session.exec(found).all():
            participants[participant.meeting_id].append(participant)
    crucial = crucial_people(session, {m.family_id for m in planned})
    rows = []
    for m in meetings:
        flags = meeting_flags(m, participants[m.id], crucial.get(m.family_id, []))
        stored = [_stored(f) for f in flags] if m.status == MeetingStatus.planned else None
        rows.append(
            {
                "meeting_id": m.id,
                "family_id": m.family_id,
                "starts_at": m.starts_at,
                "status": m.status,
                "flags": stored,
                "flag_count": len(flags),
            }
        )
    return rows


def _stored(flag: MeetingFlag) -> dict[str, Any]:
    """A flag without its message (made from the name when read)."""
    return flag.model_dump(mode="json", exclude={"message"})


def restored(
    session: Session, stored: Mapping[uuid.UUID, list[dict[str, Any]]]
) -> dict[uuid.UUID, list[MeetingFlag]]:
    """Per meeting, its stored flags as shown, a colleague with the name they have now (one query, only when
    a colleague is flagged)."""
    colleagues = {
        uuid.UUID(f["person"]["id"])
        for flags in stored.values()
        for f in flags
        if f["person"]["kind"] == ParticipantKind.staff and f["person"]["id"] is not None
    }
    names = (
        dict(session.exec(select(User.id, User.full_name).where(col(User.id).in_(colleagues))).all())
        if colleagues
        else {}
    )
    shown: dict[uuid.UUID, list[MeetingFlag]] = {}
    for meeting_id, flags in stored.items():
        shown[meeting_id] = []
        for f in flags:
            person = FlagPerson.model_validate(f["person"])
            if person.kind == ParticipantKind.staff and person.id in names:
                person.name = names[person.id]
            shown[meeting_id].append(flag(f["reason"], person, f["because"]))
    return shown


def _computed(session: Session, family_ids: Collection[uuid.UUID]) -> list[dict[str, Any]]:
    """The rows, read in a session of their own on the caller's connection and transaction: what it loads
    stays out of the caller's identity map (a refresh runs inside a flush; a rebuild reads every meeting)."""
    with Session(bind=session.connection()) as reader:
        return flag_rows(reader, family_ids)


def refresh(session: Session, family_ids: Collection[uuid.UUID]) -> None:
    """Recompute these families' rows (the caller holds their lock, see api/measurements/rollup.py)."""
    session.execute(delete(TABLE).where(TABLE.c.family_id.in_(list(family_ids))))
    rows = _computed(session, family_ids)
    if rows:
        session.execute(insert(TABLE), rows)


def rebuild(session: Session) -> int:
    """Recompute every meeting's row, BATCH families at a time; answers the number of rows."""
    session.execute(delete(TABLE))
    families = session.exec(select(Meeting.family_id).distinct().order_by(col(Meeting.family_id))).all()
    for start in range(0, len(families), BATCH):
        rows = _computed(session, families[start : start + BATCH])
        if rows:
            session.execute(insert(TABLE), rows)
    return session.execute(select(func.count()).select_from(TABLE)).scalar_one()


def is_empty(session: Session) -> bool:
    """No rows while meetings exist: never filled (a database just upgraded to this rollup); or a planned
    meeting's row without its flags (SQL NULL: made before migration 0027, which added them)."""
    filled = session.execute(select(TABLE.c.meeting_id).limit(1)).first()
    if filled is None:
        return session.execute(select(Meeting.id).limit(1)).first() is not None
    unstored = TABLE.c.status == MeetingStatus.planned, TABLE.c.flags.is_(None)
    return session.execute(select(TABLE.c.meeting_id).where(*unstored).limit(1)).first() is not None
