"""Access tokens: pinned algorithm, required claims, audience, issuer, expiry and type."""

import base64
import json
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from fastapi.testclient import TestClient
from jose import jwt

from api.core.config import get_settings
from api.core.security import ACCESS, REFRESH, create_token
from tests.factories import World


def _claims(world: World, **overrides: object) -> dict[str, object]:
    settings = get_settings()
    now = datetime.now(UTC)
    claims: dict[str, object] = {
        "sub": str(world.supporter.id),
        "jti": str(uuid.uuid4()),
        "typ": "access",
        "act": "user",
        "iss": settings.jwt_issuer,
        "aud": settings.jwt_audience,
        "iat": int(now.timestamp()),
        "exp": int((now + timedelta(minutes=5)).timestamp()),
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _me(client: TestClient, token: str) -> int:
    return client.get("/api/v1/users/me", headers={"Authorization": f"Bearer {token}"}).status_code


def test_valid_token_is_accepted(client: TestClient, world: World) -> None:
    token = jwt.encode(_claims(world), get_settings().secret_key, algorithm="HS256")
    assert _me(client, token) == 200


def test_alg_none_is_refused(client: TestClient, world: World) -> None:
    header = base64.urlsafe_b64encode(json.dumps({"alg": "none", "typ": "JWT"}).encode()).rstrip(b"=")
    payload = base64.urlsafe_b64encode(json.dumps(_claims(world)).encode()).rstrip(b"=")
    assert _me(client, f"{header.decode()}.{payload.decode()}.") == 401


def test_wrong_key_is_refused(client: TestClient, world: World) -> None:
    assert (
        _me(client, jwt.encode(_claims(world), "another-key-entirely-0123456789abcdef", algorithm="HS256"))
        == 401
    )


def test_other_algorithm_is_refused(client: TestClient, world: World) -> None:
    assert _me(client, jwt.encode(_claims(world), get_settings().secret_key, algorithm="HS512")) == 401


@pytest.mark.parametrize(
    "overrides",
    [
        {"exp": int((datetime.now(UTC) - timedelta(minutes=1)).timestamp())},
        {"aud": "someone-else"},
        {"iss": "someone-else"},
        {"exp": None},
        {"iat": None},
        {"sub": None},
        {"aud": None},
        {"iss": None},
        {"typ": "refresh"},
    ],
    ids=[
        "expired",
        "wrong-audience",
        "wrong-issuer",
        "no-exp",
        "no-iat",
        "no-sub",
        "no-aud",
        "no-iss",
        "wrong-type",
    ],
)
def test_bad_claims_are_refused(client: TestClient, world: World, overrides: dict[str, object]) -> None:
    assert (
        _me(client, jwt.encode(_claims(world, **overrides), get_settings().secret_key, algorithm="HS256"))
        == 401
    )


def test_tampered_payload_is_refused(client: TestClient, world: World) -> None:
    token = jwt.encode(_claims(world), get_settings().secret_key, algorithm="HS256")
    header, _, signature = token.split(".")
    forged = _claims(world, sub=str(world.admin.id))
    payload = base64.urlsafe_b64encode(json.dumps(forged).encode()).rstrip(b"=").decode()
    assert _me(client, f"{header}.{payload}.{signature}") == 401


def test_refresh_token_is_not_an_access_token(client: TestClient, world: World) -> None:
    refresh, _ = create_token(subject=world.supporter.id, kind=REFRESH, lifetime=timedelta(days=1))
    assert _me(client, refresh) == 401


def test_unauthenticated_answer_is_problem_with_challenge(client: TestClient) -> None:
    response = client.get("/api/v1/users/me")
    assert response.status_code == 401
    assert response.headers["content-type"] == "application/problem+json"
    assert response.headers["www-authenticate"] == "Bearer"


def test_tokens_carry_no_personal_data(world: World) -> None:
    token, _ = create_token(subject=world.supporter.id, kind=ACCESS, lifetime=timedelta(minutes=5))
    claims = jwt.get_unverified_claims(token)
    assert set(claims) == {"sub", "jti", "typ", "act", "iss", "aud", "iat", "ims", "exp"}
    assert world.supporter.email not in json.dumps(claims)
