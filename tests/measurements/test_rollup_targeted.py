"""A write refreshes exactly the rollups its change feeds (api/measurements/rollup.py, each rollup's `reads`;
the flag counts' api/meetings/flag_rollup.py `READS`), no others, and none when it changes no column a rollup
reads; after writes of every watched model the rows are still those a rebuild makes."""

import re
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import delete, update
from sqlmodel import Session, select

from api.measurements import rollup
from api.models import (
    Attendance,
    ContactParty,
    Family,
    FamilyMember,
    FamilyStatus,
    FamilyStatusChange,
    GasScore,
    Goal,
    GoalMember,
    GoalStatus,
    InvitationStatus,
    Measurement,
    MeasurementScore,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    NetworkContact,
    ParticipantKind,
    PlanAction,
    Wave,
)
from api.models.base import localtoday
from api.models.plans import ActionStatus
from tests.factories import World, auth, make_contact, make_family, make_member
from tests.measurements.factories import brs_answers, make_measurement
from tests.measurements.test_rollup import _equals_a_rebuild
from tests.meetings.factories import make_meeting
from tests.plans.factories import make_action, make_goal, make_score

STATUS, GAS, PARTY, FLAGS = (
    "rollup_family_status",
    "rollup_gas",
    "rollup_meeting_party",
    "rollup_meeting_flag",
)
WAVES = {"rollup_wave_change", "rollup_respondent_wave_change"}
EVERY = {STATUS, GAS, PARTY, FLAGS, *WAVES}


@dataclass
class Facts:
    """A family with something in every rollup: a scored goal, two completed waves, a held meeting with a
    coded contact present, an open action."""

    family: Family
    member: FamilyMember
    goal: Goal
    score: GasScore
    measurement: Measurement
    meeting: Meeting
    participant: MeetingParticipant
    contact: NetworkContact
    action: PlanAction


@pytest.fixture
def facts(session: Session, world: World) -> Facts:
    family = world.family
    member = session.exec(select(FamilyMember).where(FamilyMember.family_id == family.id)).one()
    goal = make_goal(session, family)
    score = make_score(session, goal, -1, localtoday() - timedelta(days=40))
    make_measurement(session, family, member, answers=brs_answers(2), complete=True, days_ago=90)
    measurement = make_measurement(
        session, family, member, wave=Wave.t1, answers=brs_answers(4), complete=True, days_ago=10
    )
    contact = make_contact(session, family)
    contact.party = ContactParty.school
    meeting = make_meeting(session, family, status=MeetingStatus.held)
    participant = MeetingParticipant(
        meeting_id=meeting.id,
        kind=ParticipantKind.contact,
        contact_id=contact.id,
        invitation=InvitationStatus.accepted,
        attendance=Attendance.present,
    )
    session.add(participant)
    action = make_action(session, goal)
    session.flush()
    kept = _equals_a_rebuild(session)
    assert all(any(family.id in row for row in kept[name]) for name in EVERY)
    return Facts(family, member, goal, score, measurement, meeting, participant, contact, action)


@pytest.fixture
def refreshed(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[dict[str, set[uuid.UUID]]]]:
    """Every refresh's rollups and families (only those given some)."""
    calls: list[dict[str, set[uuid.UUID]]] = []
    refresh = rollup.refresh

    def spy(session: Session, families: Any) -> None:
        calls.append({name: set(ids) for name, ids in families.items() if ids})
        refresh(session, families)

    monkeypatch.setattr(rollup, "refresh", spy)
    yield calls


def _later(moment: datetime) -> datetime:
    return moment + timedelta(hours=1)


def _change_status(session: Session, f: Facts) -> None:
    session.add(
        FamilyStatusChange(family_id=f.family.id, from_status=f.family.status, to_status=FamilyStatus.active)
    )
    f.family.status = FamilyStatus.active


def _wave_score(session: Session, f: Facts) -> MeasurementScore:
    found = select(MeasurementScore).where(MeasurementScore.measurement_id == f.measurement.id)
    return session.exec(found).first()  # type: ignore[return-value]


Write = Callable[[Session, Facts], Any]
CASES: list[tuple[str, Write, set[str]]] = [
    ("status change recorded", _change_status, {STATUS}),
    ("family renamed", lambda s, f: setattr(f.family, "display_name", "Gezin Anders"), set()),
    ("goal scored", lambda s, f: make_score(s, f.goal, 1, localtoday()), {GAS}),
    ("score's level corrected", lambda s, f: setattr(f.score, "level", 0), {GAS}),
    ("score's note", lambda s, f: setattr(f.score, "note", "Gaat beter."), set()),
    ("score deleted", lambda s, f: s.delete(f.score), {GAS}),
    ("goal added", lambda s, f: make_goal(s, f.family), {FLAGS}),  # no score yet: no T-score step
    ("goal reweighted", lambda s, f: setattr(f.goal, "weight", 3.0), {GAS}),
    ("goal discontinued", lambda s, f: setattr(f.goal, "status", GoalStatus.discontinued), {GAS, FLAGS}),
    ("goal reworded", lambda s, f: setattr(f.goal, "text", "De school van de GP."), {FLAGS}),
    ("goal reprioritised", lambda s, f: setattr(f.goal, "priority", 1), set()),
    (
        "goal about a member",
        lambda s, f: s.add(GoalMember(goal_id=f.goal.id, member_id=f.member.id)),
        {FLAGS},
    ),
    ("measurement started", lambda s, f: make_measurement(s, f.family, f.member, wave=Wave.t2), set()),
    (
        "measurement completed",
        lambda s, f: make_measurement(
            s, f.family, f.member, wave=Wave.t2, answers=brs_answers(3), complete=True
        ),
        WAVES,
    ),
    ("measurement's wave", lambda s, f: setattr(f.measurement, "wave", Wave.t2), WAVES),
    ("measurement's answers", lambda s, f: setattr(f.measurement, "answers", {"1": 1}), set()),
    ("scale score's change", lambda s, f: setattr(_wave_score(s, f), "change_from_t0", 9.0), WAVES),
    ("scale score's band", lambda s, f: setattr(_wave_score(s, f), "band_nl", "Anders"), set()),
    ("meeting planned", lambda s, f: make_meeting(s, f.family), {PARTY, FLAGS}),  # with a member present
    (
        "meeting moved",
        lambda s, f: setattr(f.meeting, "starts_at", _later(f.meeting.starts_at)),
        {PARTY, FLAGS},
    ),
    ("meeting's place", lambda s, f: setattr(f.meeting, "place", "Buurthuis"), set()),
    ("meeting's minutes", lambda s, f: setattr(f.meeting, "minutes", "Concept"), set()),
    ("meeting cancelled", lambda s, f: setattr(f.meeting, "status", MeetingStatus.cancelled), {PARTY, FLAGS}),
    (
        "participant declined",
        lambda s, f: setattr(f.participant, "invitation", InvitationStatus.declined),
        {FLAGS},
    ),
    (
        "participant absent",
        lambda s, f: setattr(f.participant, "attendance", Attendance.absent),
        {PARTY, FLAGS},
    ),
    ("participant's e-mail", lambda s, f: setattr(f.participant, "email", "a@example.org"), set()),
    ("participant removed", lambda s, f: s.delete(f.participant), {PARTY, FLAGS}),
    ("contact added", lambda s, f: make_contact(s, f.family, "Juf"), {FLAGS}),
    ("contact's party", lambda s, f: setattr(f.contact, "party", ContactParty.gp), {PARTY, FLAGS}),
    ("contact's phone", lambda s, f: setattr(f.contact, "phone", "0612345678"), set()),
    ("contact renamed", lambda s, f: setattr(f.contact, "name", "Juf Anna"), {FLAGS}),  # a stored flag's
    ("action added", lambda s, f: make_action(s, f.goal, description="Juf belt."), {FLAGS}),
    ("action done", lambda s, f: setattr(f.action, "status", ActionStatus.done), {FLAGS}),
    ("action's due date", lambda s, f: setattr(f.action, "due_on", localtoday()), set()),
    ("member added", lambda s, f: make_member(s, f.family, "Kees"), {FLAGS}),
    ("member archived", lambda s, f: setattr(f.member, "archived_at", datetime.now(UTC)), {FLAGS}),
    ("member renamed", lambda s, f: setattr(f.member, "display_name", "Kees"), {FLAGS}),  # a stored flag's
    (
        "meeting claimed by a statement",
        lambda s, f: s.execute(
            update(Meeting).where(Meeting.id == f.meeting.id).values(status=MeetingStatus.cancelled)  # type: ignore[arg-type]
        ),
        {PARTY, FLAGS},
    ),
    (
        "meeting's version by a statement",
        lambda s, f: s.execute(update(Meeting).where(Meeting.id == f.meeting.id).values(version=7)),  # type: ignore[arg-type]
        set(),
    ),
    (
        "actions deleted by a statement",
        lambda s, f: s.execute(delete(PlanAction).where(PlanAction.goal_id == f.goal.id)),  # type: ignore[arg-type]
        {FLAGS},
    ),
]


@pytest.mark.parametrize(("write", "feeds"), [c[1:] for c in CASES], ids=[c[0] for c in CASES])
def test_a_write_refreshes_exactly_the_rollups_it_feeds_and_they_equal_a_rebuild(
    session: Session,
    facts: Facts,
    refreshed: list[dict[str, set[uuid.UUID]]],
    write: Write,
    feeds: set[str],
) -> None:
    write(session, facts)
    session.flush()
    assert {name for call in refreshed for name in call} == feeds
    assert all(ids == {facts.family.id} for call in refreshed for ids in call.values())
    _equals_a_rebuild(session)  # a rollup left out would differ from its rebuild here


def test_a_new_family_feeds_its_status_and_its_deletion_every_rollup(
    session: Session, world: World, refreshed: list[dict[str, set[uuid.UUID]]]
) -> None:
    family = make_family(session, world.organisation)
    assert {name for call in refreshed for name in call} == {STATUS}
    refreshed.clear()
    session.execute(delete(Family).where(Family.id == family.id))  # type: ignore[arg-type]
    assert {name for call in refreshed for name in call} == EVERY
    _equals_a_rebuild(session)


ROLLUP_TABLE = re.compile(r"\brollup_[a-z_]+")


def test_scoring_a_goal_writes_the_t_score_rollup_alone(
    client: TestClient, session: Session, world: World, count_queries: Any
) -> None:
    """The statements of the request itself: of the rollups, only `rollup_gas` is read or written."""
    goal = make_goal(session, world.family)
    session.commit()
    url = f"/api/v1/families/{world.family.id}/plan/goals/{goal.id}/scores"
    before = count_queries.count
    scored = client.post(
        url, json={"scored_on": localtoday().isoformat(), "level": 1}, headers=auth(world.supporter)
    )
    assert scored.status_code == 201, scored.text
    statements = count_queries.statements[before:]
    assert {table for s in statements for table in ROLLUP_TABLE.findall(s)} == {GAS}
    assert len([s for s in statements if ROLLUP_TABLE.search(s)]) == 2  # its rows deleted, then made anew
    _equals_a_rebuild(session)
