"""One family, one plan: life domains, the living plan, its goals, GAS scores, actions and frozen versions."""

import uuid
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from sqlalchemy import JSON, CheckConstraint, Index, UniqueConstraint, event, text
from sqlmodel import Field, Relationship, SQLModel

from api.models.base import UTCDateTime, created_at_field, enum_type, id_field, utcnow
from api.models.family import FamilyMember, NetworkContact
from api.models.organisation import User

# Stable ids for the shipped life domains, so every installation (and the tests) agree on them.
LIFE_DOMAIN_NAMESPACE = uuid.UUID("6c1f3a52-8f0e-4d5b-9a37-2f4b7d1e0c11")
LIFE_DOMAINS: list[tuple[str, str, str]] = [
    ("health", "Gezondheid", "Health"),
    ("daily_care", "Dagelijkse zorg", "Daily care"),
    ("education", "Onderwijs", "Education"),
    ("work_income", "Werk en inkomen", "Work and income"),
    ("finances", "Financiën", "Finances"),
    ("housing", "Wonen", "Housing"),
    ("social_network", "Sociaal netwerk", "Social network"),
    ("leisure", "Vrije tijd", "Leisure"),
    ("safety", "Veiligheid", "Safety"),
    ("parenting", "Opvoeding", "Parenting"),
]


def life_domain_id(code: str) -> uuid.UUID:
    """The id of a shipped life domain."""
    return uuid.uuid5(LIFE_DOMAIN_NAMESPACE, code)


class GoalStatus(StrEnum):
    proposed = "proposed"
    active = "active"
    achieved = "achieved"
    discontinued = "discontinued"


class ActionStatus(StrEnum):
    open = "open"
    done = "done"
    cancelled = "cancelled"


class OwnerType(StrEnum):
    """Who carries out an action: a family member, a network contact, a staff user, or a named person."""

    member = "member"
    contact = "contact"
    supporter = "supporter"
    person = "person"


class LifeDomain(SQLModel, table=True):
    __tablename__ = "life_domain"

    id: uuid.UUID = id_field()
    code: str = Field(max_length=40, unique=True)
    label_nl: str = Field(max_length=120)
    label_en: str = Field(max_length=120)
    position: int = 100
    created_at: datetime = created_at_field()


class Plan(SQLModel, table=True):
    """The one living plan of a family; its goals and actions are the draft."""

    __tablename__ = "plan"

    id: uuid.UUID = id_field()
    family_id: uuid.UUID = Field(foreign_key="family.id", unique=True)
    # Bumped on every change to the draft (the plan's ETag); a version records the revision it froze.
    version: int = 1
    adopted_count: int = 0
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)


class PlanVersion(SQLModel, table=True):
    """An adopted, frozen copy of the plan: never changed after it is written."""

    __tablename__ = "plan_version"
    __table_args__ = (UniqueConstraint("plan_id", "number", name="uq_plan_version_plan_number"),)

    id: uuid.UUID = id_field()
    plan_id: uuid.UUID = Field(foreign_key="plan.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    number: int
    draft_revision: int
    adopted_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    adopted_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    meeting_id: uuid.UUID | None = None  # the meetings domain links here; no foreign key until it exists
    note: str | None = Field(default=None, max_length=1000)
    gas_t_score: float | None = None
    snapshot: dict[str, Any] = Field(sa_type=JSON)

    adopted_by: User | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})


@event.listens_for(PlanVersion, "before_update")
def _refuse_changes_to_frozen_versions(*_: Any) -> None:
    # An adopted version is a record of what the table agreed; nothing may rewrite it.
    raise ValueError("an adopted plan version is frozen and cannot be changed")


class Goal(SQLModel, table=True):
    __tablename__ = "goal"
    __table_args__ = (
        CheckConstraint("weight > 0", name="weight_positive"),
        CheckConstraint("baseline_level BETWEEN -2 AND 2", name="baseline_level_range"),
    )

    id: uuid.UUID = id_field()
    plan_id: uuid.UUID = Field(foreign_key="plan.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    text: str = Field(max_length=1000)
    life_domain_id: uuid.UUID = Field(foreign_key="life_domain.id", index=True)
    priority: int = 3
    target_on: date | None = None
    status: GoalStatus = Field(default=GoalStatus.proposed, sa_type=enum_type(GoalStatus, 20), index=True)
    activated_on: date | None = None
    # The GAS ladder: what each level from -2 to +2 looks like, in words (all five, or none yet).
    level_minus_2: str | None = Field(default=None, max_length=500)
    level_minus_1: str | None = Field(default=None, max_length=500)
    level_0: str | None = Field(default=None, max_length=500)
    level_plus_1: str | None = Field(default=None, max_length=500)
    level_plus_2: str | None = Field(default=None, max_length=500)
    baseline_level: int | None = None
    weight: float = 1.0
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    version: int = 1
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)

    life_domain: LifeDomain = Relationship(sa_relationship_kwargs={"lazy": "raise"})
    member_links: list["GoalMember"] = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "cascade": "all, delete-orphan"}
    )


class GoalMember(SQLModel, table=True):
    """A family member a goal concerns."""

    __tablename__ = "goal_member"

    goal_id: uuid.UUID = Field(foreign_key="goal.id", primary_key=True)
    member_id: uuid.UUID = Field(foreign_key="family_member.id", primary_key=True, index=True)


class GasScore(SQLModel, table=True):
    """One Goal Attainment Scaling score: where a goal stood on a date."""

    __tablename__ = "gas_score"
    __table_args__ = (
        CheckConstraint("level BETWEEN -2 AND 2", name="level_range"),
        # A goal's latest score (evaluation debt, GAS) is one index probe.
        Index("ix_gas_score_goal_scored", "goal_id", "scored_on"),
        # A family's scores in a period (cohort and funder outcomes, migration 0016).
        Index("ix_gas_score_family_scored", "family_id", "scored_on"),
    )

    id: uuid.UUID = id_field()
    goal_id: uuid.UUID = Field(foreign_key="goal.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id")
    scored_on: date = Field(index=True)
    level: int
    note: str | None = Field(default=None, max_length=1000)
    scored_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    created_at: datetime = created_at_field()

    scored_by: User | None = Relationship(sa_relationship_kwargs={"lazy": "raise"})


class PlanAction(SQLModel, table=True):
    """What someone does for a goal, by when; flagged until a meeting confirms it."""

    __tablename__ = "plan_action"
    __table_args__ = (
        # Overdue actions of a set of families (evaluation debt): open ones only.
        Index(
            "ix_plan_action_open_due",
            "family_id",
            "due_on",
            postgresql_where=text("status = 'open'"),
            sqlite_where=text("status = 'open'"),
        ),
    )

    id: uuid.UUID = id_field()
    plan_id: uuid.UUID = Field(foreign_key="plan.id", index=True)
    family_id: uuid.UUID = Field(foreign_key="family.id", index=True)
    goal_id: uuid.UUID = Field(foreign_key="goal.id", index=True)
    description: str = Field(max_length=1000)
    owner_type: OwnerType = Field(sa_type=enum_type(OwnerType, 20))
    owner_member_id: uuid.UUID | None = Field(default=None, foreign_key="family_member.id")
    owner_contact_id: uuid.UUID | None = Field(default=None, foreign_key="network_contact.id")
    owner_user_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    owner_name: str | None = Field(default=None, max_length=200)
    due_on: date | None = Field(default=None, index=True)
    status: ActionStatus = Field(default=ActionStatus.open, sa_type=enum_type(ActionStatus, 20), index=True)
    completed_on: date | None = None
    agreed_at_table: bool = False
    agreed_at_meeting_id: uuid.UUID | None = None  # the meetings domain links here; no foreign key yet
    created_by_id: uuid.UUID | None = Field(default=None, foreign_key="app_user.id")
    version: int = 1
    created_at: datetime = created_at_field()
    updated_at: datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)

    owner_member: FamilyMember | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[PlanAction.owner_member_id]"}
    )
    owner_contact: NetworkContact | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[PlanAction.owner_contact_id]"}
    )
    owner_user: User | None = Relationship(
        sa_relationship_kwargs={"lazy": "raise", "foreign_keys": "[PlanAction.owner_user_id]"}
    )
