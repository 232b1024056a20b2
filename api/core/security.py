"""Tokens and password hashes: the only module that imports jose and the password hasher."""

import hashlib
import hmac
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from jose import JWTError, jwt

from api.core.config import get_settings
from api.core.errors import Unauthorized

ALGORITHM = "HS256"
ACCESS = "access"
REFRESH = "refresh"
_REQUIRED = ["exp", "iat", "sub", "aud", "iss"]
_hasher = PasswordHasher()  # Argon2id with the library's current recommended parameters
_DUMMY_HASH = _hasher.hash("timing-equaliser-not-a-password")


@dataclass(frozen=True)
class TokenClaims:
    subject: uuid.UUID
    token_id: uuid.UUID
    actor_type: str
    scopes: tuple[str, ...]
    expires_at: datetime
    issued_at: datetime | None = None


def hash_password(password: str) -> str:
    return _hasher.hash(password)


def verify_password(password: str, password_hash: str | None) -> bool:
    """Check a password; with no hash, still spend the same time so unknown accounts don't show."""
    try:
        return _hasher.verify(password_hash or _DUMMY_HASH, password) and password_hash is not None
    except (VerificationError, InvalidHashError):
        return False


def keyed_digest(value: str, *, purpose: str) -> str:
    """A keyed SHA-256 of `value` (for throttling keys and secrets that must not be stored in clear)."""
    key = f"{purpose}:{get_settings().secret_key}".encode()
    return hmac.new(key, value.encode(), hashlib.sha256).hexdigest()


def _audience(kind: str) -> str:
    audience = get_settings().jwt_audience
    return audience if kind == ACCESS else f"{audience}:{kind}"


def create_token(
    *,
    subject: uuid.UUID,
    kind: str,
    lifetime: timedelta,
    actor_type: str = "user",
    scopes: tuple[str, ...] = (),
    token_id: uuid.UUID | None = None,
) -> tuple[str, TokenClaims]:
    """Sign a token of `kind` (access or refresh); it carries ids only, never personal data."""
    settings = get_settings()
    now = datetime.now(UTC)
    claims = TokenClaims(
        subject=subject,
        token_id=token_id or uuid.uuid4(),
        actor_type=actor_type,
        scopes=scopes,
        expires_at=now + lifetime,
    )
    payload: dict[str, Any] = {
        "sub": str(subject),
        "jti": str(claims.token_id),
        "typ": kind,
        "act": actor_type,
        "iss": settings.jwt_issuer,
        "aud": _audience(kind),
        "iat": int(now.timestamp()),
        "ims": int(
            now.timestamp() * 1000
        ),  # issued at in milliseconds: sessions ended this second stay ended
        "exp": int(claims.expires_at.timestamp()),
    }
    if scopes:
        payload["scope"] = " ".join(scopes)
    return jwt.encode(payload, settings.secret_key, algorithm=ALGORITHM), claims


def decode_token(token: str, *, kind: str) -> TokenClaims:
    """Verify signature, algorithm, audience, issuer and expiry; anything wrong is a 401."""
    settings = get_settings()
    try:
        payload = jwt.decode(
            token,
            settings.secret_key,
            algorithms=[ALGORITHM],
            audience=_audience(kind),
            issuer=settings.jwt_issuer,
            options={f"require_{claim}": True for claim in _REQUIRED} | {"require_jti": True},
        )
        if payload.get("typ") != kind:
            raise JWTError("wrong token type")
        return TokenClaims(
            subject=uuid.UUID(payload["sub"]),
            token_id=uuid.UUID(payload["jti"]),
            actor_type=str(payload.get("act", "user")),
            scopes=tuple(str(payload.get("scope", "")).split()),
            expires_at=datetime.fromtimestamp(payload["exp"], UTC),
            issued_at=datetime.fromtimestamp(int(payload.get("ims", payload["iat"] * 1000)) / 1000, UTC),
        )
    except (JWTError, ValueError, KeyError, TypeError) as exc:
        raise Unauthorized(
            "Je sessie is ongeldig of verlopen; log opnieuw in / "
            "your session is not valid or has expired; please log in again.",
            headers={"WWW-Authenticate": "Bearer"},
            code="login_required",
        ) from exc
