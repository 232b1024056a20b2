"""Research projects: the organisations taking part (each joins explicitly), the researchers with access."""

import uuid
from datetime import date, datetime

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.models.base import created_at_field, id_field, timestamp_field


class ResearchProject(SQLModel, table=True):
    """An evaluation that receives a pseudonymised dataset of consenting families for a period."""

    __tablename__ = "research_project"

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)  # the project's owner
    title: str = Field(max_length=200)
    institution: str = Field(max_length=200)  # who evaluates (university, institute)
    period_start_on: date
    period_end_on: date
    # Which tables are shared (see api/research/package.py TABLES); what is not listed is left out.
    shares: list[str] = Field(default_factory=list, sa_type=JSON)
    small_cell_threshold: int = 5
    # 256 random bits (hex): the HMAC key of this project's pseudonyms; never leaves the server.
    pseudonym_key: str = Field(max_length=64)
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = created_at_field()


class ResearchOrganisation(SQLModel, table=True):
    """An organisation invited to a project; its data are included only once its administrator joined."""

    __tablename__ = "research_organisation"
    __table_args__ = (
        UniqueConstraint(
            "project_id", "organisation_id", name="uq_research_organisation_project_organisation"
        ),
        UniqueConstraint("project_id", "code", name="uq_research_organisation_project_code"),
    )

    id: uuid.UUID = id_field()
    project_id: uuid.UUID = Field(foreign_key="research_project.id", index=True)
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    code: str = Field(max_length=8)  # "O1", "O2" …: the organisation as the dataset names it
    invited_at: datetime = created_at_field()
    joined_at: datetime | None = timestamp_field()
    joined_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")


class ResearchAccess(SQLModel, table=True):
    """A researcher account bound to a project (revoked access is kept, for the record)."""

    __tablename__ = "research_access"
    __table_args__ = (UniqueConstraint("project_id", "user_id", name="uq_research_access_project_user"),)

    id: uuid.UUID = id_field()
    project_id: uuid.UUID = Field(foreign_key="research_project.id", index=True)
    user_id: uuid.UUID = Field(foreign_key="app_user.id", index=True)
    granted_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    granted_at: datetime = created_at_field()
    revoked_at: datetime | None = timestamp_field()
