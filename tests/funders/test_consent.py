"""Consent per family: recorded by staff (who and when), versioned, audited, scoped like the family."""

from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.models import AuditEvent
from tests.factories import World, auth

BODY = {"funder_data": True, "research": False, "aggregates_only": False}


def _url(world: World) -> str:
    return f"/api/v1/families/{world.family.id}/consent"


def test_nothing_recorded_means_nothing_shared(client: TestClient, world: World) -> None:
    response = client.get(_url(world), headers=auth(world.supporter))
    assert response.status_code == 200
    assert response.json() | {"family_id": None} == {
        "family_id": None,
        "funder_data": False,
        "research": False,
        "aggregates_only": False,
        "recorded_by": None,
        "recorded_at": None,
        "version": 0,
    }


def test_staff_record_consent_with_who_and_when(client: TestClient, session: Session, world: World) -> None:
    first = client.put(_url(world), json=BODY, headers=auth(world.supporter))
    assert first.status_code == 200, first.text
    assert first.json()["recorded_by"] == str(world.supporter.id)
    assert first.json()["recorded_at"] is not None
    assert first.headers["etag"] == '"1"'
    # A change needs the version that was read.
    assert client.put(_url(world), json=BODY, headers=auth(world.coordinator)).status_code == 428
    changed = client.put(
        _url(world), json=BODY | {"research": True}, headers=auth(world.coordinator) | {"If-Match": '"1"'}
    )
    assert changed.json()["research"] is True
    assert changed.json()["recorded_by"] == str(world.coordinator.id)
    assert changed.headers["etag"] == '"2"'
    stale = client.put(_url(world), json=BODY, headers=auth(world.coordinator) | {"If-Match": '"1"'})
    assert stale.status_code == 412
    events = session.exec(
        select(AuditEvent.action).where(
            AuditEvent.family_id == world.family.id, AuditEvent.object_type == "consent"
        )
    ).all()
    assert events.count("update") == 2


def test_consent_body_is_strict(client: TestClient, world: World) -> None:
    response = client.put(_url(world), json=BODY | {"network": True}, headers=auth(world.supporter))
    assert response.status_code == 422


def test_consent_outside_scope_is_not_found(client: TestClient, world: World) -> None:
    url = f"/api/v1/families/{world.other_org_family.id}/consent"
    assert client.get(url, headers=auth(world.coordinator)).status_code == 404
    assert client.put(url, json=BODY, headers=auth(world.coordinator)).status_code == 404
    assert client.get(_url(world)).status_code == 401
