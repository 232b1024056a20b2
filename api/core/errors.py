"""Typed domain errors and RFC 9457 problem+json responses for every error."""

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"


class DomainError(Exception):
    """An expected failure with an HTTP status.

    The request's changes are rolled back, except the rows in `persist` (an audit event of a refused access, a
    failed login) or, with `keep_changes`, everything (revoking a reused refresh token).
    """

    status_code = 400
    title = "Bad request"

    def __init__(
        self,
        detail: str,
        *,
        persist: list[Any] | None = None,
        headers: dict[str, str] | None = None,
        errors: list[dict[str, str]] | None = None,
        keep_changes: bool = False,
        extensions: dict[str, Any] | None = None,
    ) -> None:
        super().__init__(detail)
        self.detail = detail
        self.persist = persist or []
        self.headers = headers or {}
        self.errors = errors
        self.keep_changes = keep_changes
        self.extensions = extensions or {}


class NotFound(DomainError):
    status_code = 404
    title = "Not found"


class Unauthorized(DomainError):
    status_code = 401
    title = "Unauthorized"


class Forbidden(DomainError):
    status_code = 403
    title = "Forbidden"


class Conflict(DomainError):
    status_code = 409
    title = "Conflict"


class PreconditionFailed(DomainError):
    status_code = 412
    title = "Precondition failed"


class PreconditionRequired(DomainError):
    status_code = 428
    title = "Precondition required"


class Unprocessable(DomainError):
    status_code = 422
    title = "Unprocessable content"


class TooManyRequests(DomainError):
    status_code = 429
    title = "Too many requests"


def problem(
    status: int,
    detail: str,
    *,
    title: str | None = None,
    headers: dict[str, str] | None = None,
    **extra: Any,
) -> JSONResponse:
    """A problem+json response."""
    body: dict[str, Any] = {
        "type": "about:blank",
        "title": title or HTTPStatus(status).phrase,
        "status": status,
        "detail": detail,
    }
    body.update({k: v for k, v in extra.items() if v is not None})
    return JSONResponse(body, status_code=status, headers=headers, media_type=PROBLEM_JSON)


def _field_name(loc: tuple[Any, ...]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in {"body", "query", "path", "header", "cookie"}:
        parts = parts[1:]
    return ".".join(parts) or "body"


def validation_errors(errors: list[dict[str, Any]] | Any) -> list[dict[str, str]]:
    """Pydantic errors as [{field, message, type}]."""
    return [
        {
            "field": _field_name(tuple(e.get("loc", ()))),
            "message": str(e.get("msg")),
            "type": str(e.get("type")),
        }
        for e in errors
    ]


def install_error_handlers(app: FastAPI) -> None:
    """Make every error, expected or not, a problem+json response."""

    @app.exception_handler(DomainError)
    def _domain(_: Request, exc: DomainError) -> JSONResponse:
        return problem(
            exc.status_code,
            exc.detail,
            title=exc.title,
            headers=exc.headers,
            errors=exc.errors,
            **exc.extensions,
        )

    @app.exception_handler(RequestValidationError)
    def _validation(_: Request, exc: RequestValidationError) -> JSONResponse:
        errors = validation_errors(exc.errors())
        fields = ", ".join(sorted({e["field"] for e in errors}))
        return problem(422, f"Invalid input / ongeldige invoer: {fields}", errors=errors)

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
        return problem(500, "Something went wrong on our side; nothing was saved.")
