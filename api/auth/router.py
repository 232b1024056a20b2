"""The OAuth2 token endpoint (RFC 6749) and log-out."""

import base64
import binascii
from typing import Annotated, Literal
from urllib.parse import unquote_plus

from fastapi import APIRouter, Cookie, Form, Request, Response
from fastapi.responses import JSONResponse

from api.auth import service
from api.auth.principal import client_address
from api.auth.schemas import TokenResponse
from api.core.config import get_settings
from api.core.db import SessionDep
from api.core.errors import DomainError
from api.core.openapi import problems

router = APIRouter(prefix="/auth", tags=["auth"])

REFRESH_COOKIE = "bondgenoot_refresh"
COOKIE_PATH = "/api/v1/auth"

GrantType = Literal["password", "refresh_token", "client_credentials"]
FormText = Annotated[str | None, Form(max_length=4096)]


class UnsupportedGrant(DomainError):
    status_code = 400
    title = "Unsupported grant type"
    code = "unsupported_grant"


def _client_credentials(
    request: Request, client_id: str | None, client_secret: str | None
) -> tuple[str, str]:
    """The client's id and secret from HTTP Basic (RFC 6749 §2.3.1, form-encoded inside) or the form body."""
    scheme, _, value = request.headers.get("authorization", "").partition(" ")
    if scheme.lower() != "basic":
        return client_id or "", client_secret or ""
    if client_id or client_secret:
        raise service.InvalidGrant(
            "Gebruik één manier om de client aan te melden / use one client authentication method.",
            extensions={"error": "invalid_request"},
        )
    try:
        decoded = base64.b64decode(value.strip(), validate=True).decode()
    except (binascii.Error, UnicodeDecodeError):
        decoded = ""
    name, _, secret = decoded.partition(":")
    return unquote_plus(name), unquote_plus(secret)


def _with_cookie(token: TokenResponse) -> JSONResponse:
    return token_response(token)


def token_response(token: TokenResponse) -> JSONResponse:
    """The token answer, with the refresh token also in an HttpOnly cookie (Secure in production)."""
    response = JSONResponse(token.model_dump(exclude_none=True), headers={"Cache-Control": "no-store"})
    if token.refresh_token:
        response.set_cookie(
            REFRESH_COOKIE,
            token.refresh_token,
            max_age=get_settings().refresh_token_days * 86400,
            path=COOKIE_PATH,
            httponly=True,
            secure=get_settings().secure_cookies or get_settings().environment == "production",
            samesite="strict",
        )
    return response


@router.post(
    "/token",
    response_model=TokenResponse,
    responses=problems(400, 401, 429),
)
def issue_token(
    request: Request,
    session: SessionDep,
    grant_type: Annotated[GrantType, Form()],
    username: FormText = None,
    password: FormText = None,
    refresh_token: FormText = None,
    client_id: FormText = None,
    client_secret: FormText = None,
    scope: FormText = None,
    refresh_cookie: Annotated[str | None, Cookie(alias=REFRESH_COOKIE)] = None,
) -> JSONResponse:
    """Issue tokens: password grant for people, refresh_token to rotate, client_credentials for funders."""
    if grant_type == "password":
        token = service.password_grant(
            session, email=username or "", password=password or "", address=client_address(request)
        )
    elif grant_type == "refresh_token":
        token = service.refresh_grant(session, refresh_token=refresh_token or refresh_cookie)
    elif grant_type == "client_credentials":
        name, secret = _client_credentials(request, client_id, client_secret)
        token = service.client_credentials_grant(
            session, client_id=name, client_secret=secret, scope=scope, address=client_address(request)
        )
    else:
        raise UnsupportedGrant(
            "This grant type is not available here.",
            extensions={"error": "unsupported_grant_type"},
            code="unsupported_grant",
        )
    return _with_cookie(token)


@router.post("/logout", status_code=204)
def logout(
    session: SessionDep,
    refresh_token: FormText = None,
    refresh_cookie: Annotated[str | None, Cookie(alias=REFRESH_COOKIE)] = None,
) -> Response:
    """End the session: revoke its refresh tokens and clear the cookie."""
    service.logout(session, refresh_token=refresh_token or refresh_cookie)
    response = Response(status_code=204)
    response.delete_cookie(REFRESH_COOKIE, path=COOKIE_PATH)
    return response
