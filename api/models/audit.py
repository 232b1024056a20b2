"""The append-only audit log (NEN 7513 style): who touched which family's data, when, from where, why."""

import uuid
from datetime import datetime

from sqlmodel import Field, SQLModel

from api.models.base import UTCDateTime, id_field, utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"

    id: uuid.UUID = id_field()
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
    actor_type: str = Field(max_length=20)
    actor_id: uuid.UUID | None = Field(default=None, index=True)
    actor_role: str | None = Field(default=None, max_length=40)
    organisation_id: uuid.UUID | None = Field(default=None, index=True)
    action: str = Field(max_length=40, index=True)
    object_type: str = Field(max_length=40)
    object_id: uuid.UUID | None = None
    family_id: uuid.UUID | None = Field(default=None, index=True)
    outcome: str = Field(default="success", max_length=20)
    client_address: str | None = Field(default=None, max_length=64)
    purpose: str | None = Field(default=None, max_length=200)
