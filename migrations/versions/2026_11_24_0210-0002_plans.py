"""plans: life domains, one living plan per family, goals with GAS ladders, scores, actions, frozen versions

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 02:10:00
"""

import uuid
from collections.abc import Sequence
from datetime import UTC, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = "0002"
down_revision: str | Sequence[str] | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# The brief's life domains, with the same stable ids as api.models.plans.life_domain_id().
LIFE_DOMAIN_NAMESPACE = uuid.UUID("6c1f3a52-8f0e-4d5b-9a37-2f4b7d1e0c11")
LIFE_DOMAINS = [
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


def upgrade() -> None:
    op.create_table(
        "life_domain",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("code", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("label_nl", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("label_en", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_life_domain")),
        sa.UniqueConstraint("code", name=op.f("uq_life_domain_code")),
    )
    op.create_table(
        "plan",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("adopted_count", sa.Integer(), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_plan_family_id_family")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan")),
        sa.UniqueConstraint("family_id", name=op.f("uq_plan_family_id")),
    )
    op.create_table(
        "goal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column("life_domain_id", sa.Uuid(), nullable=False),
        sa.Column("priority", sa.Integer(), nullable=False),
        sa.Column("target_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum(
                "proposed",
                "active",
                "achieved",
                "discontinued",
                name="goalstatus",
                native_enum=False,
                length=20,
            ),
            nullable=False,
        ),
        sa.Column("activated_on", sa.Date(), nullable=True),
        sa.Column("level_minus_2", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("level_minus_1", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("level_0", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("level_plus_1", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("level_plus_2", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("baseline_level", sa.Integer(), nullable=True),
        sa.Column("weight", sa.Float(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("baseline_level BETWEEN -2 AND 2", name=op.f("ck_goal_baseline_level_range")),
        sa.CheckConstraint("weight > 0", name=op.f("ck_goal_weight_positive")),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_goal_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_goal_family_id_family")),
        sa.ForeignKeyConstraint(
            ["life_domain_id"], ["life_domain.id"], name=op.f("fk_goal_life_domain_id_life_domain")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_goal_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_goal")),
    )
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_life_domain_id"), ["life_domain_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_goal_status"), ["status"], unique=False)

    op.create_table(
        "plan_version",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("draft_revision", sa.Integer(), nullable=False),
        sa.Column("adopted_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("adopted_by_id", sa.Uuid(), nullable=True),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("gas_t_score", sa.Float(), nullable=True),
        sa.Column("snapshot", sa.JSON(), nullable=False),
        sa.ForeignKeyConstraint(
            ["adopted_by_id"], ["app_user.id"], name=op.f("fk_plan_version_adopted_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_plan_version_family_id_family")),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_version_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_version")),
        sa.UniqueConstraint("plan_id", "number", name="uq_plan_version_plan_number"),
    )
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_version_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_version_plan_id"), ["plan_id"], unique=False)

    op.create_table(
        "gas_score",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("scored_on", sa.Date(), nullable=False),
        sa.Column("level", sa.Integer(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("scored_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.CheckConstraint("level BETWEEN -2 AND 2", name=op.f("ck_gas_score_level_range")),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_gas_score_family_id_family")),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_gas_score_goal_id_goal")),
        sa.ForeignKeyConstraint(
            ["scored_by_id"], ["app_user.id"], name=op.f("fk_gas_score_scored_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_gas_score")),
    )
    with op.batch_alter_table("gas_score", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_gas_score_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_gas_score_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_gas_score_scored_on"), ["scored_on"], unique=False)

    op.create_table(
        "goal_member",
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_goal_member_goal_id_goal")),
        sa.ForeignKeyConstraint(
            ["member_id"], ["family_member.id"], name=op.f("fk_goal_member_member_id_family_member")
        ),
        sa.PrimaryKeyConstraint("goal_id", "member_id", name=op.f("pk_goal_member")),
    )
    with op.batch_alter_table("goal_member", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_goal_member_member_id"), ["member_id"], unique=False)

    op.create_table(
        "plan_action",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("plan_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("goal_id", sa.Uuid(), nullable=False),
        sa.Column("description", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
        sa.Column(
            "owner_type",
            sa.Enum(
                "member", "contact", "supporter", "person", name="ownertype", native_enum=False, length=20
            ),
            nullable=False,
        ),
        sa.Column("owner_member_id", sa.Uuid(), nullable=True),
        sa.Column("owner_contact_id", sa.Uuid(), nullable=True),
        sa.Column("owner_user_id", sa.Uuid(), nullable=True),
        sa.Column("owner_name", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column(
            "status",
            sa.Enum("open", "done", "cancelled", name="actionstatus", native_enum=False, length=20),
            nullable=False,
        ),
        sa.Column("completed_on", sa.Date(), nullable=True),
        sa.Column("agreed_at_table", sa.Boolean(), nullable=False),
        sa.Column("agreed_at_meeting_id", sa.Uuid(), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("updated_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_plan_action_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_plan_action_family_id_family")),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_plan_action_goal_id_goal")),
        sa.ForeignKeyConstraint(
            ["owner_contact_id"],
            ["network_contact.id"],
            name=op.f("fk_plan_action_owner_contact_id_network_contact"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_member_id"],
            ["family_member.id"],
            name=op.f("fk_plan_action_owner_member_id_family_member"),
        ),
        sa.ForeignKeyConstraint(
            ["owner_user_id"], ["app_user.id"], name=op.f("fk_plan_action_owner_user_id_app_user")
        ),
        sa.ForeignKeyConstraint(["plan_id"], ["plan.id"], name=op.f("fk_plan_action_plan_id_plan")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_plan_action")),
    )
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_plan_action_due_on"), ["due_on"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_action_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_action_goal_id"), ["goal_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_action_plan_id"), ["plan_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_plan_action_status"), ["status"], unique=False)

    life_domain = sa.table(
        "life_domain",
        sa.column("id", sa.Uuid()),
        sa.column("code", sa.String()),
        sa.column("label_nl", sa.String()),
        sa.column("label_en", sa.String()),
        sa.column("position", sa.Integer()),
        sa.column("created_at", api.models.base.UTCDateTime(timezone=True)),
    )
    now = datetime.now(UTC)
    op.bulk_insert(
        life_domain,
        [
            {
                "id": uuid.uuid5(LIFE_DOMAIN_NAMESPACE, code),
                "code": code,
                "label_nl": label_nl,
                "label_en": label_en,
                "position": (index + 1) * 10,
                "created_at": now,
            }
            for index, (code, label_nl, label_en) in enumerate(LIFE_DOMAINS)
        ],
    )


def downgrade() -> None:
    with op.batch_alter_table("plan_action", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_action_status"))
        batch_op.drop_index(batch_op.f("ix_plan_action_plan_id"))
        batch_op.drop_index(batch_op.f("ix_plan_action_goal_id"))
        batch_op.drop_index(batch_op.f("ix_plan_action_family_id"))
        batch_op.drop_index(batch_op.f("ix_plan_action_due_on"))

    op.drop_table("plan_action")
    with op.batch_alter_table("goal_member", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_member_member_id"))

    op.drop_table("goal_member")
    with op.batch_alter_table("gas_score", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_gas_score_scored_on"))
        batch_op.drop_index(batch_op.f("ix_gas_score_goal_id"))
        batch_op.drop_index(batch_op.f("ix_gas_score_family_id"))

    op.drop_table("gas_score")
    with op.batch_alter_table("plan_version", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_plan_version_plan_id"))
        batch_op.drop_index(batch_op.f("ix_plan_version_family_id"))

    op.drop_table("plan_version")
    with op.batch_alter_table("goal", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_goal_status"))
        batch_op.drop_index(batch_op.f("ix_goal_plan_id"))
        batch_op.drop_index(batch_op.f("ix_goal_life_domain_id"))
        batch_op.drop_index(batch_op.f("ix_goal_family_id"))

    op.drop_table("goal")
    op.drop_table("plan")
    op.drop_table("life_domain")
