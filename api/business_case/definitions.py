"""The business-case model as data: payers, family types, cost factors and per type and factor assumptions.

Money is euros as `Decimal` (two decimals), volumes are `Decimal` (three decimals): exact, never a float.
"""

from __future__ import annotations

from decimal import Decimal
from enum import StrEnum
from typing import Annotated, Self

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, model_validator

Code = Annotated[str, Field(min_length=1, max_length=60, pattern=r"^[a-z][a-z0-9_]*$")]
Label = Annotated[str, Field(min_length=1, max_length=200)]
Text = Annotated[str, Field(max_length=2000)]
Money = Annotated[
    Decimal,
    Field(ge=0, max_digits=12, decimal_places=2, description='Euros, e.g. `"1250.00"`.'),
    AfterValidator(lambda v: v.quantize(Decimal("0.01"))),  # always shown with two decimals
]
Volume = Annotated[
    Decimal, Field(ge=0, max_digits=10, decimal_places=3, description="Units per family per year.")
]
Hours = Annotated[Decimal, Field(ge=0, max_digits=7, decimal_places=1)]


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Unit(StrEnum):
    """What one unit of a cost factor is."""

    occurrence = "occurrence"
    day = "day"
    year = "year"


class Payer(_Part):
    """Who bears a cost (Wlz/zorgkantoor, gemeente, zorgverzekeraar, UWV, onderwijs, justitie, gezin)."""

    code: Code
    name_nl: Label
    name_en: Label


class FamilyTypeDefinition(_Part):
    """A business-case family type and what a bondgenoot costs for one family of it per year."""

    code: Code
    name_nl: Label
    name_en: Label
    description_nl: Text = ""
    support_hours_per_year: Hours
    hourly_rate: Money


class CostFactor(_Part):
    """A cost that support can avoid: its unit cost (with a low and high value) and its source."""

    code: Code
    name_nl: Label
    name_en: Label
    life_domain: Code
    payer: Code
    unit: Unit
    unit_cost: Money
    unit_cost_low: Money
    unit_cost_high: Money
    source: Annotated[str, Field(min_length=1, max_length=1000)]

    @model_validator(mode="after")
    def _range(self) -> Self:
        if not self.unit_cost_low <= self.unit_cost <= self.unit_cost_high:
            raise ValueError(f"{self.code}: unit_cost_low <= unit_cost <= unit_cost_high must hold")
        return self


class Assumption(_Part):
    """Expected volume per family per year of one factor for one type: usual care and with support."""

    family_type: Code
    factor: Code
    usual: Volume
    usual_low: Volume
    usual_high: Volume
    with_support: Volume
    with_support_low: Volume
    with_support_high: Volume
    note: Text = ""

    @model_validator(mode="after")
    def _ranges(self) -> Self:
        if not self.usual_low <= self.usual <= self.usual_high:
            raise ValueError(f"{self.family_type}/{self.factor}: usual_low <= usual <= usual_high must hold")
        if not self.with_support_low <= self.with_support <= self.with_support_high:
            raise ValueError(
                f"{self.family_type}/{self.factor}: with_support_low <= with_support <= with_support_high"
            )
        return self


class ModelDefinition(_Part):
    """One whole model. A type and factor pair without an assumption changes nothing (volume 0 both ways)."""

    name: Label
    is_example: bool = Field(description="True for the shipped voorbeeldmodel: plausible, not measured.")
    notice_nl: Text = ""
    notice_en: Text = ""
    price_year: int = Field(ge=2000, le=2100, description="The year the unit costs are priced in.")
    support_payer: Code = Field(description="The payer of the bondgenoot's hours.")
    payers: list[Payer] = Field(min_length=1, max_length=30)
    family_types: list[FamilyTypeDefinition] = Field(min_length=1, max_length=30)
    cost_factors: list[CostFactor] = Field(min_length=1, max_length=100)
    assumptions: list[Assumption] = Field(max_length=3000)

    @model_validator(mode="after")
    def _references(self) -> Self:
        for kind, codes in (
            ("payer", [p.code for p in self.payers]),
            ("family type", [t.code for t in self.family_types]),
            ("cost factor", [f.code for f in self.cost_factors]),
        ):
            if len(set(codes)) != len(codes):
                raise ValueError(f"each {kind} code must be unique")
        payers = {p.code for p in self.payers}
        if self.support_payer not in payers:
            raise ValueError(f"support_payer {self.support_payer!r} is not one of the payers")
        for factor in self.cost_factors:
            if factor.payer not in payers:
                raise ValueError(f"{factor.code}: payer {factor.payer!r} is not one of the payers")
        types = {t.code for t in self.family_types}
        factors = {f.code for f in self.cost_factors}
        pairs = [(a.family_type, a.factor) for a in self.assumptions]
        if len(set(pairs)) != len(pairs):
            raise ValueError("one assumption per family type and factor")
        for type_code, factor_code in pairs:
            if type_code not in types or factor_code not in factors:
                raise ValueError(f"assumption {type_code}/{factor_code} names an unknown type or factor")
        return self

    def payer(self, code: str) -> Payer:
        return next(p for p in self.payers if p.code == code)

    def factor(self, code: str) -> CostFactor | None:
        return next((f for f in self.cost_factors if f.code == code), None)
