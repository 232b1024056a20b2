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
from api.models.funders import (
    DeliveryStatus,
    FamilyConsent,
    FunderClient,
    WebhookAttempt,
    WebhookEndpoint,
    WebhookMessage,
)
from api.models.measurements import (
    ChangeClassValue,
    Factor,
    FactorKind,
    FamilyFactor,
    Instrument,
    Measurement,
    MeasurementScore,
    MeasurementStatus,
    Wave,
)
from api.models.organisation import Organisation, Region, Role, User

__all__ = [
    "AuditEvent",
    "ChangeClassValue",
    "ContactKind",
    "DeliveryStatus",
    "Factor",
    "FactorKind",
    "Family",
    "FamilyConsent",
    "FamilyFactor",
    "FamilyMember",
    "FamilyStatus",
    "FamilyType",
    "FunderClient",
    "IdempotencyRecord",
    "Instrument",
    "LoginFailure",
    "Measurement",
    "MeasurementScore",
    "MeasurementStatus",
    "MemberRole",
    "NetworkContact",
    "Organisation",
    "RefreshToken",
    "Region",
    "Role",
    "User",
    "Wave",
    "WebhookAttempt",
    "WebhookEndpoint",
    "WebhookMessage",
]
