"""The arithmetic against hand-computed figures (see tests/business_case/factories.py for the model)."""

from decimal import Decimal

import pytest
from pydantic import ValidationError

from api.business_case import calculation as calc
from api.business_case import report
from api.business_case.definitions import ModelDefinition
from api.business_case.shipped import shipped_model
from api.models import FamilyType
from tests.business_case.factories import small_model

MIX = {"child_pimd": 1, "child_id_parents": 2}


@pytest.fixture
def model() -> ModelDefinition:
    return ModelDefinition.model_validate(small_model())


def test_type_figures_are_the_sum_of_avoided_volume_times_unit_cost(model: ModelDefinition) -> None:
    figures = {f.code: f for f in calc.type_figures(model)}
    pimd, lvb = figures["child_pimd"], figures["child_id_parents"]
    assert (pimd.gross, pimd.support_cost, pimd.net) == (Decimal(4800), Decimal(3200), Decimal(1600))
    assert pimd.by_factor == {"crisis": Decimal(1800), "sick_leave": Decimal(3000), "gp": Decimal(0)}
    assert pimd.by_payer == {"wlz": Decimal(1800), "uwv": Decimal(3000)}
    assert (lvb.gross, lvb.support_cost, lvb.net) == (Decimal(1140), Decimal(800), Decimal(340))


def test_cohort_is_weighted_by_the_mix_of_types(model: ModelDefinition) -> None:
    cohort = report.cohort(model, {**MIX, None: 4}, None)
    assert cohort.families == 3
    assert cohort.families_untyped == 4  # left out of the weighting, but reported
    assert cohort.net_per_family_per_year == Decimal("760.00")  # (1600 + 2 x 340) / 3
    assert cohort.gross_per_family_per_year == Decimal("2360.00")  # (4800 + 2 x 1140) / 3
    assert cohort.support_cost_per_family_per_year == Decimal("1600.00")
    assert cohort.return_per_euro == Decimal("1.48")  # 2360 / 1600 = 1.475, half up
    assert cohort.scaled_to == 3
    assert cohort.total_net_per_year == Decimal("2280.00")
    payers = {p.code: p for p in cohort.by_payer}
    assert payers["wlz"].avoided_per_family_per_year == Decimal("1360.00")  # (1800 + 2 x 1140) / 3
    assert payers["wlz"].support_cost_per_family_per_year == Decimal("1600.00")  # the wlz pays the support
    assert payers["wlz"].net_per_family_per_year == Decimal("-240.00")
    assert payers["uwv"].net_per_family_per_year == Decimal("1000.00")
    assert sum(p.net_per_family_per_year for p in cohort.by_payer) == cohort.net_per_family_per_year


def test_cohort_scales_to_a_chosen_number_of_families(model: ModelDefinition) -> None:
    cohort = report.cohort(model, MIX, 1000)
    assert cohort.scaled_to == 1000
    assert cohort.total_net_per_year == Decimal("760000.00")
    assert cohort.total_gross_per_year == Decimal("2360000.00")
    assert {p.code: p.total_net_per_year for p in cohort.by_payer} == {
        "wlz": Decimal("-240000.00"),
        "uwv": Decimal("1000000.00"),
    }


def test_types_the_model_lacks_are_counted_apart_and_an_empty_cohort_has_no_figures(
    model: ModelDefinition,
) -> None:
    cohort = report.cohort(model, {"adult_abi_partner": 2}, 1000)
    assert (cohort.families, cohort.families_unmodelled) == (0, 2)
    assert cohort.net_per_family_per_year is None and cohort.by_payer == []


def test_sensitivity_moves_one_factor_at_a_time_and_all_together(model: ModelDefinition) -> None:
    tornado, spread = report.sensitivity(model, MIX)
    assert [s.factor for s in tornado] == ["crisis", "sick_leave", "gp"]  # widest swing first
    crisis, sick, gp = tornado
    # crisis low: €200 x (9 - 5) = 800 (pimd), €200 x (4 - 3) = 200 (lvb): 760 + (-1000 - 2 x 700) / 3
    assert (crisis.low_net_per_family_per_year, crisis.high_net_per_family_per_year) == (
        Decimal("-40.00"),
        Decimal("1960.00"),
    )
    assert crisis.swing == Decimal("2000.00")
    assert (sick.low_net_per_family_per_year, sick.high_net_per_family_per_year) == (
        Decimal("410.00"),
        Decimal("1176.67"),  # 760 + 1250 / 3, half up
    )
    assert (gp.low_net_per_family_per_year, gp.high_net_per_family_per_year) == (
        Decimal("680.00"),
        Decimal("840.00"),
    )
    assert spread is not None
    assert spread.base_net_per_family_per_year == Decimal("760.00")
    assert spread.all_low_net_per_family_per_year == Decimal("-470.00")  # (-530 - 2 x 440) / 3
    assert spread.all_high_net_per_family_per_year == Decimal("2456.67")  # (4330 + 2 x 1520) / 3


def test_the_tornado_keeps_the_ten_widest() -> None:
    tornado, _ = report.sensitivity(shipped_model(), {t.value: 1 for t in FamilyType})
    assert len(tornado) == 10
    assert [s.swing for s in tornado] == sorted((s.swing for s in tornado), reverse=True)


def test_cents_round_half_up() -> None:
    assert calc.cents(Decimal("0.005")) == Decimal("0.01")
    assert calc.cents(Decimal("2.675")) == Decimal("2.68")
    assert calc.cents(Decimal("-2.675")) == Decimal("-2.68")


def test_the_same_model_and_counts_always_give_the_same_figures(model: ModelDefinition) -> None:
    again = ModelDefinition.model_validate(model.model_dump(mode="json"))  # stored as JSON and read back
    assert report.cohort(again, MIX, 1000) == report.cohort(model, MIX, 1000)


def test_the_shipped_model_is_a_labelled_example_with_six_types_and_thirty_factors() -> None:
    model = shipped_model()
    assert model.is_example and "Voorbeeldmodel" in model.notice_nl and "Dock4" in model.notice_nl
    assert [t.code for t in model.family_types] == [t.value for t in FamilyType]
    assert len(model.cost_factors) == 30
    assert all(f.source for f in model.cost_factors)
    cohort = report.cohort(model, {t.value: 1 for t in FamilyType}, 1000)
    assert cohort.net_per_family_per_year is not None
    # plausible: in the order of the pilot's estimate (about €27,000 per family per year)
    assert Decimal(20000) < cohort.net_per_family_per_year < Decimal(35000)


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"support_payer": "gemeente"}, "support_payer"),
        ({"payers": [{"code": "wlz", "name_nl": "a", "name_en": "a"}] * 2}, "unique"),
    ],
)
def test_a_model_must_hold_together(change: dict[str, object], message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        ModelDefinition.model_validate(small_model(**change))


def test_ranges_and_references_are_checked() -> None:
    bad_range = small_model()
    bad_range["cost_factors"][0]["unit_cost_low"] = "500"
    with pytest.raises(ValidationError, match="unit_cost_low"):
        ModelDefinition.model_validate(bad_range)
    unknown = small_model()
    unknown["assumptions"][0]["factor"] = "police"
    with pytest.raises(ValidationError, match="unknown type or factor"):
        ModelDefinition.model_validate(unknown)
    money = small_model()
    money["family_types"][0]["hourly_rate"] = "80.001"
    with pytest.raises(ValidationError, match="decimal"):
        ModelDefinition.model_validate(money)
