"""Goals: the family's own words, a life domain, members, a GAS ladder, status moves, If-Match, removal."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, GoalStatus, PlanAction
from api.models.base import localtoday, utcnow
from api.models.plans import life_domain_id
from tests.factories import World, auth, make_member
from tests.plans.factories import LADDER, make_action, make_goal, make_score

HEALTH = str(life_domain_id("health"))


def _url(world: World, tail: str = "") -> str:
    return f"/api/v1/families/{world.family.id}/plan/goals{tail}"


def test_write_a_goal_with_its_ladder(client: TestClient, session: Session, world: World) -> None:
    member = make_member(session, world.family, "Daan")
    session.commit()
    body = {
        "text": "  We willen dat Daan weer naar school gaat.  ",
        "life_domain_id": str(life_domain_id("education")),
        "member_ids": [str(member.id)],
        "priority": 1,
        "target_on": "2027-06-30",
        "status": "active",
        "ladder": LADDER,
        "baseline_level": -1,
        "weight": 2,
    }
    response = client.post(_url(world), json=body, headers=auth(world.supporter))
    assert response.status_code == 201, response.text
    goal = response.json()
    assert goal["text"] == "We willen dat Daan weer naar school gaat."
    assert goal["member_ids"] == [str(member.id)]
    assert goal["ladder"] == LADDER and goal["weight"] == 2.0 and goal["baseline_level"] == -1
    assert goal["activated_on"] == localtoday().isoformat() and goal["gas_level"] is None
    assert response.headers["etag"] == '"1"'
    read = client.get(_url(world, f"/{goal['id']}"), headers=auth(world.supporter))
    assert read.json()["life_domain"]["label_en"] == "Education"
    assert session.exec(select(AuditEvent).where(AuditEvent.object_type == "goal")).first() is not None


def test_only_text_and_domain_are_needed(client: TestClient, world: World) -> None:
    response = client.post(
        _url(world),
        json={"text": "Meer rust in huis", "life_domain_id": HEALTH},
        headers=auth(world.supporter),
    )
    assert response.status_code == 201
    goal = response.json()
    assert (goal["status"], goal["weight"], goal["priority"], goal["ladder"]) == ("proposed", 1.0, 3, None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"text": "", "life_domain_id": HEALTH}, "text"),
        ({"text": "x" * 1001, "life_domain_id": HEALTH}, "text"),
        ({"text": "Doel"}, "life_domain_id"),
        ({"text": "Doel", "life_domain_id": str(life_domain_id("nope"))}, "life_domain_id"),
        ({"text": "Doel", "life_domain_id": HEALTH, "weight": 0}, "weight"),
        ({"text": "Doel", "life_domain_id": HEALTH, "baseline_level": 3}, "baseline_level"),
        ({"text": "Doel", "life_domain_id": HEALTH, "status": "active"}, "ladder"),
        ({"text": "Doel", "life_domain_id": HEALTH, "status": "achieved"}, "status"),
        ({"text": "Doel", "life_domain_id": HEALTH, "ladder": {"zero": "alleen nul"}}, "ladder.minus_2"),
        ({"text": "Doel", "life_domain_id": HEALTH, "owner": "mama"}, "owner"),
    ],
)
def test_goals_are_validated(client: TestClient, world: World, body: dict[str, object], field: str) -> None:
    response = client.post(_url(world), json=body, headers=auth(world.supporter))
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert field in {e["field"] for e in response.json()["errors"]}


def test_members_must_belong_to_the_family(client: TestClient, session: Session, world: World) -> None:
    stranger = make_member(session, world.other_caseload_family, "Vreemde")
    session.commit()
    body = {"text": "Doel", "life_domain_id": HEALTH, "member_ids": [str(stranger.id)]}
    response = client.post(_url(world), json=body, headers=auth(world.supporter))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "member_ids"


def test_patch_needs_if_match_and_refuses_stale(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    session.commit()
    url, headers = _url(world, f"/{goal.id}"), auth(world.supporter)
    assert client.patch(url, json={"priority": 1}, headers=headers).status_code == 428
    first = client.patch(url, json={"priority": 1}, headers=headers | {"If-Match": '"1"'})
    assert first.status_code == 200 and first.headers["etag"] == '"2"'
    stale = client.patch(url, json={"priority": 5}, headers=headers | {"If-Match": '"1"'})
    assert stale.status_code == 412
    assert client.get(url, headers=headers).json()["priority"] == 1


def test_members_and_domain_can_change(client: TestClient, session: Session, world: World) -> None:
    first, second = make_member(session, world.family, "Daan"), make_member(session, world.family, "Noor")
    goal = make_goal(session, world.family)
    session.commit()
    url, headers = _url(world, f"/{goal.id}"), auth(world.supporter)
    body = {"member_ids": [str(first.id)], "life_domain_id": HEALTH}
    one = client.patch(url, json=body, headers=headers | {"If-Match": '"1"'})
    assert one.json()["member_ids"] == [str(first.id)] and one.json()["life_domain"]["code"] == "health"
    both = client.patch(
        url, json={"member_ids": [str(first.id), str(second.id)]}, headers=headers | {"If-Match": '"2"'}
    )
    assert sorted(both.json()["member_ids"]) == sorted([str(first.id), str(second.id)])
    cleared = client.patch(
        url, json={"member_ids": [], "target_on": None}, headers=headers | {"If-Match": '"3"'}
    )
    assert cleared.json()["member_ids"] == [] and cleared.json()["target_on"] is None


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        (GoalStatus.proposed, "active", True),
        (GoalStatus.active, "achieved", True),
        (GoalStatus.active, "discontinued", True),
        (GoalStatus.achieved, "active", True),
        (GoalStatus.discontinued, "active", True),
        (GoalStatus.proposed, "achieved", False),
        (GoalStatus.achieved, "proposed", False),
        (GoalStatus.discontinued, "achieved", False),
    ],
)
def test_status_moves_along_its_path(
    client: TestClient, session: Session, world: World, start: GoalStatus, target: str, allowed: bool
) -> None:
    goal = make_goal(session, world.family, status=start)
    session.commit()
    response = client.patch(
        _url(world, f"/{goal.id}"),
        json={"status": target},
        headers=auth(world.supporter) | {"If-Match": '"1"'},
    )
    assert response.status_code == (200 if allowed else 409), response.text


def test_activating_needs_a_ladder(client: TestClient, world: World) -> None:
    headers = auth(world.supporter)
    goal = client.post(_url(world), json={"text": "Doel", "life_domain_id": HEALTH}, headers=headers).json()
    url = _url(world, f"/{goal['id']}")
    refused = client.patch(url, json={"status": "active"}, headers=headers | {"If-Match": '"1"'})
    assert refused.status_code == 422 and refused.json()["errors"][0]["field"] == "ladder"
    assert refused.json()["code"] == "goal_ladder_incomplete"
    partial = {"status": "active", "ladder": {"zero": "Daan gaat elke ochtend."}}
    half = client.patch(url, json=partial, headers=headers | {"If-Match": '"1"'})
    assert half.status_code == 422 and "ladder.minus_2" in {e["field"] for e in half.json()["errors"]}
    ok = client.patch(url, json={"status": "active", "ladder": LADDER}, headers=headers | {"If-Match": '"1"'})
    assert ok.status_code == 200 and ok.json()["activated_on"] == localtoday().isoformat()
    no_ladder = client.patch(url, json={"ladder": None}, headers=headers | {"If-Match": '"2"'})
    assert no_ladder.status_code == 422 and no_ladder.json()["code"] == "goal_ladder_incomplete"
    body = {"text": "Doel", "life_domain_id": HEALTH, "status": "active"}
    created = client.post(_url(world), json=body, headers=headers)
    assert created.status_code == 422 and created.json()["code"] == "goal_ladder_incomplete"


def test_required_fields_cannot_be_emptied(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    session.commit()
    response = client.patch(
        _url(world, f"/{goal.id}"), json={"text": None}, headers=auth(world.supporter) | {"If-Match": "*"}
    )
    assert response.status_code == 422


def test_delete_an_unscored_goal_with_its_actions(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    make_action(session, goal)
    session.commit()
    assert client.delete(_url(world, f"/{goal.id}"), headers=auth(world.supporter)).status_code == 204
    assert client.get(_url(world, f"/{goal.id}"), headers=auth(world.supporter)).status_code == 404
    assert session.exec(select(PlanAction).where(PlanAction.goal_id == goal.id)).first() is None


def test_a_scored_goal_is_discontinued_not_deleted(
    client: TestClient, session: Session, world: World
) -> None:
    goal = make_goal(session, world.family)
    make_score(session, goal, 0, date(2026, 9, 1))
    session.commit()
    response = client.delete(_url(world, f"/{goal.id}"), headers=auth(world.supporter))
    assert response.status_code == 409


def test_archived_families_refuse_changes(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    world.family.archived_at = utcnow()
    session.add(world.family)
    session.commit()
    headers = auth(world.coordinator)
    assert (
        client.post(_url(world), json={"text": "Doel", "life_domain_id": HEALTH}, headers=headers).status_code
        == 409
    )
    assert (
        client.patch(
            _url(world, f"/{goal.id}"), json={"priority": 1}, headers=headers | {"If-Match": "*"}
        ).status_code
        == 409
    )
    assert client.get(_url(world, f"/{goal.id}"), headers=headers).status_code == 200  # reading still works


def test_idempotency_key_makes_one_goal(client: TestClient, world: World) -> None:
    headers = auth(world.supporter) | {"Idempotency-Key": "goal-create-0001"}
    body = {"text": "Doel", "life_domain_id": HEALTH}
    first, again = (
        client.post(_url(world), json=body, headers=headers),
        client.post(_url(world), json=body, headers=headers),
    )
    assert first.json()["id"] == again.json()["id"] and again.headers["idempotent-replayed"] == "true"


def test_goal_of_another_family_is_404(client: TestClient, session: Session, world: World) -> None:
    other = make_goal(session, world.other_caseload_family)
    session.commit()
    assert client.get(_url(world, f"/{other.id}"), headers=auth(world.coordinator)).status_code == 404
    assert client.get(_url(world, f"/{other.id}")).status_code == 401
