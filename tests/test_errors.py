"""Every error, expected or not, is application/problem+json."""

import pytest
from fastapi.testclient import TestClient

from api.core.config import get_settings
from tests.factories import World, auth


def test_unknown_route_is_problem(client: TestClient) -> None:
    response = client.get("/api/v1/does-not-exist")
    assert response.status_code == 404
    assert response.headers["content-type"] == "application/problem+json"
    assert response.json()["status"] == 404


def test_wrong_method_is_problem(client: TestClient) -> None:
    response = client.put("/api/v1/health")
    assert response.status_code == 405
    assert response.headers["content-type"] == "application/problem+json"


def test_malformed_json_is_problem(client: TestClient, world: World) -> None:
    response = client.post(
        "/api/v1/families",
        content=b"{not json",
        headers=auth(world.supporter) | {"Content-Type": "application/json"},
    )
    assert response.status_code == 422
    assert response.headers["content-type"] == "application/problem+json"


def test_oversized_body_is_refused(client: TestClient, world: World) -> None:
    big = "x" * (get_settings().max_body_bytes + 10)
    response = client.post(
        "/api/v1/families", content=big, headers=auth(world.supporter) | {"Content-Type": "application/json"}
    )
    assert response.status_code == 413
    assert response.headers["content-type"] == "application/problem+json"


def test_unexpected_failure_is_problem_without_details(
    client: TestClient, world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    def boom(*_: object) -> None:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("api.families.service.read_family", boom)
    response = client.get(f"/api/v1/families/{world.family.id}", headers=auth(world.supporter))
    assert response.status_code == 500
    assert response.headers["content-type"] == "application/problem+json"
    assert "secret" not in response.text


def test_security_headers(client: TestClient) -> None:
    response = client.get("/api/v1/health")
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"


def test_readiness_checks_the_database(client: TestClient) -> None:
    assert client.get("/api/v1/health/ready").json() == {"status": "ok"}
