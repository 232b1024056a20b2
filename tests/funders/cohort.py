"""A small cohort with dated facts (BRS per parent, GAS, meetings, status history) for outcome tests."""

from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time

from sqlmodel import Session

from api.models import (
    Attendance,
    ContactKind,
    ContactParty,
    Family,
    FamilyMember,
    FamilyStatus,
    FamilyStatusChange,
    FamilyType,
    Goal,
    GoalStatus,
    Meeting,
    MeetingParticipant,
    MeetingStatus,
    MemberRole,
    NetworkContact,
    ParticipantKind,
    Wave,
)
from api.models.base import utcnow
from tests.factories import World, make_family
from tests.funders.factories import consent
from tests.measurements.factories import brs_answers, make_measurement
from tests.meetings.factories import make_meeting
from tests.plans.factories import make_goal, make_score

T0_ON = date(2024, 12, 2)


def on(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def days_ago(day: date) -> int:
    return (utcnow().date() - day).days


@dataclass
class Member:
    family: Family
    parent: FamilyMember
    levels: dict[Wave, tuple[date, int]] = field(default_factory=dict)


def enrol(
    session: Session,
    world: World,
    *,
    started_on: date = date(2024, 11, 4),
    funder_data: bool = True,
    aggregates_only: bool = False,
    **fields: object,
) -> Family:
    """A consenting family in world.region, enrolled (intake → active) on `started_on`."""
    family = make_family(
        session,
        world.organisation,
        world.supporter,
        region_id=world.region.id,
        status=FamilyStatus.active,
        family_type=fields.pop("family_type", FamilyType.child_id_parents),
        started_on=started_on,
        created_at=on(started_on),
        **fields,
    )
    consent(session, family, funder_data=funder_data, aggregates_only=aggregates_only)
    move(session, family, FamilyStatus.intake, FamilyStatus.active, started_on)
    parent(session, family)
    return family


def move(session: Session, family: Family, before: FamilyStatus, after: FamilyStatus, day: date) -> None:
    session.add(
        FamilyStatusChange(family_id=family.id, from_status=before, to_status=after, changed_at=on(day))
    )
    family.status = after
    session.flush()


def parent(session: Session, family: Family, name: str = "Ouder") -> FamilyMember:
    member = FamilyMember(family_id=family.id, display_name=name, role=MemberRole.parent)
    session.add(member)
    session.flush()
    return member


def brs(session: Session, family: Family, member: FamilyMember, wave: Wave, level: int, day: date) -> None:
    """A completed BRS at `day` whose score is `level` (change from T0 is stored as the app does)."""
    make_measurement(
        session, family, member, wave=wave, answers=brs_answers(level), complete=True, days_ago=days_ago(day)
    )


def gas(
    session: Session,
    family: Family,
    levels: list[tuple[date, int]],
    *,
    status: GoalStatus = GoalStatus.active,
) -> Goal:
    goal = make_goal(session, family, status=status, activated_on=T0_ON)
    for day, level in levels:
        make_score(session, goal, level, day, created_at=on(day))
    return goal


def meeting(session: Session, family: Family, day: date) -> Meeting:
    return make_meeting(session, family, starts_at=on(day), status=MeetingStatus.held)


def party_at(
    session: Session, meeting: Meeting, party: ContactParty, attendance: Attendance = Attendance.present
) -> None:
    """A network contact of `party` at the meeting (present unless told otherwise)."""
    contact = NetworkContact(
        family_id=meeting.family_id, name=f"Contact {party.value}", kind=ContactKind.professional, party=party
    )
    session.add(contact)
    session.flush()
    session.add(
        MeetingParticipant(
            meeting_id=meeting.id, kind=ParticipantKind.contact, contact_id=contact.id, attendance=attendance
        )
    )
    session.flush()
