"""The societal business-case model (versioned, as data) and the cost events recorded on families."""

import uuid
from datetime import date, datetime
from typing import Any

from sqlalchemy import JSON, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.models.base import created_at_field, id_field


class BusinessCaseModel(SQLModel, table=True):
    """One version of an organisation's business-case model; a version is never changed, an edit adds one."""

    __tablename__ = "business_case_model"
    __table_args__ = (
        UniqueConstraint("organisation_id", "version", name="uq_business_case_model_organisation_version"),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    version: int
    # The validated ModelDefinition as JSON (money and volumes as decimal strings).
    definition: dict[str, Any] = Field(sa_type=JSON)
    change_note: str | None = Field(default=None, max_length=1000)
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = created_at_field()


class CostEvent(SQLModel, table=True):
    """Something that cost society money in a family's life, observed by its supporter (a crisis admission,
    a parent's sick leave …), before or during support; the factor is a code of the business-case model."""

    __tablename__ = "cost_event"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    factor_code: str = Field(max_length=60, index=True)
    occurred_on: date = Field(index=True)
    ended_on: date | None = None
    # Thousandths of the factor's unit (days, occurrences, years): exact sums in SQL, never a float.
    volume_milli: int
    note: str | None = Field(default=None, max_length=1000)
    recorded_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = created_at_field()
