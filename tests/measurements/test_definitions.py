"""Instrument definitions validate themselves with clear messages."""

import copy
from typing import Any

import pytest
from pydantic import ValidationError

from api.measurements.definitions import Aggregation, InstrumentDefinition, Respondent


def _label(text: str) -> dict[str, str]:
    return {"nl": text, "en": text}


def _valid() -> dict[str, Any]:
    """Three items answered 1-5 (item 3 reversed), a count subscale and a banded sum total."""
    return {
        "code": "sample",
        "version": 1,
        "name": _label("Voorbeeld"),
        "description": _label("A hand-made instrument."),
        "source": "Hand-made for tests.",
        "licence": {"owner": "Bondgenoot", "terms": "Free.", "item_text_reproducible": True},
        "respondent": "supporter",
        "option_sets": [
            {"code": "likert", "options": [{"value": v, "label": _label(str(v))} for v in range(1, 6)]}
        ],
        "items": [
            {"number": 1, "option_set": "likert", "text_nl": "Vraag een", "text_en": "Question one"},
            {"number": 2, "option_set": "likert"},
            {"number": 3, "option_set": "likert", "reverse_keyed": True},
        ],
        "subscales": [
            {
                "code": "positive",
                "name": _label("positive"),
                "items": [1, 2],
                "aggregation": "count_positive",
                "positive_threshold": 4,
                "min_answered": 2,
                "higher_is_better": True,
            }
        ],
        "total": {
            "code": "total",
            "name": _label("total"),
            "items": [1, 2, 3],
            "aggregation": "sum",
            "min_answered": 3,
            "higher_is_better": False,
            "bands": [
                {"lower": 3, "upper": 8, "label": _label("low")},
                {"lower": 9, "upper": 15, "label": _label("high")},
            ],
            "clinical_cutoff": 8,
            "norms": {"mean": 8.0, "sd": 2.5, "reliability": 0.8, "source": "Example."},
        },
    }


def _invalid(change: Any, message: str) -> None:
    data = _valid()
    change(data)
    with pytest.raises(ValidationError, match=message):
        InstrumentDefinition.model_validate(data)


def test_a_valid_definition_loads_with_its_helpers() -> None:
    definition = InstrumentDefinition.model_validate(_valid())
    assert definition.respondent is Respondent.SUPPORTER
    assert [scale.code for scale in definition.scales] == ["positive", "total"]
    assert definition.scale("total").aggregation is Aggregation.SUM
    assert definition.item(3).reverse_keyed
    assert definition.subscales_of(1) == ("positive",)
    assert definition.subscales_of(3) == ()
    # sum of three 1-5 items: 3..15; a count over two items: 0..2
    assert definition.score_range(definition.scale("total")) == (3.0, 15.0)
    assert definition.score_range(definition.scale("positive")) == (0.0, 2.0)
    with pytest.raises(KeyError):
        definition.scale("nope")
    with pytest.raises(KeyError):
        definition.item(9)


def test_a_mean_scale_ranges_over_the_option_values() -> None:
    data = _valid()
    data["total"]["aggregation"] = "mean"
    data["total"]["bands"] = [{"lower": 1, "upper": 5, "label": _label("all")}]
    data["total"]["clinical_cutoff"] = 3
    definition = InstrumentDefinition.model_validate(data)
    assert definition.score_range(definition.scale("total")) == (1.0, 5.0)


def test_definitions_are_frozen_and_reject_unknown_fields() -> None:
    definition = InstrumentDefinition.model_validate(_valid())
    with pytest.raises(ValidationError):
        definition.code = "other"  # type: ignore[misc]
    _invalid(lambda d: d.update(colour="blue"), "Extra inputs are not permitted")
    _invalid(lambda d: d["items"][0].update(weight=2), "Extra inputs are not permitted")


def test_the_definition_round_trips_through_json() -> None:
    definition = InstrumentDefinition.model_validate(_valid())
    assert InstrumentDefinition.model_validate_json(definition.model_dump_json()) == definition


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            lambda d: d["option_sets"][0]["options"].append(copy.deepcopy(d["option_sets"][0]["options"][0])),
            r"option values must be unique, repeated \[1\]",
        ),
        (
            lambda d: d["option_sets"].append(copy.deepcopy(d["option_sets"][0])),
            "option set codes must be unique",
        ),
        (
            lambda d: d["option_sets"][0].update(options=d["option_sets"][0]["options"][:1]),
            "at least 2 items",
        ),
        (lambda d: d["items"][1].update(option_set="missing"), "item 2: unknown option set 'missing'"),
        (lambda d: d["items"][1].update(number=1), "item numbers must be unique"),
        (lambda d: d["items"][1].update(number=0), "greater than or equal to 1"),
        (lambda d: d["total"].update(items=[1, 2, 7]), r"scale 'total': unknown items \[7\]"),
        (lambda d: d["total"].update(items=[1, 1, 2]), "an item is listed more than once"),
        (lambda d: d["total"].update(items=[]), "at least 1 item"),
        (lambda d: d["total"].update(min_answered=4), "min_answered 4 exceeds its 3 items"),
        (lambda d: d["total"].update(min_answered=0), "greater than or equal to 1"),
        (lambda d: d["subscales"][0].pop("positive_threshold"), "count_positive needs a positive_threshold"),
        (
            lambda d: d["total"].update(positive_threshold=3),
            "positive_threshold only applies to count_positive",
        ),
        (lambda d: d["subscales"][0].update(positive_threshold=1), "makes every answer positive or none"),
        (lambda d: d["subscales"][0].update(positive_threshold=6), "makes every answer positive or none"),
        (
            lambda d: d["total"].update(aggregation="mean", prorate_missing=True),
            "prorate_missing only applies",
        ),
        (lambda d: d["total"].update(aggregation="median"), "'mean', 'sum' or 'count_positive'"),
        (lambda d: d["total"]["bands"][1].update(lower=8), "bands 'low' and 'high' overlap"),
        (lambda d: d["total"]["bands"][1].update(lower=16, upper=15), "lower 16.0 is above upper 15.0"),
        (lambda d: d["total"]["bands"][1].update(upper=16), "band 'high' lies outside the range 3.0-15.0"),
        (lambda d: d["total"].update(clinical_cutoff=2), "clinical_cutoff 2.0 lies outside 3.0-15.0"),
        (lambda d: d["total"]["norms"].update(reliability=1.0), "less than 1"),
        (lambda d: d["total"]["norms"].update(sd=0), "greater than 0"),
        (lambda d: d["total"]["norms"].update(mean=float("nan")), "finite number"),
        (lambda d: d["subscales"][0].update(code="total"), "scale codes .* must be unique"),
        (lambda d: d.update(subscales=[], total=None), "at least one subscale or a total"),
        (lambda d: d.update(respondent="neighbour"), "'family_member' or 'supporter'"),
        (lambda d: d.update(code="Has Spaces"), "should match pattern"),
        (lambda d: d.update(version=0), "greater than or equal to 1"),
        (lambda d: d["name"].update(nl="x" * 201), "at most 200 characters"),
        (lambda d: d["items"][0].update(text_nl="x" * 501), "at most 500 characters"),
        (lambda d: d.update(source=""), "at least 1 character"),
    ],
)
def test_invalid_definitions_are_rejected(change: Any, message: str) -> None:
    _invalid(change, message)


def test_a_reversed_item_needs_a_symmetric_option_set() -> None:
    def lopsided(data: dict[str, Any]) -> None:
        # values 0, 1, 3: min + max - 1 = 2 is not an option
        data["option_sets"].append(
            {"code": "lopsided", "options": [{"value": v, "label": _label(str(v))} for v in (0, 1, 3)]}
        )
        data["items"][2]["option_set"] = "lopsided"

    _invalid(lopsided, "item 3: option set 'lopsided' is not symmetric")


def test_items_without_text_are_fine_when_the_licence_forbids_text() -> None:
    data = _valid()
    data["licence"]["item_text_reproducible"] = False
    data["items"][0].pop("text_nl")
    data["items"][0].pop("text_en")
    assert InstrumentDefinition.model_validate(data).licence.item_text_reproducible is False


def test_a_licensee_may_type_in_its_licensed_wording() -> None:
    data = _valid()
    data["licence"]["item_text_reproducible"] = False  # not shipped, but the licensee has the wording
    assert InstrumentDefinition.model_validate(data).items[0].text_nl
