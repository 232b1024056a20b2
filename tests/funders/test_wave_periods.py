"""A wave that straddles a period boundary: its change belongs to the period in which the unit completed the
wave (its last measurement of it) and counts whole, for the staff cohort and the funders alike
(api/measurements/rollup_waves.py)."""

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import Wave
from tests.factories import World, auth
from tests.funders.cohort import brs, enrol, parent
from tests.funders.factories import client_auth, make_client

COHORT = "/api/v1/outcomes/cohort"
Q1, Q2, H1 = ("2025-01-01", "2025-03-31"), ("2025-04-01", "2025-06-30"), ("2025-01-01", "2025-06-30")


def _straddling(session: Session, world: World) -> None:
    """Six families: the mother completes T1 on 20 March (+2), the father on 10 April (+1); the mother also
    completes T2 on 12 May (+3), so in Q2 her latest wave is T2."""
    for _ in range(6):
        family = enrol(session, world)
        mother, father = parent(session, family, "Moeder"), parent(session, family, "Vader")
        for member in (mother, father):
            brs(session, family, member, Wave.t0, 2, date(2024, 12, 2))
        brs(session, family, mother, Wave.t1, 4, date(2025, 3, 20))
        brs(session, family, father, Wave.t1, 3, date(2025, 4, 10))
        brs(session, family, mother, Wave.t2, 5, date(2025, 5, 12))
    session.commit()


def _total(client: TestClient, world: World, span: tuple[str, str], **params: str) -> Any:
    query = {"region_id": str(world.region.id), "from": span[0], "to": span[1], "wave": "latest"} | params
    response = client.get(COHORT, params=query, headers=auth(world.coordinator))
    assert response.status_code == 200, response.text
    found = [s for s in response.json()["scales"] if s["scale_code"] == "total"]
    return found[0] if found else None


def _change(scale: Any) -> tuple[int, int, float]:
    return scale["n_families"], scale["n_respondents"], pytest.approx(scale["mean_change_from_t0"])


def test_a_family_wave_counts_whole_in_the_period_it_was_completed(
    client: TestClient, session: Session, world: World
) -> None:
    _straddling(session, world)
    # T1 was completed in Q2 (the father's): not half of it in Q1 (the mother's alone).
    assert _total(client, world, Q1) is None
    assert _change(_total(client, world, Q2, wave="t1")) == (6, 12, 1.5)  # (2 + 1) / 2, both parents
    assert _total(client, world, Q1, wave="t1") is None
    # In Q2 the family's latest wave is T2 (completed in May, the mother alone); over H1 too.
    assert _change(_total(client, world, Q2)) == (6, 6, 3.0)
    assert _change(_total(client, world, H1)) == (6, 6, 3.0)
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    params = {"from": H1[0], "to": H1[1], "period": "quarter"}
    cells = client.get("/api/v1/funder/outcomes", params=params, headers=client_auth(fw_client)).json()
    q1, q2 = cells["cells"]
    assert [i for i in q1["instruments"] if i["scale"] == "total"] == []
    [total] = [i for i in q2["instruments"] if i["scale"] == "total"]
    assert (total["families"]["value"], total["mean_change"]["value"]) == (6, pytest.approx(3.0))


def test_a_respondent_wave_counts_in_the_period_the_respondent_completed_it(
    client: TestClient, session: Session, world: World
) -> None:
    _straddling(session, world)
    respondent = {"unit": "respondent"}
    assert _change(_total(client, world, Q1, **respondent)) == (6, 6, 2.0)  # the mother's T1
    # Q2: the father's T1 (+1) and the mother's latest wave, T2 (+3), not her T1 (superseded in May).
    assert _change(_total(client, world, Q2, **respondent)) == (6, 12, 2.0)
    assert _change(_total(client, world, Q2, wave="t1", **respondent)) == (6, 6, 1.0)
