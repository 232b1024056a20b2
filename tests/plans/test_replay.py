"""The plan's services read the replayable clock (what the demo seeds history with): a goal made active, an
action done and the "not in the future" check of a score all go by the replayed day."""

import uuid
from datetime import UTC, date, datetime

import pytest
from sqlmodel import Session

from api.auth.principal import Principal
from api.core.concurrency import etag
from api.core.errors import Unprocessable
from api.models import ActionStatus, GoalStatus
from api.models.base import localtoday, replaying_at
from api.models.plans import life_domain_id
from api.plans import actions, gas, goals
from api.plans.schemas import ActionUpdate, GasLadder, GoalCreate, ScoreCreate, ScorePublic
from tests.factories import World
from tests.plans.factories import LADDER, make_action, make_goal, principal_of

THEN = datetime(2026, 6, 3, 19, 30, tzinfo=UTC)


def test_a_replayed_day_dates_activation_completion_and_the_future_check(
    session: Session, world: World
) -> None:
    who = principal_of(world.supporter)
    with replaying_at(THEN):
        data = GoalCreate(
            text="Daan slaapt de hele nacht door.",
            life_domain_id=life_domain_id("health"),
            status=GoalStatus.active,
            ladder=GasLadder(**LADDER),
        )
        made = goals.create_goal(session, who, family_id=world.family.id, data=data)
        assert made.activated_on == THEN.date()
        action = make_action(session, make_goal(session, world.family))
        done = ActionUpdate(status=ActionStatus.done)
        updated = actions.update_action(
            session,
            who,
            family_id=world.family.id,
            action_id=action.id,
            data=done,
            if_match=etag(action.version),
        )
        assert updated.completed_on == THEN.date()
        with pytest.raises(Unprocessable):  # a day after the replayed one lies in the future then
            _score(session, who, world, made.id, date(2026, 6, 4))


def test_after_midnight_in_the_netherlands_today_is_the_dutch_day_not_utc(
    session: Session, world: World
) -> None:
    who = principal_of(world.supporter)
    goal = make_goal(session, world.family)
    with replaying_at(datetime(2026, 12, 7, 23, 30, tzinfo=UTC)):  # 00:30 on 8 December in Amsterdam
        assert localtoday() == date(2026, 12, 8)  # UTC still says 7 December
        made = _score(session, who, world, goal.id, date(2026, 12, 8))
        assert made.scored_on == date(2026, 12, 8)
        with pytest.raises(Unprocessable):
            _score(session, who, world, goal.id, date(2026, 12, 9))
    with replaying_at(datetime(2026, 7, 1, 22, 30, tzinfo=UTC)):  # summer time: 00:30 on 2 July
        assert localtoday() == date(2026, 7, 2)


def _score(session: Session, who: Principal, world: World, goal_id: uuid.UUID, day: date) -> ScorePublic:
    data = ScoreCreate(scored_on=day, level=0)
    return gas.record_score(session, who, family_id=world.family.id, goal_id=goal_id, data=data)
