"""Organisations (tenants), regions (zorgkantoorregio's) and users."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.models.base import created_at_field, enum_type, id_field, timestamp_field
from api.models.notifications import Channel, Language


class Role(StrEnum):
    admin = "admin"
    coordinator = "coordinator"
    supporter = "supporter"
    researcher = "researcher"  # reads only the research projects it is bound to (api/research)


class Organisation(SQLModel, table=True):
    __tablename__ = "organisation"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=200, unique=True)
    created_at: datetime = created_at_field()


class Region(SQLModel, table=True):
    __tablename__ = "region"

    id: uuid.UUID = id_field()
    name: str = Field(max_length=120, unique=True)
    funder_name: str = Field(max_length=120)
    # Regions are shared by every organisation: only a platform operator changes them, with If-Match.
    version: int = 1
    created_at: datetime = created_at_field()


class User(SQLModel, table=True):
    __tablename__ = "app_user"

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    email: str = Field(max_length=254, unique=True)
    full_name: str = Field(max_length=200)
    role: Role = Field(sa_type=enum_type(Role, 20))
    password_hash: str = Field(max_length=255)
    is_active: bool = True
    # The supplier's operator keeps the reference data every organisation shares (regions, life domains).
    platform_operator: bool = False
    # Access tokens issued before this moment are refused (deactivation, password change or reset).
    sessions_valid_after: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()
    # Messages (notifications): a mobile number for text messages, the channel and language preferred.
    phone: str | None = Field(default=None, max_length=40)
    preferred_channel: Channel = Field(default=Channel.email, sa_type=enum_type(Channel, 10))
    language: Language = Field(default=Language.nl, sa_type=enum_type(Language, 5))
