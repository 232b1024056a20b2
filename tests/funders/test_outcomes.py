"""Region outcomes: only the client's regions, per period, consent respected, small cells suppressed."""

from datetime import date

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.funders import sources
from api.funders.outcomes import count_group, periods
from api.funders.schemas import Cell, Period
from api.models import AuditEvent
from tests.factories import World, make_family
from tests.funders.factories import client_auth, consent
from tests.funders.helpers import fake_source, funder_world

URL = "/api/v1/funder/outcomes"
PARAMS = {"from": "2026-01-01", "to": "2026-06-30", "period": "quarter"}


def test_periods_are_calendar_aligned_and_clipped() -> None:
    assert periods(date(2026, 2, 10), date(2026, 7, 5), Period.quarter) == [
        (date(2026, 2, 10), date(2026, 3, 31)),
        (date(2026, 4, 1), date(2026, 6, 30)),
        (date(2026, 7, 1), date(2026, 7, 5)),
    ]
    assert len(periods(date(2026, 1, 1), date(2026, 12, 31), Period.month)) == 12


def test_a_single_small_cell_takes_its_smallest_neighbour_along() -> None:
    cells = count_group({"a": 10, "b": 2, "c": 6, "d": 7}, threshold=5)
    assert cells["b"] == Cell(suppressed=True)
    assert cells["c"] == Cell(suppressed=True)  # else b = total - a - c - d
    assert cells["a"] == Cell(value=10)


def test_outcomes_per_region_and_period(
    client: TestClient, session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "SOURCES", [fake_source])
    fw = funder_world(session, world, families=6)
    response = client.get(URL, params=PARAMS, headers=client_auth(fw.client))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["suppression_threshold"] == 5
    assert {c["region_id"] for c in body["cells"]} == {str(world.region.id)}  # never the other region
    q1, q2 = body["cells"]
    assert (q1["period_start"], q2["period_end"]) == ("2026-01-01", "2026-06-30")
    assert q1["families"] == {"suppressed": False, "value": 6}
    assert q1["by_status"]["active"] == {"suppressed": False, "value": 6}
    assert q1["by_status"]["closed"] == {"suppressed": True}
    assert q1["by_family_type"]["child_id_parents"]["value"] == 6
    assert q1["meetings_held"]["value"] == 6
    assert q2["meetings_held"] == {"suppressed": True}  # no family had a meeting in Q2
    # Q1: every goal at -1 → T = 40; Q2: at +1 → T = 60.
    assert q1["mean_gas_t_score"]["value"] == pytest.approx(40.0)
    assert q2["mean_gas_t_score"]["value"] == pytest.approx(60.0)
    [change] = q2["instruments"]
    assert change["instrument"] == "bfqol"
    assert change["reliable_improvement_share"]["value"] == 1.0
    assert change["mean_change"]["value"] == pytest.approx(0.6)
    assert q1["instruments"] == []
    audited = session.exec(select(AuditEvent).where(AuditEvent.actor_id == fw.client.id)).all()
    assert [(e.actor_type, e.action) for e in audited] == [("client", "read_outcomes")]


def test_fewer_families_than_the_threshold_withholds_every_cell(
    client: TestClient, session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(sources, "SOURCES", [fake_source])
    fw = funder_world(session, world, families=4)
    cell = client.get(URL, params=PARAMS, headers=client_auth(fw.client)).json()["cells"][0]
    assert cell["families"] == {"suppressed": True}
    assert all(c == {"suppressed": True} for c in cell["by_status"].values())
    assert all(c == {"suppressed": True} for c in cell["by_family_type"].values())
    assert cell["mean_gas_t_score"] == {"suppressed": True}
    assert cell["instruments"] == [] or all(
        v == {"suppressed": True} for i in cell["instruments"] for k, v in i.items() if isinstance(v, dict)
    )


def test_consent_decides_who_is_counted(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=5)
    fields = {"region_id": world.region.id, "started_on": date(2026, 1, 5)}
    for _ in range(2):  # counted only: aggregates allowed
        consent(
            session,
            make_family(session, world.organisation, **fields),
            funder_data=False,
            aggregates_only=True,
        )
    make_family(session, world.organisation, **fields)  # no consent: not counted
    refused = make_family(session, world.organisation, **fields)
    consent(session, refused, funder_data=False)  # consent recorded as "no"
    session.commit()
    cell = client.get(URL, params=PARAMS, headers=client_auth(fw.client)).json()["cells"][0]
    assert cell["families"] == {"suppressed": False, "value": 7}
    listed = client.get("/api/v1/funder/trajectories", headers=client_auth(fw.client)).json()["items"]
    assert len(listed) == 5  # counted-only families are never listed


def test_outcomes_need_the_scope_and_a_sane_range(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=1)
    assert client.get(URL, headers=client_auth(fw.client, scopes=("trajectories:read",))).status_code == 403
    too_long = client.get(
        URL,
        params={"from": "2000-01-01", "to": "2026-01-01", "period": "month"},
        headers=client_auth(fw.client),
    )
    assert too_long.status_code == 422
    backwards = client.get(
        URL, params={"from": "2026-05-01", "to": "2026-01-01"}, headers=client_auth(fw.client)
    )
    assert backwards.status_code == 422
    assert client.get(URL).status_code == 401
