"""Closing a family's support (GET/POST /families/{id}/closure) and reopening it (POST /reopen)."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.core.config import get_settings
from api.measurements.waves import add_months
from api.models import ActionStatus, FamilyStatus, GoalStatus, PlanAction
from api.models.base import localtoday
from api.models.workday import ClosureItem
from tests.factories import World, auth
from tests.plans.factories import make_action, make_goal


def _url(world: World, part: str = "closure") -> str:
    return f"/api/v1/families/{world.family.id}/{part}"


def test_close_resolves_open_work_and_schedules_follow_up(
    client: TestClient, session: Session, world: World
) -> None:
    achieved = make_goal(session, world.family)
    handed = make_goal(session, world.family, text="Schulden op orde.")
    action = make_action(session, handed)
    session.commit()
    state = client.get(_url(world), headers=auth(world.supporter)).json()
    assert {g["id"] for g in state["open_goals"]} == {str(achieved.id), str(handed.id)}
    body = {
        "reason": "goals_achieved",
        "handover_note": "Wijkteam neemt de schuldhulp over.",
        "successor_name": "Karin de Vries",
        "successor_organisation": "Wijkteam Noord",
        "goals": [
            {"goal_id": str(achieved.id), "resolution": "achieved"},
            {"goal_id": str(handed.id), "resolution": "handed_over", "handed_over_to": "Wijkteam Noord"},
        ],
        "actions": [{"action_id": str(action.id), "resolution": "handed_over", "handed_over_to": "Wijkteam"}],
    }
    response = client.post(_url(world), json=body, headers=auth(world.supporter))
    assert response.status_code == 201, response.text
    closure = response.json()
    assert (
        closure["follow_up_due_on"]
        == add_months(localtoday(), get_settings().wave_follow_up_months).isoformat()
    )
    session.expire_all()
    assert achieved.status == GoalStatus.achieved
    assert handed.status == GoalStatus.discontinued
    assert session.get(PlanAction, action.id).status == ActionStatus.cancelled  # type: ignore[union-attr]
    items = session.exec(select(ClosureItem).where(ClosureItem.goal_id == handed.id)).one()
    assert items.handed_over_to == "Wijkteam Noord"
    family = client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.supporter)).json()
    assert (family["status"], family["ended_on"]) == ("closed", localtoday().isoformat())
    # a closed family takes no new goals
    new_goal = client.post(
        f"/api/v1/families/{world.family.id}/plan/goals",
        json={"text": "Nog iets", "life_domain_id": str(achieved.life_domain_id)},
        headers=auth(world.supporter),
    )
    assert (new_goal.status_code, new_goal.json()["code"]) == (409, "family_closed")


def test_close_refuses_unresolved_work_and_bad_dates(
    client: TestClient, session: Session, world: World
) -> None:
    goal = make_goal(session, world.family)
    session.commit()
    missing = client.post(_url(world), json={"reason": "moved_away"}, headers=auth(world.supporter))
    assert (missing.status_code, missing.json()["code"]) == (422, "closure_unresolved")
    assert missing.json()["errors"][0]["pointer"] == f"/goals/{goal.id}"
    unnamed = client.post(
        _url(world),
        json={"reason": "moved_away", "goals": [{"goal_id": str(goal.id), "resolution": "handed_over"}]},
        headers=auth(world.supporter),
    )
    assert unnamed.json()["errors"][0]["field"] == "goals.0.handed_over_to"
    future = client.post(
        _url(world),
        json={
            "reason": "other",
            "reason_text": "x",
            "ended_on": (localtoday() + timedelta(days=2)).isoformat(),
        },
        headers=auth(world.supporter),
    )
    assert (future.status_code, future.json()["code"]) == (422, "family_date_invalid")
    other = client.post(_url(world), json={"reason": "other"}, headers=auth(world.supporter))
    assert other.json()["errors"][0]["field"] == "reason_text"


def test_status_patch_to_closed_with_open_work_is_refused(
    client: TestClient, session: Session, world: World
) -> None:
    make_goal(session, world.family)
    world.family.status = FamilyStatus.phasing_out
    session.add(world.family)
    session.commit()
    response = client.patch(
        f"/api/v1/families/{world.family.id}",
        json={"status": "closed"},
        headers=auth(world.supporter) | {"If-Match": "*"},
    )
    assert (response.status_code, response.json()["code"]) == (409, "family_has_open_work")


def test_reopen_is_recorded(client: TestClient, session: Session, world: World) -> None:
    assert (
        client.post(_url(world), json={"reason": "no_contact"}, headers=auth(world.supporter)).status_code
        == 201
    )
    again = client.post(_url(world), json={"reason": "no_contact"}, headers=auth(world.supporter))
    assert (again.status_code, again.json()["code"]) == (409, "family_closed")
    response = client.post(
        _url(world, "reopen"), json={"reason": "Moeder belde opnieuw."}, headers=auth(world.supporter)
    )
    assert response.status_code == 200
    assert response.json()["reopen_reason"] == "Moeder belde opnieuw."
    timeline = client.get(
        f"/api/v1/families/{world.family.id}/timeline", headers=auth(world.supporter)
    ).json()
    assert [e["to_status"] for e in timeline["items"][:2]] == ["active", "closed"]
    not_closed = client.post(_url(world, "reopen"), json={"reason": "x"}, headers=auth(world.supporter))
    assert (not_closed.status_code, not_closed.json()["code"]) == (409, "family_not_closed")


def test_closure_outside_scope_and_unauthenticated(client: TestClient, world: World) -> None:
    url = f"/api/v1/families/{world.other_caseload_family.id}/closure"
    assert client.get(url, headers=auth(world.supporter)).status_code == 404
    assert client.post(url, json={"reason": "moved_away"}, headers=auth(world.supporter)).status_code == 404
    assert client.get(url).status_code == 401
