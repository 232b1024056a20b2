"""Scoring rules, family scores, reliable change and GAS against hand-computed examples."""

import math

import pytest

from api.measurements.definitions import InstrumentDefinition, Scale
from api.measurements.scoring import (
    AnswerError,
    ChangeClass,
    GasError,
    family_score,
    gas_t_score,
    reliable_change,
    score_response,
)


def _label(text: str) -> dict[str, str]:
    return {"nl": text, "en": text}


def _scale(code: str, items: list[int], aggregation: str, min_answered: int, **extra: object) -> dict:
    return {
        "code": code,
        "name": _label(code),
        "items": items,
        "aggregation": aggregation,
        "min_answered": min_answered,
        "higher_is_better": True,
        **extra,
    }


def _definition(code: str = "test") -> InstrumentDefinition:
    """Four items answered 1-5, item 2 reversed; one scale of each aggregation and a banded total."""
    return InstrumentDefinition.model_validate(
        {
            "code": code,
            "version": 1,
            "name": _label("Test"),
            "description": _label("A hand-made instrument for tests."),
            "source": "Hand-made for tests.",
            "licence": {"owner": "Bondgenoot", "terms": "Free.", "item_text_reproducible": True},
            "respondent": "family_member",
            "option_sets": [
                {"code": "likert", "options": [{"value": v, "label": _label(str(v))} for v in range(1, 6)]}
            ],
            "items": [{"number": n, "option_set": "likert", "reverse_keyed": n == 2} for n in range(1, 5)],
            "subscales": [
                _scale("mean_a", [1, 2, 3], "mean", 2),
                _scale("sum_b", [3, 4], "sum", 2),
                _scale("count_c", [1, 2, 3, 4], "count_positive", 3, positive_threshold=4),
                _scale("sum_prorated", [1, 3, 4], "sum", 2, prorate_missing=True),
            ],
            "total": _scale(
                "total",
                [1, 2, 3, 4],
                "mean",
                3,
                bands=[
                    {"lower": 1, "upper": 2.49, "label": _label("low")},
                    {"lower": 2.5, "upper": 3.49, "label": _label("mid")},
                    {"lower": 3.5, "upper": 5, "label": _label("high")},
                ],
            ),
        }
    )


def test_reverse_keying_and_each_aggregation() -> None:
    result = score_response(_definition(), {1: 5, 2: 1, 3: 4, 4: 2})
    scales = result.scales
    # item 2 reversed: min + max - x = 1 + 5 - 1 = 5; keyed answers 5, 5, 4, 2
    assert scales["mean_a"].score == pytest.approx(14 / 3)  # (5 + 5 + 4) / 3
    assert scales["sum_b"].score == 6  # 4 + 2
    assert scales["count_c"].score == 3  # 5, 5, 4 are >= 4; 2 is not
    assert scales["sum_prorated"].score == 11  # 5 + 4 + 2, nothing missing
    assert scales["total"].score == 4.0  # (5 + 5 + 4 + 2) / 4
    assert scales["total"].band is not None and scales["total"].band.label.en == "high"
    assert result.n_answered == 4
    assert list(scales) == ["mean_a", "sum_b", "count_c", "sum_prorated", "total"]


def test_reversed_item_at_the_midpoint_stays_put() -> None:
    result = score_response(_definition(), {2: 3, 1: 3, 3: 3})
    # 1 + 5 - 3 = 3
    assert result.scales["mean_a"].score == 3.0


def test_missing_items_are_left_out_of_mean_sum_and_count() -> None:
    result = score_response(_definition(), {1: 3, 2: None, 3: 2, 4: 4})
    scales = result.scales
    assert scales["mean_a"].score == 2.5  # (3 + 2) / 2 answered; item 2 skipped
    assert scales["mean_a"].n_answered == 2 and scales["mean_a"].n_items == 3
    assert scales["sum_b"].score == 6  # 2 + 4
    assert scales["count_c"].score == 1  # keyed 3, 2, 4: only 4 is >= 4
    assert scales["total"].score == 3.0  # (3 + 2 + 4) / 3
    assert scales["total"].band is not None and scales["total"].band.label.en == "mid"
    assert result.n_answered == 3


def test_prorated_sum_scales_up_to_all_items() -> None:
    result = score_response(_definition(), {1: 2, 3: 4})
    # raw 2 + 4 = 6 over 2 of 3 items; 6 * 3 / 2 = 9
    assert result.scales["sum_prorated"].score == 9


def test_too_few_answers_gives_no_score_and_a_reason() -> None:
    result = score_response(_definition(), {1: 3})
    mean_a = result.scales["mean_a"]
    assert mean_a.score is None and mean_a.band is None
    assert mean_a.reason == "1 of 3 items answered; at least 2 needed"
    assert result.scales["sum_b"].score is None  # 0 of 2 answered
    assert result.scales["total"].score is None  # 1 of 4, needs 3


def test_no_answers_at_all() -> None:
    result = score_response(_definition(), {})
    assert all(scale.score is None for scale in result.scales.values())
    assert result.n_answered == 0


def test_band_lookup_at_the_edges() -> None:
    total = _definition().scale("total")
    assert total.band_for(2.49) is not None and total.band_for(2.49).label.en == "low"  # type: ignore[union-attr]
    assert total.band_for(2.5).label.en == "mid"  # type: ignore[union-attr]
    assert total.band_for(2.495) is None  # falls between two bands
    # total = (1 + keyed 5->1 + 1 + 1) / 4 = 1.0: low
    result = score_response(_definition(), {1: 1, 2: 5, 3: 1, 4: 1})
    assert result.scales["total"].band.label.en == "low"  # type: ignore[union-attr]


@pytest.mark.parametrize(
    ("answers", "item"),
    [
        ({99: 3}, 99),  # unknown item
        ({1: 6}, 1),  # not an allowed option
        ({1: 0}, 1),
        ({2: 2.5}, 2),  # not an integer
        ({3: "4"}, 3),
        ({4: True}, 4),  # bool is not an answer
        ({"1": 3}, "1"),  # item numbers are ints
    ],
)
def test_invalid_answers_are_rejected_naming_the_item(answers: dict, item: object) -> None:
    with pytest.raises(AnswerError) as caught:
        score_response(_definition(), answers)
    assert caught.value.item == item
    assert str(item) in str(caught.value)


def test_answer_error_lists_the_allowed_values() -> None:
    with pytest.raises(AnswerError, match=r"\[1, 2, 3, 4, 5\]"):
        score_response(_definition(), {1: 7})


def test_family_score_mean_and_spread() -> None:
    definition = _definition()
    results = [
        score_response(definition, {1: 4, 2: 2, 3: 4, 4: 4}),  # keyed 4, 4, 4, 4 -> total 4.0
        score_response(definition, {1: 3, 2: 3, 3: 3, 4: 3}),  # total 3.0
        score_response(definition, {1: 2, 2: 4, 3: 2, 4: 2}),  # keyed 2, 2, 2, 2 -> total 2.0
        score_response(definition, {1: 1}),  # too few answers: no total, left out
    ]
    family = family_score(results)
    total = family.scales["total"]
    assert total.mean == 3.0  # (4 + 3 + 2) / 3
    # sample SD: sqrt(((4-3)^2 + (3-3)^2 + (2-3)^2) / (3 - 1)) = sqrt(2 / 2) = 1
    assert total.sd == pytest.approx(1.0)
    assert (total.minimum, total.maximum, total.spread) == (2.0, 4.0, 2.0)
    assert total.n_respondents == 3
    assert family.n_responses == 4
    assert family.instrument_code == "test"


def test_family_score_with_one_respondent_has_no_sd() -> None:
    family = family_score([score_response(_definition(), {1: 5, 2: 1, 3: 4, 4: 2})])
    total = family.scales["total"]
    assert (total.mean, total.sd, total.spread, total.n_respondents) == (4.0, None, 0.0, 1)


def test_family_score_when_nobody_has_a_score() -> None:
    family = family_score([score_response(_definition(), {})])
    total = family.scales["total"]
    assert (total.mean, total.sd, total.minimum, total.spread, total.n_respondents) == (
        None,
        None,
        None,
        None,
        0,
    )


def test_family_score_refuses_mixed_instruments_and_no_results() -> None:
    first = score_response(_definition("one"), {1: 3})
    second = score_response(_definition("two"), {1: 3})
    with pytest.raises(ValueError, match="same instrument"):
        family_score([first, second])
    with pytest.raises(ValueError, match="at least one"):
        family_score([])


def _rc_scale(higher_is_better: bool, sd: float, r: float, cutoff: float | None = None) -> Scale:
    return Scale.model_validate(
        _scale(
            "s",
            [1],
            "mean",
            1,
            higher_is_better=higher_is_better,
            clinical_cutoff=cutoff,
            norms={"mean": 3.0, "sd": sd, "reliability": r},
        )
    )


def test_reliable_change_improved() -> None:
    scale = _rc_scale(True, sd=1.0, r=0.5)
    # SE = 1.0 * sqrt(1 - 0.5) = 0.70711; S_diff = sqrt(2) * 0.70711 = 1.0; RC = (4.5 - 2.0) / 1.0 = 2.5
    change = reliable_change(scale, 2.0, 4.5)
    assert change.change == 2.5
    assert change.s_diff == pytest.approx(1.0)
    assert change.rci == pytest.approx(2.5)
    assert change.reliable and change.change_class is ChangeClass.IMPROVED


def test_reliable_change_unchanged() -> None:
    # RC = (3.5 - 2.0) / 1.0 = 1.5, not above 1.96
    change = reliable_change(_rc_scale(True, sd=1.0, r=0.5), 2.0, 3.5)
    assert change.rci == pytest.approx(1.5)
    assert not change.reliable and change.change_class is ChangeClass.UNCHANGED


def test_reliable_change_just_below_and_above_the_criterion() -> None:
    scale = _rc_scale(True, sd=1.0, r=0.5)  # S_diff = 1.0
    assert reliable_change(scale, 0.0, 1.95).change_class is ChangeClass.UNCHANGED  # RC 1.95
    assert reliable_change(scale, 0.0, 1.97).change_class is ChangeClass.IMPROVED  # RC 1.97


def test_reliable_change_deteriorated() -> None:
    # RC = (2.0 - 4.5) / 1.0 = -2.5: reliable, in the worse direction
    change = reliable_change(_rc_scale(True, sd=1.0, r=0.5), 4.5, 2.0)
    assert change.rci == pytest.approx(-2.5)
    assert change.change_class is ChangeClass.DETERIORATED


def test_reliable_change_direction_reversed_for_burden() -> None:
    scale = _rc_scale(False, sd=2.0, r=0.75)
    # SE = 2.0 * sqrt(0.25) = 1.0; S_diff = sqrt(2) = 1.41421
    fell = reliable_change(scale, 10, 7)  # RC = -3 / 1.41421 = -2.12132: less burden
    assert fell.s_diff == pytest.approx(math.sqrt(2))
    assert fell.rci == pytest.approx(-2.12132, abs=1e-5)
    assert fell.change_class is ChangeClass.IMPROVED
    rose = reliable_change(scale, 6, 10)  # RC = 4 / 1.41421 = 2.82843: more burden
    assert rose.rci == pytest.approx(2.82843, abs=1e-5)
    assert rose.change_class is ChangeClass.DETERIORATED
    small = reliable_change(scale, 10, 9)  # RC = -0.70711
    assert small.change_class is ChangeClass.UNCHANGED


def test_recovered_needs_a_crossed_cutoff_and_reliable_improvement() -> None:
    scale = _rc_scale(False, sd=2.0, r=0.75, cutoff=8)  # healthy: 8 or lower; S_diff = 1.41421
    assert reliable_change(scale, 10, 7).change_class is ChangeClass.RECOVERED  # RC -2.12, 10 -> 7
    assert reliable_change(scale, 9, 8).change_class is ChangeClass.UNCHANGED  # crossed, RC -0.71
    assert reliable_change(scale, 14, 10).change_class is ChangeClass.IMPROVED  # RC -2.83, still above 8
    assert reliable_change(scale, 8, 4).change_class is ChangeClass.IMPROVED  # RC -2.83, healthy already


def test_recovered_when_higher_is_better() -> None:
    scale = _rc_scale(True, sd=0.68, r=0.80, cutoff=3.0)
    # SE = 0.68 * sqrt(0.2) = 0.304105; S_diff = 1.414214 * 0.304105 = 0.430070
    # RC = (3.5 - 2.5) / 0.430070 = 2.32520
    change = reliable_change(scale, 2.5, 3.5)
    assert change.s_diff == pytest.approx(0.430070, abs=1e-6)
    assert change.rci == pytest.approx(2.32520, abs=1e-5)
    assert change.change_class is ChangeClass.RECOVERED


def test_reliable_change_without_norms_or_scores() -> None:
    no_norms = Scale.model_validate(_scale("s", [1], "mean", 1))
    change = reliable_change(no_norms, 2.0, 4.0)
    assert (change.change, change.rci, change.change_class) == (2.0, None, None)
    assert change.reason is not None and "no norms" in change.reason
    missing = reliable_change(_rc_scale(True, 1.0, 0.5), None, 4.0)
    assert (missing.change, missing.rci, missing.reliable, missing.change_class) == (None, None, False, None)


def test_gas_one_goal_at_expected_level_is_50() -> None:
    assert gas_t_score([(0, 1.0)]) == 50


def test_gas_one_goal_one_above_expected_is_60() -> None:
    # 50 + 10 * 1 / sqrt(0.7 * 1 + 0.3 * 1^2) = 50 + 10 / 1 = 60
    assert gas_t_score([(1, 1.0)]) == pytest.approx(60)


def test_gas_weighted_goals() -> None:
    # sum(w x) = 2*1 + 1*(-1) + 1*2 = 3; sum(w^2) = 4 + 1 + 1 = 6; (sum w)^2 = 4^2 = 16
    # 50 + 10 * 3 / sqrt(0.7 * 6 + 0.3 * 16) = 50 + 30 / sqrt(9) = 60
    assert gas_t_score([(1, 2.0), (-1, 1.0), (2, 1.0)]) == pytest.approx(60)


def test_gas_unweighted_goals() -> None:
    # sum(x) = 2; sum(w^2) = 3; (sum w)^2 = 9; 50 + 20 / sqrt(2.1 + 2.7) = 50 + 20 / 2.190890 = 59.128709
    assert gas_t_score([(1, 1.0), (1, 1.0), (0, 1.0)]) == pytest.approx(59.128709, abs=1e-6)


def test_gas_all_goals_as_expected_is_50() -> None:
    assert gas_t_score([(0, 1.0), (0, 2.5), (0, 0.5)]) == 50


def test_gas_lowest_level_and_other_rho() -> None:
    assert gas_t_score([(-2, 1.0)]) == pytest.approx(30)  # 50 + 10 * -2 / 1
    # rho = 0: 50 + 10 * 2 / sqrt(1 + 1) = 64.142136
    assert gas_t_score([(1, 1.0), (1, 1.0)], rho=0) == pytest.approx(64.142136, abs=1e-6)


def test_gas_without_scored_goals_is_none() -> None:
    assert gas_t_score([]) is None
    assert gas_t_score([(None, 1.0), (None, 2.0)]) is None
    assert gas_t_score([(None, 1.0), (1, 1.0)]) == pytest.approx(60)  # the unscored goal is skipped


@pytest.mark.parametrize(
    ("goals", "rho"),
    [
        ([(3, 1.0)], 0.3),  # level above +2
        ([(-3, 1.0)], 0.3),
        ([(1.5, 1.0)], 0.3),  # not an integer level
        ([(True, 1.0)], 0.3),
        ([(1, 0.0)], 0.3),  # weight must be positive
        ([(1, -1.0)], 0.3),
        ([(1, math.nan)], 0.3),
        ([(1, 1.0)], 1.5),  # rho outside 0..1
        ([(1, 1.0)], -0.1),
    ],
)
def test_gas_rejects_invalid_input(goals: list, rho: float) -> None:
    with pytest.raises(GasError):
        gas_t_score(goals, rho=rho)
