"""Families, their members and their network."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint, text
from sqlmodel import Field, Relationship, SQLModel

from api.models.base import UTCDateTime, created_at_field, enum_type, id_field, timestamp_field, utcnow
from api.models.notifications import Channel, Language
from api.models.organisation import Region, User


class FamilyStatus(StrEnum):
    intake = "intake"
    active = "active"
    phasing_out = "phasing_out"
    closed = "closed"


class FamilyType(StrEnum):
    """The business-case family types."""

    child_id_parents = "child_id_parents"
    child_pimd = "child_pimd"
    parent_id_children = "parent_id_children"
    adult_abi_partner = "adult_abi_partner"
    child_autism_mental_health = "child_autism_mental_health"
    adult_id_ageing_parents = "adult_id_ageing_parents"


class MemberRole(StrEnum):
    client = "client"
    parent = "parent"
    partner = "partner"
    sibling = "sibling"
    other_relative = "other_relative"


class ContactKind(StrEnum):
    informal = "informal"
    professional = "professional"


_CURRENT: dict[str, Any] = {
    "postgresql_where": text("archived_at IS NULL"),
    "sqlite_where": text("archived_at IS NULL"),
}
_ARCHIVED: dict[str, Any] = {
    "postgresql_where": text("archived_at IS NOT NULL"),
    "sqlite_where": text("archived_at IS NOT NULL"),
}


class ContactParty(StrEnum):
    """Which party a network contact is, coded beside the free text (informal, or which professional)."""

    informal = "informal"
    gp = "gp"  # huisarts
    school = "school"
    district_team = "district_team"  # wijkteam
    youth_mental_health = "youth_mental_health"  # jeugd-GGZ
    mental_health = "mental_health"  # GGZ for adults
    care_provider = "care_provider"  # zorgaanbieder
    employer = "employer"  # werkgever
    debt_help = "debt_help"  # schuldhulp
    municipality = "municipality"  # gemeente
    other_professional = "other_professional"


class Family(SQLModel, table=True):
    __tablename__ = "family"
    __table_args__ = (
        UniqueConstraint("organisation_id", "reference", name="uq_family_organisation_reference"),
        # The family list: newest first within each filter, current families only (keyset on created_at, id).
        *(
            Index(f"ix_family_list_{name}", *columns, "created_at", "id", **_CURRENT)
            for name, columns in (
                ("organisation", ("organisation_id",)),
                ("supporter", ("supporter_id",)),
                ("status", ("organisation_id", "status")),
                ("region", ("organisation_id", "region_id")),
            )
        ),
        # Search (q=): trigram indexes on PostgreSQL serve ILIKE '%…%'; a plain index elsewhere.
        *(
            Index(
                f"ix_family_{column}_trgm",
                column,
                postgresql_using="gin",
                postgresql_ops={column: "gin_trgm_ops"},
                postgresql_with={"fastupdate": "off"},  # no pending list: a search sees every family
            )
            for column in ("display_name", "reference")
        ),
        Index("ix_family_organisation_region", "organisation_id", "region_id"),  # funder scopes
        # "not of an archived family" for rows that carry their organisation (check-ins, alerts)
        Index("ix_family_archived", "id", **_ARCHIVED),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    reference: str = Field(max_length=40)
    display_name: str = Field(max_length=200)
    status: FamilyStatus = Field(default=FamilyStatus.intake, sa_type=enum_type(FamilyStatus, 20), index=True)
    region_id: uuid.UUID | None = Field(default=None, foreign_key="region.id", index=True)
    municipality: str | None = Field(default=None, max_length=120)
    family_type: FamilyType | None = Field(default=None, sa_type=enum_type(FamilyType, 40))
    target_groups: list[str] = Field(default_factory=list, sa_type=JSON)
    supporter_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id", index=True)
    coordinator_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id", index=True)
    started_on: date | None = None
    ended_on: date | None = None
    archived_at: datetime | None = timestamp_field()
    version: int = 1
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)

    region: Region | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    supporter: User | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[Family.supporter_id]"}
    )
    members: list["FamilyMember"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "order_by": "FamilyMember.created_at"}
    )
    contacts: list["NetworkContact"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "order_by": "NetworkContact.created_at"}
    )


class FamilyMember(SQLModel, table=True):
    __tablename__ = "family_member"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    display_name: str = Field(max_length=200)
    role: MemberRole = Field(sa_type=enum_type(MemberRole, 20))
    birth_year: int | None = None
    is_client: bool = False
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    # The language the member reads: messages are written in it, and the phone offers only questionnaires
    # with wording in it. Messages: which channel, agreed to receive them, the weekly nudge.
    preferred_channel: Channel | None = Field(default=None, sa_type=enum_type(Channel, 10))
    language: Language = Field(default=Language.nl, sa_type=enum_type(Language, 5))
    messages_consent: bool = False
    weekly_nudge: bool = False
    archived_at: datetime | None = timestamp_field()
    version: int = 1
    created_at: datetime = created_at_field()


class NetworkContact(SQLModel, table=True):
    __tablename__ = "network_contact"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    name: str = Field(max_length=200)
    kind: ContactKind = Field(sa_type=enum_type(ContactKind, 20))
    party: ContactParty = Field(
        default=ContactParty.informal, sa_type=enum_type(ContactParty, 40), index=True
    )
    relation: str | None = Field(default=None, max_length=120)
    organisation: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, max_length=120)
    phone: str | None = Field(default=None, max_length=40)
    email: str | None = Field(default=None, max_length=254)
    # Messages (notifications): which channel, which language, agreed to receive them.
    preferred_channel: Channel | None = Field(default=None, sa_type=enum_type(Channel, 10))
    language: Language = Field(default=Language.nl, sa_type=enum_type(Language, 5))
    messages_consent: bool = False
    archived_at: datetime | None = timestamp_field()
    version: int = 1
    created_at: datetime = created_at_field()
