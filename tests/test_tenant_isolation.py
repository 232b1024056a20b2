"""Shared reference data (regions, life domains): no care organisation changes what another sees; a platform
operator does, audited and with If-Match."""

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from api.models import AuditEvent
from tests.factories import World, auth


def _operator(session: Session, world: World) -> dict[str, str]:
    world.admin.platform_operator = True
    session.commit()
    return auth(world.admin)


def test_no_administrator_of_a_care_organisation_changes_a_region(client: TestClient, world: World) -> None:
    for user in (world.admin, world.coordinator, world.supporter):
        patch = client.patch(
            f"/api/v1/regions/{world.region.id}",
            json={"funder_name": "Anders"},
            headers=auth(user) | {"If-Match": "*"},
        )
        assert patch.status_code == 403
        create = client.post(
            "/api/v1/regions", json={"name": "Nergens", "funder_name": "X"}, headers=auth(user)
        )
        assert create.status_code == 403
    seen = client.get("/api/v1/regions", headers=auth(world.other_org_coordinator)).json()["items"]
    assert {r["funder_name"] for r in seen if r["id"] == str(world.region.id)} == {"CZ"}


def test_a_platform_operator_changes_a_region_with_if_match_and_it_is_audited(
    client: TestClient, session: Session, world: World
) -> None:
    headers = _operator(session, world)
    url = f"/api/v1/regions/{world.region.id}"
    assert client.patch(url, json={"funder_name": "VGZ"}, headers=headers).status_code == 428
    assert (
        client.patch(url, json={"funder_name": "VGZ"}, headers=headers | {"If-Match": '"7"'}).status_code
        == 412
    )
    changed = client.patch(url, json={"funder_name": "VGZ"}, headers=headers | {"If-Match": '"1"'})
    assert changed.status_code == 200, changed.text
    assert changed.headers["etag"] == '"2"' and changed.json()["version"] == 2
    stale = client.patch(url, json={"funder_name": "CZ"}, headers=headers | {"If-Match": '"1"'})
    assert stale.status_code == 412
    created = client.post(
        "/api/v1/regions", json={"name": "Twente", "funder_name": "Menzis"}, headers=headers
    )
    assert created.status_code == 201
    audited = session.exec(
        select(AuditEvent.action).where(
            AuditEvent.object_type == "region", AuditEvent.actor_id == world.admin.id
        )
    ).all()
    assert sorted(audited) == ["create", "update"]


def test_life_domains_are_added_only_by_a_platform_operator_and_audited(
    client: TestClient, session: Session, world: World
) -> None:
    body = {"code": "zingeving", "label_nl": "Zingeving", "label_en": "Meaning"}
    assert client.post("/api/v1/life-domains", json=body, headers=auth(world.admin)).status_code == 403
    created = client.post("/api/v1/life-domains", json=body, headers=_operator(session, world))
    assert created.status_code == 201
    assert session.exec(
        select(AuditEvent.id).where(
            AuditEvent.object_type == "life_domain",
            col(AuditEvent.action) == "create",
            AuditEvent.actor_id == world.admin.id,
        )
    ).first()


def test_me_says_whether_you_are_a_platform_operator(
    client: TestClient, session: Session, world: World
) -> None:
    assert client.get("/api/v1/users/me", headers=auth(world.admin)).json()["platform_operator"] is False
    assert (
        client.get("/api/v1/users/me", headers=_operator(session, world)).json()["platform_operator"] is True
    )
