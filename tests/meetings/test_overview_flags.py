"""The overview shows a planned meeting's flags from the flag rollup (api/meetings/flag_rollup.py, migration
0027): the same flags as computed live from the plan, without reading the plan, and current after a rename."""

import re
import uuid
from datetime import UTC, datetime, timedelta
from typing import Any

from fastapi.testclient import TestClient
from sqlalchemy import null, update
from sqlmodel import Session, select

from api.demo.seed import seed
from api.measurements import rollup
from api.meetings import flag_rollup
from api.models import FamilyMember, GoalMember, OwnerType, User
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_member
from tests.meetings.factories import MEETINGS, make_meeting
from tests.plans.factories import make_action, make_goal

NOW = datetime.now(UTC).replace(microsecond=0)
PAGES = [
    {"limit": 100},
    {"flagged": "true", "limit": 100},
    {"status": "planned", "from": (NOW - timedelta(days=400)).isoformat(), "order": "asc", "limit": 100},
]
PLAN = re.compile(r"FROM (goal|goal_member|plan_action|network_contact)\b")


def _pages(client: TestClient, headers: dict[str, str]) -> list[list[dict[str, Any]]]:
    return [client.get(MEETINGS, params=params, headers=headers).json()["items"] for params in PAGES]


def _live(client: TestClient, session: Session, headers: dict[str, str]) -> list[list[dict[str, Any]]]:
    """The pages with the stored flags taken away, as in rows made before migration 0027: computed from the
    plan; and such rows make `bondgenoot migrate` rebuild the rollups."""
    session.execute(update(flag_rollup.TABLE).values(flags=null()))
    session.commit()
    assert rollup.is_empty(session)
    return _pages(client, headers)


def test_stored_flags_are_the_live_ones_on_the_demo_without_reading_the_plan(
    client: TestClient, session: Session, count_queries: QueryCounter
) -> None:
    seed(session, password="demo-password-123")
    session.commit()
    coordinator = session.exec(select(User).where(User.email == "coordinator@demo.bondgenoot.nl")).one()
    headers = auth(coordinator)
    before = count_queries.count
    stored = _pages(client, headers)
    sent = count_queries.statements[before:]
    assert not [s for s in sent if PLAN.search(s)], sent
    flagged_planned = [m for m in stored[1] if m["status"] == "planned"]
    assert flagged_planned and all(m["flags"] for m in flagged_planned)  # the demo has them
    assert any(m["flags"] and m["status"] == "held" for m in stored[0])  # frozen at close, from the meeting
    before = count_queries.count
    live = _live(client, session, headers)
    assert [s for s in count_queries.statements[before:] if PLAN.search(s)]  # the live path reads the plan
    assert stored == live
    rollup.rebuild(session)
    assert not rollup.is_empty(session)


def _flag_kees(session: Session, world: World) -> None:
    """A goal about Kees, who is on no meeting list of the family."""
    goal = make_goal(session, world.family)
    session.add(GoalMember(goal_id=goal.id, member_id=make_member(session, world.family, "Kees").id))


def test_a_renamed_member_is_shown_by_the_new_name(
    client: TestClient, session: Session, world: World
) -> None:
    _flag_kees(session, world)
    make_meeting(session, world.family, starts_at=NOW + timedelta(days=3))
    session.commit()
    headers = auth(world.coordinator)
    (flag,) = client.get(MEETINGS, params={"flagged": "true"}, headers=headers).json()["items"][0]["flags"]
    assert flag["person"]["name"] == "Kees" and "Kees" in flag["because"][0]
    member = session.get(FamilyMember, uuid.UUID(flag["person"]["id"]))
    assert member is not None
    member.display_name = "Kees Jansen"  # refreshes the family's rows (flag_rollup.READS)
    session.commit()
    (flag,) = client.get(MEETINGS, params={"flagged": "true"}, headers=headers).json()["items"][0]["flags"]
    assert flag["person"]["name"] == "Kees Jansen" and "Kees Jansen" in flag["because"][0]
    assert flag["message"].startswith("Kees Jansen is niet uitgenodigd")
    assert _pages(client, headers) == _live(client, session, headers)


def test_a_renamed_colleague_is_shown_by_the_new_name(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    """A colleague owning an open action is crucial; a user is no family's, so their name is read with the
    flags (one query) rather than stored."""
    action = make_action(session, make_goal(session, world.family), description="Belt de school.")
    action.owner_type, action.owner_user_id, action.owner_name = (
        OwnerType.supporter,
        world.coordinator.id,
        None,
    )
    make_meeting(session, world.family, starts_at=NOW + timedelta(days=3))  # chaired by the supporter
    session.commit()
    headers = auth(world.coordinator)
    (flag,) = client.get(MEETINGS, params={"flagged": "true"}, headers=headers).json()["items"][0]["flags"]
    assert flag["person"] == {
        "kind": "staff",
        "id": str(world.coordinator.id),
        "name": world.coordinator.full_name,
        "participant_id": None,
    }
    world.coordinator.full_name = "Anna de Vries"
    session.commit()
    before = count_queries.count
    (flag,) = client.get(MEETINGS, params={"flagged": "true"}, headers=headers).json()["items"][0]["flags"]
    assert flag["person"]["name"] == "Anna de Vries" and flag["message"].startswith("Anna de Vries ")
    names = re.compile(r"SELECT app_user.id, app_user.full_name\s+FROM app_user\s+WHERE")
    assert len([s for s in count_queries.statements[before:] if names.search(s)]) == 1
    assert _pages(client, headers) == _live(client, session, headers)
