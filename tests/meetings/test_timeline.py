"""The family timeline: enrolment, status changes, meetings, decisions and plan adoptions, newest first."""

from datetime import UTC, datetime, timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from tests.conftest import QueryCounter
from tests.factories import World, auth
from tests.meetings.factories import MEETINGS, make_meeting
from tests.plans.factories import make_goal


def _timeline(world: World) -> str:
    return f"/api/v1/families/{world.family.id}/timeline"


def _history(client: TestClient, session: Session, world: World) -> None:
    headers = auth(world.supporter)
    make_goal(session, world.family)
    held = make_meeting(session, world.family, starts_at=datetime.now(UTC) - timedelta(days=3))
    upcoming = make_meeting(session, world.family, starts_at=datetime.now(UTC) + timedelta(days=30))
    session.commit()
    family = f"/api/v1/families/{world.family.id}"
    assert (
        client.patch(family, json={"status": "active"}, headers=headers | {"If-Match": "*"}).status_code
        == 200
    )
    client.post(f"{MEETINGS}/{held.id}/decisions", json={"kind": "adopt_plan"}, headers=headers)
    assert client.post(f"{MEETINGS}/{held.id}/close", json={}, headers=headers).status_code == 200
    assert client.post(f"{MEETINGS}/{upcoming.id}/cancel", json={}, headers=headers).status_code == 200


def test_timeline_merges_every_source(client: TestClient, session: Session, world: World) -> None:
    _history(client, session, world)
    response = client.get(_timeline(world), headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    items = response.json()["items"]
    kinds = [i["kind"] for i in items]
    assert kinds[0] == "meeting_cancelled"  # the future meeting, called off, sits on top
    assert set(kinds) == {
        "meeting_cancelled",
        "meeting_held",
        "decision",
        "plan_adopted",
        "status_changed",
        "family_enrolled",
    }
    moments = [i["at"] for i in items]
    assert moments == sorted(moments, reverse=True)
    status = next(i for i in items if i["kind"] == "status_changed")
    assert (status["from_status"], status["to_status"], status["title"]) == (
        "intake",
        "active",
        "Status: aanmelding → actief",
    )
    adopted = next(i for i in items if i["kind"] == "plan_adopted")
    assert (adopted["plan_version_number"], adopted["title"]) == (1, "Gezinsplan vastgesteld (versie 1)")
    decision = next(i for i in items if i["kind"] == "decision")
    assert decision["title"] == "We bellen de school."  # the factory's note; the adoption is not listed twice


def test_timeline_pages_neither_repeat_nor_skip(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    _history(client, session, world)
    headers = auth(world.supporter)
    everything = [i["id"] for i in client.get(_timeline(world), headers=headers).json()["items"]]
    seen: list[str] = []
    cursor = None
    url = _timeline(world)
    while True:
        before = count_queries.count
        page = client.get(
            url, params={"limit": 2} | ({"cursor": cursor} if cursor else {}), headers=headers
        ).json()
        assert count_queries.count - before <= 9  # user, family, four sources, audit (and savepoints' reads)
        seen += [i["id"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
    assert seen == everything


def test_timeline_is_scoped(client: TestClient, world: World) -> None:
    url = f"/api/v1/families/{world.other_caseload_family.id}/timeline"
    assert client.get(url, headers=auth(world.supporter)).status_code == 404
    assert client.get(url).status_code == 401
