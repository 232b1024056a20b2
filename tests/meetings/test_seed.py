"""The demo seeder: held meetings closed through the service, upcoming and flagged ones; idempotent."""

from datetime import timedelta

from sqlmodel import Session, col, func, select

from api.demo.context import DemoContext
from api.demo.meetings import seed_meetings
from api.meetings.plan_links import crucial_people
from api.meetings.presenters import live_flags
from api.meetings.repository import participants_of
from api.models import FamilyStatus, Meeting, MeetingStatus, PlanVersion
from api.models.base import localtoday
from tests.factories import World, make_contact, make_family, make_member


def test_seed_meetings_is_believable_and_idempotent(session: Session, world: World) -> None:
    families = [world.family]
    for n in range(4):
        family = make_family(session, world.organisation, world.supporter, display_name=f"Gezin {n}")
        make_member(session, family)
        make_contact(session, family, "Oma Riet")
        families.append(family)
    for family in families:
        family.status, family.started_on = FamilyStatus.active, localtoday() - timedelta(days=60)
    context = DemoContext(organisation=world.organisation, users={}, families=families)
    first = seed_meetings(session, context)
    assert first.startswith("Demo meetings: ")
    counts = dict(session.exec(select(Meeting.status, func.count()).group_by(Meeting.status)).all())
    assert counts[MeetingStatus.held] >= len(families)
    assert counts[MeetingStatus.planned] >= len(families) - 1
    adopted = session.exec(select(PlanVersion).where(col(PlanVersion.meeting_id).is_not(None))).all()
    assert len(adopted) == counts[MeetingStatus.held]
    # History is recorded at the meeting's own date, so the family's timeline reads in order.
    held = session.exec(select(Meeting).where(Meeting.status == MeetingStatus.held)).all()
    assert all(m.closed_at and m.closed_at.date() == m.starts_at.date() for m in held)
    meeting_days = {m.id: m.starts_at.date() for m in held}
    assert all(v.adopted_at.date() == meeting_days[v.meeting_id] for v in adopted if v.meeting_id)
    assert all(m.starts_at.date() > localtoday() - timedelta(days=60) for m in held)  # after support started
    planned = session.exec(select(Meeting).where(Meeting.status == MeetingStatus.planned)).all()
    crucial = crucial_people(session, [m.family_id for m in planned])
    found = participants_of(session, [m.id for m in planned])
    assert any(live_flags(found[m.id], crucial.get(m.family_id, [])) for m in planned)
    total = session.exec(select(func.count()).select_from(Meeting)).one()
    assert (
        seed_meetings(session, context) == "Demo meetings: 0 created (held, upcoming, flagged and cancelled)."
    )
    assert session.exec(select(func.count()).select_from(Meeting)).one() == total
