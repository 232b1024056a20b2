"""Instrument definitions as data: items, answer options, scales, bands, norms and licence."""

from __future__ import annotations

from enum import StrEnum
from itertools import pairwise
from typing import Annotated, Self

from pydantic import ConfigDict, Field, model_validator

from api.core.types import Input

Code = Annotated[str, Field(min_length=1, max_length=40, pattern=r"^[a-z][a-z0-9_]*$")]
Label = Annotated[str, Field(min_length=1, max_length=200)]
ItemText = Annotated[str, Field(min_length=1, max_length=500)]
LongText = Annotated[str, Field(min_length=1, max_length=4000)]
Number = Annotated[float, Field(allow_inf_nan=False)]


class _Frozen(Input):
    """Base for definition parts: immutable, unknown fields and unstorable values rejected."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Respondent(StrEnum):
    """Who answers the instrument."""

    FAMILY_MEMBER = "family_member"
    SUPPORTER = "supporter"


class InstrumentUse(StrEnum):
    """What an instrument is for, which decides where it may be answered and who may see the answers."""

    FAMILY_OUTCOME = "family_outcome"  # in a family's measurement waves
    CHECKIN = "checkin"  # the family's short check-ins, not part of the waves
    STAFF_WELLBEING = "staff_wellbeing"  # a supporter about themselves; private to that supporter


class MemberRole(StrEnum):
    """Family member roles (mirrors api.models.MemberRole; definitions stay free of table code)."""

    CLIENT = "client"
    PARENT = "parent"
    PARTNER = "partner"
    SIBLING = "sibling"
    OTHER_RELATIVE = "other_relative"


class Aggregation(StrEnum):
    """How a scale combines its (keyed) item values."""

    MEAN = "mean"
    SUM = "sum"
    COUNT_POSITIVE = "count_positive"


class ReverseRule(StrEnum):
    """How a reverse-keyed item is turned around."""

    MIN_PLUS_MAX = "min_plus_max"  # x' = min + max - x of the item's option set


class LocalizedText(_Frozen):
    """A short user-facing text, Dutch first with an English translation."""

    nl: Label
    en: Label


class LocalizedLongText(_Frozen):
    """A longer user-facing text, Dutch first with an English translation."""

    nl: LongText
    en: LongText


class ResponseOption(_Frozen):
    """One answer option; its value is both what is stored and the item's score weight."""

    value: int = Field(ge=-1000, le=1000)
    label: LocalizedText


class OptionSet(_Frozen):
    """A named set of answer options shared by items."""

    code: Code
    options: tuple[ResponseOption, ...] = Field(min_length=2, max_length=20)

    @model_validator(mode="after")
    def _unique_values(self) -> Self:
        values = [option.value for option in self.options]
        duplicates = sorted({v for v in values if values.count(v) > 1})
        if duplicates:
            raise ValueError(f"option set {self.code!r}: option values must be unique, repeated {duplicates}")
        return self

    @property
    def values(self) -> frozenset[int]:
        """The allowed answer values."""
        return frozenset(option.value for option in self.options)

    @property
    def min_value(self) -> int:
        """The lowest allowed value."""
        return min(self.values)

    @property
    def max_value(self) -> int:
        """The highest allowed value."""
        return max(self.values)


class Item(_Frozen):
    """One question; text is optional so a licensee can type in licensed wording."""

    number: int = Field(ge=1, le=500)
    text_nl: ItemText | None = None
    text_en: ItemText | None = None
    option_set: Code
    reverse_keyed: bool = False


class Band(_Frozen):
    """A score range with a label; both bounds are inclusive."""

    lower: Number
    upper: Number
    label: LocalizedText

    @model_validator(mode="after")
    def _ordered(self) -> Self:
        if self.lower > self.upper:
            raise ValueError(f"band {self.label.en!r}: lower {self.lower} is above upper {self.upper}")
        return self

    def contains(self, value: float) -> bool:
        """Whether the value falls in this band."""
        return self.lower <= value <= self.upper


class NormsStatus(StrEnum):
    """`sourced`: taken from a publication that may be cited; `example`: placeholders, never evidence."""

    example = "example"
    sourced = "sourced"


class Norms(_Frozen):
    """Reference mean, SD and reliability used for the Reliable Change Index, with their provenance."""

    mean: Number
    sd: Number = Field(gt=0)
    reliability: Number = Field(ge=0, lt=1)  # r = 1 would make S_diff zero
    source: LongText | None = None  # the citation (table, sample) the figures come from
    population: LongText | None = None  # who the reference sample were
    status: NormsStatus = NormsStatus.example

    @model_validator(mode="after")
    def _provenance(self) -> Self:
        if self.status is NormsStatus.sourced and not (self.source and self.population):
            raise ValueError("sourced norms need a source (citation) and a population")
        return self


class Scale(_Frozen):
    """A subscale or total score over a set of items."""

    code: Code
    name: LocalizedText
    items: tuple[int, ...] = Field(min_length=1, max_length=500)
    aggregation: Aggregation
    positive_threshold: int | None = None  # count_positive: keyed value >= threshold counts as 1
    min_answered: int = Field(ge=1)
    prorate_missing: bool = False  # sum/count_positive: scale up to all items when some are missing
    higher_is_better: bool
    bands: tuple[Band, ...] = Field(default=(), max_length=20)
    clinical_cutoff: Number | None = None  # boundary value of the healthy range (inclusive)
    norms: Norms | None = None

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        where = f"scale {self.code!r}"
        if len(set(self.items)) != len(self.items):
            raise ValueError(f"{where}: an item is listed more than once")
        if self.min_answered > len(self.items):
            raise ValueError(f"{where}: min_answered {self.min_answered} exceeds its {len(self.items)} items")
        counting = self.aggregation is Aggregation.COUNT_POSITIVE
        if counting and self.positive_threshold is None:
            raise ValueError(f"{where}: count_positive needs a positive_threshold")
        if not counting and self.positive_threshold is not None:
            raise ValueError(f"{where}: positive_threshold only applies to count_positive")
        if self.prorate_missing and self.aggregation is Aggregation.MEAN:
            raise ValueError(f"{where}: prorate_missing only applies to sum and count_positive")
        ordered = sorted(self.bands, key=lambda band: band.lower)
        for before, after in pairwise(ordered):
            if after.lower <= before.upper:
                raise ValueError(f"{where}: bands {before.label.en!r} and {after.label.en!r} overlap")
        return self

    def band_for(self, value: float) -> Band | None:
        """The band a score falls in, or None when it falls in none."""
        return next((band for band in self.bands if band.contains(value)), None)


class Licence(_Frozen):
    """Who owns the instrument and on what terms it may be used and reproduced."""

    owner: Label
    terms: LongText
    item_text_reproducible: bool


class InstrumentDefinition(_Frozen):
    """A questionnaire as data: what is asked, how it is scored and where it comes from."""

    code: Code
    version: int = Field(ge=1)
    name: LocalizedText
    description: LocalizedLongText
    source: LongText  # citation, and where the norms and reliability come from
    licence: Licence
    respondent: Respondent
    use: InstrumentUse = InstrumentUse.FAMILY_OUTCOME
    # Which members answer it in the measurement waves; empty means every member (family_member instruments).
    wave_member_roles: tuple[MemberRole, ...] = Field(default=(), max_length=5)
    reverse_rule: ReverseRule = ReverseRule.MIN_PLUS_MAX
    option_sets: tuple[OptionSet, ...] = Field(min_length=1, max_length=20)
    items: tuple[Item, ...] = Field(min_length=1, max_length=500)
    subscales: tuple[Scale, ...] = Field(default=(), max_length=50)
    total: Scale | None = None

    @property
    def scales(self) -> tuple[Scale, ...]:
        """Every scale that gets a score: the subscales, then the total."""
        return (*self.subscales, self.total) if self.total is not None else self.subscales

    def scale(self, code: str) -> Scale:
        """The scale with this code; KeyError when there is none."""
        for scale in self.scales:
            if scale.code == code:
                return scale
        raise KeyError(code)

    def item(self, number: int) -> Item:
        """The item with this number; KeyError when there is none."""
        for item in self.items:
            if item.number == number:
                return item
        raise KeyError(number)

    def option_set_of(self, item: Item) -> OptionSet:
        """The option set an item is answered on."""
        return next(s for s in self.option_sets if s.code == item.option_set)

    def subscales_of(self, number: int) -> tuple[str, ...]:
        """Codes of the subscales an item belongs to (the scales hold the key; items do not repeat it)."""
        return tuple(scale.code for scale in self.subscales if number in scale.items)

    def score_range(self, scale: Scale) -> tuple[float, float]:
        """Lowest and highest score the scale can take with every item answered."""
        sets = [self.option_set_of(self.item(n)) for n in scale.items]
        if scale.aggregation is Aggregation.COUNT_POSITIVE:
            return 0.0, float(len(sets))
        if scale.aggregation is Aggregation.SUM:
            return float(sum(s.min_value for s in sets)), float(sum(s.max_value for s in sets))
        return float(min(s.min_value for s in sets)), float(max(s.max_value for s in sets))

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        set_codes = [s.code for s in self.option_sets]
        if len(set(set_codes)) != len(set_codes):
            raise ValueError("option set codes must be unique")
        numbers = [item.number for item in self.items]
        if len(set(numbers)) != len(numbers):
            raise ValueError("item numbers must be unique")
        for item in self.items:
            self._check_item(item, set_codes)
        if not self.scales:
            raise ValueError("an instrument needs at least one subscale or a total")
        if self.use is InstrumentUse.STAFF_WELLBEING and self.respondent is not Respondent.SUPPORTER:
            raise ValueError("a staff_wellbeing instrument is answered by the supporter")
        scale_codes = [scale.code for scale in self.scales]
        if len(set(scale_codes)) != len(scale_codes):
            raise ValueError("scale codes (subscales and total) must be unique")
        for scale in self.scales:
            self._check_scale(scale, set(numbers))
        return self

    def _check_item(self, item: Item, set_codes: list[str]) -> None:
        """Check one item against the option sets (licensed wording typed in by a licensee is allowed)."""
        if item.option_set not in set_codes:
            raise ValueError(f"item {item.number}: unknown option set {item.option_set!r}")
        options = self.option_set_of(item)
        # min+max-x must land on an allowed option, or reversed answers could not be scored
        turned = {options.min_value + options.max_value - v for v in options.values}
        if item.reverse_keyed and turned != options.values:
            raise ValueError(
                f"item {item.number}: option set {options.code!r} is not symmetric, so it cannot be reversed"
            )

    def _check_scale(self, scale: Scale, numbers: set[int]) -> None:
        """Check one scale against the items; bands and cut-off must lie within its range."""
        missing = sorted(set(scale.items) - numbers)
        if missing:
            raise ValueError(f"scale {scale.code!r}: unknown items {missing}")
        low, high = self.score_range(scale)
        if scale.positive_threshold is not None:
            sets = [self.option_set_of(self.item(n)) for n in scale.items]
            lowest, highest = min(s.min_value for s in sets), max(s.max_value for s in sets)
            if not lowest < scale.positive_threshold <= highest:
                raise ValueError(
                    f"scale {scale.code!r}: positive_threshold {scale.positive_threshold} makes every "
                    "answer positive or none"
                )
        for band in scale.bands:
            if band.lower < low or band.upper > high:
                raise ValueError(
                    f"scale {scale.code!r}: band {band.label.en!r} lies outside the range {low}-{high}"
                )
        if scale.clinical_cutoff is not None and not low <= scale.clinical_cutoff <= high:
            raise ValueError(
                f"scale {scale.code!r}: clinical_cutoff {scale.clinical_cutoff} lies outside {low}-{high}"
            )
