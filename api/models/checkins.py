"""Check-ins from a phone: personal links, the check-ins themselves, alerts, and rate-limit hits."""

import uuid
from datetime import datetime
from enum import StrEnum

from sqlalchemy import JSON, Index, text
from sqlmodel import Field, Relationship, SQLModel

from api.models.base import UTCDateTime, created_at_field, id_field, timestamp_field, utcnow
from api.models.family import Family, FamilyMember
from api.models.organisation import User


class CheckinNeed(StrEnum):
    """What a family member can tick as needed now (the phone page shows them as pictograms)."""

    talk = "talk"
    practical_help = "practical_help"
    respite = "respite"
    money_paperwork = "money_paperwork"
    school_work = "school_work"
    call_me = "call_me"


class AlertReason(StrEnum):
    high_care_burden = "high_care_burden"
    wellbeing_drop = "wellbeing_drop"
    asked_for_call = "asked_for_call"


class PersonalLink(SQLModel):
    """The columns of a personal link (a member's check-in link, a contact's link): only keyed hashes of its
    token and code are stored; wrong codes lock it, and staff revoke it."""

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    token_digest: str = Field(max_length=64, unique=True)
    code_digest: str = Field(max_length=64)
    failed_attempts: int = 0
    locked_at: datetime | None = timestamp_field()
    expires_at: datetime = Field(sa_type=UTCDateTime, nullable=False)
    revoked_at: datetime | None = timestamp_field()
    revoked_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    last_used_at: datetime | None = timestamp_field()
    created_at: datetime = created_at_field()


class CheckinLink(PersonalLink, table=True):
    """A personal link for one family member."""

    __tablename__ = "checkin_link"

    member_id: uuid.UUID = Field(foreign_key="family_member.id", index=True)

    member: FamilyMember = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class Checkin(SQLModel, table=True):
    """A family member's one-minute update."""

    __tablename__ = "checkin"
    __table_args__ = (
        # the organisation's last weeks as one range (index-only); a family's latest check-in
        Index("ix_checkin_organisation_checked", "organisation_id", "checked_in_at", "family_id"),
        Index("ix_checkin_family_checked", "family_id", "checked_in_at"),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    member_id: uuid.UUID = Field(foreign_key="family_member.id", index=True)
    link_id: uuid.UUID = Field(foreign_key="checkin_link.id", index=True)
    wellbeing: int
    care_burden: int
    needs: list[str] = Field(default_factory=list, sa_type=JSON)
    needs_text: str | None = Field(default=None, max_length=500)
    message: str | None = Field(default=None, max_length=1000)
    # When the member made it (a check-in kept offline arrives later), and when the server got it.
    checked_in_at: datetime = Field(sa_type=UTCDateTime, nullable=False, index=True)
    received_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)

    member: FamilyMember = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class CheckinAlert(SQLModel, table=True):
    """A check-in that crossed a threshold; it stays open until a supporter acknowledges it."""

    __tablename__ = "checkin_alert"
    __table_args__ = (
        Index(  # the open alerts of an organisation, per family
            "ix_checkin_alert_open",
            "organisation_id",
            "family_id",
            postgresql_where=text("acknowledged_at IS NULL"),
            sqlite_where=text("acknowledged_at IS NULL"),
        ),
    )

    id: uuid.UUID = id_field()
    organisation_id: uuid.UUID = Field(foreign_key="organisation.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    member_id: uuid.UUID = Field(foreign_key="family_member.id", index=True)
    checkin_id: uuid.UUID = Field(foreign_key="checkin.id", unique=True)
    reasons: list[str] = Field(default_factory=list, sa_type=JSON)
    previous_wellbeing: int | None = None
    raised_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
    acknowledged_at: datetime | None = timestamp_field(index=True)
    acknowledged_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")

    checkin: Checkin = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    family: Family = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    member: FamilyMember = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    acknowledged_by: User | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class CheckinRequest(SQLModel, table=True):
    """A request to a public check-in endpoint, keyed by hashes of link and address (rate limits)."""

    __tablename__ = "checkin_request"

    id: uuid.UUID = id_field()
    link_key: str | None = Field(default=None, max_length=64, index=True)
    address_key: str = Field(max_length=64, index=True)
    occurred_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False, index=True)
