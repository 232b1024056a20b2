"""The client-credentials grant (RFC 6749 §4.4): Basic or form authentication, scopes, short-lived tokens."""

import base64
from datetime import timedelta

import pytest
from authlib.integrations.httpx_client import OAuth2Client
from fastapi.testclient import TestClient
from sqlmodel import Session, select

from api.core.config import get_settings
from api.models import AuditEvent
from tests.factories import World, auth
from tests.funders.factories import make_client

TOKEN = "/api/v1/auth/token"


def _basic(client_id: str, secret: str) -> dict[str, str]:
    return {"Authorization": "Basic " + base64.b64encode(f"{client_id}:{secret}".encode()).decode()}


def test_basic_authentication_exactly_as_rfc_6749_shows(
    client: TestClient, session: Session, world: World
) -> None:
    funder, secret = make_client(session, world.organisation, [world.region])
    session.commit()
    response = client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers=_basic(funder.client_id, secret)
    )
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["token_type"] == "bearer"
    assert body["expires_in"] == get_settings().funder_token_minutes * 60
    assert body["scope"] == "outcomes:read trajectories:read webhooks:manage"
    assert "refresh_token" not in body
    assert response.headers["cache-control"] == "no-store"
    assert "bondgenoot_refresh" not in response.cookies
    outcomes = client.get(
        "/api/v1/funder/outcomes", headers={"Authorization": f"Bearer {body['access_token']}"}
    )
    assert outcomes.status_code == 200


def test_form_body_authentication_and_a_narrower_scope(
    client: TestClient, session: Session, world: World
) -> None:
    funder, secret = make_client(session, world.organisation, [world.region])
    session.commit()
    response = client.post(
        TOKEN,
        data={
            "grant_type": "client_credentials",
            "client_id": funder.client_id,
            "client_secret": secret,
            "scope": "outcomes:read",
        },
    )
    assert response.json()["scope"] == "outcomes:read"
    token = {"Authorization": f"Bearer {response.json()['access_token']}"}
    assert client.get("/api/v1/funder/outcomes", headers=token).status_code == 200
    refused = client.get("/api/v1/funder/trajectories", headers=token)
    assert refused.status_code == 403
    assert 'error="insufficient_scope"' in refused.headers["www-authenticate"]


def test_a_standard_oauth2_client_library_uses_it_unchanged(
    client: TestClient, session: Session, world: World
) -> None:
    funder, secret = make_client(session, world.organisation, [world.region])
    session.commit()
    # Authlib's OAuth2 client (client_secret_basic by default), on the test app's transport.
    with OAuth2Client(
        funder.client_id,
        secret,
        scope="outcomes:read trajectories:read",
        base_url="http://testserver",
        transport=client._transport,
    ) as oauth:
        token = oauth.fetch_token("http://testserver" + TOKEN, grant_type="client_credentials")
        assert token["scope"] == "outcomes:read trajectories:read"
        assert oauth.get("/api/v1/funder/trajectories").status_code == 200


@pytest.mark.parametrize(
    ("scope", "error"), [("outcomes:read admin", "invalid_scope"), ("families:write", "invalid_scope")]
)
def test_unknown_or_ungranted_scope_is_invalid_scope(
    client: TestClient, session: Session, world: World, scope: str, error: str
) -> None:
    funder, secret = make_client(session, world.organisation, [world.region], scopes=("outcomes:read",))
    session.commit()
    response = client.post(
        TOKEN,
        data={"grant_type": "client_credentials", "scope": scope},
        headers=_basic(funder.client_id, secret),
    )
    assert response.status_code == 400
    assert response.json()["error"] == error


def test_wrong_secret_is_invalid_client_and_throttled(
    client: TestClient, session: Session, world: World
) -> None:
    funder, secret = make_client(session, world.organisation, [world.region])
    session.commit()
    wrong = client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers=_basic(funder.client_id, "not-the-secret")
    )
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client"
    assert wrong.headers["www-authenticate"].startswith("Basic")
    for _ in range(get_settings().login_max_failures_per_account):
        client.post(TOKEN, data={"grant_type": "client_credentials"}, headers=_basic(funder.client_id, "x"))
    throttled = client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers=_basic(funder.client_id, secret)
    )
    assert throttled.status_code == 429


def test_unknown_client_and_both_methods_at_once_are_refused(
    client: TestClient, session: Session, world: World
) -> None:
    funder, secret = make_client(session, world.organisation, [world.region])
    session.commit()
    unknown = client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers=_basic("bgc_nobody", secret)
    )
    assert unknown.status_code == 401
    both = client.post(
        TOKEN,
        data={"grant_type": "client_credentials", "client_id": funder.client_id, "client_secret": secret},
        headers=_basic(funder.client_id, secret),
    )
    assert both.status_code == 400
    assert both.json()["error"] == "invalid_request"
    garbage = client.post(
        TOKEN, data={"grant_type": "client_credentials"}, headers={"Authorization": "Basic !!!"}
    )
    assert garbage.status_code == 401


def test_rotation_and_revocation_end_the_old_secret_and_its_tokens(
    client: TestClient, session: Session, world: World
) -> None:
    funder, secret = make_client(session, world.organisation, [world.region])
    session.commit()
    grant = {"grant_type": "client_credentials"}
    old_token = client.post(TOKEN, data=grant, headers=_basic(funder.client_id, secret)).json()[
        "access_token"
    ]
    rotated = client.post(f"/api/v1/funder/clients/{funder.id}/rotate-secret", headers=auth(world.admin))
    assert rotated.status_code == 200
    new_secret = rotated.json()["client_secret"]
    assert new_secret != secret
    assert client.post(TOKEN, data=grant, headers=_basic(funder.client_id, secret)).status_code == 401
    bearer = {"Authorization": f"Bearer {old_token}"}
    # A token issued in the same second as the rotation may live on; one from an earlier second may not.
    session.refresh(funder)
    funder.secret_rotated_at = funder.secret_rotated_at.replace(microsecond=0) + timedelta(seconds=1)
    session.commit()
    assert client.get("/api/v1/funder/outcomes", headers=bearer).status_code == 401
    new_token = client.post(TOKEN, data=grant, headers=_basic(funder.client_id, new_secret)).json()
    revoked = client.post(f"/api/v1/funder/clients/{funder.id}/revoke", headers=auth(world.admin))
    assert revoked.json()["revoked_at"] is not None
    assert client.post(TOKEN, data=grant, headers=_basic(funder.client_id, new_secret)).status_code == 401
    assert (
        client.get(
            "/api/v1/funder/outcomes", headers={"Authorization": f"Bearer {new_token['access_token']}"}
        ).status_code
        == 401
    )
    actions = session.exec(select(AuditEvent.action).where(AuditEvent.object_id == funder.id)).all()
    assert {"rotate_secret", "revoke"} <= set(actions)
