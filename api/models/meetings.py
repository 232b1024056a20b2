"""Roundtable meetings (rondetafeloverleg): participants, agenda, decisions; and family status changes."""

import uuid
from datetime import datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, Index, UniqueConstraint
from sqlmodel import Field, Relationship, SQLModel

from api.models.base import UTCDateTime, created_at_field, enum_type, id_field, timestamp_field, utcnow
from api.models.family import FamilyMember, FamilyStatus, NetworkContact
from api.models.organisation import User


class MeetingStatus(StrEnum):
    planned = "planned"
    held = "held"
    cancelled = "cancelled"


class ParticipantKind(StrEnum):
    member = "member"
    contact = "contact"
    staff = "staff"
    guest = "guest"


class InvitationStatus(StrEnum):
    not_invited = "not_invited"
    invited = "invited"
    accepted = "accepted"
    declined = "declined"


class Attendance(StrEnum):
    present = "present"
    absent = "absent"
    excused = "excused"


class AgendaItemKind(StrEnum):
    goal_review = "goal_review"
    open_action = "open_action"
    unconfirmed_action = "unconfirmed_action"
    free = "free"


class DecisionKind(StrEnum):
    add_goal = "add_goal"
    change_goal = "change_goal"
    add_action = "add_action"
    confirm_action = "confirm_action"
    adopt_plan = "adopt_plan"
    note = "note"


class Meeting(SQLModel, table=True):
    __tablename__ = "meeting"
    # A family's meetings in a period (cohort and funder outcomes, migration 0016).
    __table_args__ = (Index("ix_meeting_family_starts", "family_id", "starts_at"),)

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id")
    # RFC 5545 UID: stable for the meeting's life, so calendars replace instead of duplicating.
    uid: str = Field(max_length=255, unique=True)
    sequence: int = 0
    starts_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    ends_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    place: str | None = Field(default=None, max_length=200)
    video_url: str | None = Field(default=None, max_length=500)
    chair_user_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    # A participant of this meeting (no foreign key: the participant row points back at the meeting).
    chair_participant_id: uuid.UUID | None = None
    status: MeetingStatus = Field(
        default=MeetingStatus.planned, sa_type=enum_type(MeetingStatus, 20), index=True
    )
    minutes: str | None = Field(default=None, max_length=20000)
    cancel_reason: str | None = Field(default=None, max_length=500)
    # Frozen at close: who was missing then, so later plan changes do not rewrite history.
    closing_flags: list[dict[str, Any]] | None = Field(default=None, sa_type=JSON)
    plan_version_id: uuid.UUID | None = Field(default=None, foreign_key="plan_version.id")
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    closed_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    closed_at: datetime | None = timestamp_field()
    cancelled_at: datetime | None = timestamp_field()
    version: int = 1
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class MeetingParticipant(SQLModel, table=True):
    __tablename__ = "meeting_participant"
    __table_args__ = (
        UniqueConstraint("meeting_id", "member_id", name="uq_meeting_participant_member"),
        UniqueConstraint("meeting_id", "contact_id", name="uq_meeting_participant_contact"),
        UniqueConstraint("meeting_id", "user_id", name="uq_meeting_participant_user"),
    )

    id: uuid.UUID = id_field()
    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    kind: ParticipantKind = Field(sa_type=enum_type(ParticipantKind, 20))
    member_id: uuid.UUID | None = Field(default=None, foreign_key="family_member.id")
    contact_id: uuid.UUID | None = Field(default=None, foreign_key="network_contact.id")
    user_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    # Only for a guest (a professional without a record); others take their name from the record.
    name: str | None = Field(default=None, max_length=200)
    organisation: str | None = Field(default=None, max_length=200)
    role: str | None = Field(default=None, max_length=120)
    email: str | None = Field(default=None, max_length=254)
    invitation: InvitationStatus = Field(
        default=InvitationStatus.invited, sa_type=enum_type(InvitationStatus, 20)
    )
    attendance: Attendance | None = Field(default=None, sa_type=enum_type(Attendance, 20))
    created_at: datetime = created_at_field()

    member: FamilyMember | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    contact: NetworkContact | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    user: User | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class MeetingAgendaItem(SQLModel, table=True):
    __tablename__ = "meeting_agenda_item"

    id: uuid.UUID = id_field()
    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    position: int
    kind: AgendaItemKind = Field(sa_type=enum_type(AgendaItemKind, 30))
    title: str = Field(max_length=300)
    note: str | None = Field(default=None, max_length=2000)
    goal_id: uuid.UUID | None = None
    action_id: uuid.UUID | None = None
    created_at: datetime = created_at_field()


class MeetingDecision(SQLModel, table=True):
    __tablename__ = "meeting_decision"

    id: uuid.UUID = id_field()
    meeting_id: uuid.UUID = Field(foreign_key="meeting.id", index=True)
    position: int
    kind: DecisionKind = Field(sa_type=enum_type(DecisionKind, 30))
    # What was decided, as the table said it (shown in the minutes and the family's summary).
    text: str = Field(max_length=1000)
    # The validated details for the plan change (see api/meetings/schemas.py, DecisionPayload).
    payload: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)
    applied_at: datetime | None = timestamp_field()
    # The goal, action or plan version this decision created or changed, once applied.
    result_id: uuid.UUID | None = None
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = created_at_field()


class FamilyStatusChange(SQLModel, table=True):
    """One move of a family's status (intake → active …), for the family's timeline."""

    __tablename__ = "family_status_change"
    __table_args__ = (Index("ix_family_status_change_family_changed", "family_id", "changed_at"),)

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    from_status: FamilyStatus = Field(sa_type=enum_type(FamilyStatus, 20))
    to_status: FamilyStatus = Field(sa_type=enum_type(FamilyStatus, 20))
    changed_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    changed_at: datetime = created_at_field()
