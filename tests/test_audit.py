"""Every access to family data leaves an audit event; the log is append-only."""

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError
from sqlmodel import Session, select

from api.models import AuditEvent
from tests.factories import World, auth


def _events(session: Session, world: World) -> list[AuditEvent]:
    return list(session.exec(select(AuditEvent).where(AuditEvent.family_id == world.family.id)).all())


def test_read_writes_a_complete_event(client: TestClient, session: Session, world: World) -> None:
    client.get(
        f"/api/v1/families/{world.family.id}",
        headers=auth(world.supporter) | {"X-Access-Purpose": "huisbezoek"},
    )
    [event] = _events(session, world)
    assert event.action == "read"
    assert event.actor_id == world.supporter.id
    assert event.actor_role == "supporter"
    assert event.object_type == "family"
    assert event.outcome == "success"
    assert event.client_address == "testclient"
    assert event.purpose == "huisbezoek"
    assert event.occurred_at.tzinfo is not None


def test_each_kind_of_access_is_audited(client: TestClient, session: Session, world: World) -> None:
    headers, url = auth(world.coordinator), f"/api/v1/families/{world.family.id}"
    client.get("/api/v1/families", headers=headers)
    client.get(url, headers=headers)
    client.patch(url, json={"municipality": "Assen"}, headers=headers | {"If-Match": "*"})
    client.post(f"{url}/members", json={"display_name": "Kees", "role": "parent"}, headers=headers)
    client.get(f"{url}/export", headers=headers)
    client.post(f"{url}/archive", headers=headers)
    actions = [e.action for e in _events(session, world)]
    assert sorted(actions) == sorted(["list", "read", "update", "create", "export", "archive"])


def test_refused_access_is_audited_as_denied(client: TestClient, session: Session, world: World) -> None:
    response = client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.other_supporter))
    assert response.status_code == 404
    [event] = _events(session, world)
    assert (event.outcome, event.actor_id) == ("denied", world.other_supporter.id)


def test_failed_change_leaves_only_the_audit_trail(
    client: TestClient, session: Session, world: World
) -> None:
    url = f"/api/v1/families/{world.family.id}"
    response = client.patch(
        url, json={"status": "closed"}, headers=auth(world.supporter) | {"If-Match": '"1"'}
    )
    assert response.status_code == 409
    assert client.get(url, headers=auth(world.supporter)).json()["version"] == 1
    assert "update" not in [e.action for e in _events(session, world)]


def test_access_log_for_staff(client: TestClient, world: World) -> None:
    client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.supporter))
    log = client.get(f"/api/v1/families/{world.family.id}/access-log", headers=auth(world.coordinator)).json()
    assert [e["action"] for e in log["items"]] == ["read_access_log", "read"]
    assert [e["actor_name"] for e in log["items"]] == [world.coordinator.full_name, world.supporter.full_name]
    forbidden = client.get(f"/api/v1/families/{world.family.id}/access-log", headers=auth(world.supporter))
    assert forbidden.status_code == 403


def test_admin_filters_the_audit_log(client: TestClient, world: World) -> None:
    client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.supporter))
    client.get(f"/api/v1/families/{world.other_caseload_family.id}", headers=auth(world.coordinator))
    everything = client.get("/api/v1/audit-events", headers=auth(world.admin)).json()["items"]
    assert len(everything) == 2
    mine = client.get(
        "/api/v1/audit-events", params={"actor_id": str(world.supporter.id)}, headers=auth(world.admin)
    ).json()["items"]
    assert [e["family_id"] for e in mine] == [str(world.family.id)]
    other_org = client.get("/api/v1/audit-events", headers=auth(world.other_org_coordinator))
    assert other_org.status_code == 403


def test_no_route_changes_the_audit_log(client: TestClient) -> None:
    paths = client.get("/api/v1/openapi.json").json()["paths"]
    for path, operations in paths.items():
        if "audit" in path or "access-log" in path:
            assert set(operations) == {"get"}, path


def test_database_refuses_to_change_audit_events(client: TestClient, session: Session, world: World) -> None:
    if session.get_bind().dialect.name != "postgresql":
        pytest.skip("the append-only trigger is a PostgreSQL feature")
    client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.supporter))
    for statement in ("UPDATE audit_event SET outcome = 'x'", "DELETE FROM audit_event"):
        # The application's role may not even try (no UPDATE/DELETE grant); the owner meets the trigger
        # (tests/test_audit_roles.py).
        with pytest.raises(DBAPIError, match=r"append-only|permission denied"), session.begin_nested():
            session.execute(text(statement))
