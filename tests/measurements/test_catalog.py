"""The shipped instrument catalogue loads, keeps its scoring keys and licences, and scores."""

import pytest

from api.measurements.catalog import check_shipped_wording, load_catalog, load_instrument
from api.measurements.definitions import Aggregation, InstrumentDefinition, Respondent
from api.measurements.scoring import ChangeClass, reliable_change, score_response

CODES = {"brs", "ediz_plus", "fqol_beach", "uwes9", "checkin"}


def _all_at(definition: InstrumentDefinition, pick: str) -> dict[int, int | None]:
    """Answer every item with its option set's lowest or highest value."""
    answers: dict[int, int | None] = {}
    for item in definition.items:
        options = definition.option_set_of(item)
        answers[item.number] = options.min_value if pick == "min" else options.max_value
    return answers


def test_the_catalogue_ships_the_five_instruments_once() -> None:
    assert {definition.code for definition in load_catalog()} == CODES
    assert len(load_catalog()) == len(CODES)
    with pytest.raises(KeyError):
        load_instrument("zarit")


@pytest.mark.parametrize("code", sorted(CODES))
@pytest.mark.parametrize("pick", ["min", "max"])
def test_every_definition_scores_a_full_answer_set(code: str, pick: str) -> None:
    definition = load_instrument(code)
    result = score_response(definition, _all_at(definition, pick))
    assert set(result.scales) == {scale.code for scale in definition.scales}
    for scale in definition.scales:
        score = result.scales[scale.code].score
        low, high = definition.score_range(scale)
        assert score is not None and low <= score <= high
        if scale.bands:
            assert result.scales[scale.code].band is not None


@pytest.mark.parametrize("code", sorted(CODES))
def test_every_definition_says_where_it_comes_from_and_its_licence(code: str) -> None:
    definition = load_instrument(code)
    assert definition.source and definition.licence.owner and definition.licence.terms
    if not definition.licence.item_text_reproducible:
        assert all(item.text_nl is None and item.text_en is None for item in definition.items)
    for scale in definition.scales:
        if scale.norms is not None:
            assert scale.norms.source, f"{code}.{scale.code} norms need a source"


def test_a_licensed_instrument_is_never_shipped_with_wording() -> None:
    fqol = load_instrument("fqol_beach")
    first = fqol.items[0].model_copy(update={"text_nl": "Tekst"})
    worded = fqol.model_copy(update={"items": (first, *fqol.items[1:])})
    with pytest.raises(ValueError, match="does not allow shipping item text"):
        check_shipped_wording(worded)


def test_no_zarit_burden_interview_is_shipped() -> None:
    for definition in load_catalog():
        text = (definition.code + definition.name.en + definition.name.nl).lower()
        assert "zarit" not in text


def test_brief_resilience_scale() -> None:
    brs = load_instrument("brs")
    assert brs.respondent is Respondent.FAMILY_MEMBER
    assert [item.number for item in brs.items if item.reverse_keyed] == [2, 4, 6]
    assert all(item.text_en for item in brs.items)
    total = brs.scale("total")
    assert (total.aggregation, total.min_answered, total.higher_is_better) == (Aggregation.MEAN, 4, True)
    # keyed: 4, 6-2=4, 4, 6-1=5, 3, 6-2=4 -> 24 / 6 = 4.0
    result = score_response(brs, {1: 4, 2: 2, 3: 4, 4: 1, 5: 3, 6: 2})
    assert result.scales["total"].score == 4.0
    assert result.scales["total"].band.label.en == "Normal resilience"  # type: ignore[union-attr]
    # keyed: 2, 6-5=1, 2, 6-4=2 over four items -> 7 / 4 = 1.75, low resilience
    four = score_response(brs, {1: 2, 2: 5, 3: 2, 4: 4})
    assert four.scales["total"].score == 1.75
    assert four.scales["total"].band.label.en == "Low resilience"  # type: ignore[union-attr]
    assert score_response(brs, {1: 2, 2: 5, 3: 2}).scales["total"].score is None  # 3 of 6 < 4


def test_brief_resilience_scale_reliable_change_with_its_norms() -> None:
    total = load_instrument("brs").scale("total")
    assert total.norms is not None and (total.norms.sd, total.norms.reliability) == (0.68, 0.80)
    # S_diff = sqrt(2) * 0.68 * sqrt(1 - 0.80) = 0.430070; RC = (3.5 - 2.5) / 0.430070 = 2.325
    change = reliable_change(total, 2.5, 3.5)
    assert change.rci == pytest.approx(2.3252, abs=1e-4)
    assert change.change_class is ChangeClass.RECOVERED  # from low (< 3.0) to normal
    assert reliable_change(total, 3.5, 4.0).change_class is ChangeClass.UNCHANGED  # RC 1.16


def test_ediz_plus() -> None:
    ediz = load_instrument("ediz_plus")
    assert len(ediz.items) == 15 and not ediz.licence.item_text_reproducible
    total = ediz.scale("total")
    assert total.aggregation is Aggregation.COUNT_POSITIVE and not total.higher_is_better
    assert [(band.lower, band.upper) for band in total.bands] == [(0, 0), (1, 3), (4, 8), (9, 15)]
    # 5 x 'ja' (2) and 3 x 'min of meer' (1) count as 1 each, 7 x 'nee' (0) as 0 -> 8, moderate
    answers = {n: 2 for n in range(1, 6)} | {n: 1 for n in range(6, 9)} | {n: 0 for n in range(9, 16)}
    result = score_response(ediz, answers)
    assert result.scales["total"].score == 8
    assert result.scales["total"].band.label.en == "Moderate burden"  # type: ignore[union-attr]
    answers[9] = 1  # one more 'min of meer' -> 9, heavy
    assert score_response(ediz, answers).scales["total"].band.label.en == "Heavy burden"  # type: ignore[union-attr]
    answers[15] = None  # a count over 14 items is not comparable with the bands
    assert score_response(ediz, answers).scales["total"].score is None


def test_ediz_plus_direction_of_change() -> None:
    total = load_instrument("ediz_plus").scale("total")
    assert total.norms is not None and total.norms.source is not None
    assert "EXAMPLE VALUES" in total.norms.source
    # S_diff = sqrt(2) * 4.0 * sqrt(0.15) = 2.19089; RC = (5 - 12) / 2.19089 = -3.195: less burden, below 9
    assert reliable_change(total, 12, 5).change_class is ChangeClass.RECOVERED
    assert reliable_change(total, 5, 12).change_class is ChangeClass.DETERIORATED  # RC 3.195


def test_family_quality_of_life_key() -> None:
    fqol = load_instrument("fqol_beach")
    assert len(fqol.items) == 25 and fqol.respondent is Respondent.FAMILY_MEMBER
    key = {scale.code: scale.items for scale in fqol.subscales}
    assert key == {
        "family_interaction": (1, 7, 10, 11, 12, 18),
        "parenting": (2, 5, 8, 14, 17, 19),
        "emotional_wellbeing": (3, 4, 9, 13),
        "physical_material_wellbeing": (6, 15, 16, 20, 21),
        "disability_support": (22, 23, 24, 25),
    }
    assert all(len(fqol.subscales_of(n)) == 1 for n in range(1, 26))  # each item in exactly one subscale
    assert all(scale.aggregation is Aggregation.MEAN and scale.higher_is_better for scale in fqol.scales)
    # emotional well-being: (4 + 5 + 3 + 4) / 4 = 4.0; the other subscales and the total stay 3.0
    answers: dict[int, int | None] = {n: 3 for n in range(1, 26)} | {3: 4, 4: 5, 9: 3, 13: 4}
    scales = score_response(fqol, answers).scales
    assert scales["emotional_wellbeing"].score == 4.0
    assert scales["parenting"].score == 3.0
    assert scales["total"].score == pytest.approx(79 / 25)  # 21 x 3 + 4 + 5 + 3 + 4 = 79


def test_uwes9() -> None:
    uwes = load_instrument("uwes9")
    assert uwes.respondent is Respondent.SUPPORTER
    assert {scale.code: scale.items for scale in uwes.subscales} == {
        "vigour": (1, 2, 5),
        "dedication": (3, 4, 7),
        "absorption": (6, 8, 9),
    }
    assert not any(item.reverse_keyed for item in uwes.items)
    answers: dict[int, int | None] = {1: 6, 2: 5, 3: 4, 4: 4, 5: 4, 6: 2, 7: 6, 8: 3, 9: None}
    scales = score_response(uwes, answers).scales
    assert scales["vigour"].score == 5.0  # (6 + 5 + 4) / 3
    assert scales["dedication"].score == pytest.approx(14 / 3)  # (4 + 4 + 6) / 3
    assert scales["absorption"].score == 2.5  # (2 + 3) / 2, item 9 skipped
    assert scales["total"].score == 4.25  # 34 / 8


def test_checkin_questions() -> None:
    checkin = load_instrument("checkin")
    assert checkin.total is None
    how, burden = checkin.scale("how_are_things"), checkin.scale("care_burden")
    assert how.higher_is_better and not burden.higher_is_better
    assert all(item.text_nl for item in checkin.items)
    scales = score_response(checkin, {1: 7, 2: 9}).scales
    assert (scales["how_are_things"].score, scales["care_burden"].score) == (7.0, 9.0)
    assert score_response(checkin, {1: 7}).scales["care_burden"].score is None
    # single items without published norms: change is shown, reliable change is not claimed
    change = reliable_change(burden, 9, 3)
    assert change.change == -6 and change.rci is None and change.change_class is None
