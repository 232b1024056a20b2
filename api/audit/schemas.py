"""Audit log answers and filters."""

import uuid
from dataclasses import dataclass
from datetime import datetime

from pydantic import BaseModel


class AuditEventPublic(BaseModel):
    id: uuid.UUID
    occurred_at: datetime
    actor_type: str
    actor_id: uuid.UUID | None
    actor_role: str | None
    actor_name: str | None = None
    action: str
    object_type: str
    object_id: uuid.UUID | None
    family_id: uuid.UUID | None
    outcome: str
    client_address: str | None
    purpose: str | None


@dataclass(frozen=True)
class AuditFilters:
    family_id: uuid.UUID | None = None
    actor_id: uuid.UUID | None = None
    action: str | None = None
    outcome: str | None = None
    since: datetime | None = None
    until: datetime | None = None
