"""Request and response models for instruments, measurements, outcomes, work engagement and factors."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from api.core.types import Input
from api.measurements.definitions import (
    InstrumentDefinition,
    InstrumentUse,
    Licence,
    LocalizedLongText,
    LocalizedText,
    Respondent,
)
from api.measurements.offering import PhoneOffer
from api.models import ChangeClassValue, FactorKind, Language, MeasurementStatus, Wave

Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
FactorLabel = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
FactorCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,59}$")]
InstrumentCode = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=40)]
# Item number -> option value; null clears a saved answer.
Answers = Annotated[dict[int, int | None], Field(max_length=500)]
PlanStatus = Literal["upcoming", "due", "overdue", "in_progress", "done"]


# ---- instruments ----


class InstrumentSummary(BaseModel):
    code: str
    version: int = Field(description="The latest version.")
    name: LocalizedText
    description: LocalizedLongText
    respondent: Respondent
    use: InstrumentUse
    licence: Licence
    n_versions: int


class InstrumentVersionInfo(BaseModel):
    version: int
    created_at: datetime
    n_measurements: int = Field(
        description="Answers given on this version; a version with answers is frozen."
    )


class InstrumentDetail(BaseModel):
    definition: InstrumentDefinition = Field(description="The latest version, with its licence.")
    versions: list[InstrumentVersionInfo]
    phone_languages: list[Language] = Field(description="Members reading these are offered it on the phone.")
    created_new_version: bool | None = Field(
        default=None, description="After an edit: true when a new version was made, false when replaced."
    )


# ---- measurements ----


class RespondentPublic(BaseModel):
    kind: Literal["member", "supporter"]
    id: uuid.UUID
    display_name: str
    role: str = Field(description="The member's role in the family, or 'supporter'.")


class MeasurementStart(Input):
    instrument_code: InstrumentCode
    wave: Wave
    respondent_member_id: uuid.UUID | None = Field(
        default=None, description="Required for instruments a family member answers."
    )


class AnswersUpdate(Input):
    answers: Answers = Field(description='Item number to option value, e.g. {"1": 4, "2": null}.')


class ScaleScorePublic(BaseModel):
    code: str
    name: LocalizedText
    score: float | None
    n_answered: int
    n_items: int
    band: LocalizedText | None
    reason: str | None = Field(description="Why there is no score (too few items answered).")
    change_from_t0: float | None
    rci: float | None
    change_class: ChangeClassValue | None


class MeasurementPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID | None
    instrument_code: str
    instrument_version: int
    instrument_name: LocalizedText
    wave: Wave | None
    respondent: RespondentPublic
    status: MeasurementStatus
    n_answered: int
    n_items: int
    started_at: datetime
    completed_at: datetime | None


class MeasurementDetail(MeasurementPublic):
    """Everything a questionnaire page needs: the form (items, options, licence), saved answers, scores."""

    instrument: InstrumentDefinition
    answers: dict[int, int]
    scores: list[ScaleScorePublic]
    version: int


# ---- waves ----


class WaveDate(BaseModel):
    wave: Wave
    due_on: date


class PlanEntry(BaseModel):
    wave: Wave
    due_on: date
    instrument_code: str
    instrument_name: LocalizedText
    respondent: RespondentPublic
    status: PlanStatus
    measurement_id: uuid.UUID | None


class MeasurementPlan(BaseModel):
    family_id: uuid.UUID
    anchor_on: date = Field(description="T0: the family's start date, or the day it was enrolled.")
    waves: list[WaveDate]
    entries: list[PlanEntry]
    phone: list[PhoneOffer] = Field(description="Per member and questionnaire: on the phone, or why not.")


class DueMeasurement(PlanEntry):
    family_id: uuid.UUID
    family_reference: str
    family_name: str


class DueMeasurements(BaseModel):
    items: list[DueMeasurement]
    next_cursor: str | None = Field(
        default=None,
        description="More families follow: pass this as `cursor` (a page covers `limit` families).",
    )


# ---- work engagement ----


class WorkEngagementAnswers(Input):
    answers: Answers


class WorkEngagementEntry(BaseModel):
    id: uuid.UUID
    completed_at: datetime
    instrument_version: int
    scores: list[ScaleScorePublic]


class WorkEngagementMine(BaseModel):
    instrument: InstrumentDefinition
    entries: list[WorkEngagementEntry]


class WorkEngagementScale(BaseModel):
    code: str
    name: LocalizedText
    n_supporters: int
    mean: float | None
    sd: float | None


class WorkEngagementSummary(BaseModel):
    instrument_code: str
    min_group: int
    n_supporters: int
    suppressed: bool = Field(description="True when fewer than min_group supporters answered: no figures.")
    scales: list[WorkEngagementScale]


# ---- factors ----


class FactorCreate(Input):
    code: FactorCode
    kind: FactorKind
    label_nl: FactorLabel
    label_en: FactorLabel


class FactorUpdate(Input):
    kind: FactorKind | None = None
    label_nl: FactorLabel | None = None
    label_en: FactorLabel | None = None
    is_active: bool | None = None


class FactorPublic(BaseModel):
    id: uuid.UUID
    code: str
    kind: FactorKind
    label_nl: str
    label_en: str
    is_active: bool
    version: int


class FamilyFactorCreate(Input):
    factor_id: uuid.UUID
    note: Note | None = None
    recorded_on: date | None = Field(default=None, description="Defaults to today.")


class FamilyFactorPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    factor: FactorPublic
    note: str | None
    recorded_on: date
    recorded_by_id: uuid.UUID
    created_at: datetime
