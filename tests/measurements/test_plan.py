"""Measurement waves: when each falls, who answers what, what is due or overdue, and the caseload's debt."""

from datetime import date, timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.core.config import Settings
from api.measurements.waves import add_months, wave_dates
from api.models import Family, FamilyMember, MemberRole, Wave
from api.models.base import localtoday
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family, make_member
from tests.measurements.factories import brs_answers, make_measurement


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (date(2026, 1, 31), 1, date(2026, 2, 28)),
        (date(2026, 8, 31), 6, date(2027, 2, 28)),
        (date(2025, 11, 15), 12, date(2026, 11, 15)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day: date, months: int, expected: date) -> None:
    assert add_months(day, months) == expected


def test_waves_follow_the_configured_intervals() -> None:
    family = Family(organisation_id=None, reference="X", display_name="X", started_on=date(2026, 1, 10))  # type: ignore[arg-type]
    settings = Settings(wave_t1_months=3, wave_t2_months=9)
    assert [(w.wave, w.due_on) for w in wave_dates(family, settings)] == [
        (Wave.t0, date(2026, 1, 10)),
        (Wave.t1, date(2026, 4, 10)),
        (Wave.t2, date(2026, 10, 10)),
    ]


def test_a_closed_family_gets_end_and_follow_up_instead_of_later_waves() -> None:
    family = Family(
        organisation_id=None,  # type: ignore[arg-type]
        reference="X",
        display_name="X",
        started_on=date(2026, 1, 10),
        ended_on=date(2026, 9, 1),
    )
    assert [(w.wave, w.due_on) for w in wave_dates(family, Settings())] == [
        (Wave.t0, date(2026, 1, 10)),
        (Wave.t1, date(2026, 7, 10)),
        (Wave.end, date(2026, 9, 1)),
        (Wave.follow_up, date(2027, 3, 1)),
    ]


def _plan(client: TestClient, world: World, family: Family) -> dict:  # type: ignore[type-arg]
    response = client.get(f"/api/v1/families/{family.id}/measurement-plan", headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    return response.json()


def test_plan_lists_who_answers_what_and_its_status(
    client: TestClient, session: Session, world: World
) -> None:
    family = make_family(
        session, world.organisation, world.supporter, started_on=localtoday() - timedelta(days=200)
    )
    parent = make_member(session, family, "Linda")
    child = FamilyMember(family_id=family.id, display_name="Daan", role=MemberRole.client, is_client=True)
    session.add(child)
    make_measurement(session, family, parent, answers=brs_answers(3), complete=True)
    session.commit()
    plan = _plan(client, world, family)
    assert plan["anchor_on"] == str(family.started_on)
    t0 = {
        (e["instrument_code"], e["respondent"]["display_name"]): e["status"]
        for e in plan["entries"]
        if e["wave"] == "t0"
    }
    # Every form is for the relatives: the family quality of life is never asked of the client (Daan)
    assert t0 == {
        ("brs", "Linda"): "done",
        ("ediz_plus", "Linda"): "overdue",
        ("fqol_beach", "Linda"): "overdue",
    }
    t1 = {e["status"] for e in plan["entries"] if e["wave"] == "t1"}
    assert t1 == {"due"}  # 6 months after a start 200 days ago: within the window
    t2 = {e["status"] for e in plan["entries"] if e["wave"] == "t2"}
    assert t2 == {"upcoming"}


def test_plan_outside_scope_is_404(client: TestClient, world: World) -> None:
    url = f"/api/v1/families/{world.other_caseload_family.id}/measurement-plan"
    assert client.get(url, headers=auth(world.supporter)).status_code == 404
    assert client.get(url).status_code == 401


def test_due_lists_only_the_callers_debt(client: TestClient, session: Session, world: World) -> None:
    response = client.get("/api/v1/measurements/due", headers=auth(world.supporter))
    assert response.status_code == 200
    items = response.json()["items"]
    assert {i["family_id"] for i in items} == {str(world.family.id)}  # T0 of a new family is due at once
    assert {i["status"] for i in items} == {"due"}
    assert {i["instrument_code"] for i in items} == {"brs", "ediz_plus", "fqol_beach"}
    staff = client.get("/api/v1/measurements/due", headers=auth(world.coordinator)).json()["items"]
    assert {i["family_id"] for i in staff} == {str(world.family.id), str(world.other_caseload_family.id)}
    only = client.get(
        "/api/v1/measurements/due",
        params={"supporter_id": str(world.other_supporter.id)},
        headers=auth(world.coordinator),
    ).json()["items"]
    assert {i["family_id"] for i in only} == {str(world.other_caseload_family.id)}
    assert client.get("/api/v1/measurements/due").status_code == 401


def test_due_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    headers = auth(world.supporter)
    client.get("/api/v1/measurements/due", headers=headers)
    before = count_queries.count
    client.get("/api/v1/measurements/due", headers=headers)
    small = count_queries.count - before
    for n in range(8):
        family = make_family(session, world.organisation, world.supporter, display_name=f"G{n}")
        make_measurement(session, family, make_member(session, family), answers=brs_answers(3), complete=True)
    session.commit()
    session.expire_all()  # like the first measured request: nothing cached in the session
    before = count_queries.count
    assert len(client.get("/api/v1/measurements/due", headers=headers).json()["items"]) > 9
    assert count_queries.count - before == small, [x[:60] for x in count_queries.statements[before:]]


def test_overdue_measurements_is_usable_by_other_services(session: Session, world: World) -> None:
    from api.auth.principal import Principal
    from api.measurements.service import overdue_measurements

    principal = Principal("user", world.supporter.id, world.supporter.role, world.organisation.id)
    found = overdue_measurements(session, principal)
    assert found and all(d.family_id == world.family.id for d in found)
    assert session.exec(select(Family).where(Family.id == world.family.id)).one()
