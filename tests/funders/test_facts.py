"""Fact sources read real measurements (family-outcome instruments only) into trajectories and outcomes."""

import json
from datetime import UTC, date, datetime

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session

from api.models import MeetingStatus, Wave
from tests.factories import World, make_member
from tests.funders.cohort import days_ago
from tests.funders.factories import client_auth, pseudonym_of
from tests.funders.fhir_r4 import assert_valid_r4
from tests.funders.helpers import funder_world
from tests.measurements.factories import brs_answers, make_measurement
from tests.meetings.factories import make_meeting
from tests.plans.factories import make_goal, make_score, make_version


def test_completed_measurements_reach_the_fhir_bundle_and_outcomes(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=5)
    for family in fw.families:
        member = make_member(session, family)
        t0, t1 = days_ago(date(2026, 1, 12)), days_ago(date(2026, 3, 2))
        make_measurement(
            session, family, member, wave=Wave.t0, answers=brs_answers(2), complete=True, days_ago=t0
        )
        make_measurement(
            session, family, member, wave=Wave.t1, answers=brs_answers(4), complete=True, days_ago=t1
        )
    session.commit()
    family = fw.families[0]
    bundle = client.get(
        f"/api/v1/funder/trajectories/{pseudonym_of(session, fw.client, family.id)}/fhir",
        headers=client_auth(fw.client),
    ).json()
    assert_valid_r4(bundle)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") == 2
    observations = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    changes = [c for o in observations for c in o.get("component", []) if "valueQuantity" in c]
    assert [c["valueQuantity"]["value"] for c in changes] == [2.0]  # the T1 change from T0
    # the BRS ships example norms: its reliable-change class never reaches a funder
    assert not any(o.get("interpretation") for o in observations)
    outcomes = client.get(
        "/api/v1/funder/outcomes",
        params={"from": "2026-01-01", "to": "2026-03-31", "period": "quarter"},
        headers=client_auth(fw.client),
    ).json()
    [change] = [i for c in outcomes["cells"] for i in c["instruments"]]
    assert change["instrument"] == "brs"
    assert change["families"] == {"suppressed": False, "value": 5}
    assert change["reliable_improvement_share"] == {"suppressed": True, "reason": "example_norms"}


def test_goals_gas_levels_and_adopted_plans_reach_fhir_and_outcomes(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=5)
    for family in fw.families:
        goal = make_goal(session, family)
        make_score(session, goal, 1, date(2026, 3, 1))
    session.commit()
    family = fw.families[0]
    make_version(session, family, world.supporter)
    make_version(session, family, world.supporter)  # the plan adopted again
    session.commit()
    bundle = client.get(
        f"/api/v1/funder/trajectories/{pseudonym_of(session, fw.client, family.id)}/fhir",
        headers=client_auth(fw.client),
    ).json()
    assert_valid_r4(bundle)
    text = json.dumps(bundle)
    assert "school" not in text  # the goal's own words never leave
    goal = next(e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Goal")
    assert goal["description"]["coding"][0]["code"] == "education"
    gas = [e["resource"] for e in bundle["entry"] if e["resource"].get("valueInteger") == 1]
    assert len(gas) == 1
    plans = {
        e["fullUrl"]: e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "CarePlan"
    }
    living = [p for p in plans.values() if p["status"] == "active"]
    [old] = [url for url, p in plans.items() if p["status"] == "revoked"]
    assert len(living) == 1 and living[0]["replaces"] == [{"reference": old}]
    assert living[0]["identifier"][0]["value"] == "2"
    outcomes = client.get(
        "/api/v1/funder/outcomes",
        params={"from": "2026-01-01", "to": "2026-03-31", "period": "quarter"},
        headers=client_auth(fw.client),
    ).json()
    assert outcomes["cells"][0]["mean_gas_t_score"]["value"] == pytest.approx(60.0)


def test_held_meetings_reach_the_fhir_bundle_and_outcomes(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=5)
    for family in fw.families:
        make_member(session, family)
        make_meeting(
            session, family, status=MeetingStatus.held, starts_at=datetime(2026, 3, 2, 9, tzinfo=UTC)
        )
    make_meeting(session, fw.families[0], starts_at=datetime(2026, 4, 2, 9, tzinfo=UTC))  # planned: not held
    session.commit()
    family = fw.families[0]
    bundle = client.get(
        f"/api/v1/funder/trajectories/{pseudonym_of(session, fw.client, family.id)}/fhir",
        headers=client_auth(fw.client),
    ).json()
    assert_valid_r4(bundle)
    encounters = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Encounter"]
    assert len(encounters) == 1
    assert "Wijkcentrum" not in json.dumps(bundle)  # the place is free text: it never leaves
    outcomes = client.get(
        "/api/v1/funder/outcomes",
        params={"from": "2026-01-01", "to": "2026-03-31", "period": "quarter"},
        headers=client_auth(fw.client),
    ).json()
    assert outcomes["cells"][0]["meetings_held"] == {"suppressed": False, "value": 5}
