"""Instruments (versioned definitions as data), measurements with their scores, and coded factors."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from api.models.base import UTCDateTime, created_at_field, enum_type, id_field, timestamp_field, utcnow


class Wave(StrEnum):
    """The measurement moments of a family's trajectory."""

    t0 = "t0"
    t1 = "t1"
    t2 = "t2"
    end = "end"
    follow_up = "follow_up"


class MeasurementStatus(StrEnum):
    in_progress = "in_progress"
    completed = "completed"


class ChangeClassValue(StrEnum):
    """Mirror of scoring.ChangeClass for the column type (models do not import domain code)."""

    recovered = "recovered"
    improved = "improved"
    unchanged = "unchanged"
    deteriorated = "deteriorated"


class FactorKind(StrEnum):
    hindering = "hindering"
    facilitating = "facilitating"


class Instrument(SQLModel, table=True):
    """One version of an instrument definition; a version with answers is never changed."""

    __tablename__ = "instrument"
    __table_args__ = (
        UniqueConstraint(
            "organisation_id", "code", "version", name="uq_instrument_organisation_code_version"
        ),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    code: str = Field(max_length=40, index=True)
    version: int
    use: str = Field(max_length=40)
    respondent: str = Field(max_length=40)
    # The validated InstrumentDefinition as JSON; read back through InstrumentDefinition.model_validate.
    definition: dict[str, Any] = Field(sa_type=JSON)
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = created_at_field()


class Measurement(SQLModel, table=True):
    """One respondent answering one instrument version, at a wave of a family (or about themselves)."""

    __tablename__ = "measurement"
    # One measurement per respondent, instrument and wave of a family; rows without a family (a supporter's
    # own work engagement) never collide, as NULLs are distinct in a unique constraint on every database.
    __table_args__ = (
        UniqueConstraint(
            "family_id",
            "instrument_code",
            "wave",
            "respondent_id",
            name="uq_measurement_family_wave_respondent",
        ),
        Index("ix_measurement_family_completed", "family_id", "completed_at"),  # cohort windows
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    family_id: uuid.UUID | None = Field(default=None, foreign_key="family.id", index=True)
    instrument_id: uuid.UUID = Field(foreign_key="instrument.id", index=True)
    instrument_code: str = Field(max_length=40, index=True)
    wave: Wave | None = Field(default=None, sa_type=enum_type(Wave, 20))
    respondent_member_id: uuid.UUID | None = Field(default=None, foreign_key="family_member.id", index=True)
    respondent_user_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id", index=True)
    respondent_id: uuid.UUID = Field(index=True)  # whichever of the two above is set: one key for a series
    status: MeasurementStatus = Field(
        default=MeasurementStatus.in_progress, sa_type=enum_type(MeasurementStatus, 20)
    )
    # item number (as text, JSON keys are strings) -> chosen option value
    answers: dict[str, int] = Field(default_factory=dict, sa_type=JSON)
    created_by_id: uuid.UUID = Field(foreign_key="app_user.id")
    started_at: datetime = created_at_field()
    completed_at: datetime | None = timestamp_field(index=True)
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    version: int = 1


class MeasurementScore(SQLModel, table=True):
    """One scale's score of a completed measurement, with its change from the respondent's T0.

    Change and RCI are stored (and refreshed when T0 arrives late) so cohort figures are plain SQL aggregates.
    """

    __tablename__ = "measurement_score"
    __table_args__ = (
        UniqueConstraint("measurement_id", "scale_code", name="uq_measurement_score_measurement_scale"),
    )

    id: uuid.UUID = id_field()
    measurement_id: uuid.UUID = Field(foreign_key="measurement.id", index=True)
    scale_code: str = Field(max_length=40)
    score: float | None = None
    n_answered: int
    n_items: int
    band_nl: str | None = Field(default=None, max_length=200)
    band_en: str | None = Field(default=None, max_length=200)
    reason: str | None = Field(default=None, max_length=300)
    change_from_t0: float | None = None
    rci: float | None = None
    change_class: ChangeClassValue | None = Field(default=None, sa_type=enum_type(ChangeClassValue, 20))


class Factor(SQLModel, table=True):
    """A coded hindering or facilitating factor, as the research recorded them."""

    __tablename__ = "factor"
    __table_args__ = (UniqueConstraint("organisation_id", "code", name="uq_factor_organisation_code"),)

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    code: str = Field(max_length=60)
    kind: FactorKind = Field(sa_type=enum_type(FactorKind, 20))
    label_nl: str = Field(max_length=200)
    label_en: str = Field(max_length=200)
    is_active: bool = True
    version: int = 1
    created_at: datetime = created_at_field()


class FamilyFactor(SQLModel, table=True):
    """A factor observed in one family, with a note."""

    __tablename__ = "family_factor"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    factor_id: uuid.UUID = Field(foreign_key="factor.id", index=True)
    note: str | None = Field(default=None, max_length=2000)
    recorded_on: date
    recorded_by_id: uuid.UUID = Field(foreign_key="app_user.id")
    created_at: datetime = created_at_field()
