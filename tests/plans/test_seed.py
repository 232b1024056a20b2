"""The demo seeder gives every family a believable plan, and running it again changes nothing."""

from datetime import UTC, date, datetime, time, timedelta

from sqlmodel import Session, col, func, select

from api.audit.service import write_pending
from api.demo.context import DemoContext
from api.demo.plans import seed_plans
from api.models import (
    ActionStatus,
    AuditEvent,
    FamilyStatus,
    FamilyStatusChange,
    GasScore,
    Goal,
    Organisation,
    Plan,
    PlanAction,
    PlanVersion,
    User,
)
from api.models.base import localtoday
from tests.factories import World, make_family


def _context(session: Session, world: World) -> DemoContext:
    organisation = session.get(Organisation, world.organisation.id)
    assert organisation is not None
    users = {u.email: u for u in session.exec(select(User).where(User.organisation_id == organisation.id))}
    return DemoContext(
        organisation=organisation, users=users, families=[world.family, world.other_caseload_family]
    )


def test_every_family_gets_a_plan_with_progress_and_an_adopted_version(
    session: Session, world: World
) -> None:
    report = seed_plans(session, _context(session, world))
    assert report.startswith("Demo plans: 2 created")
    for family in (world.family, world.other_caseload_family):
        goals = session.exec(select(Goal).where(Goal.family_id == family.id)).all()
        assert 2 <= len(goals) <= 4
        assert len({g.life_domain_id for g in goals}) == len(goals)
        assert all(g.level_minus_2 and g.level_0 and g.level_plus_2 for g in goals)
        scores = session.exec(select(GasScore).where(GasScore.family_id == family.id)).all()
        assert scores and all(date(2026, 6, 1) <= s.scored_on <= date(2026, 11, 20) for s in scores)
        actions = session.exec(select(PlanAction).where(PlanAction.family_id == family.id)).all()
        assert actions and all(a.owner_type for a in actions)
        versions = session.exec(select(PlanVersion).where(PlanVersion.family_id == family.id)).all()
        assert versions and versions[0].snapshot["goals"]
    overdue = session.exec(
        select(func.count())
        .select_from(PlanAction)
        .where(PlanAction.status == ActionStatus.open, col(PlanAction.due_on) < localtoday())
    ).one()
    assert overdue > 0


def test_seeding_again_changes_nothing(session: Session, world: World) -> None:
    context = _context(session, world)
    seed_plans(session, context)
    plans = session.exec(select(func.count()).select_from(Plan)).one()
    assert seed_plans(session, context).startswith("Demo plans: 0 created")
    assert session.exec(select(func.count()).select_from(Plan)).one() == plans


def test_the_plan_is_written_through_the_services_on_the_days_it_happened(
    session: Session, world: World
) -> None:
    seed_plans(session, _context(session, world))
    goal = session.exec(select(Goal).where(Goal.family_id == world.family.id)).first()
    assert goal is not None and goal.activated_on is not None
    write_pending(session)  # the audit events wait for the commit
    made = session.exec(
        select(AuditEvent).where(
            AuditEvent.object_id == goal.id, AuditEvent.action == "create", AuditEvent.object_type == "goal"
        )
    ).one()
    assert made.actor_id == world.supporter.id
    assert made.occurred_at.date() == goal.created_at.date() == goal.activated_on - timedelta(days=3)


def test_a_closed_family_has_its_plan_written_only_while_it_was_open(session: Session, world: World) -> None:
    family = make_family(
        session,
        world.organisation,
        world.supporter,
        status=FamilyStatus.closed,
        started_on=date(2026, 6, 1),
        ended_on=date(2026, 8, 15),
    )
    moves = [
        (FamilyStatus.intake, FamilyStatus.active, date(2026, 6, 1)),
        (FamilyStatus.active, FamilyStatus.closed, date(2026, 8, 15)),
    ]
    for before, after, day in moves:
        moment = datetime.combine(day, time(9), tzinfo=UTC)
        session.add(
            FamilyStatusChange(family_id=family.id, from_status=before, to_status=after, changed_at=moment)
        )
    session.flush()
    context = _context(session, world)
    context.families = [family]
    assert seed_plans(session, context).startswith("Demo plans: 1 created")
    scores = session.exec(select(GasScore).where(GasScore.family_id == family.id)).all()
    assert scores and max(s.scored_on for s in scores) < date(2026, 8, 15)
    assert session.exec(select(PlanVersion).where(PlanVersion.family_id == family.id)).first() is not None
    assert family.status == FamilyStatus.closed  # as it is now, after the replay of its open months
