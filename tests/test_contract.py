"""The committed contract is what the app serves."""

import json
from pathlib import Path

from fastapi.testclient import TestClient

from api.main import create_app

CONTRACT = Path(__file__).resolve().parents[1] / "openapi" / "openapi.json"


def test_committed_contract_matches_the_app() -> None:
    committed = json.loads(CONTRACT.read_text(encoding="utf-8"))
    assert committed == create_app().openapi(), "run `make openapi` and commit openapi/openapi.json"


def test_live_contract_is_served(client: TestClient) -> None:
    assert client.get("/api/v1/openapi.json").json() == json.loads(CONTRACT.read_text(encoding="utf-8"))


def test_operation_ids_are_unique_and_named() -> None:
    ids = [op["operationId"] for ops in create_app().openapi()["paths"].values() for op in ops.values()]
    assert len(ids) == len(set(ids))
    assert all(i.replace("_", "").isalnum() for i in ids)


def test_every_operation_documents_problem_errors() -> None:
    for path, operations in create_app().openapi()["paths"].items():
        for method, operation in operations.items():
            errors = [code for code in operation["responses"] if code.startswith(("4", "5"))]
            assert errors, f"{method} {path} documents no errors"
            for code in errors:
                assert "application/problem+json" in operation["responses"][code]["content"], (
                    method,
                    path,
                    code,
                )


def test_every_request_string_has_a_max_length() -> None:
    schemas = create_app().openapi()["components"]["schemas"]
    inputs = {name: s for name, s in schemas.items() if name.endswith(("Create", "Update"))}
    assert inputs
    for name, schema in inputs.items():
        for field, spec in schema["properties"].items():
            for option in spec.get("anyOf", [spec]):
                if (
                    option.get("type") == "string"
                    and "enum" not in option
                    and option.get("format")
                    not in {
                        "uuid",
                        "date",
                        "date-time",
                    }
                ):
                    assert "maxLength" in option or "pattern" in option, f"{name}.{field}"
