"""Request and response models for users."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.families.schemas import Email, Name
from api.models import Role


class UserCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    email: Email = Field(examples=["j.jansen@example.nl"])
    full_name: Name = Field(examples=["Jolien Jansen"])
    role: Role
    password: Annotated[str, StringConstraints(min_length=12, max_length=128)] = Field(
        description="At least 12 characters."
    )


class UserPublic(BaseModel):
    id: uuid.UUID
    email: str
    full_name: str
    role: Role
    organisation_id: uuid.UUID
    is_active: bool
    created_at: datetime


class Me(UserPublic):
    organisation_name: str
