"""The outcomes contract: per instrument and respondent each wave's score, change from T0, RCI and class;
the family's mean and spread; and the cohort computed in the database, checked by hand."""

import math
from datetime import timedelta

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import Family, FamilyMember, FamilyType, MemberRole, Organisation, Wave
from api.models.base import localtoday
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family
from tests.measurements.factories import brs_answers, make_factor, make_measurement

# BRS norms: SD 0.68, reliability 0.80 -> SE = 0.68 * sqrt(0.2), S_diff = sqrt(2) * SE = 0.430070
S_DIFF = math.sqrt(2) * 0.68 * math.sqrt(1 - 0.8)
BRS_3_5 = {1: 3, 2: 2, 3: 3, 4: 2, 5: 3, 6: 2}  # keyed 3, 4, 3, 4, 3, 4 -> mean 3.5


def _relative(
    session: Session, family: Family, name: str, role: MemberRole = MemberRole.parent
) -> FamilyMember:
    member = FamilyMember(family_id=family.id, display_name=name, role=role)
    session.add(member)
    session.flush()
    return member


def _two_relatives_measured(session: Session, family: Family) -> tuple[FamilyMember, FamilyMember]:
    linda, kees = _relative(session, family, "Linda"), _relative(session, family, "Kees", MemberRole.partner)
    make_measurement(session, family, linda, answers=brs_answers(2), complete=True)
    make_measurement(session, family, kees, answers=brs_answers(4), complete=True)
    make_measurement(session, family, linda, wave=Wave.t1, answers=BRS_3_5, complete=True)
    make_measurement(session, family, kees, wave=Wave.t1, answers=brs_answers(3), complete=True)
    session.commit()
    return linda, kees


def test_outcomes_give_change_rci_and_class_from_t1_on(
    client: TestClient, session: Session, world: World
) -> None:
    _two_relatives_measured(session, world.family)
    response = client.get(f"/api/v1/families/{world.family.id}/outcomes", headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["rci_criterion"] == 1.96
    [brs] = body["instruments"]
    assert brs["code"] == "brs" and brs["primary_scale"] == "total" and brs["licence"]["owner"]
    assert brs["scales"][0]["clinical_cutoff"] == 3.0 and brs["scales"][0]["minimum"] == 1.0
    series = {s["respondent"]["display_name"]: s["waves"] for s in brs["respondents"]}
    linda_t0, linda_t1 = series["Linda"]
    assert linda_t0["wave"] == "t0" and linda_t0["score"] == pytest.approx(2.0)
    assert linda_t0["change_from_t0"] is None and linda_t0["rci"] is None and linda_t0["change_class"] is None
    assert linda_t1["score"] == pytest.approx(3.5)
    assert linda_t1["change_from_t0"] == pytest.approx(1.5)
    assert linda_t1["rci"] == pytest.approx(1.5 / S_DIFF) == pytest.approx(3.4878, abs=1e-4)
    # from below the cut-off of 3.0 to above it, reliably: recovered
    assert linda_t1["change_class"] == "recovered"
    kees_t1 = series["Kees"][1]
    assert kees_t1["rci"] == pytest.approx(-1.0 / S_DIFF) == pytest.approx(-2.3252, abs=1e-4)
    assert kees_t1["change_class"] == "deteriorated"
    assert kees_t1["scales"][0]["band"]["en"] == "Normal resilience"
    t0, t1 = brs["family"]
    assert (t0["wave"], t0["n_responses"]) == ("t0", 2)
    assert t0["score"] == pytest.approx(3.0)
    assert t0["scales"][0]["sd"] == pytest.approx(math.sqrt(2)) and t0["scales"][0][
        "spread"
    ] == pytest.approx(2.0)
    assert t1["score"] == pytest.approx(3.25)
    assert t1["change_from_t0"] == pytest.approx(0.25) and t1["scales"][0]["n_paired"] == 2
    assert t1["rci"] == pytest.approx(0.25 / S_DIFF)
    assert t1["change_class"] == "unchanged"


def test_a_t0_entered_late_updates_the_later_waves(
    client: TestClient, session: Session, world: World
) -> None:
    linda = _relative(session, world.family, "Linda")
    make_measurement(session, world.family, linda, wave=Wave.t1, answers=brs_answers(3), complete=True)
    make_measurement(session, world.family, linda, wave=Wave.t0, answers=brs_answers(2), complete=True)
    session.commit()
    body = client.get(f"/api/v1/families/{world.family.id}/outcomes", headers=auth(world.coordinator)).json()
    t1 = body["instruments"][0]["respondents"][0]["waves"][1]
    assert t1["wave"] == "t1" and t1["change_from_t0"] == pytest.approx(1.0)
    assert t1["rci"] == pytest.approx(1.0 / S_DIFF)
    assert t1["change_class"] == "recovered"


def test_only_completed_measurements_count(client: TestClient, session: Session, world: World) -> None:
    linda = _relative(session, world.family, "Linda")
    make_measurement(session, world.family, linda, answers=brs_answers(2))
    session.commit()
    body = client.get(f"/api/v1/families/{world.family.id}/outcomes", headers=auth(world.supporter)).json()
    assert body["instruments"] == []


def test_outcomes_outside_scope_are_404(client: TestClient, world: World) -> None:
    url = f"/api/v1/families/{world.other_caseload_family.id}/outcomes"
    assert client.get(url, headers=auth(world.supporter)).status_code == 404
    assert client.get(url, headers=auth(world.other_org_coordinator)).status_code == 404
    assert client.get(url).status_code == 401


def test_outcomes_take_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    url, headers = f"/api/v1/families/{world.family.id}/outcomes", auth(world.supporter)
    _relative(session, world.family, "Linda")
    linda = _relative(session, world.family, "Eerste")
    make_measurement(session, world.family, linda, answers=brs_answers(2), complete=True)
    session.commit()
    session.expire_all()
    before = count_queries.count
    client.get(url, headers=headers)
    small = count_queries.count - before
    _two_relatives_measured(session, world.family)
    session.expire_all()
    before = count_queries.count
    assert len(client.get(url, headers=headers).json()["instruments"][0]["respondents"]) == 3
    assert count_queries.count - before == small


def _cohort_world(session: Session, world: World) -> None:
    """Three families at T1: one recovered (region, PIMD), one deteriorated, one unchanged."""
    for level_t0, t1_answers, region in ((2, BRS_3_5, True), (4, brs_answers(3), False), (3, BRS_3_5, False)):
        family = make_family(
            session,
            world.organisation,
            world.supporter,
            region_id=world.region.id if region else None,
            family_type=FamilyType.child_pimd if region else FamilyType.parent_id_children,
        )
        parent = _relative(session, family, "Ouder")
        make_measurement(session, family, parent, answers=brs_answers(level_t0), complete=True, days_ago=200)
        make_measurement(session, family, parent, wave=Wave.t1, answers=t1_answers, complete=True)
        if region:
            world.__dict__["region_family"] = family
    session.commit()


def test_cohort_aggregates_hand_checked(client: TestClient, session: Session, world: World) -> None:
    _cohort_world(session, world)
    response = client.get(
        "/api/v1/outcomes/cohort", params={"instrument": "brs"}, headers=auth(world.coordinator)
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["wave"] == "t1" and body["unit"] == "family"
    [total] = body["scales"]
    assert (total["instrument_code"], total["scale_code"]) == ("brs", "total")
    assert (total["n_families"], total["n_respondents"], total["n_classified"]) == (3, 3, 3)
    assert total["mean_change_from_t0"] == pytest.approx((1.5 - 1.0 + 0.5) / 3, abs=1e-4)
    assert total["share_improved"] == pytest.approx(1 / 3, abs=1e-4)  # recovered counts as improved
    assert total["share_deteriorated"] == pytest.approx(1 / 3, abs=1e-4)
    assert total["share_unchanged"] == pytest.approx(1 / 3, abs=1e-4)


def test_cohort_filters_by_region_type_and_period(client: TestClient, session: Session, world: World) -> None:
    _cohort_world(session, world)
    headers, url = auth(world.admin), "/api/v1/outcomes/cohort"
    [regional] = client.get(url, params={"region_id": str(world.region.id)}, headers=headers).json()["scales"]
    assert regional["n_families"] == 1 and regional["mean_change_from_t0"] == pytest.approx(1.5)
    assert regional["share_improved"] == 1.0
    [typed] = client.get(url, params={"family_type": "parent_id_children"}, headers=headers).json()["scales"]
    assert typed["n_families"] == 2 and typed["mean_change_from_t0"] == pytest.approx(-0.25)
    tomorrow = str(localtoday() + timedelta(days=1))
    assert client.get(url, params={"from": tomorrow}, headers=headers).json()["scales"] == []
    assert client.get(url, params={"wave": "t2"}, headers=headers).json()["scales"] == []
    assert client.get(url, headers=auth(world.other_org_coordinator)).json()["scales"] == []


def test_cohort_is_for_staff_only(client: TestClient, world: World) -> None:
    assert client.get("/api/v1/outcomes/cohort", headers=auth(world.supporter)).status_code == 403
    assert client.get("/api/v1/outcomes/cohort").status_code == 401


def test_factors_are_recorded_per_family_and_counted_over_the_cohort(
    client: TestClient, session: Session, world: World
) -> None:
    factors = {
        f["code"]: f["id"]
        for f in client.get("/api/v1/factors", headers=auth(world.supporter)).json()["items"]
    }
    url = f"/api/v1/families/{world.family.id}/factors"
    body = {"factor_id": factors["waiting_lists"], "note": "Wachtlijst jeugd-GGZ van 9 maanden"}
    created = client.post(url, json=body, headers=auth(world.supporter))
    assert created.status_code == 201, created.text
    assert created.json()["factor"]["code"] == "waiting_lists"
    client.post(url, json={"factor_id": factors["family_trust"]}, headers=auth(world.supporter))
    other = f"/api/v1/families/{world.other_caseload_family.id}/factors"
    client.post(other, json={"factor_id": factors["waiting_lists"]}, headers=auth(world.coordinator))
    listed = client.get(url, headers=auth(world.supporter)).json()["items"]
    assert {f["factor"]["code"] for f in listed} == {"waiting_lists", "family_trust"}
    counts = client.get("/api/v1/outcomes/cohort", headers=auth(world.coordinator)).json()["factors"]
    assert {(c["code"], c["n_families"]) for c in counts} == {("waiting_lists", 2), ("family_trust", 1)}
    assert client.post(other, json=body, headers=auth(world.supporter)).status_code == 404
    other_org = make_factor(session, _other_org(session, world))
    session.commit()
    wrong = client.post(url, json={"factor_id": str(other_org.id)}, headers=auth(world.supporter))
    assert wrong.status_code == 422 and wrong.json()["errors"][0]["field"] == "factor_id"
    assert client.get(url).status_code == 401


def _other_org(session: Session, world: World) -> Organisation:
    organisation = session.get(Organisation, world.other_org_family.organisation_id)
    assert organisation is not None
    return organisation
