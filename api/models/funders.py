"""Funder integration: API clients, family consent, webhook endpoints and the delivery outbox."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON
from sqlmodel import Field, SQLModel

from api.models.base import UTCDateTime, created_at_field, enum_type, id_field, timestamp_field, utcnow


class FunderClient(SQLModel, table=True):
    """A funder's system (zorgkantoor) that signs in with the client-credentials grant."""

    __tablename__ = "funder_client"

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    client_id: str = Field(max_length=64, unique=True)
    name: str = Field(max_length=120)
    funder_name: str = Field(max_length=120)
    region_ids: list[str] = Field(default_factory=list, sa_type=JSON)
    scopes: list[str] = Field(default_factory=list, sa_type=JSON)
    # Keyed SHA-256 of a 256-bit random secret: a slow hash adds nothing for secrets this strong.
    secret_hash: str = Field(max_length=64)
    created_by: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    secret_rotated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    revoked_at: datetime | None = timestamp_field()
    last_used_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()


class FamilyConsent(SQLModel, table=True):
    """What a family agreed to share beyond its own organisation, recorded by staff."""

    __tablename__ = "family_consent"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", unique=True)
    funder_data: bool = False
    research: bool = False
    aggregates_only: bool = False
    recorded_by: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    version: int = 1


class WebhookEndpoint(SQLModel, table=True):
    __tablename__ = "webhook_endpoint"

    id: uuid.UUID = id_field()
    client_id: uuid.UUID = Field(foreign_key="funder_client.id", index=True)
    url: str = Field(max_length=500)
    event_types: list[str] = Field(default_factory=list, sa_type=JSON)
    # Encrypted with a key derived from BONDGENOOT_SECRET_KEY: the worker needs it back to sign.
    secret_sealed: str = Field(max_length=255)
    description: str | None = Field(default=None, max_length=200)
    disabled_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()


class DeliveryStatus(StrEnum):
    pending = "pending"
    delivered = "delivered"
    failed = "failed"


class WebhookMessage(SQLModel, table=True):
    """One event for one endpoint: the transactional outbox the worker drains."""

    __tablename__ = "webhook_message"

    id: uuid.UUID = id_field()
    endpoint_id: uuid.UUID = Field(foreign_key="webhook_endpoint.id", index=True)
    event_type: str = Field(max_length=40)
    payload: dict[str, Any] = Field(sa_type=JSON)
    status: DeliveryStatus = Field(
        default=DeliveryStatus.pending, sa_type=enum_type(DeliveryStatus, 20), index=True
    )
    attempts: int = 0
    next_attempt_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
    leased_until: datetime | None = timestamp_field()
    lease_owner: str | None = Field(default=None, max_length=64)
    delivered_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()


class WebhookAttempt(SQLModel, table=True):
    """One try to deliver a message, kept so an administrator can see what happened."""

    __tablename__ = "webhook_attempt"

    id: uuid.UUID = id_field()
    message_id: uuid.UUID = Field(foreign_key="webhook_message.id", index=True)
    attempted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    status_code: int | None = None
    error: str | None = Field(default=None, max_length=300)
    worker: str = Field(max_length=64)
