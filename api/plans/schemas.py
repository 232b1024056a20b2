"""Request and response models for the plan: life domains, goals, GAS scores, actions, versions."""

import uuid
from datetime import date, datetime
from typing import Annotated

from pydantic import BaseModel, Field, StringConstraints

from api.core.types import Input
from api.models import ActionStatus, GoalStatus, OwnerType

Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
LadderText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]
PersonName = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
Label = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
Level = Annotated[int, Field(ge=-2, le=2)]
Weight = Annotated[float, Field(gt=0, le=100)]
Priority = Annotated[int, Field(ge=1, le=5, description="1 = most important, 5 = least.")]


class LifeDomainCreate(Input):
    code: Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9_]{1,39}$")] = Field(
        examples=["spirituality"]
    )
    label_nl: Label = Field(examples=["Zingeving"])
    label_en: Label = Field(examples=["Meaning and faith"])
    position: int = Field(default=100, ge=0, le=10_000)


class LifeDomainPublic(BaseModel):
    id: uuid.UUID
    code: str
    label_nl: str
    label_en: str
    position: int


class GasLadder(Input):
    """What each Goal Attainment Scaling level looks like, in the family's words (0 = what we expect)."""

    minus_2: LadderText = Field(examples=["Daan gaat helemaal niet meer naar school."])
    minus_1: LadderText = Field(examples=["Daan gaat een paar ochtenden per week."])
    zero: LadderText = Field(examples=["Daan gaat elke ochtend naar school."])
    plus_1: LadderText = Field(examples=["Daan gaat vier hele dagen."])
    plus_2: LadderText = Field(examples=["Daan gaat de hele week en vindt het leuk."])


class GoalCreate(Input):
    text: Text = Field(examples=["We willen dat Daan weer naar school gaat."])
    life_domain_id: uuid.UUID
    member_ids: list[uuid.UUID] = Field(default_factory=list, max_length=20)
    priority: Priority = 3
    target_on: date | None = None
    status: GoalStatus = GoalStatus.proposed
    ladder: GasLadder | None = Field(
        default=None, description="All five levels; needed before a goal is active."
    )
    baseline_level: Level | None = Field(default=None, description="Where the family stands at the start.")
    weight: Weight = 1.0


class GoalUpdate(Input):
    text: Text | None = None
    life_domain_id: uuid.UUID | None = None
    member_ids: list[uuid.UUID] | None = Field(default=None, max_length=20)
    priority: Priority | None = None
    target_on: date | None = None
    status: GoalStatus | None = Field(
        default=None,
        description="proposed → active | discontinued; active → achieved | discontinued; "
        "achieved → active; discontinued → active.",
    )
    ladder: GasLadder | None = None
    baseline_level: Level | None = None
    weight: Weight | None = None


class ActionCreate(Input):
    description: Text = Field(examples=["Oma Riet haalt Daan op dinsdag en donderdag van school."])
    owner_type: OwnerType
    owner_id: uuid.UUID | None = Field(
        default=None, description="Member, contact or user id (not for `person`)."
    )
    owner_name: PersonName | None = Field(
        default=None, description="Only for `person`: who, without an account."
    )
    due_on: date | None = None


class ActionUpdate(Input):
    goal_id: uuid.UUID | None = Field(
        default=None, description="Move the action to another goal of the plan."
    )
    description: Text | None = None
    owner_type: OwnerType | None = Field(
        default=None, description="Send with owner_id/owner_name: owner as a whole."
    )
    owner_id: uuid.UUID | None = None
    owner_name: PersonName | None = None
    due_on: date | None = None
    status: ActionStatus | None = None


class ActionPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    goal_id: uuid.UUID
    description: str
    owner_type: OwnerType
    owner_id: uuid.UUID | None
    owner_name: str | None = Field(description="Who, by name (resolved for members, contacts and users).")
    due_on: date | None
    status: ActionStatus
    completed_on: date | None
    is_overdue: bool = Field(description="Open and past its due date.")
    agreed_at_table: bool = Field(
        description="False: agreed outside a meeting, not yet confirmed at the table."
    )
    agreed_at_meeting_id: uuid.UUID | None
    version: int
    created_at: datetime
    updated_at: datetime


class GoalPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    plan_id: uuid.UUID
    text: str
    life_domain: LifeDomainPublic
    member_ids: list[uuid.UUID]
    priority: int
    target_on: date | None
    status: GoalStatus
    activated_on: date | None
    ladder: GasLadder | None
    baseline_level: int | None
    weight: float
    gas_level: int | None = Field(description="The latest GAS score's level (null: not scored yet).")
    gas_scored_on: date | None
    version: int
    created_at: datetime
    updated_at: datetime


class GoalDetail(GoalPublic):
    actions: list[ActionPublic]


class ScoreCreate(Input):
    scored_on: date = Field(description="The day the score describes (not in the future).")
    level: Level
    note: Note | None = None


class ScorePublic(BaseModel):
    id: uuid.UUID
    goal_id: uuid.UUID
    scored_on: date
    level: int
    note: str | None
    scored_by_id: uuid.UUID | None
    scored_by_name: str | None
    created_at: datetime


class GasGoalLevel(BaseModel):
    goal_id: uuid.UUID
    text: str
    weight: float
    level: int | None
    scored_on: date | None


class GasSummary(BaseModel):
    """The family's GAS T-score on a date: each counted goal's latest score on or before it."""

    on: date
    t_score: float | None = Field(description="Null when no counted goal has a score yet.")
    baseline_t_score: float | None = Field(description="The T-score of the goals' baseline levels.")
    scored_goals: int
    unscored_goals: int = Field(description="Active or achieved goals without a score yet: left out.")
    goals: list[GasGoalLevel]


class GasPoint(BaseModel):
    on: date
    t_score: float
    scored_goals: int


class GasScorePoint(BaseModel):
    scored_on: date
    level: int


class GasGoalSeries(BaseModel):
    goal_id: uuid.UUID
    text: str
    life_domain_code: str
    status: GoalStatus
    weight: float
    baseline_level: int | None
    scores: list[GasScorePoint]


class GasSeries(BaseModel):
    """Everything a chart needs: the T-score on every scoring date, and each goal's own scores."""

    points: list[GasPoint]
    goals: list[GasGoalSeries]


class AdoptionCreate(Input):
    meeting_id: uuid.UUID | None = Field(default=None, description="The roundtable meeting that adopted it.")
    note: Note | None = None


class SnapshotAction(BaseModel):
    id: uuid.UUID
    goal_id: uuid.UUID
    description: str
    owner_type: OwnerType
    owner_id: uuid.UUID | None
    owner_name: str | None
    due_on: date | None
    status: ActionStatus
    agreed_at_table: bool
    agreed_at_meeting_id: uuid.UUID | None


class SnapshotGoal(BaseModel):
    id: uuid.UUID
    text: str
    life_domain_id: uuid.UUID
    life_domain_code: str
    life_domain_label_nl: str
    life_domain_label_en: str
    member_ids: list[uuid.UUID]
    priority: int
    target_on: date | None
    status: GoalStatus
    ladder: GasLadder | None
    baseline_level: int | None
    weight: float
    gas_level: int | None = Field(description="The latest score when the version was adopted.")
    actions: list[SnapshotAction]


class PlanVersionSummary(BaseModel):
    number: int
    adopted_at: datetime
    adopted_by_id: uuid.UUID | None
    adopted_by_name: str | None
    meeting_id: uuid.UUID | None
    note: str | None
    gas_t_score: float | None
    goal_count: int
    action_count: int


class PlanVersionDetail(PlanVersionSummary):
    goals: list[SnapshotGoal]


class PlanDetail(BaseModel):
    """The living plan: the draft's goals with their actions and latest scores."""

    id: uuid.UUID
    family_id: uuid.UUID
    version: int = Field(description="The draft's revision (also the ETag); changes with every edit.")
    has_unadopted_changes: bool
    latest_version: PlanVersionSummary | None
    gas_t_score: float | None = Field(description="The family's GAS T-score today (null: nothing scored).")
    goals: list[GoalDetail]
    created_at: datetime
    updated_at: datetime


Scalar = str | int | float | bool | list[str] | None


class FieldChange(BaseModel):
    field: str = Field(examples=["due_on", "ladder.plus_1"])
    before: Scalar
    after: Scalar


class ItemChange(BaseModel):
    id: uuid.UUID
    label: str = Field(description="The goal text or action description (as it is now).")
    changes: list[FieldChange]


class GoalDiff(BaseModel):
    added: list[SnapshotGoal]
    removed: list[SnapshotGoal]
    changed: list[ItemChange]


class ActionDiff(BaseModel):
    added: list[SnapshotAction]
    removed: list[SnapshotAction]
    changed: list[ItemChange]


class PlanComparison(BaseModel):
    from_version: int | None = Field(description="Null: compared with an empty plan (nothing adopted yet).")
    to_version: int | None = Field(description="Null: the current draft.")
    goals: GoalDiff
    actions: ActionDiff
