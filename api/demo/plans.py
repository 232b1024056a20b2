"""Demo plans: every demo family gets goals in its own words, GAS ladders, scores from June to November 2026,
actions with owners and due dates (some overdue), and one or two adopted versions.

Written through the plans' services, each step on the day it happened: the goals proposed and their actions
written; at the first table the goals made active, the first actions agreed and version 1 adopted; actions
done and goals scored as the months went by; sometimes a second version, sometimes an action agreed by phone.
"""

import random
import uuid
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from functools import partial

from sqlmodel import Session, col, select

from api.auth.principal import Principal
from api.core.concurrency import etag
from api.demo.context import DemoContext, acting, supporter_of
from api.demo.plan_templates import TEMPLATES, Template
from api.demo.replay import Step, replay
from api.models import (
    ActionStatus,
    Family,
    FamilyMember,
    Goal,
    GoalStatus,
    NetworkContact,
    OwnerType,
    PlanAction,
    Role,
    User,
)
from api.models.base import localtoday
from api.models.plans import life_domain_id
from api.plans import actions, gas, goals, service, versions
from api.plans.schemas import (
    ActionCreate,
    ActionUpdate,
    AdoptionCreate,
    GasLadder,
    GoalCreate,
    GoalUpdate,
    ScoreCreate,
)

FIRST_DAY, LAST_DAY = date(2026, 6, 1), date(2026, 11, 20)
INTAKE_PLAN_DAY = date(2026, 10, 1)  # the plan of a family still in intake starts here
ADOPTED = "Vastgesteld aan tafel met het gezin en het netwerk."
REVISED = "Bijgesteld bij de evaluatie: meer tijd voor het eerste doel."
NOTES = [None, "Besproken aan de keukentafel.", "Gaat de goede kant op.", "Lastige maand."]


@dataclass
class People:
    parent: FamilyMember | None
    client: FamilyMember | None
    informal: NetworkContact | None
    professional: NetworkContact | None
    supporter: User


@dataclass
class ActionDraft:
    data: ActionCreate
    agreed: bool  # agreed at the first table (the others wait for a meeting to confirm them)
    completed_on: date | None


@dataclass
class GoalDraft:
    data: GoalCreate
    actions: list[ActionDraft]
    scores: list[ScoreCreate] = field(default_factory=list)


@dataclass
class PlanDraft:
    """What happens to a family's plan, decided up front (the same for the same family on every install)."""

    start: date
    goals: list[GoalDraft]
    revised_on: date | None  # a second version: more time for the first goal
    by_phone: ActionCreate | None  # arranged with the school by phone, not yet agreed at the table
    stop: date


def _people(session: Session, family: Family, supporter: User) -> People:
    members = session.exec(
        select(FamilyMember)
        .where(FamilyMember.family_id == family.id, col(FamilyMember.archived_at).is_(None))
        .order_by(col(FamilyMember.created_at))
    ).all()
    contacts = session.exec(
        select(NetworkContact)
        .where(NetworkContact.family_id == family.id, col(NetworkContact.archived_at).is_(None))
        .order_by(col(NetworkContact.created_at))
    ).all()
    return People(
        parent=next((m for m in members if not m.is_client), None),
        client=next((m for m in members if m.is_client), None),
        informal=next((c for c in contacts if c.kind == "informal"), None),
        professional=next((c for c in contacts if c.kind == "professional"), None),
        supporter=supporter,
    )


def _owner(kind: str, people: People) -> dict[str, object]:
    if kind == "parent" and people.parent:
        return {"owner_type": OwnerType.member, "owner_id": people.parent.id}
    if kind == "client" and people.client:
        return {"owner_type": OwnerType.member, "owner_id": people.client.id}
    if kind == "informal" and people.informal:
        return {"owner_type": OwnerType.contact, "owner_id": people.informal.id}
    if kind == "professional" and people.professional:
        return {"owner_type": OwnerType.contact, "owner_id": people.professional.id}
    if kind.startswith("person:"):
        return {"owner_type": OwnerType.person, "owner_name": kind.removeprefix("person:")}
    return {"owner_type": OwnerType.supporter, "owner_id": people.supporter.id}


def _at(day: date) -> datetime:
    return datetime.combine(day, time(19, 30), tzinfo=UTC)


def _goal(
    rng: random.Random, template: Template, priority: int, people: People, start: date, today: date
) -> GoalDraft:
    names = {
        "client": people.client.display_name if people.client else "ons kind",
        "parent": people.parent.display_name if people.parent else "mama",
    }
    ladder = [line.format(**names) for line in template.ladder]
    target_on, baseline, weight = (
        date(2027, rng.choice([3, 6, 9]), 1),
        rng.choice([-2, -1, -1]),
        rng.choice([1.0, 1.0, 2.0]),
    )
    concerned = people.parent if "{parent}" in template.text else people.client
    data = GoalCreate(
        text=template.text.format(**names), life_domain_id=life_domain_id(template.domain),
        member_ids=[concerned.id] if concerned else [], priority=min(priority, 5), target_on=target_on,
        ladder=GasLadder(minus_2=ladder[0], minus_1=ladder[1], zero=ladder[2], plus_1=ladder[3],
                         plus_2=ladder[4]),
        baseline_level=baseline, weight=weight,
    )  # fmt: skip
    drafts = []
    for number, (kind, description) in enumerate(template.actions):
        due = start + timedelta(days=rng.randint(20, 170))
        done = due < today and rng.random() < 0.8
        if priority == 1 and number == 0:  # something is always running late
            due, done = today - timedelta(days=rng.randint(3, 30)), False
        action = ActionCreate.model_validate(
            {"description": description.format(**names), "due_on": due} | _owner(kind, people)
        )
        completed_on = due - timedelta(days=rng.randint(0, 5)) if done else None
        drafts.append(ActionDraft(action, agreed=number < 2, completed_on=completed_on))
    return GoalDraft(data, drafts)


def _scores(rng: random.Random, baseline: int | None, start: date, stop: date) -> list[ScoreCreate]:
    """Monthly scores that mostly climb from the baseline, with the odd setback."""
    level, day, scores = baseline or -1, start + timedelta(days=rng.randint(20, 35)), []
    while day <= stop:
        level = max(-2, min(2, level + rng.choice([-1, 0, 1, 1])))
        scores.append(ScoreCreate(scored_on=day, level=level, note=rng.choice(NOTES)))
        day += timedelta(days=rng.randint(26, 38))
    return scores


def _draft(rng: random.Random, family: Family, people: People, today: date) -> PlanDraft:
    start = max(family.started_on or INTAKE_PLAN_DAY, FIRST_DAY)
    start = min(start, date(2026, 10, 15))  # every family has at least a month of progress to show
    templates = rng.sample(TEMPLATES, rng.randint(2, 4))
    drafts = [_goal(rng, t, priority, people, start, today) for priority, t in enumerate(templates, start=1)]
    stop = min(today, LAST_DAY)
    for index, goal in enumerate(drafts):
        # Now and then a goal is left unscored after the summer: that is evaluation debt.
        goal_stop = date(2026, 8, 10) if index == 1 and rng.random() < 0.4 else stop
        goal.scores = _scores(rng, goal.data.baseline_level, start, goal_stop)
    second = start + timedelta(days=rng.randint(60, 90))
    revised = second < stop and rng.random() < 0.6
    by_phone = None
    if rng.random() < 0.5:
        by_phone = ActionCreate(
            description="Extra gesprek afgesproken buiten het overleg om",
            owner_type=OwnerType.supporter,
            owner_id=people.supporter.id,
            due_on=stop + timedelta(days=14),
        )
    return PlanDraft(start, drafts, second if revised else None, by_phone, stop)


def _steps(session: Session, who: Principal, family_id: uuid.UUID, draft: PlanDraft) -> list[Step]:
    """The draft as service calls, each at the moment it happened (ids of earlier steps in `made`)."""
    made: dict[object, uuid.UUID] = {}

    def create_goal(index: int, data: GoalCreate) -> None:
        made[index] = goals.create_goal(session, who, family_id=family_id, data=data).id

    def create_action(key: object, goal: int, data: ActionCreate) -> None:
        made[key] = actions.create_action(session, who, family_id=family_id, goal_id=made[goal], data=data).id

    def update_goal(index: int, data: GoalUpdate) -> None:
        version = session.get(Goal, made[index]).version  # type: ignore[union-attr]
        goals.update_goal(
            session, who, family_id=family_id, goal_id=made[index], data=data, if_match=etag(version)
        )

    def adopt(note: str) -> None:
        versions.adopt_plan(session, who, family_id=family_id, data=AdoptionCreate(note=note), if_match=None)

    def first_table() -> None:
        for index in range(len(draft.goals)):
            update_goal(index, GoalUpdate(status=GoalStatus.active))
        agreed = [
            made[(g, n)] for g, goal in enumerate(draft.goals) for n, a in enumerate(goal.actions) if a.agreed
        ]
        actions.confirm_actions(session, who, family_id=family_id, action_ids=agreed, meeting_id=None)
        adopt(ADOPTED)

    def complete(key: object) -> None:
        version = session.get(PlanAction, made[key]).version  # type: ignore[union-attr]
        done = ActionUpdate(status=ActionStatus.done)
        actions.update_action(
            session, who, family_id=family_id, action_id=made[key], data=done, if_match=etag(version)
        )

    def score(index: int, data: ScoreCreate) -> None:
        gas.record_score(session, who, family_id=family_id, goal_id=made[index], data=data)

    def revise(later: GoalUpdate) -> None:
        update_goal(0, later)
        adopt(REVISED)

    start = draft.start
    steps = [
        Step(_at(start - timedelta(days=7)), partial(service.create_plan, session, who, family_id=family_id))
    ]
    for g, goal in enumerate(draft.goals):
        steps.append(Step(_at(start - timedelta(days=3)), partial(create_goal, g, goal.data)))
        for n, action in enumerate(goal.actions):
            steps.append(Step(_at(start - timedelta(days=2)), partial(create_action, (g, n), g, action.data)))
            if action.completed_on is not None:
                steps.append(Step(_at(action.completed_on), partial(complete, (g, n))))
        steps += [Step(_at(s.scored_on), partial(score, g, s)) for s in goal.scores]
    steps.append(Step(_at(start), first_table))
    if draft.revised_on is not None:
        later = GoalUpdate(target_on=(draft.goals[0].data.target_on or start) + timedelta(days=90))
        steps.append(Step(_at(draft.revised_on), partial(revise, later), rank=1))
    if draft.by_phone is not None:
        last = len(draft.goals) - 1
        steps.append(Step(_at(draft.stop), partial(create_action, "by_phone", last, draft.by_phone), rank=2))
    return steps


def seed_plans(session: Session, context: DemoContext) -> str:
    """A plan for every demo family whose plan has no goals yet."""
    coordinator = next(u for u in context.users.values() if u.role == Role.coordinator)
    # Enrolment makes the (empty) living plan: a family whose plan has goals has been seeded.
    have = set(session.exec(select(Goal.family_id).distinct()).all())
    created = 0
    for family in context.families:
        if family.id in have:
            continue
        who = supporter_of(session, family) or acting(coordinator)
        people = _people(session, family, session.get(User, who.id))  # type: ignore[arg-type]
        rng = random.Random(f"plan-{family.reference}")  # the same plan for the same family on every install
        replay(session, family, _steps(session, who, family.id, _draft(rng, family, people, localtoday())))
        created += 1
    return f"Demo plans: {created} created ({len(context.families)} families)."
