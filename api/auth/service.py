"""Log-in with throttling, refresh-token rotation with reuse detection, and log-out."""

import uuid
from datetime import timedelta

from sqlalchemy import delete, update
from sqlmodel import Session, col, select

from api.auth.schemas import TokenResponse
from api.core.config import get_settings
from api.core.errors import DomainError, TooManyRequests, Unauthorized
from api.core.secrets import secret_matches
from api.core.security import ACCESS, REFRESH, create_token, decode_token, keyed_digest, verify_password
from api.core.throttle import used_up
from api.models import FunderClient, LoginFailure, RefreshToken, User
from api.models.base import utcnow

WRONG_LOGIN = "E-mailadres of wachtwoord klopt niet / e-mail address or password is wrong."
WRONG_CLIENT = "Client-id of client-secret klopt niet / client authentication failed."


class InvalidGrant(DomainError):
    status_code = 400
    title = "Invalid grant"
    code = "session_expired"


def _oauth_error(error: str) -> dict[str, str]:
    # OAuth2 client libraries read `error`; the rest of the body is problem+json.
    return {"error": error}


def _check_throttle(session: Session, *, account_key: str, address_key: str) -> None:
    settings = get_settings()
    from_address = col(LoginFailure.address_key) == address_key
    # An account locks only for the address its failures came from: knowing a colleague's e-mail address is
    # not enough to lock them out, and the owner can still log in from anywhere else.
    wait = used_up(
        session,
        col(LoginFailure.occurred_at),
        limits=[
            (
                (col(LoginFailure.account_key) == account_key) & from_address,
                settings.login_max_failures_per_account,
            ),
            (from_address, settings.login_max_failures_per_address),
        ],
        window=settings.login_window_seconds,
    )
    if wait is not None:
        raise TooManyRequests(
            "Te veel mislukte pogingen; probeer het later opnieuw / "
            "too many failed attempts, try again later.",
            headers={"Retry-After": wait},
            extensions=_oauth_error("slow_down"),
            code="login_throttled",
        )


def _issue(session: Session, user: User, chain_id: uuid.UUID) -> TokenResponse:
    settings = get_settings()
    access, _ = create_token(
        subject=user.id, kind=ACCESS, lifetime=timedelta(minutes=settings.access_token_minutes)
    )
    row = RefreshToken(
        user_id=user.id,
        chain_id=chain_id,
        expires_at=utcnow() + timedelta(days=settings.refresh_token_days),
    )
    session.add(row)
    refresh, _ = create_token(
        subject=user.id,
        kind=REFRESH,
        lifetime=timedelta(days=settings.refresh_token_days),
        token_id=row.id,
    )
    return TokenResponse(
        access_token=access,
        expires_in=settings.access_token_minutes * 60,
        refresh_token=refresh,
    )


def new_session(session: Session, user: User) -> TokenResponse:
    """Tokens for a fresh log-in of `user` (after changing their own password)."""
    return _issue(session, user, chain_id=uuid.uuid4())


def password_grant(session: Session, *, email: str, password: str, address: str | None) -> TokenResponse:
    """Log in with e-mail and password; the answer never tells whether the e-mail exists."""
    email = email.strip().lower()
    account_key = keyed_digest(email, purpose="login-account")
    address_key = keyed_digest(address or "unknown", purpose="login-address")
    _check_throttle(session, account_key=account_key, address_key=address_key)
    user = session.exec(select(User).where(User.email == email)).first()
    valid = verify_password(password, user.password_hash if user else None)
    if user is None or not valid or not user.is_active:
        raise Unauthorized(
            WRONG_LOGIN,
            persist=[LoginFailure(account_key=account_key, address_key=address_key)],
            extensions=_oauth_error("invalid_grant"),
            code="wrong_login",
        )
    session.exec(delete(LoginFailure).where(col(LoginFailure.account_key) == account_key))
    return _issue(session, user, chain_id=uuid.uuid4())


def refresh_grant(session: Session, *, refresh_token: str | None) -> TokenResponse:
    """Rotate a refresh token; presenting a used one revokes every token of that log-in."""
    if not refresh_token:
        raise InvalidGrant(
            "Geen sessie gevonden / no refresh token.",
            extensions=_oauth_error("invalid_grant"),
            code="session_missing",
        )
    claims = decode_token(refresh_token, kind=REFRESH)
    row = session.get(RefreshToken, claims.token_id)
    if row is None or row.revoked_at is not None or row.user_id != claims.subject:
        raise InvalidGrant(
            "Deze sessie is verlopen / session expired.",
            extensions=_oauth_error("invalid_grant"),
            code="session_expired",
        )
    claimed = session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.id) == row.id, col(RefreshToken.used_at).is_(None))
        .values(used_at=utcnow())
    )
    if claimed.rowcount != 1:  # type: ignore[attr-defined]
        revoke_chain(session, row.chain_id)
        raise InvalidGrant(
            "Deze sessie is al gebruikt en is nu beëindigd / refresh token reused; the session is ended.",
            keep_changes=True,
            extensions=_oauth_error("invalid_grant"),
            code="session_reused",
        )
    user = session.get(User, row.user_id)
    if user is None or not user.is_active:
        raise InvalidGrant(
            "Account niet actief / account not active.",
            extensions=_oauth_error("invalid_grant"),
            code="account_inactive",
        )
    return _issue(session, user, chain_id=row.chain_id)


class InvalidScope(DomainError):
    status_code = 400
    title = "Invalid scope"
    code = "invalid_scope"


def client_credentials_grant(
    session: Session, *, client_id: str, client_secret: str, scope: str | None, address: str | None
) -> TokenResponse:
    """Sign in a funder system (RFC 6749 §4.4): a short-lived token with the granted scopes, no refresh."""
    settings = get_settings()
    account_key = keyed_digest(client_id, purpose="client-account")
    address_key = keyed_digest(address or "unknown", purpose="login-address")
    _check_throttle(session, account_key=account_key, address_key=address_key)
    client = session.exec(select(FunderClient).where(FunderClient.client_id == client_id)).first()
    valid = secret_matches(client_secret, client.secret_hash if client else None)
    if client is None or not valid or client.revoked_at is not None:
        raise Unauthorized(
            WRONG_CLIENT,
            persist=[LoginFailure(account_key=account_key, address_key=address_key)],
            headers={"WWW-Authenticate": 'Basic realm="bondgenoot"'},
            extensions=_oauth_error("invalid_client"),
            code="wrong_client",
        )
    requested = scope.split() if scope and scope.strip() else list(client.scopes)
    if not requested or set(requested) - set(client.scopes):
        raise InvalidScope(
            "Gevraagde scope is niet toegestaan voor deze client / "
            "requested scope is not granted to this client.",
            extensions=_oauth_error("invalid_scope"),
            code="invalid_scope",
        )
    granted = tuple(sorted(set(requested)))
    access, _ = create_token(
        subject=client.id,
        kind=ACCESS,
        lifetime=timedelta(minutes=settings.funder_token_minutes),
        actor_type="client",
        scopes=granted,
    )
    client.last_used_at = utcnow()
    return TokenResponse(
        access_token=access, expires_in=settings.funder_token_minutes * 60, scope=" ".join(granted)
    )


def revoke_chain(session: Session, chain_id: uuid.UUID) -> None:
    session.execute(
        update(RefreshToken)
        .where(col(RefreshToken.chain_id) == chain_id, col(RefreshToken.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )


def logout(session: Session, *, refresh_token: str | None) -> None:
    """End the log-in the refresh token belongs to (silently when it is unknown or invalid)."""
    if not refresh_token:
        return
    try:
        claims = decode_token(refresh_token, kind=REFRESH)
    except Unauthorized:
        return
    row = session.get(RefreshToken, claims.token_id)
    if row is not None:
        revoke_chain(session, row.chain_id)
