"""Problem+json documented on every route, so clients get a typed error model."""

from enum import StrEnum
from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, Field

from api.core.error_codes import ERROR_CODES
from api.core.errors import PROBLEM_JSON

Responses = dict[int | str, dict[str, Any]]


# The problem codes as an enum in the contract, so clients can check they translate every one.
ErrorCode = StrEnum("ErrorCode", {code: code for code in ERROR_CODES})  # type: ignore[misc]


class FieldError(BaseModel):
    field: str = Field(examples=["display_name"])
    pointer: str = Field(default="", description="JSON pointer (RFC 6901) into the request body or query.")
    code: str = Field(default="value_error", examples=["string_too_short"], description="Machine code.")
    message: str = Field(examples=["String should have at least 1 character"])
    type: str = Field(examples=["string_too_short"])


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    code: ErrorCode = Field(description="Stable machine code; translate this, not `detail`.")
    detail: str = Field(
        examples=["The family was not found, or you have no access to it."], description="English."
    )
    errors: list[FieldError] | None = None
    error: str | None = Field(default=None, description="OAuth2 error code (token endpoint only).")


def problems(*codes: int) -> Responses:
    """OpenAPI `responses` for the given error statuses, each a problem+json document."""
    return {
        code: {"model": Problem, "description": HTTPStatus(code).phrase, "content": {PROBLEM_JSON: {}}}
        for code in codes
    }


def document_implied_statuses(schema: dict[str, Any]) -> dict[str, Any]:
    """Add the statuses a route's shape implies: 404 with a path parameter, 412 and 428 with If-Match,
    409 with Idempotency-Key (a retry while the first runs), 429 on the rate-limited token endpoint."""
    problem_ref = {"$ref": "#/components/schemas/Problem"}
    for path, operations in schema.get("paths", {}).items():
        for operation in operations.values():
            names = {p.get("name") for p in operation.get("parameters", [])}
            kinds = {p.get("in") for p in operation.get("parameters", [])}
            implied = {400}
            if "path" in kinds:
                implied.add(404)
            if "If-Match" in names:
                implied |= {412, 428}
            if "Idempotency-Key" in names:
                implied.add(409)
            if path.endswith("/auth/token"):
                implied.add(429)
            responses = operation.setdefault("responses", {})
            for code in sorted(implied):
                responses.setdefault(
                    str(code),
                    {
                        "description": HTTPStatus(code).phrase,
                        "content": {PROBLEM_JSON: {"schema": problem_ref}},
                    },
                )
    return schema
