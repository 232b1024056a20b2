"""Request and response models for users."""

import uuid
from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from api.core.types import Email, Input, Name
from api.models import Role

Password = Annotated[str, StringConstraints(min_length=12, max_length=128)]


class UserCreate(Input):
    email: Email = Field(examples=["j.jansen@example.nl"])
    full_name: Name = Field(examples=["Jolien Jansen"])
    role: Role
    password: Password = Field(description="12 to 128 characters, not a common or breached password.")


class UserUpdate(Input):
    """What an administrator changes about an account; leave a field out to keep it."""

    role: Role | None = None
    is_active: bool | None = Field(
        default=None, description="false ends every session of the account at once."
    )
    full_name: Name | None = None


class PasswordReset(Input):
    new_password: Password = Field(
        description="A temporary password to hand over; every session of the account ends."
    )


class PasswordChange(Input):
    current_password: Annotated[str, StringConstraints(min_length=1, max_length=128)]
    new_password: Password = Field(description="12 to 128 characters, not a common or breached password.")


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
    platform_operator: bool = False
