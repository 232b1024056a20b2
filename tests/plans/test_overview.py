"""Life domains (shipped, extended by an admin) and evaluation debt for supporters and coordinators."""

from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.core.config import get_settings
from api.models import ActionStatus, FamilyStatus, GoalStatus
from api.models.base import localtoday
from api.models.plans import LIFE_DOMAINS, life_domain_id
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family
from tests.plans.factories import make_action, make_goal, make_score

TODAY = localtoday()
LONG_AGO = TODAY - timedelta(days=120)


def test_the_briefs_life_domains_are_shipped(client: TestClient, world: World) -> None:
    response = client.get("/api/v1/life-domains", headers=auth(world.supporter))
    assert response.status_code == 200
    items = response.json()["items"]
    assert [d["code"] for d in items] == [code for code, _, _ in LIFE_DOMAINS]
    assert items[0] == {
        "id": str(life_domain_id("health")),
        "code": "health",
        "label_nl": "Gezondheid",
        "label_en": "Health",
        "position": 10,
    }


def test_a_platform_operator_adds_a_life_domain(client: TestClient, session: Session, world: World) -> None:
    body = {"code": "zingeving", "label_nl": "Zingeving", "label_en": "Meaning", "position": 200}
    # Life domains are shared by every organisation: an organisation's administrator may not add one.
    assert client.post("/api/v1/life-domains", json=body, headers=auth(world.admin)).status_code == 403
    world.admin.platform_operator = True
    session.commit()
    created = client.post("/api/v1/life-domains", json=body, headers=auth(world.admin))
    assert created.status_code == 201
    assert client.post("/api/v1/life-domains", json=body, headers=auth(world.admin)).status_code == 409
    assert client.post("/api/v1/life-domains", json=body, headers=auth(world.coordinator)).status_code == 403
    codes = [
        d["code"] for d in client.get("/api/v1/life-domains", headers=auth(world.supporter)).json()["items"]
    ]
    assert codes[-1] == "zingeving"


@pytest.mark.parametrize("code", ["Zingeving", "z", "met spatie", "1abc"])
def test_life_domain_codes_are_validated(
    client: TestClient, session: Session, world: World, code: str
) -> None:
    world.admin.platform_operator = True
    session.commit()
    body = {"code": code, "label_nl": "X", "label_en": "X"}
    assert client.post("/api/v1/life-domains", json=body, headers=auth(world.admin)).status_code == 422


def _debt_world(session: Session, world: World) -> dict[str, object]:
    """Goals and actions in and out of debt, in the supporter's and the other supporter's families."""
    stale = make_goal(session, world.family, text="Lang niet gescoord", activated_on=LONG_AGO)
    make_score(session, stale, 0, LONG_AGO + timedelta(days=5))  # 115 days ago
    recent = make_goal(session, world.family, text="Net gescoord", activated_on=LONG_AGO)
    make_score(session, recent, 0, TODAY - timedelta(days=3))
    never = make_goal(session, world.family, text="Nooit gescoord", activated_on=TODAY - timedelta(days=100))
    make_goal(session, world.family, text="Pas begonnen", activated_on=TODAY - timedelta(days=10))
    make_goal(session, world.family, text="Voorstel", status=GoalStatus.proposed)
    make_goal(session, world.family, text="Behaald", status=GoalStatus.achieved, activated_on=LONG_AGO)
    late = make_action(session, recent, description="Te laat", due_on=TODAY - timedelta(days=7))
    make_action(session, recent, description="Op tijd", due_on=TODAY + timedelta(days=7))
    make_action(
        session, recent, description="Klaar", due_on=TODAY - timedelta(days=7), status=ActionStatus.done
    )
    other = make_goal(session, world.other_caseload_family, text="Andere caseload", activated_on=LONG_AGO)
    make_action(session, other, description="Ook te laat", due_on=TODAY - timedelta(days=1))
    closed = make_family(session, world.organisation, world.supporter, status=FamilyStatus.closed)
    make_goal(session, closed, text="Gesloten gezin", activated_on=LONG_AGO)
    make_goal(session, world.other_org_family, text="Andere organisatie", activated_on=LONG_AGO)
    session.commit()
    return {"stale": stale, "never": never, "late": late}


def test_supporter_sees_the_debt_of_their_caseload(
    client: TestClient, session: Session, world: World
) -> None:
    made = _debt_world(session, world)
    response = client.get("/api/v1/evaluation-debt", headers=auth(world.supporter))
    assert response.status_code == 200
    body = response.json()
    assert body["threshold_days"] == get_settings().evaluation_debt_days == 90
    items = [(i["kind"], i["text"], i["days"]) for i in body["items"]]
    assert items == [
        ("goal_without_score", "Lang niet gescoord", 115),
        ("goal_without_score", "Nooit gescoord", 100),
        ("overdue_action", "Te laat", 7),
    ]
    first = body["items"][0]
    assert first["family_reference"] == world.family.reference and first["goal_id"] == str(made["stale"].id)  # type: ignore[attr-defined]
    assert body["items"][2]["action_id"] == str(made["late"].id)  # type: ignore[attr-defined]


def test_coordinator_sees_the_organisation_and_can_filter(
    client: TestClient, session: Session, world: World
) -> None:
    _debt_world(session, world)
    headers = auth(world.coordinator)
    texts = {i["text"] for i in client.get("/api/v1/evaluation-debt", headers=headers).json()["items"]}
    assert texts == {"Lang niet gescoord", "Nooit gescoord", "Te laat", "Andere caseload", "Ook te laat"}
    mine = client.get(
        "/api/v1/evaluation-debt", params={"supporter_id": str(world.other_supporter.id)}, headers=headers
    )
    assert {i["text"] for i in mine.json()["items"]} == {"Andere caseload", "Ook te laat"}


def test_the_threshold_is_configurable(
    client: TestClient, session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    _debt_world(session, world)
    monkeypatch.setenv("BONDGENOOT_EVALUATION_DEBT_DAYS", "110")
    get_settings.cache_clear()
    try:
        items = client.get("/api/v1/evaluation-debt", headers=auth(world.supporter)).json()["items"]
    finally:
        monkeypatch.undo()
        get_settings.cache_clear()
    assert [i["text"] for i in items] == ["Lang niet gescoord", "Te laat"]


def test_summary_counts_per_supporter(client: TestClient, session: Session, world: World) -> None:
    _debt_world(session, world)
    response = client.get("/api/v1/evaluation-debt/summary", headers=auth(world.coordinator))
    assert response.status_code == 200
    rows = {r["supporter_id"]: r for r in response.json()["supporters"]}
    mine, other = rows[str(world.supporter.id)], rows[str(world.other_supporter.id)]
    assert (mine["families"], mine["goals_without_score"], mine["overdue_actions"]) == (1, 2, 1)
    assert (other["families"], other["goals_without_score"], other["overdue_actions"]) == (1, 1, 1)
    assert client.get("/api/v1/evaluation-debt/summary", headers=auth(world.supporter)).status_code == 403


def test_debt_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    headers = auth(world.coordinator)
    client.get("/api/v1/evaluation-debt", headers=headers)  # warm up
    counts = []
    for _ in range(2):
        for _ in range(3):
            family = make_family(session, world.organisation, world.supporter)
            goal = make_goal(session, family, activated_on=LONG_AGO)
            make_action(session, goal, due_on=TODAY - timedelta(days=2))
        session.commit()
        for url in ("/api/v1/evaluation-debt", "/api/v1/evaluation-debt/summary"):
            before = count_queries.count
            assert client.get(url, headers=headers).status_code == 200
            counts.append(count_queries.count - before)
    assert counts[:2] == counts[2:]


def test_debt_needs_login(client: TestClient) -> None:
    assert client.get("/api/v1/evaluation-debt").status_code == 401
    assert client.get("/api/v1/life-domains").status_code == 401
