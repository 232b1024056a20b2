"""Pseudonymised trajectories: consenting families of the client's regions only; a valid FHIR R4 Bundle."""

import json
import uuid

import pytest
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.funders import facts
from api.funders.pseudonyms import funder_key, given_out
from api.models import AuditEvent
from tests.conftest import QueryCounter
from tests.factories import World, auth, make_family
from tests.funders.factories import client_auth, consent, make_client, pseudonym_of
from tests.funders.fhir_r4 import InvalidFhirError, assert_valid_r4
from tests.funders.helpers import fake_source, funder_world

URL = "/api/v1/funder/trajectories"
RESOURCE_TYPES = {
    "Group",
    "CarePlan",
    "Goal",
    "CareTeam",
    "Encounter",
    "Questionnaire",
    "QuestionnaireResponse",
    "Observation",
}


def test_list_shows_pseudonyms_and_nothing_personal(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=3)
    response = client.get(URL, headers=client_auth(fw.client))
    assert response.status_code == 200
    items = response.json()["items"]
    expected = {pseudonym_of(session, fw.client, f.id) for f in fw.families}
    assert {i["pseudonym"] for i in items} == expected
    text = response.text
    for family in [*fw.families, fw.other_region_family]:
        assert str(family.id) not in text
        assert family.reference not in text
    assert "Gezin Geheim" not in text
    assert items[0]["started_year_quarter"] == "2026-Q1"
    audited = session.exec(
        select(AuditEvent).where(AuditEvent.actor_id == fw.client.id, AuditEvent.action == "list")
    ).all()
    assert {e.family_id for e in audited} == {f.id for f in fw.families}
    assert {e.actor_type for e in audited} == {"client"}


def test_pseudonyms_are_per_funder_and_survive_new_clients_and_rotation(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=1)
    first = client.get(URL, headers=client_auth(fw.client)).json()["items"][0]["pseudonym"]
    second_system, _ = make_client(session, world.organisation, [world.region])  # the same funder, CZ
    session.commit()
    assert client.get(URL, headers=client_auth(second_system)).json()["items"][0]["pseudonym"] == first
    rotated = client.post(f"/api/v1/funder/clients/{fw.client.id}/rotate-secret", headers=auth(world.admin))
    assert rotated.status_code == 200
    session.refresh(fw.client)
    assert client.get(URL, headers=client_auth(fw.client)).json()["items"][0]["pseudonym"] == first
    # another funder holds another key: the same family would never carry the same pseudonym there
    family = fw.families[0]
    cz = funder_key(session, world.organisation.id, funder_name="CZ")
    menzis = funder_key(session, world.organisation.id, funder_name="Menzis")
    assert cz.pseudonym_key != menzis.pseudonym_key
    assert given_out(session, menzis, family_ids=[family.id])[family.id] != first


def test_a_client_sees_only_its_own_funders_regions(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=1)
    misbound, _ = make_client(session, world.organisation, [world.region], funder="Menzis")  # an old row
    session.commit()
    assert client.get(URL, headers=client_auth(misbound)).json()["items"] == []
    cells = client.get(
        "/api/v1/funder/outcomes", params={"period": "year"}, headers=client_auth(misbound)
    ).json()["cells"]
    assert all(not c.get("families", {}).get("value") for c in cells)
    assert fw.families


def test_pages_are_opaque_and_complete(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=5)
    seen, cursor = [], None
    while True:
        params: dict[str, object] = {"limit": 2} | ({"cursor": cursor} if cursor else {})
        page = client.get(URL, params=params, headers=client_auth(fw.client)).json()
        seen += [i["pseudonym"] for i in page["items"]]
        cursor = page["next_cursor"]
        if cursor is None:
            break
        assert all(str(f.id) not in cursor for f in fw.families)  # no family id, even encoded
    assert len(seen) == len(set(seen)) == 5
    bad = client.get(URL, params={"cursor": "x" * 50}, headers=client_auth(fw.client))
    assert bad.status_code == 422


def test_listing_takes_a_fixed_number_of_queries(
    client: TestClient, session: Session, world: World, count_queries: QueryCounter
) -> None:
    fw = funder_world(session, world, families=1)
    client.get(URL, headers=client_auth(fw.client))  # warm-up: every later request starts uncached
    counts = []
    for extra in (1, 10):  # each page stores the pseudonyms it hands out for the first time: one insert
        for _ in range(extra):
            consent(session, make_family(session, world.organisation, region_id=world.region.id))
        session.commit()
        before = count_queries.count
        assert len(
            client.get(URL, params={"limit": 100}, headers=client_auth(fw.client)).json()["items"]
        ) == 1 + extra + (extra == 10)
        counts.append(count_queries.count - before)
    assert counts[0] == counts[1]


def test_fhir_bundle_validates_as_fhir_r4_and_is_pseudonymised(
    client: TestClient, session: Session, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(facts, "SOURCES", [fake_source])
    fw = funder_world(session, world, families=1)
    family = fw.families[0]
    name = pseudonym_of(session, fw.client, family.id)
    response = client.get(f"{URL}/{name}/fhir", headers=client_auth(fw.client))
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("application/fhir+json")
    body = response.json()
    bundle = assert_valid_r4(body)
    assert body["type"] == "collection" and len(bundle.entry) == len(body["entry"])
    assert {e["resource"]["resourceType"] for e in body["entry"]} == RESOURCE_TYPES
    group = next(e["resource"] for e in body["entry"] if e["resource"]["resourceType"] == "Group")
    assert group["identifier"][0]["value"] == name
    text = json.dumps(body)
    assert str(family.id) not in text and family.reference not in text and "Gezin" not in text
    for fact_id in ("goal", "plan", "meeting", "measurement"):
        assert str(uuid.uuid5(family.id, fact_id)) not in text
    # Every reference resolves inside the bundle.
    urls = {e["fullUrl"] for e in body["entry"]}
    references = {v for v in _values(body, "reference")}
    assert references <= urls
    # Dates are cut to the month.
    assert all(len(v) == 7 for v in _values(body, "effectiveDateTime"))
    exported = session.exec(
        select(AuditEvent).where(AuditEvent.actor_id == fw.client.id, AuditEvent.action == "export")
    ).one()
    assert exported.family_id == family.id


def test_fhir_without_any_facts_is_still_valid(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=1)
    name = pseudonym_of(session, fw.client, fw.families[0].id)
    body = client.get(f"{URL}/{name}/fhir", headers=client_auth(fw.client)).json()
    assert_valid_r4(body)
    assert {e["resource"]["resourceType"] for e in body["entry"]} == {"Group", "CareTeam", "CarePlan"}


@pytest.mark.parametrize(
    ("resource_type", "change"),
    [
        ("Encounter", {"class": [{"coding": [{"code": "AMB"}]}]}),  # R5's shape, not R4's single Coding
        ("Goal", {"lifecycleStatus": None}),  # required in R4
        ("Observation", {"status": "done"}),  # not in R4's required value set
        ("Group", {"nickname": "Gezin"}),  # no such element
    ],
)
def test_the_r4_check_rejects_what_r4_does_not_allow(
    client: TestClient,
    session: Session,
    world: World,
    monkeypatch: pytest.MonkeyPatch,
    resource_type: str,
    change: dict[str, object],
) -> None:
    monkeypatch.setattr(facts, "SOURCES", [fake_source])
    fw = funder_world(session, world, families=1)
    name = pseudonym_of(session, fw.client, fw.families[0].id)
    body = client.get(f"{URL}/{name}/fhir", headers=client_auth(fw.client)).json()
    resource = next(e["resource"] for e in body["entry"] if e["resource"]["resourceType"] == resource_type)
    for key, value in change.items():
        if value is None:
            del resource[key]
        else:
            resource[key] = value
    with pytest.raises((InvalidFhirError, ValueError)):
        assert_valid_r4(body)


def test_other_region_or_no_consent_is_not_found_and_audited(
    client: TestClient, session: Session, world: World
) -> None:
    fw = funder_world(session, world, families=1)
    unconsented = make_family(session, world.organisation, region_id=world.region.id)
    session.commit()
    for family in (fw.other_region_family, unconsented, world.other_org_family):
        name = pseudonym_of(session, fw.client, family.id)
        response = client.get(f"{URL}/{name}/fhir", headers=client_auth(fw.client))
        assert response.status_code == 404
    denied = session.exec(
        select(AuditEvent).where(AuditEvent.actor_id == fw.client.id, AuditEvent.outcome == "denied")
    ).all()
    assert len(denied) == 3
    assert client.get(f"{URL}/not-a-pseudonym/fhir", headers=client_auth(fw.client)).status_code == 422


def test_trajectories_need_their_scope(client: TestClient, session: Session, world: World) -> None:
    fw = funder_world(session, world, families=1)
    name = pseudonym_of(session, fw.client, fw.families[0].id)
    only_outcomes = client_auth(fw.client, scopes=("outcomes:read",))
    assert client.get(URL, headers=only_outcomes).status_code == 403
    assert client.get(f"{URL}/{name}/fhir", headers=only_outcomes).status_code == 403
    assert client.get(URL, headers=client_auth(fw.client)).status_code == 200
    assert client.get(URL).status_code == 401


def _values(node: object, key: str) -> list[str]:
    if isinstance(node, dict):
        found = [node[key]] if key in node and isinstance(node[key], str) else []
        return found + [v for child in node.values() for v in _values(child, key)]
    if isinstance(node, list):
        return [v for child in node for v in _values(child, key)]
    return []
