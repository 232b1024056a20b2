"""Request and response models for families, members and network contacts."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Annotated, Self

from pydantic import BaseModel, Field, StringConstraints, model_validator

from api.core.types import Email, Input, Name, Phone, ShortText
from api.models import Channel, ContactKind, ContactParty, FamilyStatus, FamilyType, Language, MemberRole

Reference = Annotated[
    str, StringConstraints(strip_whitespace=True, pattern=r"^[A-Za-z0-9][A-Za-z0-9-]{1,39}$")
]


class TargetGroup(StrEnum):
    lvb = "lvb"
    vb = "vb"
    emb = "emb"
    nah = "nah"
    autism = "autism"
    ggz = "ggz"
    other = "other"


class FamilyCreate(Input):
    display_name: Name = Field(examples=["Gezin De Vries"])
    reference: Reference | None = Field(default=None, description="Generated when absent.")
    region_id: uuid.UUID | None = None
    municipality: ShortText | None = Field(default=None, examples=["Groningen"])
    family_type: FamilyType | None = None
    target_groups: list[TargetGroup] = Field(default_factory=list, max_length=10)
    supporter_id: uuid.UUID | None = Field(default=None, description="Assigns the caseload.")
    coordinator_id: uuid.UUID | None = None
    started_on: date | None = None


class FamilyUpdate(Input):
    display_name: Name | None = None
    region_id: uuid.UUID | None = None
    municipality: ShortText | None = None
    family_type: FamilyType | None = None
    target_groups: list[TargetGroup] | None = Field(default=None, max_length=10)
    supporter_id: uuid.UUID | None = None
    coordinator_id: uuid.UUID | None = None
    started_on: date | None = None
    ended_on: date | None = None
    status: FamilyStatus | None = Field(
        default=None, description="intake → active → phasing_out → closed, and phasing_out → active."
    )


class FamilyPublic(BaseModel):
    id: uuid.UUID
    reference: str
    display_name: str
    status: FamilyStatus
    region_id: uuid.UUID | None
    region_name: str | None
    municipality: str | None
    family_type: FamilyType | None
    target_groups: list[str]
    supporter_id: uuid.UUID | None
    supporter_name: str | None
    coordinator_id: uuid.UUID | None
    started_on: date | None
    ended_on: date | None
    archived_at: datetime | None
    version: int
    created_at: datetime
    updated_at: datetime


class AttentionPublic(BaseModel):
    """What asks for attention in a family, counted as the worklist and the family's strip count it."""

    total: int = Field(description="Open alerts count three, every other item one: the sort key.")
    open_alerts: int
    goals_without_score: int
    overdue_actions: int
    questionnaires_due: int


class FamilyListItem(FamilyPublic):
    attention: AttentionPublic | None = Field(
        default=None,
        description="Only on a list of one caseload (a supporter's own, or `supporter_id=`); null otherwise.",
    )


class MemberCreate(Input):
    display_name: Name = Field(examples=["Sanne"])
    role: MemberRole
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    is_client: bool = False
    language: Language | None = Field(
        default=None, description="The language the member reads (nl when left out)."
    )
    phone: Phone | None = None
    email: Email | None = None
    preferred_channel: Channel | None = None  # language, consent and the nudge are set with PATCH

    @model_validator(mode="after")
    def _dutch_unless_said(self) -> Self:
        self.language = self.language or Language.nl
        return self


class MemberUpdate(Input):
    display_name: Name | None = None
    role: MemberRole | None = None
    birth_year: int | None = Field(default=None, ge=1900, le=2100)
    is_client: bool | None = None
    phone: Phone | None = None
    email: Email | None = None
    preferred_channel: Channel | None = None
    language: Language | None = None
    messages_consent: bool | None = None
    weekly_nudge: bool | None = None


class MemberPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    display_name: str
    role: MemberRole
    birth_year: int | None
    is_client: bool
    phone: str | None
    email: str | None
    preferred_channel: Channel | None = None
    language: Language = Field(
        default=Language.nl,
        description="The language the member reads: messages and questionnaires on the phone.",
    )
    messages_consent: bool = False
    weekly_nudge: bool = False
    version: int


class ContactCreate(Input):
    name: Name = Field(examples=["Buurvrouw Annie"])
    kind: ContactKind
    party: ContactParty | None = Field(
        default=None, description="The coded party (huisarts, school, wijkteam …); from `kind` when left out."
    )
    relation: ShortText | None = Field(default=None, examples=["buurvrouw", "wijkteam"])
    organisation: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    role: ShortText | None = None
    phone: Phone | None = None
    email: Email | None = None
    preferred_channel: Channel | None = None  # language and consent are set with PATCH

    @model_validator(mode="after")
    def _party_matches_kind(self) -> Self:
        if self.party is None:
            self.party = (
                ContactParty.informal
                if self.kind == ContactKind.informal
                else ContactParty.other_professional
            )
        elif (self.party == ContactParty.informal) != (self.kind == ContactKind.informal):
            raise ValueError(
                "party: informal goes with kind informal, a professional party with kind professional"
            )
        return self


class ContactUpdate(Input):
    name: Name | None = None
    kind: ContactKind | None = None
    party: ContactParty | None = None
    relation: ShortText | None = None
    organisation: Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)] | None = None
    role: ShortText | None = None
    phone: Phone | None = None
    email: Email | None = None
    preferred_channel: Channel | None = None
    language: Language | None = None
    messages_consent: bool | None = None


class ContactPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    name: str
    kind: ContactKind
    party: ContactParty
    relation: str | None
    organisation: str | None
    role: str | None
    phone: str | None
    email: str | None
    preferred_channel: Channel | None = None
    language: Language = Language.nl
    messages_consent: bool = False
    version: int


class FamilyDetail(FamilyPublic):
    members: list[MemberPublic]
    contacts: list[ContactPublic]
    supporter_phone: str | None = Field(
        default=None, description="The supporter's own number (their settings), printed on the family's plan."
    )
