"""The working day: notes on acknowledged alerts, caseload handovers, and how a family's support ended."""

import uuid
from datetime import date, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.models.base import created_at_field, enum_type, id_field, timestamp_field


class ClosureReason(StrEnum):
    goals_achieved = "goals_achieved"
    family_request = "family_request"
    moved_away = "moved_away"
    other_care = "other_care"
    no_contact = "no_contact"
    deceased = "deceased"
    other = "other"


class Resolution(StrEnum):
    """How an open goal or action ended at closure."""

    achieved = "achieved"
    discontinued = "discontinued"
    handed_over = "handed_over"


class AlertNote(SQLModel, table=True):
    """What the supporter did about an alert (e.g. "teruggebeld"), written when acknowledging it."""

    __tablename__ = "checkin_alert_note"

    id: uuid.UUID = id_field()
    alert_id: uuid.UUID = Field(foreign_key="checkin_alert.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    author_id: uuid.UUID = Field(foreign_key="app_user.id")
    text: str = Field(max_length=1000)
    created_at: datetime = created_at_field()


class SupporterChange(SQLModel, table=True):
    """A family moving to another supporter's caseload (shown in the family's timeline)."""

    __tablename__ = "family_supporter_change"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    from_supporter_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    to_supporter_id: uuid.UUID = Field(foreign_key="app_user.id")
    note: str | None = Field(default=None, max_length=1000)
    changed_by_id: uuid.UUID = Field(foreign_key="app_user.id")
    changed_at: datetime = created_at_field()


class FamilyClosure(SQLModel, table=True):
    """The end of a family's support: why, what happened to open work, who takes over; reopening is kept."""

    __tablename__ = "family_closure"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    reason: ClosureReason = Field(sa_type=enum_type(ClosureReason, 30))
    reason_text: str | None = Field(default=None, max_length=1000)
    ended_on: date
    handover_note: str | None = Field(default=None, max_length=2000)
    successor_name: str | None = Field(default=None, max_length=200)
    successor_organisation: str | None = Field(default=None, max_length=200)
    follow_up_due_on: date
    closed_by_id: uuid.UUID = Field(foreign_key="app_user.id")
    closed_at: datetime = created_at_field()
    reopened_at: datetime | None = timestamp_field()
    reopened_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    reopen_reason: str | None = Field(default=None, max_length=1000)


class ClosureItem(SQLModel, table=True):
    """One open goal or action and how it was resolved at closure."""

    __tablename__ = "family_closure_item"

    id: uuid.UUID = id_field()
    closure_id: uuid.UUID = Field(foreign_key="family_closure.id", index=True)
    goal_id: uuid.UUID | None = Field(default=None, foreign_key="goal.id")
    action_id: uuid.UUID | None = Field(default=None, foreign_key="plan_action.id")
    resolution: Resolution = Field(sa_type=enum_type(Resolution, 20))
    handed_over_to: str | None = Field(default=None, max_length=200)
    recorded_at: datetime = created_at_field()
