"""Every problem carries a code from the published list; the code list in the contract is complete."""

import json
import re
from pathlib import Path

from fastapi.testclient import TestClient

from api.core.error_codes import ERROR_CODES
from tests.factories import World, auth

ROOT = Path(__file__).resolve().parents[1]


def test_every_code_raised_in_the_api_is_listed() -> None:
    used: set[str] = set()
    for path in (ROOT / "api").rglob("*.py"):
        used |= set(re.findall(r'\bcode\s*=\s*"([a-z_]+)"', path.read_text()))
    # `code = "..."` is also how `DomainError` subclasses name their default
    assert used - set(ERROR_CODES) == set()


def test_contract_publishes_the_codes() -> None:
    contract = json.loads((ROOT / "openapi" / "openapi.json").read_text())
    assert contract["components"]["schemas"]["ErrorCode"]["enum"] == list(ERROR_CODES)


def test_domain_error_has_code_and_english_detail(client: TestClient, world: World) -> None:
    response = client.get(
        "/api/v1/families/00000000-0000-0000-0000-000000000000", headers=auth(world.supporter)
    )
    body = response.json()
    assert response.status_code == 404
    assert body["code"] == "family_not_found"
    assert " / " not in body["detail"]


def test_validation_error_has_pointers_and_codes(client: TestClient, world: World) -> None:
    response = client.post("/api/v1/families", json={"display_name": ""}, headers=auth(world.supporter))
    body = response.json()
    assert response.status_code == 422
    assert body["code"] == "validation_failed"
    assert body["errors"][0]["pointer"] == "/display_name"
    assert body["errors"][0]["code"] == "string_too_short"


def test_unauthenticated_and_unknown_route_codes(client: TestClient) -> None:
    assert client.get("/api/v1/families").json()["code"] == "login_required"
    assert client.get("/api/v1/does-not-exist").json()["code"] == "not_found"
    assert client.put("/api/v1/health").json()["code"] == "method_not_allowed"
