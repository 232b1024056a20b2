"""The token endpoint: password grant, throttling, refresh rotation and log-out."""

from fastapi.testclient import TestClient
from sqlmodel import Session

from api.core.config import get_settings
from tests.factories import PASSWORD, World

TOKEN = "/api/v1/auth/token"


def test_password_grant_gives_short_lived_tokens(client: TestClient, world: World) -> None:
    response = client.post(
        TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
    )
    assert response.status_code == 200
    body = response.json()
    assert body["token_type"] == "bearer"
    assert 0 < body["expires_in"] <= 30 * 60
    assert body["refresh_token"]
    assert response.headers["cache-control"] == "no-store"
    me = client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {body['access_token']}"})
    assert me.json()["email"] == world.supporter.email


def test_email_is_case_insensitive(client: TestClient, world: World) -> None:
    response = client.post(
        TOKEN,
        data={"grant_type": "password", "username": world.supporter.email.upper(), "password": PASSWORD},
    )
    assert response.status_code == 200


def test_wrong_password_and_unknown_email_look_the_same(client: TestClient, world: World) -> None:
    wrong = client.post(
        TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": "nope"}
    )
    unknown = client.post(
        TOKEN, data={"grant_type": "password", "username": "nobody@example.nl", "password": "nope"}
    )
    assert wrong.status_code == unknown.status_code == 401
    assert wrong.json() == unknown.json()
    assert wrong.json()["error"] == "invalid_grant"


def test_failed_logins_are_throttled_per_account(client: TestClient, world: World) -> None:
    limit = get_settings().login_max_failures_per_account
    for _ in range(limit):
        bad = client.post(
            TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": "x"}
        )
        assert bad.status_code == 401
    blocked = client.post(
        TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
    )
    assert blocked.status_code == 429
    assert int(blocked.headers["retry-after"]) > 0
    other = client.post(
        TOKEN, data={"grant_type": "password", "username": world.coordinator.email, "password": PASSWORD}
    )
    assert other.status_code == 200


def test_failed_logins_are_throttled_per_address(client: TestClient, world: World) -> None:
    limit = get_settings().login_max_failures_per_address
    for n in range(limit):
        client.post(TOKEN, data={"grant_type": "password", "username": f"u{n}@example.nl", "password": "x"})
    blocked = client.post(
        TOKEN, data={"grant_type": "password", "username": world.coordinator.email, "password": PASSWORD}
    )
    assert blocked.status_code == 429


def test_refresh_rotates_and_a_used_token_is_refused(client: TestClient, world: World) -> None:
    first = client.post(
        TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
    )
    old_refresh = first.json()["refresh_token"]
    rotated = client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": old_refresh})
    assert rotated.status_code == 200
    new_refresh = rotated.json()["refresh_token"]
    assert new_refresh != old_refresh
    reused = client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": old_refresh})
    assert reused.status_code == 400
    assert reused.json()["error"] == "invalid_grant"
    # Reuse means theft is possible: the whole log-in is ended, the newest token too.
    after = client.post(TOKEN, data={"grant_type": "refresh_token", "refresh_token": new_refresh})
    assert after.status_code == 400


def test_refresh_from_cookie_and_logout(client: TestClient, world: World) -> None:
    client.post(
        TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
    )
    assert "bondgenoot_refresh" in client.cookies
    refreshed = client.post(TOKEN, data={"grant_type": "refresh_token"})
    assert refreshed.status_code == 200
    assert client.post("/api/v1/auth/logout").status_code == 204
    assert (
        client.post(
            TOKEN, data={"grant_type": "refresh_token", "refresh_token": refreshed.json()["refresh_token"]}
        ).status_code
        == 400
    )


def test_access_token_is_not_a_refresh_token(client: TestClient, world: World) -> None:
    first = client.post(
        TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
    )
    response = client.post(
        TOKEN, data={"grant_type": "refresh_token", "refresh_token": first.json()["access_token"]}
    )
    assert response.status_code == 401


def test_inactive_user_cannot_log_in(client: TestClient, session: Session, world: World) -> None:
    world.supporter.is_active = False
    session.flush()
    response = client.post(
        TOKEN, data={"grant_type": "password", "username": world.supporter.email, "password": PASSWORD}
    )
    assert response.status_code == 401


def test_unknown_grant_type_is_a_validation_error(client: TestClient) -> None:
    response = client.post(TOKEN, data={"grant_type": "magic"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "grant_type"
