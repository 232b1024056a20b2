"""Secrets beside the tokens: client ids and secret digests, per-funder pseudonyms, sealed webhook secrets and
Standard Webhooks signatures."""

import base64
import hashlib
import hmac
import secrets
import uuid

from cryptography.fernet import Fernet, InvalidToken

from api.core.config import get_settings
from api.core.security import keyed_digest

CLIENT_SECRET_PURPOSE = "funder-client-secret"
WEBHOOK_SECRET_PREFIX = "whsec_"


def new_client_id() -> str:
    return "bgc_" + secrets.token_urlsafe(12)


def new_client_secret() -> str:
    return secrets.token_urlsafe(32)  # 256 bits


def secret_digest(secret: str) -> str:
    """Keyed SHA-256 of a client secret (the secret is random, so no slow hash is needed)."""
    return keyed_digest(secret, purpose=CLIENT_SECRET_PURPOSE)


def secret_matches(secret: str, digest: str | None) -> bool:
    return hmac.compare_digest(secret_digest(secret), digest or "0" * 64)


def new_pseudonym_key() -> str:
    return secrets.token_hex(32)


def pseudonym(key: str, value: uuid.UUID) -> str:
    """The client's stable pseudonym of an id: HMAC-SHA256 under the client's own key, 128 bits in hex."""
    return hmac.new(bytes.fromhex(key), value.bytes, hashlib.sha256).hexdigest()[:32]


def new_webhook_secret() -> str:
    """A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes."""
    return WEBHOOK_SECRET_PREFIX + base64.b64encode(secrets.token_bytes(32)).decode()


def _fernet() -> Fernet:
    key = hashlib.sha256(f"webhook-secret:{get_settings().secret_key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def unseal(sealed: str) -> str:
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken as exc:  # BONDGENOOT_SECRET_KEY changed since the endpoint was registered
        raise ValueError("webhook secret cannot be unsealed; register the endpoint again") from exc


def sign(secret: str, *, message_id: str, timestamp: int, body: bytes) -> str:
    """The `webhook-signature` header value: `v1,` + base64 HMAC-SHA256 over `id.timestamp.body`."""
    key = base64.b64decode(secret.removeprefix(WEBHOOK_SECRET_PREFIX))
    signed = f"{message_id}.{timestamp}.".encode() + body
    return "v1," + base64.b64encode(hmac.new(key, signed, hashlib.sha256).digest()).decode()
