"""Typed domain errors and RFC 9457 problem+json responses for every error.

Every problem carries a stable machine `code` from ERROR_CODES in `api/core/error_codes.py` (the web app
translates it), an English `detail` for integrators, and for invalid input `errors[]`, each with a JSON
pointer to the field and a code.
"""

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class DomainError(Exception):
    """An expected failure with an HTTP status and a stable `code` (one of ERROR_CODES).

    The request's changes are rolled back, except the rows in `persist` (an audit event of a refused access, a
    failed login) or, with `keep_changes`, everything (revoking a reused refresh token).
    """

    status_code = 400
    title = "Bad request"
    code = "bad_request"

    def __init__(
        self,
        detail: str,
        *,
        code: str | None = None,
        persist: list[Any] | None = None,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, str]] | None = None,
        keep_changes: bool = False,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.code = code or type(self).code
        self.persist = persist or []
        self.headers = headers or {}
        self.errors = errors
        self.keep_changes = keep_changes
        self.extensions = extensions or {}


class NotFound(DomainError):
    status_code = 404
    title = "Not found"
    code = "not_found"


class Unauthorized(DomainError):
    status_code = 401
    title = "Unauthorized"
    code = "unauthorized"


class Forbidden(DomainError):
    status_code = 403
    title = "Forbidden"
    code = "forbidden"


class Conflict(DomainError):
    status_code = 409
    title = "Conflict"
    code = "conflict"


class PreconditionFailed(DomainError):
    status_code = 412
    title = "Precondition failed"
    code = "stale_version"


class PreconditionRequired(DomainError):
    status_code = 428
    title = "Precondition required"
    code = "if_match_required"


class Unprocessable(DomainError):
    status_code = 422
    title = "Unprocessable content"
    code = "invalid_input"


class TooManyRequests(DomainError):
    status_code = 429
    title = "Too many requests"
    code = "too_many_requests"


_STATUS_CODES = {
    400: "bad_request",
    401: "unauthorized",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    422: "invalid_input",
    429: "too_many_requests",
    500: "internal_error",
    503: "service_unavailable",
}


def problem(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    code: str | None = None,
    **extra: Any,
) -> JSONResponse:
    """A problem+json response."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "code": code or _STATUS_CODES.get(status, "http_error"),
        "detail": detail,
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def _field_parts(loc: tuple[Any, ...]) -> list[str]:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return parts


def _field_name(loc: tuple[Any, ...]) -> str:
    return ".".join(_field_parts(loc)) or "body"


def _pointer(field: str) -> str:
    """A JSON pointer (RFC 6901) to the field: "members.0.email" -> "/members/0/email"."""
    if field == "body":
        return ""
    return "/" + "/".join(p.replace("~", "~0").replace("/", "~1") for p in field.split("."))


def validation_errors(errors: list[dict[str, Any]] | Any) -> list[dict[str, str]]:
    """Pydantic errors as [{field, pointer, code, message, type}]."""
    return [
        with_pointer(
            {
                "field": _field_name(tuple(e.get("loc", ()))),
                "message": str(e.get("msg")),
                "type": str(e.get("type")),
            }
        )
        for e in errors
    ]


def with_pointer(error: dict[str, str]) -> dict[str, str]:
    """A field error with its JSON pointer and code (the pydantic type, or the error's own `code`)."""
    field = error.get("field", "body")
    return {
        **error,
        "message": english(error.get("message", "")),
        "pointer": error.get("pointer") or _pointer(field),
        "code": error.get("code") or error.get("type") or "value_error",
    }


def english(detail: str) -> str:
    """The English half of an older bilingual detail ("Nederlands / English."), or the detail as it is."""
    _dutch, sep, rest = detail.partition(" / ")
    if not sep or not rest:
        return detail
    return rest[:1].upper() + rest[1:]


def install_error_handlers(app: FastAPI) -> None:
    """Make every error, expected or not, a problem+json response."""

    @app.exception_handler(DomainError)
    def _domain(_: Request, exc: DomainError) -> JSONResponse:
        return problem(
            exc.status_code,
            english(exc.detail),
            title=exc.title,
            headers=exc.headers,
            code=exc.code,
            errors=[with_pointer(e) for e in exc.errors] if exc.errors else None,
            **exc.extensions,
        )

    @app.exception_handler(RequestValidationError)
    def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(exc.errors())
        fields = ", ".join(sorted({e["field"] for e in errors}))
        return problem(422, f"Invalid input: {fields}", code="validation_failed", errors=errors)

    @app.exception_handler(StarletteHTTPException)
    def _http(_: Request, exc: StarletteHTTPException) -> JSONResponse:
        detail = exc.detail if isinstance(exc.detail, str) else HTTPStatus(exc.status_code).phrase
        return problem(exc.status_code, detail, headers=dict(exc.headers or {}))

    @app.exception_handler(sa_exc.OperationalError)
    @app.exception_handler(sa_exc.InterfaceError)
    @app.exception_handler(sa_exc.TimeoutError)
    def _database_unavailable(_: Request, exc: Exception) -> JSONResponse:
        # The database is unreachable, restarting or busy: say so honestly; the pool reconnects by itself.
        return problem(
            503,
            "De database is even niet bereikbaar; probeer het zo opnieuw / "
            "the database is unavailable; nothing was saved, try again shortly.",
            headers={"Retry-After": "5"},
        )

    @app.exception_handler(sa_exc.DataError)
    def _out_of_range(_: Request, exc: sa_exc.DataError) -> JSONResponse:
        # A value the column cannot hold that slipped past the schema's types: the input's fault, not ours.
        return problem(422, "A value is outside what can be stored / een waarde valt buiten het bereik.")

    @app.exception_handler(Exception)
    def _unexpected(_: Request, exc: Exception) -> JSONResponse:
        return problem(500, "Something went wrong on our side; nothing was saved.", code="internal_error")
