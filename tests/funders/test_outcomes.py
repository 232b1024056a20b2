"""Region outcomes: the staff cohort's figures per region and whole calendar period, consent respected,
cells withheld so that no subtraction isolates a small group."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.funders.outcomes import count_group, periods
from api.funders.schemas import Cell, Period
from api.models import AuditEvent, FamilyStatus, GoalStatus, Wave
from tests.factories import World, auth, make_family
from tests.funders.cohort import brs, enrol, gas, meeting, move, parent
from tests.funders.factories import client_auth, consent, make_client

URL = "/api/v1/funder/outcomes"
PARAMS = {"from": "2025-01-01", "to": "2025-06-30", "period": "quarter"}


def test_periods_are_whole_calendar_periods() -> None:
    assert periods(date(2025, 1, 1), date(2025, 9, 30), Period.quarter) == [
        (date(2025, 1, 1), date(2025, 3, 31)),
        (date(2025, 4, 1), date(2025, 6, 30)),
        (date(2025, 7, 1), date(2025, 9, 30)),
    ]
    assert len(periods(date(2025, 1, 1), date(2025, 12, 31), Period.month)) == 12


def test_a_single_small_cell_takes_its_smallest_neighbour_along() -> None:
    cells = count_group({"a": 10, "b": 2, "c": 6, "d": 7}, threshold=5)
    assert cells["b"].suppressed and cells["c"].suppressed  # else b = total - a - c - d
    assert cells["a"] == Cell(value=10)


def _six(session: Session, world: World) -> list:
    """Six families: two parents each answer the BRS (T0 Dec 2024, T1 Feb 2025); GAS; a meeting in Q1."""
    families = []
    for n in range(6):
        family = enrol(session, world)
        first, second = parent(session, family, "Moeder"), parent(session, family, "Vader")
        for member, t1 in ((first, 4), (second, 3)):
            brs(session, family, member, Wave.t0, 2, date(2024, 12, 2))
            brs(session, family, member, Wave.t1, t1, date(2025, 2, 3 + n))
        gas(session, family, [(date(2025, 1, 10), -1), (date(2025, 5, 10), 1)])
        gas(session, family, [(date(2025, 1, 10), -2)], status=GoalStatus.discontinued)  # never counted
        meeting(session, family, date(2025, 3, 3))
        families.append(family)
    return families


def test_outcomes_per_region_and_period(client: TestClient, session: Session, world: World) -> None:
    _six(session, world)
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    response = client.get(URL, params=PARAMS, headers=client_auth(fw_client))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["suppression_threshold"] == 5
    q1, q2 = body["cells"]
    assert (q1["period_start"], q2["period_end"]) == ("2025-01-01", "2025-06-30")
    assert q1["families"]["value"] == 6
    assert q1["by_status"]["active"]["value"] == 6
    assert q1["by_family_type"]["child_id_parents"]["value"] == 6
    assert q1["meetings_held"]["value"] == 6
    assert not q2["meetings_held"]["value"]  # nobody met in Q2: an empty cell, nothing to hide
    # the discontinued goal at -2 is left out, as in the family's own T-score: -1 → 40, +1 → 60
    assert q1["mean_gas_t_score"]["value"] == pytest.approx(40.0)
    assert q2["mean_gas_t_score"]["value"] == pytest.approx(60.0)
    [change] = [i for i in q1["instruments"] if i["scale"] == "total"]
    assert change["families"]["value"] == 6  # the family is the unit, not its two parents
    assert change["mean_change"]["value"] == pytest.approx(1.5)  # (2 + 1) / 2 per family
    assert change["reliable_improvement_share"] == {"suppressed": True, "reason": "example_norms"}
    assert q2["instruments"] == []
    audited = session.exec(select(AuditEvent).where(AuditEvent.actor_id == fw_client.id)).all()
    assert [(e.actor_type, e.action) for e in audited] == [("client", "read_outcomes")]


def test_each_funder_cell_equals_the_staff_cohort(client: TestClient, session: Session, world: World) -> None:
    families = _six(session, world)
    closed = families[0]
    move(session, closed, FamilyStatus.active, FamilyStatus.phasing_out, date(2025, 2, 1))
    move(session, closed, FamilyStatus.phasing_out, FamilyStatus.closed, date(2025, 5, 20))
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    cells = client.get(URL, params=PARAMS, headers=client_auth(fw_client)).json()["cells"]
    for cell in cells:
        staff = client.get(
            "/api/v1/outcomes/cohort",
            params={
                "region_id": str(world.region.id),
                "from": cell["period_start"],
                "to": cell["period_end"],
                "wave": "latest",
                "unit": "family",
            },
            headers=auth(world.coordinator),
        )
        assert staff.status_code == 200, staff.text
        staff = staff.json()
        assert cell["families"]["value"] == staff["n_families"]
        for status, shown_status in cell["by_status"].items():
            if not shown_status["suppressed"]:
                assert shown_status["value"] == staff["by_status"].get(status, 0)
        assert cell["mean_gas_t_score"].get("value") == pytest.approx(staff["mean_gas_t_score"])
        assert cell["meetings_held"].get("value", 0) == staff["meetings_held"]
        shown = {(i["instrument"], i["scale"]): i for i in cell["instruments"]}
        assert set(shown) == {(s["instrument_code"], s["scale_code"]) for s in staff["scales"]}
        for scale in staff["scales"]:
            mine = shown[(scale["instrument_code"], scale["scale_code"])]
            assert mine["families"]["value"] == scale["n_families"]
            assert scale["norms_status"] == "example"
            assert mine["mean_change"]["value"] == pytest.approx(scale["mean_change_from_t0"], abs=0.005)
    q1, q2 = cells
    assert q1["by_status"]["phasing_out"]["suppressed"]  # one family: withheld, with a neighbour
    assert q2["families"]["value"] == 6  # closed in May: still in support during Q2


def test_status_comes_from_the_history(client: TestClient, session: Session, world: World) -> None:
    families = _six(session, world)
    move(session, families[0], FamilyStatus.active, FamilyStatus.phasing_out, date(2025, 1, 15))
    move(session, families[0], FamilyStatus.phasing_out, FamilyStatus.closed, date(2025, 2, 15))
    session.commit()
    params = {"region_id": str(world.region.id), "wave": "latest"}
    in_q2 = client.get(
        "/api/v1/outcomes/cohort",
        params=params | {"from": "2025-04-01", "to": "2025-06-30"},
        headers=auth(world.coordinator),
    ).json()
    assert in_q2["n_families"] == 5 and in_q2["by_status"] == {"active": 5}
    in_q1 = client.get(
        "/api/v1/outcomes/cohort",
        params=params | {"from": "2025-01-01", "to": "2025-03-31"},
        headers=auth(world.coordinator),
    ).json()
    assert in_q1["n_families"] == 6 and in_q1["by_status"] == {"active": 5, "closed": 1}
    in_2024 = client.get(
        "/api/v1/outcomes/cohort",
        params=params | {"from": "2024-01-01", "to": "2024-10-31"},
        headers=auth(world.coordinator),
    ).json()
    assert in_2024["n_families"] == 0  # enrolled in November 2024


def test_fewer_families_than_the_threshold_withholds_every_cell(
    client: TestClient, session: Session, world: World
) -> None:
    for family in _six(session, world)[:2]:
        family.archived_at = family.created_at  # archived: no longer counted
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    cell = client.get(URL, params=PARAMS, headers=client_auth(fw_client)).json()["cells"][0]
    assert cell["families"] == {"suppressed": True, "reason": "parent_withheld"}  # the year has 4 too
    assert all(c["suppressed"] for c in cell["by_status"].values())
    assert cell["mean_gas_t_score"]["suppressed"]
    assert all(i["mean_change"]["suppressed"] for i in cell["instruments"])


def test_consent_decides_who_is_counted(client: TestClient, session: Session, world: World) -> None:
    for _ in range(5):
        enrol(session, world)
    for _ in range(2):  # counted only: aggregates allowed
        enrol(session, world, funder_data=False, aggregates_only=True)
    fields = {"region_id": world.region.id, "started_on": date(2025, 1, 5), "status": FamilyStatus.active}
    make_family(session, world.organisation, **fields)  # no consent: not counted
    refused = make_family(session, world.organisation, **fields)
    consent(session, refused, funder_data=False)  # consent recorded as "no"
    session.commit()
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    cell = client.get(URL, params=PARAMS, headers=client_auth(fw_client)).json()["cells"][0]
    assert cell["families"]["value"] == 7


def test_outcomes_need_the_scope_and_whole_periods(
    client: TestClient, session: Session, world: World
) -> None:
    fw_client, _ = make_client(session, world.organisation, [world.region])
    session.commit()
    headers = client_auth(fw_client)
    assert client.get(URL, headers=client_auth(fw_client, scopes=("trajectories:read",))).status_code == 403
    too_long = client.get(
        URL, params={"from": "2000-01-01", "to": "2025-12-31", "period": "month"}, headers=headers
    )
    assert too_long.status_code == 422
    backwards = client.get(URL, params={"from": "2025-04-01", "to": "2025-03-31"}, headers=headers)
    assert backwards.status_code == 422
    shifted = client.get(URL, params={"from": "2025-01-05", "to": "2025-03-31"}, headers=headers)
    assert shifted.status_code == 422 and shifted.json()["errors"][0]["field"] == "from"
    cut = client.get(URL, params={"from": "2025-01-01", "to": "2025-03-20"}, headers=headers)
    assert cut.status_code == 422 and cut.json()["errors"][0]["field"] == "to"
    assert client.get(URL).status_code == 401
