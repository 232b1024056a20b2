"""What the outcome pages and the cohort show: a family's scale points per wave, and the cohort's figures."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, Field

from api.measurements.definitions import (
    Band,
    Licence,
    LocalizedText,
)
from api.measurements.schemas import RespondentPublic
from api.meetings.parties import PartyAtTable
from api.models import ChangeClassValue, FactorKind, FamilyType, Wave


class ScaleInfo(BaseModel):
    code: str
    name: LocalizedText
    is_total: bool
    higher_is_better: bool
    minimum: float
    maximum: float
    bands: list[Band]
    clinical_cutoff: float | None
    has_norms: bool


class ScalePoint(BaseModel):
    code: str
    score: float | None
    band: LocalizedText | None
    n_answered: int
    reason: str | None
    change_from_t0: float | None
    rci: float | None
    change_class: ChangeClassValue | None


class RespondentWave(BaseModel):
    """One wave of one respondent; score/change fields are the instrument's primary scale."""

    wave: Wave
    measurement_id: uuid.UUID
    completed_at: datetime
    instrument_version: int
    score: float | None
    change_from_t0: float | None
    rci: float | None
    change_class: ChangeClassValue | None
    scales: list[ScalePoint]


class RespondentSeries(BaseModel):
    respondent: RespondentPublic
    waves: list[RespondentWave]


class FamilyScalePoint(BaseModel):
    code: str
    mean: float | None
    sd: float | None
    minimum: float | None
    maximum: float | None
    spread: float | None
    n_respondents: int
    n_paired: int = Field(
        description="Respondents with a score at both T0 and this wave (the change uses them)."
    )
    change_from_t0: float | None
    rci: float | None
    change_class: ChangeClassValue | None


class FamilyWave(BaseModel):
    wave: Wave
    n_responses: int
    score: float | None
    change_from_t0: float | None
    rci: float | None
    change_class: ChangeClassValue | None
    scales: list[FamilyScalePoint]


class InstrumentOutcomes(BaseModel):
    code: str
    version: int
    name: LocalizedText
    licence: Licence
    primary_scale: str
    scales: list[ScaleInfo]
    respondents: list[RespondentSeries]
    family: list[FamilyWave]


class FamilyOutcomes(BaseModel):
    family_id: uuid.UUID
    rci_criterion: float
    instruments: list[InstrumentOutcomes]


# ---- cohort ----


class CohortScale(BaseModel):
    instrument_code: str
    instrument_name: LocalizedText
    scale_code: str
    scale_name: LocalizedText
    higher_is_better: bool
    n_families: int
    n_respondents: int = Field(
        description="Respondents behind the figures (a family counts all its members)."
    )
    mean_change_from_t0: float | None
    n_classified: int = Field(
        description="Units (families or respondents) with an RCI (the scale has norms)."
    )
    share_improved: float | None = Field(description="Reliably improved or recovered, of n_classified.")
    share_deteriorated: float | None
    share_unchanged: float | None
    norms_status: Literal["example", "sourced"] | None = Field(
        description="`example`: the shares rest on example norms and are no evidence yet; None: no norms."
    )
    norms_source: str | None = None
    norms_population: str | None = None


class CohortFactor(BaseModel):
    code: str
    kind: FactorKind
    label_nl: str
    label_en: str
    n_families: int


class CohortWave(StrEnum):
    """A wave, or `latest`: each family's latest wave with a change in the window (as funders see it)."""

    t1 = "t1"
    t2 = "t2"
    end = "end"
    follow_up = "follow_up"
    latest = "latest"


class CohortUnit(StrEnum):
    family = "family"
    respondent = "respondent"


class CohortOutcomes(BaseModel):
    wave: CohortWave
    instrument: str | None
    region_id: uuid.UUID | None
    family_type: FamilyType | None
    from_on: date | None
    to_on: date | None
    unit: CohortUnit = Field(
        description="`family`: a multi-respondent instrument counts once per family (members' mean change); "
        "`respondent`: every member's own change."
    )
    n_families: int = Field(description="Families in support at some point of the window.")
    by_status: dict[str, int] = Field(
        description="Their status at the window's end, from the status history."
    )
    gas_families: int = Field(description="Families with a GAS score in the window.")
    mean_gas_t_score: float | None = Field(
        description="Their mean GAS T-score at the window's end (active and achieved goals)."
    )
    meetings_held: int
    parties: list[PartyAtTable] = Field(
        description="Held meetings per party at the table (api/meetings/parties)."
    )
    scales: list[CohortScale]
    factors: list[CohortFactor]
