"""business case: versioned model per organisation and cost events on families

Revision ID: 0009
Revises: 0003, 0004, 0005, 0006
Create Date: 2026-12-07 04:45:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = "0009"
down_revision: str | Sequence[str] | None = ("0003", "0004", "0005", "0006")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "business_case_model",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("definition", sa.JSON(), nullable=False),
        sa.Column("change_note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by_id"], ["app_user.id"], name=op.f("fk_business_case_model_created_by_id_app_user")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_business_case_model_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_business_case_model")),
        sa.UniqueConstraint(
            "organisation_id", "version", name="uq_business_case_model_organisation_version"
        ),
    )
    with op.batch_alter_table("business_case_model", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_business_case_model_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "cost_event",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("factor_code", sqlmodel.sql.sqltypes.AutoString(length=60), nullable=False),
        sa.Column("occurred_on", sa.Date(), nullable=False),
        sa.Column("ended_on", sa.Date(), nullable=True),
        sa.Column("volume_milli", sa.Integer(), nullable=False),
        sa.Column("note", sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
        sa.Column("recorded_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_cost_event_family_id_family")),
        sa.ForeignKeyConstraint(
            ["recorded_by_id"], ["app_user.id"], name=op.f("fk_cost_event_recorded_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_cost_event")),
    )
    with op.batch_alter_table("cost_event", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cost_event_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_cost_event_factor_code"), ["factor_code"], unique=False)
        batch_op.create_index(batch_op.f("ix_cost_event_occurred_on"), ["occurred_on"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("cost_event", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cost_event_occurred_on"))
        batch_op.drop_index(batch_op.f("ix_cost_event_factor_code"))
        batch_op.drop_index(batch_op.f("ix_cost_event_family_id"))
    op.drop_table("cost_event")
    with op.batch_alter_table("business_case_model", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_business_case_model_organisation_id"))
    op.drop_table("business_case_model")
