"""Request and response models of the worklist and the team page."""

import uuid
from datetime import date, datetime

from pydantic import BaseModel, Field

from api.measurements.schemas import DueMeasurement
from api.meetings.schemas import MeetingOverviewItem
from api.models import AlertReason, FamilyStatus
from api.plans.debt_schemas import DebtItem


class WorkAlert(BaseModel):
    id: uuid.UUID
    reasons: list[AlertReason]
    wellbeing: int
    care_burden: int
    previous_wellbeing: int | None
    needs: list[str]
    needs_text: str | None
    message: str | None = Field(description="The member's own words to the supporter.")
    checked_in_at: datetime
    raised_at: datetime


class AlertGroup(BaseModel):
    """The open alerts of one family member, newest first, with how to reach them."""

    member_id: uuid.UUID
    member_name: str
    phone: str | None = Field(description="The member's phone number, for a call-back (tel: link).")
    family_id: uuid.UUID
    family_reference: str
    family_name: str
    alerts: list[WorkAlert]


class FamilyAttention(BaseModel):
    """How much of the worklist is about one family (the caseload's "aandacht" column)."""

    family_id: uuid.UUID
    family_reference: str
    family_name: str
    status: FamilyStatus
    supporter_id: uuid.UUID | None
    open_alerts: int
    goals_without_score: int
    overdue_actions: int
    questionnaires_due: int
    meetings_this_week: int
    attention: int = Field(description="Alerts count three, other items one: the sort key of the column.")


class Worklist(BaseModel):
    on: date
    threshold_days: int = Field(description="Days without a GAS score before a goal is evaluation debt.")
    supporter_id: uuid.UUID
    alert_groups: list[AlertGroup]
    goals_without_score: list[DebtItem]
    overdue_actions: list[DebtItem]
    questionnaires: list[DueMeasurement]
    meetings: list[MeetingOverviewItem] = Field(description="Planned meetings in the next seven days.")
    families: list[FamilyAttention] = Field(description="Every family on the caseload, most attention first.")


class AlertAcknowledge(BaseModel):
    note: str | None = Field(default=None, max_length=1000, description="What you did, e.g. 'teruggebeld'.")


class AlertNotePublic(BaseModel):
    id: uuid.UUID
    alert_id: uuid.UUID
    text: str
    author_name: str | None
    created_at: datetime


class AcknowledgedAlert(BaseModel):
    alert_id: uuid.UUID
    acknowledged_at: datetime
    acknowledged_by_name: str | None
    note: AlertNotePublic | None


class TeamMember(BaseModel):
    supporter_id: uuid.UUID | None = Field(description="Null: families without a supporter.")
    supporter_name: str | None
    caseload: int = Field(description="Families on the caseload that are not closed.")
    over_norm: bool
    families_with_debt: int
    goals_without_score: int
    overdue_actions: int
    measurements_due: int
    open_alerts: int
    flagged_meetings: int = Field(
        description="Planned meetings in the next four weeks with a missing player."
    )


class Team(BaseModel):
    on: date
    caseload_norm: int = Field(description="Families per supporter (BONDGENOOT_CASELOAD_NORM).")
    threshold_days: int
    members: list[TeamMember] = Field(
        description="A page of supporters, heaviest caseload first; the first page starts with the families "
        "without an active supporter."
    )
    next_cursor: str | None = Field(
        default=None, description="More supporters follow: pass this as `cursor` (`limit` supporters a page)."
    )


class Reassign(BaseModel):
    supporter_id: uuid.UUID
    note: str | None = Field(default=None, max_length=1000)


class SupporterChangePublic(BaseModel):
    id: uuid.UUID | None = Field(
        description="Null when the family already had this supporter (nothing changed)."
    )
    changed: bool
    family_id: uuid.UUID
    from_supporter_id: uuid.UUID | None
    from_supporter_name: str | None
    to_supporter_id: uuid.UUID
    to_supporter_name: str | None
    note: str | None
    changed_at: datetime
