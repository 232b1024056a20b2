"""The family in the lead: network contacts' links, per-contact consent, and the family's proposals."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel

from api.models.base import created_at_field, enum_type, id_field, timestamp_field
from api.models.checkins import PersonalLink


class ContactLink(PersonalLink, table=True):
    """A network contact's personal link (a member's link's rules: keyed hashes, code, lockout)."""

    __tablename__ = "contact_link"

    contact_id: uuid.UUID = Field(foreign_key="network_contact.id", index=True)


class ContactConsent(SQLModel, table=True):
    """What the family agreed one network contact may see beyond their own actions and meetings."""

    __tablename__ = "contact_consent"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    contact_id: uuid.UUID = Field(foreign_key="network_contact.id", unique=True)
    plan: bool = False  # the family's goals and every action
    summaries: bool = False  # summaries of meetings the contact did not attend
    checkin_trend: bool = False  # the family members' check-in trend
    recorded_by: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    recorded_at: datetime | None = timestamp_field()
    version: int = 1


class ProposalKind(StrEnum):
    goal = "goal"  # a new goal in the family's own words
    comment = "comment"  # a short comment on a goal


class ProposalStatus(StrEnum):
    open = "open"  # waiting for the supporter
    on_agenda = "on_agenda"  # taken to the next meeting
    handled = "handled"  # discussed, with an answer back to the family


class FamilyProposal(SQLModel, table=True):
    """A family member's proposal or comment: an item for the table, it never changes the plan by itself."""

    __tablename__ = "family_proposal"

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    goal_id: uuid.UUID | None = Field(default=None, foreign_key="goal.id")
    member_id: uuid.UUID = Field(foreign_key="family_member.id")
    link_id: uuid.UUID | None = Field(default=None, foreign_key="checkin_link.id")
    kind: ProposalKind = Field(sa_type=enum_type(ProposalKind, 20))
    text: str = Field(max_length=500)
    status: ProposalStatus = Field(
        default=ProposalStatus.open, sa_type=enum_type(ProposalStatus, 20), index=True
    )
    meeting_id: uuid.UUID | None = Field(default=None, foreign_key="meeting.id")
    answer: str | None = Field(default=None, max_length=500)
    handled_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    handled_at: datetime | None = timestamp_field()
    version: int = 1
    created_at: datetime = created_at_field()
