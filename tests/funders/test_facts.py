"""Fact sources read real measurements (family-outcome instruments only) into trajectories and outcomes."""

from fastapi.testclient import TestClient
from fhir.resources.R4B.bundle import Bundle
from sqlmodel import Session

from api.funders.crypto import pseudonym
from api.models import Wave
from tests.factories import World, make_member
from tests.funders.factories import client_auth
from tests.funders.helpers import funder_world
from tests.measurements.factories import brs_answers, make_measurement


def test_completed_measurements_reach_the_fhir_bundle_and_outcomes(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=5)
    for family in fw.families:
        member = make_member(session, family)
        make_measurement(
            session, family, member, wave=Wave.t0, answers=brs_answers(2), complete=True, days_ago=40
        )
        make_measurement(session, family, member, wave=Wave.t1, answers=brs_answers(4), complete=True)
    session.commit()
    family = fw.families[0]
    bundle = client.get(
        f"/api/v1/funder/trajectories/{pseudonym(fw.client.pseudonym_key, family.id)}/fhir",
        headers=client_auth(fw.client),
    ).json()
    Bundle.model_validate(bundle)
    kinds = [e["resource"]["resourceType"] for e in bundle["entry"]]
    assert kinds.count("QuestionnaireResponse") == 2
    observations = [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation"]
    assert any(o.get("interpretation") for o in observations)  # the T1 change class
    outcomes = client.get(
        "/api/v1/funder/outcomes",
        params={"from": "2026-01-01", "period": "year"},
        headers=client_auth(fw.client),
    ).json()
    [change] = [i for c in outcomes["cells"] for i in c["instruments"]]
    assert change["instrument"] == "brs"
    assert change["families"] == {"suppressed": False, "value": 5}
    assert change["reliable_improvement_share"]["value"] == 1.0
