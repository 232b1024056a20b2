"""The append-only audit log (NEN 7513 style): who touched which family's data, when, from where, why."""

import uuid
from datetime import datetime

from sqlalchemy import Index
from sqlmodel import Field, SQLModel

from api.models.base import UTCDateTime, id_field, utcnow


class AuditEvent(SQLModel, table=True):
    __tablename__ = "audit_event"
    __table_args__ = (
        # Newest first for one family (the access log) and for one organisation (the audit page).
        Index("ix_audit_event_family_occurred", "family_id", "occurred_at", "id"),
        Index("ix_audit_event_organisation_occurred", "organisation_id", "occurred_at", "id"),
        # The administrator's filter by actor ("what did this employee look at"), newest first.
        Index("ix_audit_event_actor_occurred", "actor_id", "occurred_at", "id"),
    )
    # No other index: every request writes here. On PostgreSQL the table is partitioned by month on
    # occurred_at (migration 0016; its primary key is (id, occurred_at)); see `bondgenoot audit-retention`.

    id: uuid.UUID = id_field()
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    actor_type: str = Field(max_length=20)
    actor_id: uuid.UUID | None = None
    actor_role: str | None = Field(default=None, max_length=40)
    organisation_id: uuid.UUID | None = None
    action: str = Field(max_length=40)
    object_type: str = Field(max_length=40)
    object_id: uuid.UUID | None = None
    family_id: uuid.UUID | None = None
    outcome: str = Field(default="success", max_length=20)
    client_address: str | None = Field(default=None, max_length=64)
    purpose: str | None = Field(default=None, max_length=200)
