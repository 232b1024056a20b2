"""Every table model, imported here so Alembic and the app see them all."""

from api.models.audit import AuditEvent
from api.models.auth import IdempotencyRecord, LoginFailure, RefreshToken
from api.models.family import (
    ContactKind,
    Family,
    FamilyMember,
    FamilyStatus,
    FamilyType,
    MemberRole,
    NetworkContact,
)
from api.models.organisation import Organisation, Region, Role, User

__all__ = [
    "AuditEvent",
    "ContactKind",
    "Family",
    "FamilyMember",
    "FamilyStatus",
    "FamilyType",
    "IdempotencyRecord",
    "LoginFailure",
    "MemberRole",
    "NetworkContact",
    "Organisation",
    "RefreshToken",
    "Region",
    "Role",
    "User",
]
