"""Refresh-token rotation, login throttling and idempotent creates."""

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.models.base import UTCDateTime, created_at_field, id_field, timestamp_field, utcnow


class RefreshToken(SQLModel, table=True):
    """One issued refresh token; `chain_id` groups a login's rotations so reuse revokes them all."""

    __tablename__ = "refresh_token"

    id: uuid.UUID = id_field()
    user_id: uuid.UUID = Field(foreign_key="app_user.id", index=True)
    chain_id: uuid.UUID = Field(index=True)
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    used_at: datetime | None = timestamp_field()
    revoked_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()


class LoginFailure(SQLModel, table=True):
    """A failed login, keyed by hashes of the account and the address (no e-mail stored)."""

    __tablename__ = "login_failure"

    id: uuid.UUID = id_field()
    account_key: str = Field(max_length=64, index=True)
    address_key: str = Field(max_length=64, index=True)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)


class IdempotencyRecord(SQLModel, table=True):
    """The first answer to a create with an Idempotency-Key, replayed on retries."""

    __tablename__ = "idempotency_record"
    __table_args__ = (UniqueConstraint("actor_id", "key", name="uq_idempotency_record_actor_key"),)

    id: uuid.UUID = id_field()
    actor_id: uuid.UUID
    key: str = Field(max_length=200)
    request_hash: str = Field(max_length=64)
    status_code: int
    response_body: dict[str, Any] = Field(sa_type=JSON)
    created_at: datetime = created_at_field()
