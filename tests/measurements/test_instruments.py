"""Instruments as data: the catalogue per organisation, licence everywhere, versions on edit; factors."""

from fastapi.testclient import TestClient
from sqlmodel import Session, func, select

from api.measurements.factors import DEFAULT_FACTORS
from api.models import FamilyMember, Instrument
from tests.factories import World, auth
from tests.measurements.factories import brs_answers, make_measurement, rating_definition

URL = "/api/v1/instruments"


def test_every_role_lists_the_shipped_catalogue_with_licences(client: TestClient, world: World) -> None:
    response = client.get(URL, headers=auth(world.supporter))
    assert response.status_code == 200, response.text
    items = {i["code"]: i for i in response.json()["items"]}
    assert set(items) == {"brs", "checkin", "ediz_plus", "fqol_beach", "uwes9"}
    assert items["fqol_beach"]["licence"]["item_text_reproducible"] is False
    assert items["uwes9"]["use"] == "staff_wellbeing"
    assert all(i["licence"]["owner"] and i["version"] == 1 for i in items.values())


def test_catalogue_is_loaded_once_per_organisation(
    client: TestClient, session: Session, world: World
) -> None:
    client.get(URL, headers=auth(world.supporter))
    client.get(URL, headers=auth(world.admin))
    client.get(URL, headers=auth(world.other_org_coordinator))
    count = session.exec(
        select(func.count())
        .select_from(Instrument)
        .where(Instrument.organisation_id == world.organisation.id)
    ).one()
    assert count == 5


def test_reading_an_instrument_gives_the_definition_and_versions(client: TestClient, world: World) -> None:
    response = client.get(f"{URL}/brs", headers=auth(world.coordinator))
    assert response.status_code == 200
    body = response.json()
    assert body["definition"]["code"] == "brs"
    assert body["definition"]["licence"]["owner"].startswith("Bruce W. Smith")
    assert [v["version"] for v in body["versions"]] == [1]
    assert client.get(f"{URL}/zarit", headers=auth(world.coordinator)).status_code == 404


def test_unauthenticated_is_401(client: TestClient) -> None:
    assert client.get(URL).status_code == 401
    assert client.post(URL, json=rating_definition()).status_code == 401


def test_admin_defines_a_new_instrument(client: TestClient, world: World) -> None:
    response = client.post(URL, json=rating_definition() | {"version": 7}, headers=auth(world.admin))
    assert response.status_code == 201, response.text
    assert response.json()["definition"]["version"] == 1  # a new instrument always starts at version 1
    again = client.post(URL, json=rating_definition(), headers=auth(world.admin))
    assert again.status_code == 409
    assert client.post(URL, json=rating_definition("x2"), headers=auth(world.coordinator)).status_code == 403


def test_a_definition_is_validated_before_it_is_stored(client: TestClient, world: World) -> None:
    bad = rating_definition()
    bad["total"]["items"] = [1, 2, 3]  # item 3 does not exist
    response = client.post(URL, json=bad, headers=auth(world.admin))
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert "unknown items [3]" in response.text
    too_long = client.get(f"{URL}/fqol_beach", headers=auth(world.admin)).json()["definition"]
    too_long["items"][3]["text_nl"] = "x" * 501
    response = client.put(f"{URL}/fqol_beach", json=too_long, headers=auth(world.admin))
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "items.3.text_nl"


def test_a_licensee_types_in_the_licensed_wording(client: TestClient, world: World) -> None:
    edited = client.get(f"{URL}/fqol_beach", headers=auth(world.admin)).json()["definition"]
    assert all(item.get("text_nl") is None for item in edited["items"])  # shipped without wording
    edited["items"][0] |= {"text_nl": "Onze gezinsleden helpen elkaar.", "text_en": "We help each other."}
    edited["option_sets"][0]["options"][0]["label"]["nl"] = "Heel ontevreden"
    response = client.put(f"{URL}/fqol_beach", json=edited, headers=auth(world.admin))
    assert response.status_code == 200, response.text
    definition = response.json()["definition"]
    assert definition["items"][0]["text_nl"] == "Onze gezinsleden helpen elkaar."
    assert definition["option_sets"][0]["options"][0]["label"]["nl"] == "Heel ontevreden"
    read = client.get(f"{URL}/fqol_beach", headers=auth(world.supporter)).json()["definition"]
    assert read["items"][0]["text_en"] == "We help each other."


def test_editing_an_unanswered_version_replaces_it(client: TestClient, world: World) -> None:
    client.post(URL, json=rating_definition(), headers=auth(world.admin))
    edited = rating_definition()
    edited["name"] = {"nl": "Nieuwe naam", "en": "New name"}
    response = client.put(f"{URL}/supporter_rating", json=edited, headers=auth(world.admin))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created_new_version"] is False
    assert [v["version"] for v in body["versions"]] == [1]
    assert body["definition"]["name"]["nl"] == "Nieuwe naam"


def test_editing_an_answered_version_makes_a_new_version(
    client: TestClient, session: Session, world: World
) -> None:
    parent = session.exec(select(FamilyMember).where(FamilyMember.family_id == world.family.id)).one()
    old = make_measurement(session, world.family, parent, answers=brs_answers(3), complete=True)
    session.commit()
    edited = client.get(f"{URL}/brs", headers=auth(world.admin)).json()["definition"]
    edited["items"][0]["text_nl"] = "Ik herstel snel na moeilijke tijden."
    response = client.put(f"{URL}/brs", json=edited, headers=auth(world.admin))
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["created_new_version"] is True
    assert [(v["version"], v["n_measurements"]) for v in body["versions"]] == [(1, 1), (2, 0)]
    assert body["definition"]["version"] == 2
    # the answered measurement still shows the version it was answered on
    read = client.get(
        f"/api/v1/families/{world.family.id}/measurements/{old.id}", headers=auth(world.supporter)
    )
    assert read.json()["instrument_version"] == 1
    assert read.json()["instrument"]["items"][0].get("text_nl") is None
    mismatch = client.put(f"{URL}/brs", json=edited | {"code": "other"}, headers=auth(world.admin))
    assert mismatch.status_code == 422
    assert mismatch.json()["errors"][0]["field"] == "code"


def test_factors_are_seeded_and_administered(client: TestClient, world: World) -> None:
    listed = client.get("/api/v1/factors", headers=auth(world.supporter))
    assert listed.status_code == 200
    codes = {f["code"]: f for f in listed.json()["items"]}
    assert len(codes) == len(DEFAULT_FACTORS)
    assert codes["waiting_lists"]["kind"] == "hindering"
    assert codes["family_trust"]["label_nl"] == "Vertrouwen van het gezin"
    body = {"code": "housing_shortage", "kind": "hindering", "label_nl": "Woningnood", "label_en": "Housing"}
    created = client.post("/api/v1/factors", json=body, headers=auth(world.admin))
    assert created.status_code == 201
    assert client.post("/api/v1/factors", json=body, headers=auth(world.admin)).status_code == 409
    assert client.post("/api/v1/factors", json=body, headers=auth(world.coordinator)).status_code == 403
    url = f"/api/v1/factors/{created.json()['id']}"
    assert client.patch(url, json={"is_active": False}, headers=auth(world.admin)).status_code == 428
    retired = client.patch(url, json={"is_active": False}, headers=auth(world.admin) | {"If-Match": '"1"'})
    assert retired.status_code == 200 and retired.headers["etag"] == '"2"'
    stale = client.patch(url, json={"label_en": "X"}, headers=auth(world.admin) | {"If-Match": '"1"'})
    assert stale.status_code == 412
    active = client.get("/api/v1/factors", headers=auth(world.admin)).json()["items"]
    assert "housing_shortage" not in {f["code"] for f in active}
    other_org = client.patch(url, json={"label_en": "X"}, headers=auth(world.other_org_coordinator))
    assert other_org.status_code == 403  # admin-only route; another organisation's admin would get 404


def test_the_plan_shows_an_edited_definition_at_once(client: TestClient, world: World) -> None:
    """Definitions are kept per stored row; an edit that replaces a row makes a new one: nothing stale."""
    client.post(URL, json=rating_definition(), headers=auth(world.admin))
    plan_url = f"/api/v1/families/{world.family.id}/measurement-plan"

    def names() -> set[str]:
        entries = client.get(plan_url, headers=auth(world.supporter)).json()["entries"]
        return {e["instrument_name"]["nl"] for e in entries if e["instrument_code"] == "supporter_rating"}

    assert names() == {"Inschatting"}
    edited = rating_definition()
    edited["name"] = {"nl": "Nieuwe naam", "en": "New name"}
    assert client.put(f"{URL}/supporter_rating", json=edited, headers=auth(world.admin)).status_code == 200
    assert names() == {"Nieuwe naam"}
