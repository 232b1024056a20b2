"""A supporter's own work engagement: only they see their answers; staff see it only over five or more."""

import statistics

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import Role
from tests.factories import World, auth, make_user

URL = "/api/v1/me/work-engagement"
SUMMARY = "/api/v1/work-engagement/summary"


def _all(level: int) -> dict[str, dict[str, int]]:
    return {"answers": {str(n): level for n in range(1, 10)}}


def test_a_supporter_answers_and_sees_only_their_own(client: TestClient, world: World) -> None:
    response = client.post(URL, json=_all(4), headers=auth(world.supporter))
    assert response.status_code == 201, response.text
    scores = {s["code"]: s["score"] for s in response.json()["scores"]}
    assert scores == {"vigour": 4.0, "dedication": 4.0, "absorption": 4.0, "total": 4.0}
    mine = client.get(URL, headers=auth(world.supporter)).json()
    assert mine["instrument"]["code"] == "uwes9" and mine["instrument"]["licence"]["owner"]
    assert len(mine["entries"]) == 1
    assert client.get(URL, headers=auth(world.other_supporter)).json()["entries"] == []
    assert client.get(URL, headers=auth(world.coordinator)).status_code == 403
    assert client.post(URL, json=_all(4), headers=auth(world.admin)).status_code == 403
    assert client.get(URL).status_code == 401


def test_answers_are_checked_per_item(client: TestClient, world: World) -> None:
    body = {"answers": {"1": 7, "10": 3}}
    response = client.post(URL, json=body, headers=auth(world.supporter))
    assert response.status_code == 422
    assert {e["field"] for e in response.json()["errors"]} == {"answers.1", "answers.10"}
    too_few = client.post(URL, json={"answers": {"1": 3}}, headers=auth(world.supporter))
    assert too_few.status_code == 422


def test_summary_is_withheld_below_five_supporters(client: TestClient, world: World) -> None:
    client.post(URL, json=_all(5), headers=auth(world.supporter))
    client.post(URL, json=_all(3), headers=auth(world.other_supporter))
    response = client.get(SUMMARY, headers=auth(world.coordinator))
    assert response.status_code == 200
    body = response.json()
    assert body["suppressed"] is True and body["n_supporters"] == 2 and body["min_group"] == 5
    assert all(s["mean"] is None and s["sd"] is None for s in body["scales"])
    assert client.get(SUMMARY, headers=auth(world.supporter)).status_code == 403
    assert client.get(SUMMARY).status_code == 401


def test_summary_over_five_supporters_uses_each_ones_latest_answers(
    client: TestClient, session: Session, world: World
) -> None:
    supporters = [world.supporter, world.other_supporter] + [
        make_user(session, world.organisation, Role.supporter) for _ in range(3)
    ]
    session.commit()
    client.post(
        URL, json=_all(0), headers=auth(world.supporter)
    )  # replaced by this supporter's later answers
    for level, supporter in zip((2, 3, 4, 5, 6), supporters, strict=True):
        assert client.post(URL, json=_all(level), headers=auth(supporter)).status_code == 201
    body = client.get(SUMMARY, headers=auth(world.admin)).json()
    assert body["suppressed"] is False and body["n_supporters"] == 5
    total = next(s for s in body["scales"] if s["code"] == "total")
    assert total["n_supporters"] == 5
    assert total["mean"] == pytest.approx(4.0)
    assert total["sd"] == pytest.approx(statistics.stdev([2, 3, 4, 5, 6]))
    other_org = client.get(SUMMARY, headers=auth(world.other_org_coordinator)).json()
    assert other_org["n_supporters"] == 0 and other_org["suppressed"] is True
