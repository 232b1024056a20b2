"""Pure scoring: answers to scale scores, family scores, reliable change and GAS T-scores."""

from __future__ import annotations

import math
import statistics
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum

from api.measurements.definitions import Aggregation, Band, InstrumentDefinition, Scale

RCI_CRITERION = 1.96  # |RC| above this is reliable change at p < .05 (Jacobson & Truax 1991)
GAS_LEVELS = range(-2, 3)
GAS_DEFAULT_RHO = 0.3  # assumed inter-goal correlation (Kiresuk & Sherman 1968)


class AnswerError(ValueError):
    """An answer that does not fit the instrument; names the offending item."""

    def __init__(self, item: object, message: str) -> None:
        self.item = item
        self.message = message
        super().__init__(f"item {item!r}: {message}")


class GasError(ValueError):
    """A goal attainment score or weight outside what GAS allows."""


class ChangeClass(StrEnum):
    """How a change from baseline is classified, in the scale's direction of 'better'."""

    RECOVERED = "recovered"
    IMPROVED = "improved"
    UNCHANGED = "unchanged"
    DETERIORATED = "deteriorated"


@dataclass(frozen=True, slots=True)
class ScaleScore:
    """The score of one scale in one response; score is None when too few items were answered."""

    code: str
    score: float | None
    n_answered: int
    n_items: int
    band: Band | None = None
    reason: str | None = None


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """All scale scores of one response, keyed by scale code (subscales first, then the total)."""

    instrument_code: str
    instrument_version: int
    scales: Mapping[str, ScaleScore]
    n_answered: int


@dataclass(frozen=True, slots=True)
class FamilyScaleScore:
    """One scale across a family's respondents: the mean and how far members differ."""

    code: str
    mean: float | None
    sd: float | None  # sample SD (n - 1); None with fewer than two scored respondents
    minimum: float | None
    maximum: float | None
    n_respondents: int  # respondents with a score on this scale

    @property
    def spread(self) -> float | None:
        """Highest minus lowest member score."""
        if self.minimum is None or self.maximum is None:
            return None
        return self.maximum - self.minimum


@dataclass(frozen=True, slots=True)
class FamilyScore:
    """A family's scores on one instrument, derived from its members' responses."""

    instrument_code: str
    instrument_version: int
    scales: Mapping[str, FamilyScaleScore]
    n_responses: int


@dataclass(frozen=True, slots=True)
class ChangeResult:
    """Change from baseline with the Reliable Change Index; rci is None when it cannot be computed."""

    change: float | None
    rci: float | None
    s_diff: float | None
    reliable: bool
    change_class: ChangeClass | None
    reason: str | None = None


def score_response(definition: InstrumentDefinition, answers: Mapping[int, int | None]) -> ScoreResult:
    """Score one respondent's answers (item number to option value, None = skipped)."""
    keyed = _keyed_answers(definition, answers)
    scales = {scale.code: _score_scale(scale, keyed) for scale in definition.scales}
    return ScoreResult(
        instrument_code=definition.code,
        instrument_version=definition.version,
        scales=scales,
        n_answered=len(keyed),
    )


def _keyed_answers(definition: InstrumentDefinition, answers: Mapping[int, int | None]) -> dict[int, int]:
    """Check every answer against the instrument and apply reverse keying; skipped items drop out."""
    items = {item.number: item for item in definition.items}
    keyed: dict[int, int] = {}
    for number, value in answers.items():
        # bool is an int subclass; True as an item number or answer is a caller bug
        if not isinstance(number, int) or isinstance(number, bool) or number not in items:
            raise AnswerError(number, f"not an item of {definition.code!r}")
        if value is None:
            continue
        options = definition.option_set_of(items[number])
        if not isinstance(value, int) or isinstance(value, bool) or value not in options.values:
            raise AnswerError(number, f"{value!r} is not one of the allowed values {sorted(options.values)}")
        if items[number].reverse_keyed:
            value = options.min_value + options.max_value - value
        keyed[number] = value
    return keyed


def _score_scale(scale: Scale, keyed: Mapping[int, int]) -> ScaleScore:
    """Aggregate one scale from keyed answers, or explain why it has no score."""
    values = [keyed[number] for number in scale.items if number in keyed]
    answered, size = len(values), len(scale.items)
    if answered < scale.min_answered:
        reason = f"{answered} of {size} items answered; at least {scale.min_answered} needed"
        return ScaleScore(scale.code, None, answered, size, reason=reason)
    if scale.aggregation is Aggregation.MEAN:
        score = math.fsum(values) / answered
    else:
        if scale.aggregation is Aggregation.SUM:
            score = math.fsum(values)
        else:
            threshold = scale.positive_threshold
            score = float(sum(1 for value in values if threshold is not None and value >= threshold))
        if scale.prorate_missing and answered < size:
            # person-mean imputation keeps the score on the full-scale metric the norms use
            score = score * size / answered
    return ScaleScore(scale.code, score, answered, size, band=scale.band_for(score))


def family_score(results: Sequence[ScoreResult]) -> FamilyScore:
    """Combine members' results on one instrument version: mean, SD and range per scale."""
    if not results:
        raise ValueError("a family score needs at least one response")
    first = results[0]
    for result in results[1:]:
        if (result.instrument_code, result.instrument_version) != (
            first.instrument_code,
            first.instrument_version,
        ):
            raise ValueError("all responses must be of the same instrument and version")
    scales: dict[str, FamilyScaleScore] = {}
    for code in first.scales:
        scores = [s for r in results if (s := r.scales[code].score) is not None]
        scales[code] = FamilyScaleScore(
            code=code,
            mean=math.fsum(scores) / len(scores) if scores else None,
            sd=statistics.stdev(scores) if len(scores) >= 2 else None,
            minimum=min(scores) if scores else None,
            maximum=max(scores) if scores else None,
            n_respondents=len(scores),
        )
    return FamilyScore(first.instrument_code, first.instrument_version, scales, len(results))


def reliable_change(scale: Scale, baseline: float | None, followup: float | None) -> ChangeResult:
    """Change from baseline and its Reliable Change Index (Jacobson & Truax 1991), classified."""
    if baseline is None or followup is None:
        return ChangeResult(None, None, None, False, None, "baseline or follow-up has no score")
    change = followup - baseline
    if scale.norms is None:
        return ChangeResult(change, None, None, False, None, f"scale {scale.code!r} has no norms")
    standard_error = scale.norms.sd * math.sqrt(1 - scale.norms.reliability)
    s_diff = math.sqrt(2) * standard_error
    rci = change / s_diff
    reliable = abs(rci) > RCI_CRITERION
    better = rci > 0 if scale.higher_is_better else rci < 0
    if not reliable:
        change_class = ChangeClass.UNCHANGED
    elif not better:
        change_class = ChangeClass.DETERIORATED
    elif scale.clinical_cutoff is not None and not _healthy(scale, baseline) and _healthy(scale, followup):
        change_class = ChangeClass.RECOVERED
    else:
        change_class = ChangeClass.IMPROVED
    return ChangeResult(change, rci, s_diff, reliable, change_class)


def _healthy(scale: Scale, score: float) -> bool:
    """Whether a score lies in the healthy range bounded (inclusive) by the clinical cut-off."""
    cutoff = scale.clinical_cutoff
    if cutoff is None:
        return False
    return score >= cutoff if scale.higher_is_better else score <= cutoff


def gas_t_score(goals: Sequence[tuple[int | None, float]], rho: float = GAS_DEFAULT_RHO) -> float | None:
    """Kiresuk & Sherman GAS T-score over (level, weight) pairs; unscored goals (None) are skipped."""
    if not 0 <= rho <= 1:
        raise GasError(f"rho must lie between 0 and 1, got {rho}")
    scored: list[tuple[int, float]] = []
    for level, weight in goals:
        if not math.isfinite(weight) or weight <= 0:
            raise GasError(f"a goal weight must be a positive number, got {weight}")
        if level is None:
            continue
        if isinstance(level, bool) or not isinstance(level, int) or level not in GAS_LEVELS:
            raise GasError(f"a goal level must be an integer from -2 to +2, got {level!r}")
        scored.append((level, weight))
    if not scored:
        return None
    weighted = math.fsum(w * x for x, w in scored)
    sum_squares = math.fsum(w * w for _, w in scored)
    total_weight = math.fsum(w for _, w in scored)
    # T = 50 + 10 * sum(w x) / sqrt((1 - rho) * sum(w^2) + rho * (sum w)^2)
    return 50 + 10 * weighted / math.sqrt((1 - rho) * sum_squares + rho * total_weight**2)
