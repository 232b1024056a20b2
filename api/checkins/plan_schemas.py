"""What a family member's or a network contact's phone reads and writes about the family plan."""

import uuid
from datetime import date, datetime
from typing import Annotated, Literal

from pydantic import BaseModel, Field, StringConstraints

from api.core.types import Input
from api.measurements.definitions import LocalizedText
from api.meetings.summary import Agreement
from api.models import ActionStatus, GoalStatus, ProposalKind, ProposalStatus

PhoneText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=500)]


class PhoneAction(BaseModel):
    id: uuid.UUID
    goal_id: uuid.UUID
    description: str
    who: str | None = Field(description="The owner's name (first names for family and network).")
    due_on: date | None
    status: ActionStatus
    mine: bool = Field(description="The reader owns it, so the reader may mark it done.")


class LadderStep(BaseModel):
    level: int = Field(ge=-2, le=2)
    text: str


class PhoneProposal(BaseModel):
    id: uuid.UUID
    kind: ProposalKind
    goal_id: uuid.UUID | None
    text: str
    status: ProposalStatus
    answer: str | None = Field(description="The supporter's answer back, once discussed.")
    created_at: datetime


class PhoneGoal(BaseModel):
    id: uuid.UUID
    text: str = Field(description="The goal in the family's own words.")
    domain: LocalizedText
    status: GoalStatus
    target_on: date | None
    level: int | None = Field(
        description="Where the goal stands now on its ladder (-2 … +2), never a T-score."
    )
    level_text: str | None = Field(description="The ladder's words for where the goal stands now.")
    scored_on: date | None
    ladder: list[LadderStep]
    actions: list[PhoneAction]
    comments: list[PhoneProposal]


class PhoneMeetingSummary(BaseModel):
    meeting_id: uuid.UUID
    starts_at: datetime
    title: str
    when: str
    decisions: list[str]
    agreements: list[Agreement]
    plan_adopted: str | None


class PhoneNextMeeting(BaseModel):
    meeting_id: uuid.UUID
    starts_at: datetime
    ends_at: datetime
    when: str = Field(examples=["dinsdag 3 december 2026, van 14.00 tot 15.30 uur"])
    where: str | None
    video_url: str | None
    agenda: list[str]
    invited: bool = Field(description="The reader is on the list of participants.")


class PhoneConsent(BaseModel):
    """For a network contact: what the family agreed this contact may see (a member sees it all)."""

    plan: bool
    summaries: bool
    checkin_trend: bool


class PhoneTrendPoint(BaseModel):
    checked_in_at: datetime
    wellbeing: int
    care_burden: int


class PhonePlan(BaseModel):
    """The family's plan on the phone; what a network contact gets depends on the family's consent."""

    party: Literal["member", "contact"]
    reader_first_name: str
    supporter_first_name: str | None
    updated_at: datetime | None = Field(description="When the plan last changed (for 'last loaded' offline).")
    goals: list[PhoneGoal]
    my_actions: list[PhoneAction]
    proposals: list[PhoneProposal] = Field(
        description="New goals the family proposed, with where they stand."
    )
    summaries: list[PhoneMeetingSummary] = Field(
        description="The last meeting (a contact: meetings attended)."
    )
    next_meeting: PhoneNextMeeting | None
    consent: PhoneConsent | None
    checkin_trend: list[PhoneTrendPoint]


class ActionStatusUpdate(Input):
    status: Literal["open", "done"]


class ProposalCreate(Input):
    kind: ProposalKind
    text: PhoneText
    goal_id: uuid.UUID | None = Field(
        default=None, description="Required for a comment: the goal it is about."
    )
