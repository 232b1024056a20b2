"""Request and response models for closing a family's support and reopening it."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from api.models import ActionStatus, FamilyStatus, GoalStatus
from api.models.workday import ClosureReason, Resolution


class GoalResolution(BaseModel):
    goal_id: uuid.UUID
    resolution: Resolution
    handed_over_to: str | None = Field(default=None, max_length=200, description="Required when handed over.")


class ActionResolution(BaseModel):
    action_id: uuid.UUID
    resolution: Resolution = Field(description="achieved: done; discontinued or handed_over: cancelled here.")
    handed_over_to: str | None = Field(default=None, max_length=200)


class ClosureCreate(BaseModel):
    reason: ClosureReason
    reason_text: str | None = Field(
        default=None, max_length=1000, description="Required when the reason is other."
    )
    ended_on: date | None = Field(default=None, description="The last day of support; today when left out.")
    handover_note: str | None = Field(default=None, max_length=2000)
    successor_name: str | None = Field(default=None, max_length=200, description="Who takes over, if anyone.")
    successor_organisation: str | None = Field(default=None, max_length=200)
    goals: list[GoalResolution] = Field(default_factory=list, description="One per open goal.")
    actions: list[ActionResolution] = Field(default_factory=list, description="One per open action.")


class Reopen(BaseModel):
    reason: str = Field(min_length=1, max_length=1000)


class OpenGoal(BaseModel):
    id: uuid.UUID
    text: str
    status: GoalStatus


class OpenAction(BaseModel):
    id: uuid.UUID
    goal_id: uuid.UUID
    description: str
    due_on: date | None
    status: ActionStatus


class ClosureItemPublic(BaseModel):
    goal_id: uuid.UUID | None
    action_id: uuid.UUID | None
    resolution: Resolution
    handed_over_to: str | None


class ClosurePublic(BaseModel):
    id: uuid.UUID
    reason: ClosureReason
    reason_text: str | None
    ended_on: date
    handover_note: str | None
    successor_name: str | None
    successor_organisation: str | None
    follow_up_due_on: date = Field(description="When the follow-up measurement wave is due.")
    closed_by_name: str | None
    closed_at: datetime
    reopened_at: datetime | None
    reopen_reason: str | None
    items: list[ClosureItemPublic]


class ClosureState(BaseModel):
    """What closing needs: the open work to resolve, and the latest closure (if any)."""

    family_id: uuid.UUID
    status: FamilyStatus
    started_on: date | None
    follow_up_months: int
    open_goals: list[OpenGoal]
    open_actions: list[OpenAction]
    latest: ClosurePublic | None
