"""GET /business-case: the cohort of families in support in the scope, weighted by type, with the model."""

from datetime import date
from typing import Any

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, FamilyStatus, FamilyType
from api.models.base import localtoday
from tests.business_case.factories import cost_event, family_in_support, small_model
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_region

REPORT = "/api/v1/business-case"
PIMD, LVB = FamilyType.child_pimd, FamilyType.child_id_parents


@pytest.fixture
def cohort(client: TestClient, session: Session, world: World) -> World:
    """The small model as version 2; one PIMD and two LVB families in support in world.region in 2026."""
    response = client.put(
        f"{REPORT}/model",
        headers=auth(world.admin),
        json={"based_on_version": 1, "change_note": "test", "model": small_model()},
    )
    assert response.status_code == 200
    world.family.family_type = PIMD
    world.family.started_on = date(2026, 1, 1)
    world.family.status = FamilyStatus.active
    for _ in range(2):
        family_in_support(session, world.organisation, world.supporter, LVB, region_id=world.region.id)
    session.commit()
    return world


def _get(client: TestClient, world: World, query: str = "from=2026-01-01&to=2026-06-30") -> dict[str, Any]:
    response = client.get(f"{REPORT}?{query}", headers=auth(world.coordinator))
    assert response.status_code == 200, response.text
    return response.json()


def test_the_cohort_figure_matches_the_hand_computed_example(client: TestClient, cohort: World) -> None:
    body = _get(client, cohort)
    assert body["model_version"] == 2 and body["model_name"] == "Testmodel" and body["is_example"] is False
    types = {t["code"]: t for t in body["family_types"]}
    assert types["child_pimd"]["families"] == 1 and types["child_id_parents"]["families"] == 2
    assert types["child_pimd"]["net_per_family_per_year"] == "1600.00"
    assert types["child_pimd"]["gross_per_family_per_year"] == "4800.00"
    assert types["child_pimd"]["support_cost_per_family_per_year"] == "3200.00"
    assert body["cohort"]["families"] == 3
    assert body["cohort"]["net_per_family_per_year"] == "760.00"
    assert body["cohort"]["total_net_per_year"] == "2280.00"
    assert body["cohort"]["return_per_euro"] == "1.48"
    assert {p["code"]: p["net_per_family_per_year"] for p in body["cohort"]["by_payer"]} == {
        "wlz": "-240.00",
        "uwv": "1000.00",
    }
    assert [s["factor"] for s in body["sensitivity"]] == ["crisis", "sick_leave", "gp"]
    assert body["sensitivity_range"]["all_low_net_per_family_per_year"] == "-470.00"
    factor = body["cost_factors"][0]
    assert (factor["code"], factor["payer_name"], factor["unit_cost"], factor["source"]) == (
        "crisis",
        "Wlz / zorgkantoor",
        "300.00",
        "Testbron",
    )


def test_scaled_to_a_thousand_families(client: TestClient, cohort: World) -> None:
    body = _get(client, cohort, "from=2026-01-01&to=2026-06-30&families=1000")
    assert body["cohort"]["scaled_to"] == 1000
    assert body["cohort"]["total_net_per_year"] == "760000.00"


def test_an_older_model_version_gives_its_own_unchanged_figures(client: TestClient, cohort: World) -> None:
    old = _get(client, cohort, "from=2026-01-01&to=2026-06-30&model_version=1")
    assert old["model_version"] == 1 and old["is_example"] is True
    assert old["cohort"]["families"] == 3 and old["cohort"]["net_per_family_per_year"] != "760.00"
    assert _get(client, cohort, "from=2026-01-01&to=2026-06-30&model_version=1") == old


def test_the_scope_filters_region_and_period(client: TestClient, session: Session, cohort: World) -> None:
    elsewhere = make_region(session)
    family_in_support(session, cohort.organisation, None, PIMD, region_id=elsewhere.id)
    family_in_support(session, cohort.organisation, None, PIMD, started_on=date(2026, 8, 1))  # later
    family_in_support(  # ended before the period
        session, cohort.organisation, None, PIMD, started_on=date(2025, 1, 1), ended_on=date(2025, 12, 31)
    )
    family_in_support(session, cohort.organisation, None, None)  # no type recorded
    intake = family_in_support(session, cohort.organisation, None, PIMD, status=FamilyStatus.intake)
    intake.started_on = None
    session.commit()
    everywhere = _get(client, cohort)["cohort"]
    assert (everywhere["families"], everywhere["families_untyped"]) == (4, 1)
    in_region = _get(client, cohort, f"from=2026-01-01&to=2026-06-30&region_id={elsewhere.id}")["cohort"]
    assert (in_region["families"], in_region["net_per_family_per_year"]) == (1, "1600.00")
    body = _get(client, cohort, "from=2026-01-01&to=2026-06-30&region_id=" + str(cohort.region.id))
    assert body["scope"] == {
        "region_id": str(cohort.region.id),
        "from_on": "2026-01-01",
        "to_on": "2026-06-30",
    }


def test_other_organisations_families_never_count(
    client: TestClient, session: Session, cohort: World
) -> None:
    cohort.other_org_family.family_type = PIMD
    cohort.other_org_family.started_on = date(2026, 1, 1)
    session.commit()
    assert _get(client, cohort)["cohort"]["families"] == 3


def test_observed_volumes_sit_beside_the_assumption(
    client: TestClient, session: Session, cohort: World
) -> None:
    family = cohort.family  # PIMD, support from 2026-01-01
    cost_event(session, family, "crisis", date(2025, 6, 1), 12)  # the year before: 12 days
    cost_event(session, family, "crisis", date(2026, 2, 1), 3)  # during support
    cost_event(session, family, "crisis", date(2024, 1, 1), 50)  # long before: not counted
    session.commit()
    body = _get(client, cohort)
    (row,) = [o for o in body["observed"] if o["family_type"] == "child_pimd"]
    assert row["factor"] == "crisis"
    assert (
        row["families_observed"],
        row["families_with_event_before"],
        row["families_with_event_during"],
    ) == (
        1,
        1,
        1,
    )
    assert row["before_per_family_per_year"] == "12.000"
    assert (row["assumed_usual"], row["assumed_with_support"]) == ("10", "4")
    days = (localtoday() - date(2026, 1, 1)).days + 1
    assert row["exposure_years_during"] == str(round(days / 365, 2))
    assert row["during_per_family_per_year"] == f"{3 * 365 / days:.3f}"


def test_the_report_is_audited_and_reads_a_fixed_number_of_queries(
    client: TestClient, session: Session, cohort: World, count_queries: QueryCounter
) -> None:
    _get(client, cohort)
    first = count_queries.count
    for _ in range(5):
        family_in_support(session, cohort.organisation, cohort.supporter, LVB)
    session.commit()
    count_queries.statements.clear()
    _get(client, cohort)
    assert count_queries.count == first  # more families, same queries: aggregates in the database
    assert session.exec(select(AuditEvent).where(AuditEvent.object_type == "business_case")).first()


def test_supporters_and_anonymous_callers_are_refused(client: TestClient, world: World) -> None:
    assert client.get(REPORT, headers=auth(world.supporter)).status_code == 403
    assert client.get(REPORT).status_code == 401
    bad = client.get(f"{REPORT}?from=2026-06-01&to=2026-01-01", headers=auth(world.admin))
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "from"
