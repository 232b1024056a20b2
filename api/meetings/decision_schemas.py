"""Decisions taken at the table: typed, checked when written, applied to the plan when the meeting closes."""

import uuid
from datetime import datetime
from typing import Annotated, Any, Literal, Self

from pydantic import BaseModel, Field, StringConstraints, model_validator

from api.core.types import Input
from api.models import DecisionKind
from api.plans.schemas import ActionCreate, GoalCreate, GoalUpdate

DecisionText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=1000)]
Note = Annotated[str, StringConstraints(strip_whitespace=True, max_length=1000)]
TEXT_NOTE = "What was decided, in plain words (printed in the family's summary); generated when left out."


class AddGoalDecision(Input):
    kind: Literal["add_goal"]
    text: DecisionText | None = Field(default=None, description=TEXT_NOTE)
    goal: GoalCreate


class ChangeGoalDecision(Input):
    kind: Literal["change_goal"]
    text: DecisionText | None = Field(default=None, description=TEXT_NOTE)
    goal_id: uuid.UUID
    changes: GoalUpdate


class AddActionDecision(Input):
    kind: Literal["add_action"]
    text: DecisionText | None = Field(default=None, description=TEXT_NOTE)
    goal_id: uuid.UUID | None = Field(default=None, description="A goal of the plan …")
    goal_decision_id: uuid.UUID | None = Field(
        default=None, description="… or an add_goal decision of this meeting (the goal it will create)."
    )
    action: ActionCreate

    @model_validator(mode="after")
    def _one_goal(self) -> Self:
        if (self.goal_id is None) == (self.goal_decision_id is None):
            raise ValueError("give exactly one of goal_id and goal_decision_id")
        return self


class ConfirmActionDecision(Input):
    kind: Literal["confirm_action"]
    text: DecisionText | None = Field(default=None, description=TEXT_NOTE)
    action_ids: list[uuid.UUID] = Field(min_length=1, max_length=50)


class AdoptPlanDecision(Input):
    kind: Literal["adopt_plan"]
    text: DecisionText | None = Field(default=None, description=TEXT_NOTE)
    note: Note | None = Field(default=None, description="Kept with the adopted plan version.")


class NoteDecision(Input):
    kind: Literal["note"]
    text: DecisionText = Field(examples=["Over drie maanden kijken we of de logeeropvang bevalt."])


DecisionCreate = Annotated[
    AddGoalDecision
    | ChangeGoalDecision
    | AddActionDecision
    | ConfirmActionDecision
    | AdoptPlanDecision
    | NoteDecision,
    Field(discriminator="kind"),
]
DECISION_TYPES: dict[DecisionKind, type[BaseModel]] = {
    DecisionKind.add_goal: AddGoalDecision,
    DecisionKind.change_goal: ChangeGoalDecision,
    DecisionKind.add_action: AddActionDecision,
    DecisionKind.confirm_action: ConfirmActionDecision,
    DecisionKind.adopt_plan: AdoptPlanDecision,
    DecisionKind.note: NoteDecision,
}


class DecisionPublic(BaseModel):
    id: uuid.UUID
    position: int
    kind: DecisionKind
    text: str
    payload: dict[str, Any] = Field(description="The decision's details, as sent (without kind and text).")
    applied_at: datetime | None = Field(description="Set when the meeting closed and the plan changed.")
    result_id: uuid.UUID | None = Field(description="The goal, action or plan version it created or changed.")
    created_at: datetime
