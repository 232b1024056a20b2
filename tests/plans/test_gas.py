"""GAS progress: scores, the family's T-score against hand-computed examples, and the chart series.

T = 50 + 10·Σwx / √((1 - rho)·Σw² + rho·(Σw)²), rho = 0.3.
"""

from datetime import UTC, date, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, GoalStatus
from api.models.base import localtoday
from tests.factories import World, auth
from tests.plans.factories import make_goal, make_score

DAY1, DAY2, DAY3 = date(2026, 6, 1), date(2026, 7, 1), date(2026, 8, 1)


def _url(world: World, tail: str = "") -> str:
    return f"/api/v1/families/{world.family.id}/plan{tail}"


def _gas(client: TestClient, world: World, on: date | None = None) -> dict:  # type: ignore[type-arg]
    params = {"on": on.isoformat()} if on else {}
    response = client.get(_url(world, "/gas"), params=params, headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    return response.json()  # type: ignore[no-any-return]


def test_one_goal_one_level_above_expected_is_60(client: TestClient, session: Session, world: World) -> None:
    make_score(session, make_goal(session, world.family), 1, DAY1)
    session.commit()
    # 50 + 10·1 / √(0.7·1 + 0.3·1) = 60
    assert _gas(client, world)["t_score"] == pytest.approx(60.0)


def test_every_goal_at_the_expected_level_gives_50(
    client: TestClient, session: Session, world: World
) -> None:
    for weight in (1.0, 2.0, 3.5):
        make_score(session, make_goal(session, world.family, weight=weight), 0, DAY1)
    session.commit()
    assert _gas(client, world)["t_score"] == pytest.approx(50.0)


def test_weighted_goals(client: TestClient, session: Session, world: World) -> None:
    make_score(session, make_goal(session, world.family, weight=2), 1, DAY1)
    make_score(session, make_goal(session, world.family, weight=1), 1, DAY1)
    session.commit()
    # Σwx = 3, Σw² = 5, Σw = 3: 50 + 30 / √(3.5 + 2.7) = 62.0483
    assert _gas(client, world)["t_score"] == pytest.approx(62.0483, abs=1e-4)


def test_mixed_levels_unweighted(client: TestClient, session: Session, world: World) -> None:
    make_score(session, make_goal(session, world.family), 2, DAY1)
    make_score(session, make_goal(session, world.family), -1, DAY1)
    session.commit()
    # Σwx = 1, Σw² = 2, Σw = 2: 50 + 10 / √(1.4 + 1.2) = 56.2017
    assert _gas(client, world)["t_score"] == pytest.approx(56.2017, abs=1e-4)


def test_goals_without_a_score_are_left_out(client: TestClient, session: Session, world: World) -> None:
    make_score(session, make_goal(session, world.family), 1, DAY1)
    make_goal(session, world.family, weight=5)  # active, never scored
    make_score(session, make_goal(session, world.family, status=GoalStatus.discontinued), -2, DAY1)
    session.commit()
    body = _gas(client, world)
    assert body["t_score"] == pytest.approx(60.0)  # as if only the scored goal existed
    assert (body["scored_goals"], body["unscored_goals"]) == (1, 1)


def test_nothing_scored_gives_no_t_score(client: TestClient, session: Session, world: World) -> None:
    make_goal(session, world.family)
    session.commit()
    assert _gas(client, world)["t_score"] is None


def test_t_score_on_a_date_uses_the_latest_score_on_or_before_it(
    client: TestClient, session: Session, world: World
) -> None:
    goal = make_goal(session, world.family)
    make_score(session, goal, -1, DAY1)
    make_score(session, goal, 1, DAY3)
    session.commit()
    assert _gas(client, world, DAY1 - timedelta(days=1))["t_score"] is None
    assert _gas(client, world, DAY2)["t_score"] == pytest.approx(40.0)
    assert _gas(client, world, DAY3)["t_score"] == pytest.approx(60.0)


def test_a_later_score_on_the_same_day_corrects_the_first(
    client: TestClient, session: Session, world: World
) -> None:
    goal = make_goal(session, world.family)
    make_score(session, goal, 2, DAY1, created_at=datetime(2026, 6, 1, 9, tzinfo=UTC))
    make_score(session, goal, 0, DAY1, created_at=datetime(2026, 6, 1, 10, tzinfo=UTC))
    session.commit()
    assert _gas(client, world)["t_score"] == pytest.approx(50.0)
    series = client.get(_url(world, "/gas/series"), headers=auth(world.supporter)).json()
    assert series["goals"][0]["scores"] == [{"scored_on": "2026-06-01", "level": 0}]


def test_baseline_t_score(client: TestClient, session: Session, world: World) -> None:
    make_goal(session, world.family, baseline_level=-1)
    make_goal(session, world.family, baseline_level=-1)
    session.commit()
    # Σwx = -2, Σw² = 2, Σw = 2: 50 - 20 / √2.6 = 37.5966
    assert _gas(client, world)["baseline_t_score"] == pytest.approx(37.5966, abs=1e-4)


def test_series_gives_a_point_per_scoring_date(client: TestClient, session: Session, world: World) -> None:
    first = make_goal(session, world.family, text="Naar school")
    second = make_goal(session, world.family, text="Avond voor mama")
    make_score(session, first, -1, DAY1)
    make_score(session, second, 1, DAY2)
    make_score(session, first, 1, DAY3)
    session.commit()
    response = client.get(_url(world, "/gas/series"), headers=auth(world.supporter))
    assert response.status_code == 200
    body = response.json()
    points = [(p["on"], round(p["t_score"], 4), p["scored_goals"]) for p in body["points"]]
    # DAY1: only -1 → 40; DAY2: -1 and +1 → 50; DAY3: +1 and +1 → 50 + 20/√2.6 = 62.4035
    assert points == [("2026-06-01", 40.0, 1), ("2026-07-01", 50.0, 2), ("2026-08-01", 62.4035, 2)]
    by_goal = {g["text"]: g["scores"] for g in body["goals"]}
    assert by_goal["Naar school"] == [
        {"scored_on": "2026-06-01", "level": -1},
        {"scored_on": "2026-08-01", "level": 1},
    ]


def test_recording_a_score_through_the_api(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family)
    session.commit()
    url = _url(world, f"/goals/{goal.id}/scores")
    response = client.post(
        url, json={"scored_on": "2026-09-01", "level": 1, "note": "Gaat goed"}, headers=auth(world.supporter)
    )
    assert response.status_code == 201, response.text
    assert response.json()["scored_by_name"] == world.supporter.full_name
    history = client.get(url, headers=auth(world.supporter)).json()
    assert [(s["scored_on"], s["level"], s["note"]) for s in history] == [("2026-09-01", 1, "Gaat goed")]
    plan = client.get(_url(world), headers=auth(world.supporter)).json()
    assert plan["goals"][0]["gas_level"] == 1
    assert plan["gas_t_score"] == pytest.approx(60.0)
    assert session.exec(select(AuditEvent).where(AuditEvent.object_type == "gas_score")).first() is not None


@pytest.mark.parametrize(
    ("body", "status"),
    [
        ({"scored_on": "2026-09-01", "level": 3}, 422),
        ({"scored_on": "2026-09-01", "level": -3}, 422),
        ({"scored_on": (localtoday() + timedelta(days=2)).isoformat(), "level": 0}, 422),
        ({"scored_on": "2026-09-01"}, 422),
    ],
)
def test_scores_are_validated(
    client: TestClient, session: Session, world: World, body: dict[str, object], status: int
) -> None:
    goal = make_goal(session, world.family)
    session.commit()
    response = client.post(_url(world, f"/goals/{goal.id}/scores"), json=body, headers=auth(world.supporter))
    assert response.status_code == status
    assert response.headers["content-type"] == "application/problem+json"


def test_a_proposed_goal_cannot_be_scored(client: TestClient, session: Session, world: World) -> None:
    goal = make_goal(session, world.family, status=GoalStatus.proposed)
    session.commit()
    response = client.post(
        _url(world, f"/goals/{goal.id}/scores"),
        json={"scored_on": "2026-09-01", "level": 0},
        headers=auth(world.supporter),
    )
    assert response.status_code == 409


def test_gas_needs_login_and_scope(client: TestClient, world: World) -> None:
    assert client.get(_url(world, "/gas")).status_code == 401
    other = f"/api/v1/families/{world.other_caseload_family.id}/plan/gas/series"
    assert client.get(other, headers=auth(world.supporter)).status_code == 404
