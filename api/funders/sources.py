"""The seam through which plans, meetings and measurements feed what funders see.

Outcomes and trajectories never query other domains' tables directly. A `FactSource` (in
`api/funders/facts.py`, or in the domain itself) answers, for a batch of family ids, minimal, already
de-identified facts in a fixed number of queries, and is listed in `facts.SOURCES` (one line, like
`EXTRA_SEEDERS`). A domain without a source simply adds nothing: outcomes then show families only.
"""

import uuid
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from sqlmodel import Session


@dataclass(frozen=True)
class GoalFact:
    id: uuid.UUID
    life_domain: str  # a code such as "housing"; never the goal's own words
    status: str  # proposed | active | achieved | stopped
    weight: float = 1.0
    target_on: date | None = None
    # GAS scores over time: (scored on, level -2…+2)
    scores: tuple[tuple[date, int], ...] = ()


@dataclass(frozen=True)
class PlanFact:
    id: uuid.UUID
    version: int
    status: str  # draft | adopted
    adopted_on: date | None = None
    gas_t_score: float | None = None  # the latest T-score of the adopted plan (Kiresuk & Sherman)


@dataclass(frozen=True)
class MeetingFact:
    id: uuid.UUID
    held_on: date
    # Who was at the table by kind only (e.g. "family", "supporter", "professional:school"), never names.
    participant_kinds: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScoreFact:
    """One scale of a completed measurement, with its change from T0 where there is one."""

    measurement_id: uuid.UUID
    instrument: str  # instrument code
    scale: str
    wave: str  # t0, t1, t2, end, follow_up
    completed_on: date
    score: float | None
    change_from_t0: float | None = None
    change_class: str | None = None  # improved | unchanged | deteriorated | recovered
    questionnaire: str | None = None  # canonical URL of the instrument's definition, for FHIR


@dataclass(frozen=True)
class CareTeamFact:
    """A participant in the family's care by role only (no name, no contact details)."""

    role: str  # e.g. "supporter", "professional:school", "informal"


@dataclass
class FamilyFacts:
    plans: list[PlanFact] = field(default_factory=list)
    goals: list[GoalFact] = field(default_factory=list)
    meetings: list[MeetingFact] = field(default_factory=list)
    scores: list[ScoreFact] = field(default_factory=list)
    care_team: list[CareTeamFact] = field(default_factory=list)

    def merge(self, other: "FamilyFacts") -> None:
        self.plans += other.plans
        self.goals += other.goals
        self.meetings += other.meetings
        self.scores += other.scores
        self.care_team += other.care_team


@dataclass(frozen=True)
class Window:
    """The period asked about (inclusive dates); None means open-ended."""

    start: date | None = None
    end: date | None = None

    def contains(self, moment: date | datetime) -> bool:
        day = moment.date() if isinstance(moment, datetime) else moment
        return (self.start is None or day >= self.start) and (self.end is None or day <= self.end)


FactSource = Callable[[Session, Sequence[uuid.UUID]], dict[uuid.UUID, FamilyFacts]]
