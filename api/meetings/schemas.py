"""Request and response models for roundtable meetings, their participants, agenda and flags."""

import uuid
from datetime import datetime, timedelta
from typing import Annotated, Self

from pydantic import BaseModel, Field, StringConstraints, field_validator, model_validator

from api.core.types import Email, Input, Name, ShortText
from api.meetings.clock import as_utc
from api.meetings.decision_schemas import DecisionPublic
from api.models import (
    AgendaItemKind,
    Attendance,
    InvitationStatus,
    MeetingStatus,
    ParticipantKind,
)
from api.models.base import AMSTERDAM

Place = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
VideoUrl = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=500, pattern=r"^https://[^\s/$.?#][^\s]*$")
]
Minutes = Annotated[str, StringConstraints(strip_whitespace=True, max_length=20000)]
Reason = Annotated[str, StringConstraints(strip_whitespace=True, max_length=500)]
AgendaTitle = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=300)]
AgendaNote = Annotated[str, StringConstraints(strip_whitespace=True, max_length=2000)]
Organisation = Annotated[str, StringConstraints(strip_whitespace=True, max_length=200)]
MAX_DURATION = timedelta(hours=12)
TIME_NOTE = "An aware time, or a local time without offset, which is read as Europe/Amsterdam."


class ParticipantCreate(Input):
    """Someone at the table: a family member, network contact, staff user, or guest (ad-hoc professional)."""

    kind: ParticipantKind
    member_id: uuid.UUID | None = Field(default=None, description="For `member`.")
    contact_id: uuid.UUID | None = Field(default=None, description="For `contact`.")
    user_id: uuid.UUID | None = Field(default=None, description="For `staff` (a user of your organisation).")
    name: Name | None = Field(default=None, description="For `guest` (required there).")
    organisation: Organisation | None = Field(default=None, examples=["Wijkteam Noord"])
    role: ShortText | None = Field(default=None, examples=["jeugdarts"])
    email: Email | None = Field(default=None, description="For `guest` only; others have it on their record.")
    invitation: InvitationStatus = InvitationStatus.invited

    @model_validator(mode="after")
    def _fields_fit_the_kind(self) -> Self:
        needed = {
            ParticipantKind.member: "member_id",
            ParticipantKind.contact: "contact_id",
            ParticipantKind.staff: "user_id",
            ParticipantKind.guest: "name",
        }[self.kind]
        if getattr(self, needed) is None:
            raise ValueError(f"{needed} is required for a {self.kind.value}")
        for other in {"member_id", "contact_id", "user_id", "name"} - {needed}:
            if getattr(self, other) is not None:
                raise ValueError(f"{other} does not belong to a {self.kind.value}")
        if self.email is not None and self.kind != ParticipantKind.guest:
            raise ValueError("email is only kept for a guest")
        return self


class ParticipantUpdate(Input):
    invitation: InvitationStatus | None = None
    attendance: Attendance | None = None
    name: Name | None = Field(default=None, description="Guests only.")
    organisation: Organisation | None = None
    role: ShortText | None = None
    email: Email | None = Field(default=None, description="Guests only.")


class AttendanceItem(Input):
    participant_id: uuid.UUID
    attendance: Attendance


class AttendanceUpdate(Input):
    """Who came, for many participants at once (the chair ticks the list)."""

    items: list[AttendanceItem] = Field(min_length=1, max_length=100)


class MeetingCreate(Input):
    starts_at: datetime = Field(description=TIME_NOTE, examples=["2026-12-03T14:00:00+01:00"])
    ends_at: datetime | None = Field(default=None, description=TIME_NOTE + " Default: 90 minutes later.")
    place: Place | None = Field(default=None, examples=["Wijkcentrum De Linde, zaal 2"])
    video_url: VideoUrl | None = Field(default=None, description="An https link to the video call.")
    chair_user_id: uuid.UUID | None = Field(
        default=None, description="A staff user of your organisation; default: you."
    )
    participants: list[ParticipantCreate] = Field(
        default_factory=list,
        max_length=50,
        description="Invited at once. The chair and the family's supporter are added as staff participants.",
    )

    @field_validator("starts_at", "ends_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value) if value is not None else None

    @model_validator(mode="after")
    def _ends_after_start(self) -> Self:
        if self.ends_at is None:
            self.ends_at = self.starts_at + timedelta(minutes=90)
        check_duration(self.starts_at, self.ends_at)
        return self


class MeetingUpdate(Input):
    starts_at: datetime | None = Field(default=None, description=TIME_NOTE)
    ends_at: datetime | None = Field(default=None, description=TIME_NOTE)
    place: Place | None = None
    video_url: VideoUrl | None = None
    chair_user_id: uuid.UUID | None = None
    chair_participant_id: uuid.UUID | None = Field(
        default=None, description="A participant of this meeting chairs (clears chair_user_id)."
    )
    minutes: Minutes | None = Field(
        default=None, description="May still be written after the meeting closed."
    )

    @field_validator("starts_at", "ends_at")
    @classmethod
    def _utc(cls, value: datetime | None) -> datetime | None:
        return as_utc(value) if value is not None else None


def check_duration(starts_at: datetime, ends_at: datetime) -> None:
    if not starts_at < ends_at <= starts_at + MAX_DURATION:
        raise ValueError("ends_at must be after starts_at and at most 12 hours later")


class MeetingCancel(Input):
    reason: Reason | None = Field(default=None, examples=["De moeder is ziek; we plannen opnieuw."])


class MeetingClose(Input):
    minutes: Minutes | None = Field(default=None, description="The minutes; kept when left out.")


class AgendaItemCreate(Input):
    title: AgendaTitle = Field(examples=["Vervoer naar dagbesteding"])
    note: AgendaNote | None = None


class AgendaItemUpdate(Input):
    title: AgendaTitle | None = None
    note: AgendaNote | None = Field(default=None, description="What was said about this item.")
    position: int | None = Field(default=None, ge=0, le=1000)


class AgendaItemPublic(BaseModel):
    id: uuid.UUID
    position: int
    kind: AgendaItemKind = Field(
        description="goal_review / open_action / unconfirmed_action come from the plan; free was added."
    )
    title: str
    note: str | None
    goal_id: uuid.UUID | None
    action_id: uuid.UUID | None


class ParticipantPublic(BaseModel):
    id: uuid.UUID
    kind: ParticipantKind
    member_id: uuid.UUID | None
    contact_id: uuid.UUID | None
    user_id: uuid.UUID | None
    name: str = Field(description="Resolved from the member, contact or user record.")
    organisation: str | None
    role: str | None = Field(description="As entered, or from the record (e.g. parent, wijkteam, supporter).")
    email: str | None = Field(description="Guests only.")
    invitation: InvitationStatus
    attendance: Attendance | None
    is_chair: bool
    is_crucial: bool = Field(description="Owns an open action or is linked to an active goal.")


class FlagPerson(BaseModel):
    kind: ParticipantKind
    id: uuid.UUID | None = Field(description="The member, contact or user id (null for a named person).")
    name: str
    participant_id: uuid.UUID | None = Field(description="Null when not on the participant list at all.")


class MeetingFlag(BaseModel):
    reason: str = Field(description="not_invited, declined or did_not_attend.", examples=["not_invited"])
    person: FlagPerson
    because: list[str] = Field(description="Why this person is crucial (Dutch, for the screen).")
    message: str = Field(description="One line, Dutch / English.")


class MeetingPublic(BaseModel):
    id: uuid.UUID
    family_id: uuid.UUID
    family_reference: str
    status: MeetingStatus
    starts_at: datetime = Field(description="UTC.")
    ends_at: datetime = Field(description="UTC.")
    local_starts_at: str = Field(description="Europe/Amsterdam wall time with offset (ISO 8601).")
    local_ends_at: str
    timezone: str = str(AMSTERDAM)
    place: str | None
    video_url: str | None
    chair_name: str | None
    participant_count: int
    present_count: int
    flag_count: int
    sequence: int = Field(description="iCalendar SEQUENCE: goes up on every change of time, place or status.")
    version: int
    closed_at: datetime | None
    cancelled_at: datetime | None


class MeetingOverviewItem(MeetingPublic):
    family_display_name: str
    supporter_id: uuid.UUID | None
    supporter_name: str | None
    flags: list[MeetingFlag]


class MeetingDetail(MeetingPublic):
    """Everything the chair needs on the screen: who is (not) there, the agenda, the decisions, the flags."""

    chair_user_id: uuid.UUID | None
    chair_participant_id: uuid.UUID | None
    minutes: str | None
    cancel_reason: str | None
    plan_version_id: uuid.UUID | None = Field(description="The plan version adopted at this meeting.")
    invited_count: int = Field(description="Participants invited or who accepted.")
    participants: list[ParticipantPublic]
    agenda: list[AgendaItemPublic]
    decisions: list[DecisionPublic]
    flags: list[MeetingFlag] = Field(description="Crucial players missing (frozen when the meeting closed).")
    created_at: datetime
    updated_at: datetime
