"""Notifications: the outbound-message outbox (e-mail, text messages), opt-outs, templates, staff settings."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.models.base import UTCDateTime, created_at_field, enum_type, id_field, timestamp_field, utcnow


class Channel(StrEnum):
    email = "email"
    sms = "sms"


class Language(StrEnum):
    nl = "nl"
    en = "en"


class RecipientKind(StrEnum):
    member = "member"
    contact = "contact"
    user = "user"


class MessageStatus(StrEnum):
    queued = "queued"
    sent = "sent"
    failed = "failed"
    bounced = "bounced"
    skipped = "skipped"


class DigestFrequency(StrEnum):
    off = "off"
    daily = "daily"
    weekly = "weekly"


class NotificationMessage(SQLModel, table=True):
    """One message to one recipient: the outbox `bondgenoot worker` drains. The unique key makes a second
    copy of the same message to the same person impossible, whoever queues it and however often."""

    __tablename__ = "notification_message"
    __table_args__ = (
        UniqueConstraint("dedupe_key", "recipient_kind", "recipient_id", name="uq_notification_message_key"),
        # The delivery log, newest first, with or without a status (migration 0022).
        Index("ix_notification_message_organisation_created", "organisation_id", "created_at", "id"),
        Index("ix_notification_message_organisation_status", "organisation_id", "status", "created_at", "id"),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id")
    family_id: uuid.UUID | None = Field(default=None, foreign_key="family.id", index=True)
    recipient_kind: RecipientKind = Field(sa_type=enum_type(RecipientKind, 20))
    recipient_id: uuid.UUID = Field(index=True)
    channel: Channel = Field(sa_type=enum_type(Channel, 10))
    kind: str = Field(max_length=40)
    dedupe_key: str = Field(max_length=200)
    # Ids, dates, numbers and short codes only: bodies are rendered when sent and never stored or logged.
    context: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    # A check-in link token, encrypted, kept only until the message is sent (then erased).
    secret_sealed: str | None = Field(default=None, max_length=500)
    status: MessageStatus = Field(
        default=MessageStatus.queued, sa_type=enum_type(MessageStatus, 20), index=True
    )
    reason: str | None = Field(default=None, max_length=200)
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
    leased_until: datetime | None = timestamp_field()
    lease_owner: str | None = Field(default=None, max_length=80)
    provider_id: str | None = Field(default=None, max_length=200)
    sent_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()


class NotificationOptOut(SQLModel, table=True):
    """A recipient who wants no more messages on a channel (set through the link in every message)."""

    __tablename__ = "notification_opt_out"
    __table_args__ = (
        UniqueConstraint(
            "recipient_kind", "recipient_id", "channel", name="uq_notification_opt_out_recipient"
        ),
    )

    id: uuid.UUID = id_field()
    recipient_kind: RecipientKind = Field(sa_type=enum_type(RecipientKind, 20))
    recipient_id: uuid.UUID = Field(index=True)
    channel: Channel = Field(sa_type=enum_type(Channel, 10))
    created_at: datetime = created_at_field()


class NotificationTemplate(SQLModel, table=True):
    """An organisation's own wording of one kind of message in one language (else the shipped default)."""

    __tablename__ = "notification_template"
    __table_args__ = (
        UniqueConstraint("organisation_id", "kind", "language", name="uq_notification_template_kind"),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    kind: str = Field(max_length=40)
    language: Language = Field(sa_type=enum_type(Language, 5))
    subject: str = Field(max_length=200)
    body: str = Field(max_length=4000)
    updated_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class NotificationPreference(SQLModel, table=True):
    """A staff member's choices: the digest, the immediate 'bel me' message, the team digest."""

    __tablename__ = "notification_preference"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(foreign_key="app_user.id", unique=True)
    digest: DigestFrequency = Field(default=DigestFrequency.weekly, sa_type=enum_type(DigestFrequency, 10))
    call_me_alerts: bool = True
    team_digest: bool = True
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
