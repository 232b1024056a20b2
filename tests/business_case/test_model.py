"""GET|PUT /business-case/model: the voorbeeldmodel on first use, edits as new versions, old ones frozen."""

from typing import Any

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, BusinessCaseModel
from tests.business_case.factories import small_model
from tests.factories import World, auth

MODEL = "/api/v1/business-case/model"


def _edit(client: TestClient, world: World, model: dict[str, Any], based_on: int = 1) -> Any:
    return client.put(
        MODEL,
        headers=auth(world.admin),
        json={"based_on_version": based_on, "change_note": "Eigen tarieven 2026", "model": model},
    )


def test_the_shipped_model_is_version_one_and_says_it_is_an_example(client: TestClient, world: World) -> None:
    body = client.get(MODEL, headers=auth(world.supporter)).json()
    assert body["version"] == 1
    assert body["model"]["is_example"] is True
    assert "Voorbeeldmodel" in body["model"]["notice_nl"]
    assert len(body["model"]["family_types"]) == 6 and len(body["model"]["cost_factors"]) == 30
    factor = body["model"]["cost_factors"][0]
    assert isinstance(factor["unit_cost"], str) and factor["unit_cost"] == "350.00"  # a decimal string


def test_an_edit_is_a_new_version_and_the_old_one_never_changes(
    client: TestClient, session: Session, world: World
) -> None:
    before = client.get(MODEL, headers=auth(world.admin)).json()
    response = _edit(client, world, small_model())
    assert response.status_code == 200, response.text
    assert response.json()["version"] == 2
    assert response.json()["created_by_name"] == world.admin.full_name
    assert client.get(f"{MODEL}?version=1", headers=auth(world.admin)).json() == before
    assert client.get(MODEL, headers=auth(world.coordinator)).json()["model"]["name"] == "Testmodel"
    versions = client.get(f"{MODEL}/versions", headers=auth(world.coordinator)).json()["items"]
    assert [(v["version"], v["is_example"]) for v in versions] == [(2, False), (1, True)]
    assert versions[0]["change_note"] == "Eigen tarieven 2026"
    assert session.exec(
        select(AuditEvent).where(
            AuditEvent.object_type == "business_case_model", AuditEvent.action == "create"
        )
    ).first()


def test_editing_an_older_version_is_a_conflict(client: TestClient, world: World) -> None:
    assert _edit(client, world, small_model()).status_code == 200
    stale = _edit(client, world, small_model(name="Ander model"), based_on=1)
    assert stale.status_code == 409
    assert stale.json()["errors"][0]["field"] == "based_on_version"


def test_an_invalid_model_is_refused_naming_the_field(client: TestClient, world: World) -> None:
    model = small_model()
    model["cost_factors"][0]["unit_cost_low"] = "999"  # above the unit cost
    response = _edit(client, world, model)
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"
    assert any("cost_factors" in e["field"] for e in response.json()["errors"])


def test_only_administrators_edit_and_an_unknown_version_is_404(client: TestClient, world: World) -> None:
    response = client.put(
        MODEL,
        headers=auth(world.coordinator),
        json={"based_on_version": 1, "change_note": "x", "model": small_model()},
    )
    assert response.status_code == 403
    assert client.get(f"{MODEL}?version=9", headers=auth(world.admin)).status_code == 404
    assert client.get(MODEL).status_code == 401


def test_each_organisation_has_its_own_model(client: TestClient, session: Session, world: World) -> None:
    assert _edit(client, world, small_model()).status_code == 200
    other = client.get(MODEL, headers=auth(world.other_org_coordinator)).json()
    assert other["version"] == 1 and other["model"]["is_example"] is True
    assert len(session.exec(select(BusinessCaseModel)).all()) == 3
