"""Research projects, the organisations taking part, access, downloads and response tracking."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints, model_validator

from api.core.types import Input

TableName = Literal[
    "families",
    "status_history",
    "respondents",
    "measurements",
    "item_answers",
    "scale_scores",
    "gas_goals",
    "gas_scores",
    "meetings",
    "factors",
    "cost_events",
    "checkins_monthly",
    "response_tracking",
]
Title = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]


class ProjectCreate(Input):
    title: Title
    institution: Title = Field(description="Who evaluates (university, research institute).")
    period_start_on: date
    period_end_on: date
    shares: list[TableName] = Field(min_length=1, max_length=20, description="The tables the dataset holds.")
    small_cell_threshold: int = Field(default=5, ge=3, le=50)
    organisation_ids: list[uuid.UUID] = Field(
        default_factory=list, max_length=50, description="Other organisations invited to take part."
    )

    @model_validator(mode="after")
    def _period(self) -> "ProjectCreate":
        if self.period_end_on < self.period_start_on:
            raise ValueError("the period ends before it starts")
        return self


class AccessGrant(Input):
    user_id: uuid.UUID


class ProjectOrganisation(BaseModel):
    organisation_id: uuid.UUID
    organisation_name: str
    code: str
    invited_at: datetime
    joined_at: datetime | None


class ProjectResearcher(BaseModel):
    user_id: uuid.UUID
    full_name: str
    email: str
    granted_at: datetime
    revoked_at: datetime | None


class ProjectDownload(BaseModel):
    occurred_at: datetime
    actor_name: str | None
    families: int | None = None


class ProjectPublic(BaseModel):
    id: uuid.UUID
    title: str
    institution: str
    period_start_on: date
    period_end_on: date
    shares: list[str]
    small_cell_threshold: int
    owned: bool = Field(description="The caller's organisation owns the project.")
    organisations: list[ProjectOrganisation]
    created_at: datetime


class ProjectDetail(ProjectPublic):
    researchers: list[ProjectResearcher] = Field(default_factory=list)
    downloads: list[ProjectDownload] = Field(default_factory=list)


class ResponseRow(BaseModel):
    organisation_code: str | None = Field(description="None for the pooled row.")
    wave: str
    instrument_code: str
    invited: int
    started: int
    completed: int
    overdue: int
    response_rate: float | None


class ResponseTracking(BaseModel):
    project_id: uuid.UUID
    as_of: date
    rows: list[ResponseRow]
