"""The coordinator's overview: upcoming and recent meetings across the organisation, and the flagged ones."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, GoalMember
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family, make_member
from tests.meetings.factories import MEETINGS, make_meeting
from tests.plans.factories import make_goal

NOW = datetime.now(UTC).replace(microsecond=0)


def _flag(session: Session, world: World) -> None:
    """A goal about a member on no meeting list of the family: its planned meetings are flagged."""
    goal = make_goal(session, world.other_caseload_family)
    member = make_member(session, world.other_caseload_family, "Kees")
    session.add(GoalMember(goal_id=goal.id, member_id=member.id))


def test_coordinator_sees_the_organisation_and_filters(
    client: TestClient, session: Session, world: World
) -> None:
    past = make_meeting(session, world.family, starts_at=NOW - timedelta(days=10))
    soon = make_meeting(session, world.family, starts_at=NOW + timedelta(days=5))
    flagged = make_meeting(session, world.other_caseload_family, starts_at=NOW + timedelta(days=2))
    make_meeting(session, world.other_org_family, starts_at=NOW + timedelta(days=3))
    _flag(session, world)
    session.commit()
    headers = auth(world.coordinator)
    everything = client.get(MEETINGS, headers=headers).json()["items"]
    assert [m["id"] for m in everything] == [str(soon.id), str(flagged.id), str(past.id)]
    assert everything[1]["family_display_name"] == world.other_caseload_family.display_name
    assert everything[1]["supporter_name"] == world.other_supporter.full_name
    assert everything[1]["flags"][0]["person"]["name"] == "Kees"

    upcoming = client.get(MEETINGS, params={"from": NOW.isoformat(), "order": "asc"}, headers=headers).json()
    assert [m["id"] for m in upcoming["items"]] == [str(flagged.id), str(soon.id)]
    recent = client.get(MEETINGS, params={"to": NOW.isoformat()}, headers=headers).json()
    assert [m["id"] for m in recent["items"]] == [str(past.id)]
    only_flagged = client.get(MEETINGS, params={"flagged": "true"}, headers=headers).json()
    assert [m["id"] for m in only_flagged["items"]] == [str(flagged.id)]
    unflagged = client.get(MEETINGS, params={"flagged": "false"}, headers=headers).json()
    assert {m["id"] for m in unflagged["items"]} == {str(soon.id), str(past.id)}

    mine = client.get(MEETINGS, params={"scope": "mine"}, headers=auth(world.supporter)).json()["items"]
    assert {m["id"] for m in mine} == {str(soon.id), str(past.id)}
    supporter = client.get(MEETINGS, headers=auth(world.supporter)).json()["items"]
    assert {m["id"] for m in supporter} == {str(soon.id), str(past.id)}  # a caseload, even for `organisation`
    listed = session.exec(
        select(AuditEvent).where(AuditEvent.action == "list", AuditEvent.object_type == "meeting")
    )
    assert {e.family_id for e in listed} == {world.family.id, world.other_caseload_family.id}


def test_flagged_pages_fill_up_by_reading_on(client: TestClient, session: Session, world: World) -> None:
    _flag(session, world)
    for day in range(6):
        make_meeting(session, world.family, starts_at=NOW + timedelta(days=day, hours=1))  # not flagged
        make_meeting(session, world.other_caseload_family, starts_at=NOW + timedelta(days=day))  # flagged
    session.commit()
    headers = auth(world.coordinator)
    seen: list[str] = []
    cursor = None
    while True:
        params: dict[str, object] = {"flagged": "true", "limit": 4} | ({"cursor": cursor} if cursor else {})
        page = client.get(MEETINGS, params=params, headers=headers).json()
        assert all(m["flag_count"] > 0 for m in page["items"])
        seen += [m["id"] for m in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert len(seen) == len(set(seen)) == 6


def test_a_flagged_page_costs_the_same_however_many_meetings_are_not_flagged(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    """The flag-count rollup picks the flagged meetings in SQL: no reading on through unflagged ones."""
    _flag(session, world)
    flagged = make_meeting(session, world.other_caseload_family, starts_at=NOW)
    for day in range(1, 56):  # newer than the flagged one and not flagged
        make_meeting(session, world.family, starts_at=NOW + timedelta(days=day))
    session.commit()
    headers, params = auth(world.coordinator), {"flagged": "true", "limit": 4}
    client.get(MEETINGS, params=params, headers=headers)  # warm up
    before = count_queries.count
    first = client.get(MEETINGS, params=params, headers=headers).json()
    cost = count_queries.count - before
    assert [m["id"] for m in first["items"]] == [str(flagged.id)] and first["next_cursor"] is None
    for day in range(56, 200):  # many more unflagged meetings, and more flagged ones than a page holds
        make_meeting(session, world.family, starts_at=NOW + timedelta(days=day))
    more = [
        make_meeting(session, world.other_caseload_family, starts_at=NOW - timedelta(days=d))
        for d in (1, 2, 3, 4)
    ]
    session.commit()
    before = count_queries.count
    again = client.get(MEETINGS, params=params, headers=headers).json()
    assert count_queries.count - before == cost
    assert [m["id"] for m in again["items"]] == [str(m.id) for m in [flagged, *more[:3]]]
    assert again["next_cursor"] is not None


def test_overview_costs_the_same_for_many_families(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    make_meeting(session, world.family, starts_at=NOW)
    make_goal(session, world.family)
    session.commit()
    headers = auth(world.coordinator)
    client.get(MEETINGS, headers=headers)
    before = count_queries.count
    client.get(MEETINGS, headers=headers)
    few = count_queries.count - before
    for n in range(8):
        family = make_family(session, world.organisation, world.supporter, display_name=f"Gezin {n}")
        make_member(session, family)
        make_goal(session, family)
        make_meeting(session, family, starts_at=NOW + timedelta(hours=n))
    session.commit()
    before = count_queries.count
    assert len(client.get(MEETINGS, headers=headers).json()["items"]) == 9
    assert count_queries.count - before == few


def test_overview_needs_a_login(client: TestClient) -> None:
    assert client.get(MEETINGS).status_code == 401
