"""Account administration: deactivate, reactivate, change roles, reset and change passwords, all audited."""

import uuid

from fastapi.testclient import TestClient
from sqlmodel import Session, col, select

from api.models import AuditEvent, Role
from tests.factories import PASSWORD, World, auth, make_user

TOKEN = "/api/v1/auth/token"
NEW = "een nieuwe lange zin 42"


def _login(client: TestClient, email: str, password: str = PASSWORD) -> dict[str, str]:
    response = client.post(TOKEN, data={"grant_type": "password", "username": email, "password": password})
    assert response.status_code == 200, response.text
    return response.json()


def _audited(session: Session, action: str, object_id: object) -> bool:
    return (
        session.exec(
            select(AuditEvent.id).where(AuditEvent.action == action, col(AuditEvent.object_id) == object_id)
        ).first()
        is not None
    )


def test_deactivation_ends_every_session_at_once(client: TestClient, session: Session, world: World) -> None:
    tokens = _login(client, world.supporter.email)
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get("/api/v1/users/me", headers=bearer).status_code == 200
    off = client.patch(
        f"/api/v1/users/{world.supporter.id}", json={"is_active": False}, headers=auth(world.admin)
    )
    assert off.status_code == 200 and off.json()["is_active"] is False
    assert client.get("/api/v1/users/me", headers=bearer).status_code == 401
    refreshed = client.post(
        TOKEN, data={"grant_type": "refresh_token", "refresh_token": tokens["refresh_token"]}
    )
    assert refreshed.status_code == 400
    assert _audited(session, "deactivate", world.supporter.id)

    on = client.patch(
        f"/api/v1/users/{world.supporter.id}", json={"is_active": True}, headers=auth(world.admin)
    )
    assert on.status_code == 200
    assert client.get("/api/v1/users/me", headers=bearer).status_code == 401  # the old session stays ended
    assert _login(client, world.supporter.email)["access_token"]
    assert _audited(session, "reactivate", world.supporter.id)


def test_an_administrator_changes_a_role(client: TestClient, session: Session, world: World) -> None:
    changed = client.patch(
        f"/api/v1/users/{world.supporter.id}", json={"role": "coordinator"}, headers=auth(world.admin)
    )
    assert changed.status_code == 200 and changed.json()["role"] == "coordinator"
    assert client.get("/api/v1/users", headers=auth(world.supporter)).status_code == 200  # now staff
    assert _audited(session, "update", world.supporter.id)


def test_an_administrator_cannot_lock_themselves_out(client: TestClient, world: World) -> None:
    for body in ({"is_active": False}, {"role": "supporter"}):
        response = client.patch(f"/api/v1/users/{world.admin.id}", json=body, headers=auth(world.admin))
        assert response.status_code == 409


def test_only_administrators_manage_accounts(client: TestClient, world: World) -> None:
    url = f"/api/v1/users/{world.supporter.id}"
    assert client.patch(url, json={"is_active": False}, headers=auth(world.coordinator)).status_code == 403
    assert client.patch(url, json={"is_active": False}).status_code == 401


def test_another_organisations_account_is_not_found(client: TestClient, world: World) -> None:
    url = f"/api/v1/users/{world.other_org_coordinator.id}"
    assert client.patch(url, json={"is_active": False}, headers=auth(world.admin)).status_code == 404
    reset = client.post(f"{url}/reset-password", json={"new_password": NEW}, headers=auth(world.admin))
    assert reset.status_code == 404


def test_a_password_reset_ends_sessions_and_sets_the_new_password(
    client: TestClient, session: Session, world: World
) -> None:
    tokens = _login(client, world.supporter.email)
    reset = client.post(
        f"/api/v1/users/{world.supporter.id}/reset-password",
        json={"new_password": NEW},
        headers=auth(world.admin),
    )
    assert reset.status_code == 200
    bearer = {"Authorization": f"Bearer {tokens['access_token']}"}
    assert client.get("/api/v1/users/me", headers=bearer).status_code == 401
    assert (
        client.post(
            TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
        ).status_code
        == 401
    )
    assert _login(client, world.supporter.email, NEW)
    assert _audited(session, "reset_password", world.supporter.id)


def test_changing_your_own_password_ends_your_other_sessions(
    client: TestClient, session: Session, world: World
) -> None:
    other = _login(client, world.supporter.email)
    this = _login(client, world.supporter.email)
    changed = client.post(
        "/api/v1/users/me/password",
        json={"current_password": PASSWORD, "new_password": NEW},
        headers={"Authorization": f"Bearer {this['access_token']}"},
    )
    assert changed.status_code == 200, changed.text
    fresh = changed.json()
    assert (
        client.get(
            "/api/v1/users/me", headers={"Authorization": f"Bearer {fresh['access_token']}"}
        ).status_code
        == 200
    )
    assert (
        client.get(
            "/api/v1/users/me", headers={"Authorization": f"Bearer {other['access_token']}"}
        ).status_code
        == 401
    )
    stale = client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": other["refresh_token"]})
    assert stale.status_code == 400
    assert (
        client.post(
            TOKEN, data={"grant_type": "refresh_token", "refresh_token": fresh["refresh_token"]}
        ).status_code
        == 200
    )
    assert _audited(session, "change_password", world.supporter.id)


def test_changing_your_password_needs_the_current_one(client: TestClient, world: World) -> None:
    wrong = client.post(
        "/api/v1/users/me/password",
        json={"current_password": "not it at all", "new_password": NEW},
        headers=auth(world.supporter),
    )
    assert wrong.status_code == 422
    assert wrong.json()["errors"][0]["field"] == "current_password"
    assert (
        client.post(
            "/api/v1/users/me/password", json={"current_password": PASSWORD, "new_password": NEW}
        ).status_code
        == 401
    )


def test_common_and_breached_passwords_are_refused(client: TestClient, world: World) -> None:
    for weak in ("password1234", "qwertyuiop123", "wachtwoord123", "aaaaaaaaaaaaaa", "123456789012"):
        response = client.post(
            "/api/v1/users",
            json={"email": "nieuw@example.nl", "full_name": "Nieuw", "role": "supporter", "password": weak},
            headers=auth(world.admin),
        )
        assert response.status_code == 422, weak
        assert response.json()["errors"][0]["field"] == "password"
    short = client.post(
        "/api/v1/users/me/password",
        json={"current_password": PASSWORD, "new_password": "kort"},
        headers=auth(world.supporter),
    )
    assert short.status_code == 422


def test_the_create_answer_does_not_tell_which_organisation_has_an_address(
    client: TestClient, session: Session, world: World
) -> None:
    own = make_user(session, world.organisation, Role.supporter, email="eigen@example.nl")
    session.commit()
    answers = [
        client.post(
            "/api/v1/users",
            json={"email": email, "full_name": "X", "role": "supporter", "password": NEW},
            headers=auth(world.admin),
        )
        for email in (own.email, world.other_org_coordinator.email)
    ]
    assert [a.status_code for a in answers] == [409, 409]
    assert answers[0].json() == answers[1].json()
    assert world.other_org_coordinator.email not in answers[1].text
    made = client.post(
        "/api/v1/users",
        json={"email": "m.devries@example.nl", "full_name": "Nieuw", "role": "supporter", "password": NEW},
        headers=auth(world.admin),
    )
    assert made.status_code == 201
    assert _audited(session, "create", uuid.UUID(made.json()["id"]))


def test_a_locked_account_can_still_log_in_from_elsewhere(
    client: TestClient, app: object, world: World
) -> None:
    for _ in range(10):
        client.post(
            TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": "nope"}
        )
    assert (
        client.post(
            TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
        ).status_code
        == 429
    )
    with TestClient(app, client=("198.51.100.7", 50000), raise_server_exceptions=False) as elsewhere:  # type: ignore[arg-type]
        response = elsewhere.post(
            TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
        )
    assert response.status_code == 200
