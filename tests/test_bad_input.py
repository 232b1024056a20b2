"""Bad input is a 4xx naming the field, never a 500: control characters, numbers past a column's range,
dates past the supported range, nulls where a value is required, and oversized chunked bodies (413)."""

import json

import pytest
from fastapi.testclient import TestClient

from tests.factories import World, auth

FAMILIES = "/api/v1/families"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"display_name": "Gezin\x00De Vries"}, "display_name"),
        ({"display_name": "Gezin \x1b[31mrood"}, "display_name"),
        ({"display_name": "Gezin \ud800"}, "display_name"),
        ({"display_name": None}, "display_name"),
        ({"display_name": "Gezin", "started_on": "9999-12-31"}, "started_on"),
        ({"display_name": "Gezin", "started_on": "0001-01-01"}, "started_on"),
    ],
)
def test_bad_text_dates_and_nulls_are_422_naming_the_field(
    client: TestClient, world: World, body: dict[str, object], field: str
) -> None:
    raw = json.dumps(body)  # ASCII with \u escapes, as a client would send a lone surrogate
    headers = auth(world.supporter) | {"content-type": "application/json"}
    response = client.post(FAMILIES, content=raw, headers=headers)
    assert response.status_code == 422, response.text
    assert response.headers["content-type"] == "application/problem+json"
    assert field in {e["field"] for e in response.json()["errors"]}


def test_numbers_past_the_column_range_and_non_finite_numbers_are_422(
    client: TestClient, world: World
) -> None:
    url = f"{FAMILIES}/{world.family.id}/plan/goals"
    for priority in (2**31, -(2**63), 10**30):
        response = client.post(
            url, json={"title": "Rust", "priority": priority}, headers=auth(world.supporter)
        )
        assert response.status_code == 422, (priority, response.text)
    raw = json.dumps({"title": "Rust", "weight": 1}).replace("1}", "NaN}")
    nan = client.post(url, content=raw, headers=auth(world.supporter) | {"content-type": "application/json"})
    assert nan.status_code == 422


def test_dates_past_the_range_in_a_query_are_422(client: TestClient, world: World) -> None:
    for on in ("9999-12-31", "0001-01-01"):
        response = client.get(
            f"{FAMILIES}/{world.family.id}/plan/gas", params={"on": on}, headers=auth(world.supporter)
        )
        assert response.status_code == 422, response.text
        assert response.json()["errors"][0]["field"] == "on"


def test_newlines_and_tabs_are_fine_in_text(client: TestClient, world: World) -> None:
    response = client.post(FAMILIES, json={"display_name": "Gezin\tDe Vries"}, headers=auth(world.supporter))
    assert response.status_code == 201


def test_an_oversized_chunked_body_is_413(client: TestClient, world: World) -> None:
    def chunks():  # type: ignore[no-untyped-def]
        yield b'{"display_name": "'
        for _ in range(40):
            yield b"x" * 65536
        yield b'"}'

    response = client.post(
        FAMILIES, content=chunks(), headers=auth(world.supporter) | {"content-type": "application/json"}
    )
    assert response.status_code == 413, response.text
    assert response.headers["content-type"] == "application/problem+json"
