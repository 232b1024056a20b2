"""Request and response models of the business case: the model, the report, cost events.

Euro amounts and volumes are decimal strings in JSON (`"27000.00"`), never floats.
"""

import uuid
from datetime import date, datetime
from decimal import Decimal
from typing import Annotated

from pydantic import BaseModel, ConfigDict, Field, StringConstraints

from api.business_case.definitions import ModelDefinition, Unit

Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]
Euros = Annotated[Decimal, Field(description="Euros, rounded half up to cents; a decimal string.")]


class _Input(BaseModel):
    model_config = ConfigDict(extra="forbid")


# ---- the model ----


class ModelPublic(BaseModel):
    version: int
    created_at: datetime
    created_by_name: str | None
    change_note: str | None
    model: ModelDefinition


class ModelEdit(_Input):
    based_on_version: int = Field(ge=1, description="The version you edited; a newer one is a 409.")
    change_note: Note = Field(min_length=1, description="What changed and why (shown with every version).")
    model: ModelDefinition


class ModelVersionInfo(BaseModel):
    version: int
    created_at: datetime
    created_by_name: str | None
    change_note: str | None
    name: str
    is_example: bool


# ---- the report ----


class FactorContribution(BaseModel):
    code: str
    avoided_volume: Decimal = Field(description="Usual-care volume minus the volume with support, per year.")
    avoided_cost: Euros


class FamilyTypeFigures(BaseModel):
    code: str
    name: str
    name_en: str
    families: int = Field(description="Families of this type in support in the scope (the weight).")
    support_hours_per_year: Decimal
    hourly_rate: Euros
    gross_per_family_per_year: Euros
    support_cost_per_family_per_year: Euros
    net_per_family_per_year: Euros
    return_per_euro: Decimal | None
    contributions: list[FactorContribution]


class CostFactorPublic(BaseModel):
    code: str
    name: str
    name_en: str
    life_domain: str
    payer: str
    payer_name: str
    unit: Unit
    unit_cost: Euros
    unit_cost_low: Euros
    unit_cost_high: Euros
    source: str


class PayerFigures(BaseModel):
    code: str
    name: str
    name_en: str
    avoided_per_family_per_year: Euros
    support_cost_per_family_per_year: Euros
    net_per_family_per_year: Euros
    total_net_per_year: Euros


class CohortFigures(BaseModel):
    families: int = Field(description="Families in support in the scope whose type is in the model.")
    families_untyped: int = Field(description="Families in support without a family type (left out).")
    families_unmodelled: int = Field(description="Families whose type the model version lacks (left out).")
    scaled_to: int
    gross_per_family_per_year: Euros | None
    support_cost_per_family_per_year: Euros | None
    net_per_family_per_year: Euros | None
    total_gross_per_year: Euros | None
    total_support_cost_per_year: Euros | None
    total_net_per_year: Euros | None
    return_per_euro: Decimal | None = Field(description="Avoided costs per euro spent on support.")
    by_payer: list[PayerFigures]


class SensitivityFactor(BaseModel):
    factor: str
    name: str
    name_en: str
    low_net_per_family_per_year: Euros
    high_net_per_family_per_year: Euros
    swing: Euros


class SensitivityRange(BaseModel):
    all_low_net_per_family_per_year: Euros
    base_net_per_family_per_year: Euros
    all_high_net_per_family_per_year: Euros


class ObservedFigures(BaseModel):
    """Recorded cost events beside the model's assumption, per family type and factor."""

    family_type: str
    factor: str
    families_observed: int = Field(description="Families of this type with any cost event recorded.")
    families_with_event_before: int = Field(description="Of those, families with this factor before support.")
    families_with_event_during: int = Field(description="Of those, families with this factor during support.")
    before_per_family_per_year: Decimal = Field(description="Volume in the year before support, per family.")
    during_per_family_per_year: Decimal | None = Field(description="Volume during support per family-year.")
    exposure_years_during: Decimal
    assumed_usual: Decimal
    assumed_with_support: Decimal


class BusinessCaseScope(BaseModel):
    region_id: uuid.UUID | None
    from_on: date
    to_on: date


class BusinessCaseReport(BaseModel):
    model_version: int
    model_name: str
    is_example: bool
    notice_nl: str
    notice_en: str
    price_year: int
    support_payer: str
    scope: BusinessCaseScope
    family_types: list[FamilyTypeFigures]
    cost_factors: list[CostFactorPublic]
    cohort: CohortFigures
    sensitivity: list[SensitivityFactor] = Field(description="The ten widest swings, widest first.")
    sensitivity_range: SensitivityRange | None
    observed: list[ObservedFigures]


# ---- cost events ----


class CostEventCreate(_Input):
    factor_code: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]*$", max_length=60)]
    occurred_on: date
    ended_on: date | None = None
    volume: Annotated[str, StringConstraints(pattern=r"^\d{1,7}(\.\d{1,3})?$")] | None = Field(
        default=None,
        description='A decimal string in the unit of the factor (e.g. `"2.5"`); for a per-day factor with an '
        "end date it defaults to the days.",
    )
    note: Note | None = None


class CostEventPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    factor_code: str
    factor_name: str | None
    unit: Unit | None
    occurred_on: date
    ended_on: date | None
    volume: Decimal
    phase: str = Field(description="`before` (the year before support), `during`, or `other`.")
    note: str | None
    recorded_by_name: str | None
    created_at: datetime
