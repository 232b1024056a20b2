"""Problem+json documented on every route, so clients get a typed error model."""

from http import HTTPStatus
from typing import Any

from pydantic import BaseModel, Field

from api.core.errors import PROBLEM_JSON

Responses = dict[int | str, dict[str, Any]]


class FieldError(BaseModel):
    field: str = Field(examples=["display_name"])
    message: str = Field(examples=["String should have at least 1 character"])
    type: str = Field(examples=["string_too_short"])


class Problem(BaseModel):
    """An RFC 9457 problem document."""

    type: str = "about:blank"
    title: str = Field(examples=["Not found"])
    status: int = Field(examples=[404])
    detail: str = Field(
        examples=["Dit gezin bestaat niet of u heeft er geen toegang toe / family not found."]
    )
    errors: list[FieldError] | None = None
    error: str | None = Field(default=None, description="OAuth2 error code (token endpoint only).")


def problems(*codes: int) -> Responses:
    """OpenAPI `responses` for the given error statuses, each a problem+json document."""
    return {
        code: {"model": Problem, "description": HTTPStatus(code).phrase, "content": {PROBLEM_JSON: {}}}
        for code in codes
    }
