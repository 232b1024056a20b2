"""Request and response models of the notifications: settings, templates, delivery logs, opt-out."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, StringConstraints

from api.models import Channel, DigestFrequency, Language, MessageStatus, RecipientKind

Phone = Annotated[str, StringConstraints(strip_whitespace=True, max_length=40, pattern=r"^\+?[0-9 ()\-]*$")]


class Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


class ChannelStatus(BaseModel):
    email: bool
    sms: bool
    sms_provider: str | None


class NotificationSettings(BaseModel):
    """A staff member's contact fields and message choices, and which channels the organisation has on."""

    email: str
    phone: str | None
    preferred_channel: Channel
    language: Language
    digest: DigestFrequency
    call_me_alerts: bool
    team_digest: bool
    channels: ChannelStatus


class NotificationSettingsUpdate(Input):
    phone: Phone | None = None
    preferred_channel: Channel | None = None
    language: Language | None = None
    digest: DigestFrequency | None = None
    call_me_alerts: bool | None = None
    team_digest: bool | None = None


class TemplateText(BaseModel):
    subject: str
    body: str
    customised: bool


class TemplatePublic(BaseModel):
    kind: str
    audience: list[RecipientKind]
    placeholders: list[str]
    automatic: bool
    nl: TemplateText
    en: TemplateText


class TemplateList(BaseModel):
    items: list[TemplatePublic]


class TemplateUpdate(Input):
    subject: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
    body: Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)]


class TemplatePreviewRequest(TemplateUpdate):
    language: Language = Language.nl


class TemplatePreview(BaseModel):
    subject: str
    text: str
    html: str
    unknown_placeholders: list[str]


class MessagePublic(BaseModel):
    """One message in a delivery log: what, to which kind of recipient, by which channel, what happened."""

    id: uuid.UUID
    family_id: uuid.UUID | None
    kind: str
    channel: Channel
    recipient_kind: RecipientKind
    recipient_id: uuid.UUID
    status: MessageStatus
    reason: str | None
    attempts: int
    created_at: datetime
    next_attempt_at: datetime
    sent_at: datetime | None


class FamilyMessagePublic(MessagePublic):
    recipient_name: str | None


class UnsubscribeResult(BaseModel):
    channel: Channel
    unsubscribed: bool
