"""Evaluation debt: what a supporter still owes (goals without a recent score, questionnaires due), per
family and summed per supporter."""

import uuid
from datetime import date
from typing import Literal

from pydantic import BaseModel, Field

from api.measurements.schemas import DueMeasurement


class DebtItem(BaseModel):
    kind: Literal["goal_without_score", "overdue_action"]
    family_id: uuid.UUID
    family_reference: str
    family_name: str
    supporter_id: uuid.UUID | None
    goal_id: uuid.UUID
    action_id: uuid.UUID | None
    text: str = Field(description="The goal text, or the action's description.")
    since: date = Field(description="Last score (or activation) of the goal; due date of the action.")
    days: int = Field(description="Days since the last score, or days past due.")


class EvaluationDebt(BaseModel):
    on: date
    threshold_days: int
    items: list[DebtItem]
    measurements: list[DueMeasurement] = Field(
        default_factory=list,
        description="Questionnaires of the measurement waves that are due or overdue, oldest due date first.",
    )
    next_cursor: str | None = Field(
        default=None,
        description="More families follow: pass this as `cursor` (a page covers `limit` families).",
    )


class DebtCount(BaseModel):
    supporter_id: uuid.UUID | None = Field(description="Null: families without a supporter.")
    supporter_name: str | None
    families: int = Field(description="Families with at least one item of debt.")
    goals_without_score: int
    overdue_actions: int
    measurements_due: int = Field(default=0, description="Due or overdue wave questionnaires.")


class EvaluationDebtSummary(BaseModel):
    on: date
    threshold_days: int
    supporters: list[DebtCount]
    next_cursor: str | None = Field(
        default=None, description="More supporters follow: pass this as `cursor` (`limit` supporters a page)."
    )
