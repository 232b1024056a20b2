"""Administrators register, list, rotate and revoke funder clients; secrets are shown once, stored hashed."""

import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent, FunderClient
from tests.factories import World, auth, make_organisation, make_region, make_user
from tests.funders.factories import make_client

URL = "/api/v1/funder/clients"


def _body(world: World, **overrides: object) -> dict[str, object]:
    return {
        "name": "CZ datawarehouse",
        "funder_name": "CZ",
        "region_ids": [str(world.region.id)],
        "scopes": ["outcomes:read", "trajectories:read"],
    } | overrides


def test_register_shows_the_secret_once_and_stores_a_hash(
    client: TestClient, session: Session, world: World
) -> None:
    response = client.post(URL, json=_body(world), headers=auth(world.admin))
    assert response.status_code == 201, response.text
    body = response.json()
    assert body["client_id"].startswith("bgc_")
    assert len(body["client_secret"]) >= 43
    stored = session.get(FunderClient, uuid.UUID(body["id"]))
    assert stored is not None
    assert body["client_secret"] != stored.secret_hash
    listed = client.get(URL, headers=auth(world.admin)).json()["items"]
    assert [c["client_id"] for c in listed] == [body["client_id"]]
    assert "client_secret" not in listed[0]
    audited = session.exec(select(AuditEvent).where(AuditEvent.object_id == stored.id)).one()
    assert (audited.action, audited.actor_id) == ("create", world.admin.id)


def test_register_validates(client: TestClient, world: World) -> None:
    headers = auth(world.admin)
    unknown_region = client.post(URL, json=_body(world, region_ids=[str(uuid.uuid4())]), headers=headers)
    assert unknown_region.status_code == 422
    assert unknown_region.json()["errors"][0]["field"] == "region_ids"
    assert client.post(URL, json=_body(world, scopes=["families:write"]), headers=headers).status_code == 422
    assert client.post(URL, json=_body(world, scopes=[]), headers=headers).status_code == 422
    assert client.post(URL, json=_body(world, secret="mine"), headers=headers).status_code == 422
    foreign = client.post(URL, json=_body(world, funder_name="Menzis"), headers=headers)  # a CZ region
    assert foreign.status_code == 422 and foreign.json()["errors"][0]["field"] == "region_ids"


def test_only_administrators_and_only_their_own_organisation(
    client: TestClient, session: Session, world: World
) -> None:
    assert client.post(URL, json=_body(world), headers=auth(world.coordinator)).status_code == 403
    elsewhere = make_organisation(session)
    foreign, _ = make_client(session, elsewhere, [make_region(session)])
    other_admin = make_user(session, elsewhere, world.admin.role)
    session.commit()
    assert client.get(URL, headers=auth(world.admin)).json()["items"] == []
    for action in ("rotate-secret", "revoke"):
        assert client.post(f"{URL}/{foreign.id}/{action}", headers=auth(world.admin)).status_code == 404
    assert client.post(f"{URL}/{foreign.id}/revoke", headers=auth(other_admin)).status_code == 200
    assert client.post(f"{URL}/{foreign.id}/rotate-secret", headers=auth(other_admin)).status_code == 409
