"""Typed domain errors and RFC 9457 problem+json responses for every error.

Every problem carries a stable machine `code` from ERROR_CODES (the web app translates it), an English
`detail` for integrators, and for invalid input `errors[]`, each with a JSON pointer to the field and a code.
"""

from http import HTTPStatus
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from sqlalchemy import exc as sa_exc
from starlette.exceptions import HTTPException as StarletteHTTPException

PROBLEM_JSON = "application/problem+json"

# The public list of problem codes: code -> what it means (English). The OpenAPI contract publishes it as the
# ErrorCode enum; tests fail when a raise uses a code missing here, or the web app lacks a translation.
ERROR_CODES: dict[str, str] = {
    # generic, one per error class and HTTP status
    "bad_request": "The request is not valid.",
    "unauthorized": "Log in first.",
    "forbidden": "Your role may not do this.",
    "not_found": "Not found, or outside your reach.",
    "method_not_allowed": "This method is not allowed here.",
    "conflict": "The request conflicts with the current state.",
    "stale_version": "The object changed since you read it (ETag).",
    "if_match_required": "Send the ETag you read in If-Match.",
    "payload_too_large": "The request body is too large.",
    "invalid_input": "The input is not valid.",
    "validation_failed": "One or more fields are not valid; see errors[].",
    "too_many_requests": "Too many requests; wait and try again.",
    "internal_error": "Something went wrong on our side; nothing was saved.",
    "http_error": "The request failed.",
    "service_unavailable": "The service is not available right now.",
    # auth and accounts
    "login_required": "No or an invalid access token.",
    "account_inactive": "The account is not active.",
    "wrong_login": "Wrong e-mail address or password.",
    "login_throttled": "Too many failed logins; try again later.",
    "session_missing": "No refresh token was sent.",
    "session_expired": "The session has expired.",
    "session_reused": "The refresh token was reused; the session is ended.",
    "wrong_client": "Unknown client or wrong secret.",
    "client_token_required": "A client-credentials token is required.",
    "client_token_invalid": "This client token is not valid.",
    "scope_missing": "The token lacks the required scope.",
    "invalid_scope": "The requested scope is not granted to this client.",
    "unsupported_grant": "This grant type is not available.",
    "account_not_found": "The account was not found.",
    "email_taken": "This e-mail address already has an account.",
    "coordinator_adds_supporters_only": "A coordinator can only add supporters.",
    "staff_only": "Only a coordinator or administrator may do this.",
    "supporter_only": "Only a supporter may do this.",
    # families
    "family_not_found": "The family was not found.",
    "family_archived": "The family is archived.",
    "family_closed": "The family is closed; reopen it first.",
    "family_not_closed": "The family is not closed.",
    "family_reference_taken": "This reference is already in use.",
    "family_status_transition": "The family cannot move to this status.",
    "family_has_open_work": "Close the family through its closure: goals or actions are still open.",
    "family_assign_forbidden": "Only a coordinator can assign a family to another caseload.",
    "family_date_invalid": "The date is not possible for this family.",
    "closure_unresolved": "Every open goal and action needs a resolution.",
    "member_not_found": "The family member was not found.",
    "region_not_found": "The region was not found.",
    "region_exists": "This region already exists.",
    # plans
    "goal_not_found": "The goal was not found.",
    "goal_status_transition": "The goal cannot move to this status.",
    "goal_has_scores": "The goal has scores; discontinue it instead of deleting it.",
    "goal_not_scorable": "Only an active or achieved goal with a GAS ladder can be scored.",
    "goal_discontinued": "The goal is discontinued.",
    "goal_ladder_incomplete": "A goal becomes active only with all five GAS levels described.",
    "action_not_found": "The action was not found.",
    "action_agreed_at_table": "The action was agreed at the table; cancel it instead.",
    "plan_adoption_running": "The plan is being adopted right now.",
    "plan_has_no_goals": "The plan has no goals yet.",
    "plan_version_not_found": "The plan version was not found.",
    "life_domain_exists": "This life domain already exists.",
    # meetings
    "meeting_not_found": "The meeting was not found.",
    "meeting_not_open": "The meeting is no longer open for changes.",
    "meeting_adopts_plan_already": "This meeting already adopts the plan.",
    "decision_goal_in_use": "An action decided here belongs to this new goal.",
    "decision_goal_missing": "The action's new goal is missing.",
    "decision_not_found": "The decision was not found.",
    "decision_failed": "A decision could not be applied; nothing changed and the meeting is still open.",
    "attendance_missing": "Attendance is not recorded for everyone.",
    "nobody_present": "Nobody was present.",
    "participant_not_found": "The participant was not found.",
    "participant_duplicate": "This participant is already invited.",
    "chair_removal": "Choose another chair first.",
    "agenda_item_not_found": "The agenda item was not found.",
    # check-ins
    "checkin_link_not_found": "The check-in link was not found.",
    "checkin_link_unusable": "The check-in link is expired, revoked or unknown.",
    "checkin_link_locked": "The check-in link is locked after wrong codes.",
    "checkin_code_format": "Enter the six digits of the code.",
    "checkin_too_old": "The check-in is older than 30 days.",
    "checkin_rate_limited": "Too many check-in requests; wait a moment.",
    "alert_not_found": "The alert was not found.",
    "questionnaire_not_found": "The questionnaire was not found.",
    "questionnaire_no_starter": "Nobody can start this questionnaire for the family.",
    # measurements
    "measurement_not_found": "The measurement was not found.",
    "measurement_completed": "The measurement is already completed.",
    "instrument_not_found": "The instrument was not found.",
    "instrument_invalid": "The instrument definition is not valid.",
    "instrument_code_taken": "An instrument with this code exists.",
    "instrument_code_fixed": "An instrument's code cannot change.",
    "answer_invalid": "An answer is not valid.",
    "too_few_answers": "Too few answers to score.",
    "factor_not_found": "The factor was not found.",
    "factor_code_taken": "This factor code is already in use.",
    "work_engagement_missing": "No work-engagement instrument is defined.",
    # funders
    "funder_client_not_found": "The funder client was not found.",
    "funder_client_revoked": "The funder client is revoked.",
    "funder_region_invalid": "A region is outside the funder's regions.",
    "trajectory_not_found": "The trajectory was not found.",
    "webhook_endpoint_not_found": "The webhook endpoint was not found.",
    "webhook_url_invalid": "The webhook URL is not allowed.",
    "period_invalid": "The period is not valid.",
    # lists and requests
    "invalid_cursor": "The cursor is not valid; start from the first page.",
    "idempotency_key_reused": "The Idempotency-Key was used for another request.",
    "idempotency_key_in_progress": "A request with this Idempotency-Key is still in progress.",
    # the working day
    "supporter_not_found": "The supporter was not found in your organisation.",
    "supporter_required": "Name the supporter whose worklist you want.",
    # research
    "researcher_research_only": "A researcher's account opens only the research projects.",
    "research_project_not_found": "The research project was not found.",
    "research_researcher_invalid": "The account is not a researcher of this organisation.",
    "attention_needs_caseload": "Filter or sort by attention within one caseload (give supporter_id).",
}


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
