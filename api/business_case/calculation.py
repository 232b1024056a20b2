"""The business-case arithmetic: pure functions of a model and the family-type counts, exact in Decimal.

Per type:   gross = sum over factors of (usual volume - volume with support) * unit cost;
            net = gross - support hours * hourly rate.
Per cohort: the types' figures weighted by how many families of each type are in support.
Figures are kept exact and rounded half-up to whole cents only when shown (`cents`).
"""

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum

from api.business_case.definitions import Assumption, CostFactor, ModelDefinition

ZERO = Decimal(0)
CENT = Decimal("0.01")


class Bound(StrEnum):
    """Which end of a factor's ranges a scenario takes."""

    base = "base"
    low = "low"  # the cheapest unit cost and the least avoided volume (usual low - with-support high)
    high = "high"  # the dearest unit cost and the most avoided volume (usual high - with-support low)


def cents(value: Decimal) -> Decimal:
    """Round to whole cents, half up (how every shown euro amount is rounded)."""
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def unit_cost(factor: CostFactor, bound: Bound) -> Decimal:
    return {Bound.base: factor.unit_cost, Bound.low: factor.unit_cost_low, Bound.high: factor.unit_cost_high}[
        bound
    ]


def avoided_volume(assumption: Assumption, bound: Bound) -> Decimal:
    """Volume per family per year that support avoids (negative when support is expected to add some)."""
    if bound is Bound.low:
        return assumption.usual_low - assumption.with_support_high
    if bound is Bound.high:
        return assumption.usual_high - assumption.with_support_low
    return assumption.usual - assumption.with_support


@dataclass(frozen=True)
class TypeFigures:
    """One family type's figures per family per year (exact)."""

    code: str
    gross: Decimal
    support_cost: Decimal
    by_factor: dict[str, Decimal]  # avoided cost per factor
    by_payer: dict[str, Decimal]  # avoided cost per payer

    @property
    def net(self) -> Decimal:
        return self.gross - self.support_cost


def type_figures(
    model: ModelDefinition, scenario: Mapping[str, Bound] | Bound = Bound.base
) -> list[TypeFigures]:
    """Each type's gross, support cost and net; `scenario` sets every factor's bound or some factors'."""
    factors = {f.code: f for f in model.cost_factors}
    by_type: dict[str, list[Assumption]] = {t.code: [] for t in model.family_types}
    for assumption in model.assumptions:
        by_type[assumption.family_type].append(assumption)
    result = []
    for family_type in model.family_types:
        by_factor: dict[str, Decimal] = {}
        by_payer: dict[str, Decimal] = {p.code: ZERO for p in model.payers}
        for assumption in by_type[family_type.code]:
            factor = factors[assumption.factor]
            bound = scenario if isinstance(scenario, Bound) else scenario.get(factor.code, Bound.base)
            amount = avoided_volume(assumption, bound) * unit_cost(factor, bound)
            by_factor[factor.code] = amount
            by_payer[factor.payer] += amount
        result.append(
            TypeFigures(
                code=family_type.code,
                gross=sum(by_factor.values(), ZERO),
                support_cost=family_type.support_hours_per_year * family_type.hourly_rate,
                by_factor=by_factor,
                by_payer=by_payer,
            )
        )
    return result


@dataclass(frozen=True)
class CohortFigures:
    """Per family per year, weighted by the cohort's mix of types (exact); None without families."""

    families: int
    gross: Decimal
    support_cost: Decimal
    by_payer: dict[str, Decimal]

    @property
    def net(self) -> Decimal:
        return self.gross - self.support_cost


def cohort_figures(
    model: ModelDefinition, counts: Mapping[str, int], scenario: Mapping[str, Bound] | Bound = Bound.base
) -> CohortFigures | None:
    """The mix-weighted mean per family per year over the types in `counts` (others are ignored)."""
    figures = {f.code: f for f in type_figures(model, scenario)}
    weights = {code: n for code, n in counts.items() if code in figures and n > 0}
    total = sum(weights.values())
    if total == 0:
        return None

    def mean(value: dict[str, Decimal]) -> Decimal:
        return sum((value[code] * n for code, n in weights.items()), ZERO) / total

    by_payer = {
        p.code: mean({code: figures[code].by_payer[p.code] for code in weights}) for p in model.payers
    }
    return CohortFigures(
        families=total,
        gross=mean({code: figures[code].gross for code in weights}),
        support_cost=mean({code: figures[code].support_cost for code in weights}),
        by_payer=by_payer,
    )


@dataclass(frozen=True)
class Swing:
    """The cohort's net per family per year with one factor at its low and at its high values."""

    factor: str
    low: Decimal
    high: Decimal

    @property
    def width(self) -> Decimal:
        return abs(self.high - self.low)


def swings(model: ModelDefinition, counts: Mapping[str, int]) -> list[Swing]:
    """One factor at a time at its low and high values, widest swing first (ties by factor code)."""
    result = []
    for factor in model.cost_factors:
        low = cohort_figures(model, counts, {factor.code: Bound.low})
        high = cohort_figures(model, counts, {factor.code: Bound.high})
        if low is None or high is None:
            return []
        result.append(Swing(factor.code, low.net, high.net))
    return sorted(result, key=lambda s: (-s.width, s.factor))
