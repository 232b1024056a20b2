"""Due and overdue wave questionnaires are part of the evaluation debt (the list and its summary)."""

from datetime import timedelta

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models.base import localtoday
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family, make_member
from tests.measurements.factories import brs_answers, make_measurement

LONG_AGO = localtoday() - timedelta(days=400)


def _debt(client: TestClient, world: World, **params: str) -> dict:  # type: ignore[type-arg]
    response = client.get("/api/v1/evaluation-debt", params=params, headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    return response.json()


def test_overdue_waves_appear_in_the_supporters_evaluation_debt(
    client: TestClient, session: Session, world: World
) -> None:
    family = make_family(session, world.organisation, world.supporter, started_on=LONG_AGO)
    parent = make_member(session, family)
    make_measurement(session, family, parent, answers=brs_answers(3), complete=True)  # BRS T0 done
    make_family(session, world.organisation, world.other_supporter, started_on=LONG_AGO)  # not mine
    session.commit()
    due = [m for m in _debt(client, world)["measurements"] if m["family_id"] == str(family.id)]
    waves = {(m["instrument_code"], m["wave"], m["status"]) for m in due}
    assert ("brs", "t0", "overdue") not in waves  # done
    assert {("brs", "t1", "overdue"), ("brs", "t2", "overdue"), ("fqol_beach", "t0", "overdue")} <= waves
    assert all(m["respondent"]["id"] == str(parent.id) for m in due)
    assert [m["due_on"] for m in due] == sorted(m["due_on"] for m in due)
    only = _debt(client, world, family_id=str(family.id))["measurements"]
    assert {m["family_id"] for m in only} == {str(family.id)}


def test_the_summary_counts_due_measurements_per_supporter(
    client: TestClient, session: Session, world: World
) -> None:
    family = make_family(session, world.organisation, world.other_supporter, started_on=LONG_AGO)
    make_member(session, family)
    session.commit()
    expected = len(
        client.get(
            "/api/v1/measurements/due",
            params={"supporter_id": str(world.other_supporter.id)},
            headers=auth(world.coordinator),
        ).json()["items"]
    )
    response = client.get("/api/v1/evaluation-debt/summary", headers=auth(world.coordinator))
    assert response.status_code == 200
    rows = {r["supporter_id"]: r for r in response.json()["supporters"]}
    other = rows[str(world.other_supporter.id)]
    assert expected > 0 and other["measurements_due"] == expected
    assert other["families"] >= 1


def test_measurement_debt_keeps_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    headers = auth(world.coordinator)
    client.get("/api/v1/evaluation-debt", headers=headers)  # warm up
    counts = []
    for _ in range(2):
        for _ in range(3):
            family = make_family(session, world.organisation, world.supporter, started_on=LONG_AGO)
            make_member(session, family)
        session.commit()
        for url in ("/api/v1/evaluation-debt", "/api/v1/evaluation-debt/summary"):
            before = count_queries.count
            assert client.get(url, headers=headers).status_code == 200
            counts.append(count_queries.count - before)
    assert counts[:2] == counts[2:]
