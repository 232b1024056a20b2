"""Queueing messages: written in the transaction of the change (or of a scheduled pass) that causes them.

The unique key (dedupe key, recipient) and INSERT … ON CONFLICT DO NOTHING make a second copy of the same
message to the same person impossible, however often an event is replayed or a pass runs."""

import base64
import hashlib
import hmac
import uuid
from typing import Any

from cryptography.fernet import Fernet, InvalidToken
from sqlalchemy.dialects import postgresql, sqlite
from sqlmodel import Session

from api.core.config import get_settings
from api.models import Channel, MessageStatus, NotificationMessage, RecipientKind
from api.models.base import new_id, utcnow
from api.notifications import recipients
from api.notifications.templates import KINDS


def _fernet() -> Fernet:
    key = hashlib.sha256(f"notification-secret:{get_settings().secret_key}".encode()).digest()
    return Fernet(base64.urlsafe_b64encode(key))


def seal(secret: str) -> str:
    return _fernet().encrypt(secret.encode()).decode()


def unseal(sealed: str) -> str | None:
    try:
        return _fernet().decrypt(sealed.encode()).decode()
    except InvalidToken:  # the secret key changed since queueing: the link cannot be sent any more
        return None


def unsubscribe_token(message_id: uuid.UUID) -> str:
    """An opaque token for the opt-out link: the message id and a keyed tag (no personal data in the URL)."""
    tag = hmac.new(
        f"unsubscribe:{get_settings().secret_key}".encode(), message_id.bytes, hashlib.sha256
    ).digest()[:12]
    return base64.urlsafe_b64encode(message_id.bytes + tag).decode().rstrip("=")


def unsubscribe_message_id(token: str) -> uuid.UUID | None:
    try:
        raw = base64.urlsafe_b64decode(token + "=" * (-len(token) % 4))
    except ValueError:
        return None
    if len(raw) != 28:
        return None
    message_id = uuid.UUID(bytes=raw[:16])
    return message_id if hmac.compare_digest(unsubscribe_token(message_id), token.rstrip("=")) else None


def queue(
    session: Session,
    *,
    organisation_id: uuid.UUID,
    family_id: uuid.UUID | None,
    recipient_kind: RecipientKind,
    recipient_id: uuid.UUID,
    kind: str,
    key: str,
    context: dict[str, Any] | None = None,
    secret: str | None = None,
    channel_override: Channel | None = None,
) -> bool:
    """Queue one message (True), or nothing when this key was already queued for this recipient (False).

    The channel is chosen now (preferred, else the one with an address); a recipient who cannot be reached, or
    who gave no consent, gets a row marked skipped, so the family page says why nothing went out."""
    assert kind in KINDS, kind
    settings = get_settings()
    recipient = recipients.load(session, recipient_kind, recipient_id=recipient_id)
    if recipient is None:
        return False
    channel = recipients.choose_channel(recipient)
    if channel_override is not None:
        channel = channel_override if recipient.address(channel_override) else None
    status, reason = MessageStatus.queued, None
    if recipient.outside_staff and not recipient.consent:
        status, reason = MessageStatus.skipped, "no_consent"
    elif channel is None:
        status, reason = MessageStatus.skipped, "no_address"
    now = utcnow()
    due = recipients.quiet_until(now, settings) if recipient.outside_staff else None
    row = {
        "id": new_id(),
        "organisation_id": organisation_id,
        "family_id": family_id,
        "recipient_kind": recipient_kind,
        "recipient_id": recipient_id,
        "channel": channel or recipient.preferred or "email",
        "kind": kind,
        "dedupe_key": key[:200],
        "context": context or {},
        "secret_sealed": seal(secret) if secret and status == MessageStatus.queued else None,
        "status": status,
        "reason": reason,
        "attempts": 0,
        "next_attempt_at": due or now,
        "created_at": now,
    }
    dialect = postgresql if session.get_bind().dialect.name == "postgresql" else sqlite
    statement = (
        dialect.insert(NotificationMessage)
        .values(**row)
        .on_conflict_do_nothing(index_elements=["dedupe_key", "recipient_kind", "recipient_id"])
    )
    return session.execute(statement.returning(NotificationMessage.id)).first() is not None
