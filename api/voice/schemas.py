"""Request and response models for network links, per-contact consent and the family's proposals."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from api.checkins.schemas import LinkStatus
from api.core.types import Input
from api.models import ContactParty, ProposalKind, ProposalStatus


class ContactConsentUpdate(Input):
    plan: bool = Field(description="May see the family's goals and every action.")
    summaries: bool = Field(description="May read the summaries of meetings they did not attend.")
    checkin_trend: bool = Field(description="May see the trend of the family's check-ins.")


class ContactConsentPublic(BaseModel):
    plan: bool
    summaries: bool
    checkin_trend: bool
    contact_id: uuid.UUID
    recorded_by: uuid.UUID | None
    recorded_at: datetime | None
    version: int = Field(description="0 when nothing was recorded (then nothing beyond their own part).")


class ContactLinkPublic(BaseModel):
    id: uuid.UUID
    contact_id: uuid.UUID
    status: LinkStatus
    expires_at: datetime
    locked_at: datetime | None
    revoked_at: datetime | None
    last_used_at: datetime | None
    created_at: datetime


class ContactLinkCreate(Input):
    valid_days: int | None = Field(default=None, ge=1, le=365, description="Days the link works.")


class ContactLinkCreated(ContactLinkPublic):
    """The only answer that ever holds the token and the code: give the link and the code separately."""

    token: str
    code: str
    path: str = Field(examples=["/c#3q2…"], description="The phone page path; the token is in the #fragment.")


class NetworkAccess(BaseModel):
    """One network contact: who they are, their link, and what the family agreed they may see."""

    contact_id: uuid.UUID
    name: str
    party: ContactParty
    consent: ContactConsentPublic
    link: ContactLinkPublic | None = Field(description="The newest link, if any.")


class ProposalPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    kind: ProposalKind
    goal_id: uuid.UUID | None
    goal_text: str | None
    member_id: uuid.UUID
    member_name: str
    text: str
    status: ProposalStatus
    meeting_id: uuid.UUID | None
    answer: str | None
    handled_at: datetime | None
    created_at: datetime
    version: int


class ProposalUpdate(Input):
    status: ProposalStatus
    meeting_id: uuid.UUID | None = Field(
        default=None, description="With status on_agenda: the planned meeting; an agenda item is added."
    )
    answer: Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)] | None = Field(
        default=None, description="What the family reads back on the phone."
    )
