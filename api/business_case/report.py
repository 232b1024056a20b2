"""Turn a model version and the type counts into the report's figures (rounded to cents only here)."""

from collections.abc import Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from api.business_case import calculation as calc
from api.business_case.definitions import ModelDefinition
from api.business_case.repository import type_code
from api.business_case.schemas import (
    CohortFigures,
    CostFactorPublic,
    FactorContribution,
    FamilyTypeFigures,
    ObservedFigures,
    PayerFigures,
    SensitivityFactor,
    SensitivityRange,
)

TORNADO = 10
RATIO = Decimal("0.01")
VOLUME = Decimal("0.001")


def ratio(numerator: Decimal, denominator: Decimal) -> Decimal | None:
    return (numerator / denominator).quantize(RATIO, rounding=ROUND_HALF_UP) if denominator else None


def family_types(model: ModelDefinition, counts: Mapping[str | None, int]) -> list[FamilyTypeFigures]:
    figures = {f.code: f for f in calc.type_figures(model)}
    assumptions = {(a.family_type, a.factor): a for a in model.assumptions}
    result = []
    for family_type in model.family_types:
        f = figures[family_type.code]
        result.append(
            FamilyTypeFigures(
                code=family_type.code,
                name=family_type.name_nl,
                name_en=family_type.name_en,
                families=counts.get(family_type.code, 0),
                support_hours_per_year=family_type.support_hours_per_year,
                hourly_rate=family_type.hourly_rate,
                gross_per_family_per_year=calc.cents(f.gross),
                support_cost_per_family_per_year=calc.cents(f.support_cost),
                net_per_family_per_year=calc.cents(f.net),
                return_per_euro=ratio(f.gross, f.support_cost),
                contributions=[
                    FactorContribution(
                        code=code,
                        avoided_volume=calc.avoided_volume(
                            assumptions[(family_type.code, code)], calc.Bound.base
                        ),
                        avoided_cost=calc.cents(amount),
                    )
                    for code, amount in sorted(f.by_factor.items(), key=lambda item: -item[1])
                ],
            )
        )
    return result


def cost_factors(model: ModelDefinition) -> list[CostFactorPublic]:
    return [
        CostFactorPublic(
            code=f.code,
            name=f.name_nl,
            name_en=f.name_en,
            life_domain=f.life_domain,
            payer=f.payer,
            payer_name=model.payer(f.payer).name_nl,
            unit=f.unit,
            unit_cost=f.unit_cost,
            unit_cost_low=f.unit_cost_low,
            unit_cost_high=f.unit_cost_high,
            source=f.source,
        )
        for f in model.cost_factors
    ]


def cohort(model: ModelDefinition, counts: Mapping[str | None, int], scaled_to: int | None) -> CohortFigures:
    """The mix-weighted figures per family per year, and the totals for `scaled_to` families."""
    modelled = {t.code for t in model.family_types}
    weights = {code: n for code, n in counts.items() if code in modelled}
    figures = calc.cohort_figures(model, weights)
    families = sum(weights.values())
    scale = families if scaled_to is None else scaled_to
    unmodelled = sum(n for code, n in counts.items() if code is not None and code not in modelled)
    base: dict[str, Any] = {
        "families": families,
        "families_untyped": counts.get(None, 0),
        "families_unmodelled": unmodelled,
        "scaled_to": scale,
    }
    if figures is None:
        empty = dict.fromkeys(
            (
                "gross_per_family_per_year",
                "support_cost_per_family_per_year",
                "net_per_family_per_year",
                "total_gross_per_year",
                "total_support_cost_per_year",
                "total_net_per_year",
                "return_per_euro",
            )
        )
        return CohortFigures(**base, **empty, by_payer=[])
    by_payer = []
    for payer in model.payers:
        avoided = figures.by_payer[payer.code]
        support = figures.support_cost if payer.code == model.support_payer else calc.ZERO
        by_payer.append(
            PayerFigures(
                code=payer.code,
                name=payer.name_nl,
                name_en=payer.name_en,
                avoided_per_family_per_year=calc.cents(avoided),
                support_cost_per_family_per_year=calc.cents(support),
                net_per_family_per_year=calc.cents(avoided - support),
                total_net_per_year=calc.cents((avoided - support) * scale),
            )
        )
    return CohortFigures(
        **base,
        gross_per_family_per_year=calc.cents(figures.gross),
        support_cost_per_family_per_year=calc.cents(figures.support_cost),
        net_per_family_per_year=calc.cents(figures.net),
        total_gross_per_year=calc.cents(figures.gross * scale),
        total_support_cost_per_year=calc.cents(figures.support_cost * scale),
        total_net_per_year=calc.cents(figures.net * scale),
        return_per_euro=ratio(figures.gross, figures.support_cost),
        by_payer=by_payer,
    )


def sensitivity(
    model: ModelDefinition, counts: Mapping[str | None, int]
) -> tuple[list[SensitivityFactor], SensitivityRange | None]:
    """The tornado (ten widest one-at-a-time swings) and all factors low or high together."""
    weights = {code: n for code, n in counts.items() if code is not None}
    base = calc.cohort_figures(model, weights)
    if base is None:
        return [], None
    low = calc.cohort_figures(model, weights, calc.Bound.low)
    high = calc.cohort_figures(model, weights, calc.Bound.high)
    assert low is not None and high is not None
    names = {f.code: f for f in model.cost_factors}
    tornado = [
        SensitivityFactor(
            factor=s.factor,
            name=names[s.factor].name_nl,
            name_en=names[s.factor].name_en,
            low_net_per_family_per_year=calc.cents(s.low),
            high_net_per_family_per_year=calc.cents(s.high),
            swing=calc.cents(s.width),
        )
        for s in calc.swings(model, weights)[:TORNADO]
    ]
    return tornado, SensitivityRange(
        all_low_net_per_family_per_year=calc.cents(low.net),
        base_net_per_family_per_year=calc.cents(base.net),
        all_high_net_per_family_per_year=calc.cents(high.net),
    )


def observed(
    model: ModelDefinition,
    volumes: Sequence[tuple[Any, ...]],
    exposure: Mapping[str | None, tuple[int, int]],
) -> list[ObservedFigures]:
    """Recorded volumes per family per year before and during support, beside the model's assumption."""
    cells: dict[tuple[str, str], dict[str, tuple[int, int]]] = {}
    for family_type, factor, phase, milli, n in volumes:
        if family_type is None or phase == "other":
            continue
        cells.setdefault((str(type_code(family_type)), factor), {})[phase] = (int(milli or 0), n)
    assumptions = {(a.family_type, a.factor): a for a in model.assumptions}
    result = []
    for (code, factor), phases in sorted(cells.items()):
        n_observed, days = exposure.get(code, (0, 0))
        if not n_observed:
            continue
        before_milli, before_n = phases.get("before", (0, 0))
        during_milli, during_n = phases.get("during", (0, 0))
        years = Decimal(days) / Decimal(365)
        assumption = assumptions.get((code, factor))
        result.append(
            ObservedFigures(
                family_type=code,
                factor=factor,
                families_observed=n_observed,
                families_with_event_before=before_n,
                families_with_event_during=during_n,
                before_per_family_per_year=(Decimal(before_milli) / 1000 / n_observed).quantize(VOLUME),
                during_per_family_per_year=(Decimal(during_milli) / 1000 / years).quantize(VOLUME)
                if days
                else None,
                exposure_years_during=years.quantize(RATIO),
                assumed_usual=assumption.usual if assumption else calc.ZERO,
                assumed_with_support=assumption.with_support if assumption else calc.ZERO,
            )
        )
    return result
