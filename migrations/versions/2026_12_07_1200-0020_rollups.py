"""per-family rollups for the cohort and funder outcomes: status intervals, GAS T-score timeline, scale changes

Revision ID: 0020
Revises: 0014, 0016, 0019
Create Date: 2026-12-07 12:00:00

The tables start empty; `bondgenoot migrate` fills them from the raw data when they are empty and families
exist (`bondgenoot rollups rebuild` does the same on demand; README, "Cohort and funder rollups").
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from api.models.base import UTCDateTime

revision: str = "0020"
down_revision: str | Sequence[str] | None = ("0014", "0016", "0019")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rollup_family_status",
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("position", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("since", UTCDateTime(timezone=True), nullable=True),
        sa.Column("until", UTCDateTime(timezone=True), nullable=True),
        sa.PrimaryKeyConstraint("family_id", "position", name=op.f("pk_rollup_family_status")),
    )
    op.create_table(
        "rollup_gas",
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("since_on", sa.Date(), nullable=False),
        sa.Column("until_on", sa.Date(), nullable=True),
        sa.Column("t_score", sa.Float(), nullable=True),
        sa.PrimaryKeyConstraint("family_id", "since_on", name=op.f("pk_rollup_gas")),
    )
    op.create_table(
        "rollup_scale_change",
        sa.Column("measurement_id", sa.Uuid(), nullable=False),
        sa.Column("scale_code", sa.String(length=40), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("respondent_id", sa.Uuid(), nullable=False),
        sa.Column("instrument_code", sa.String(length=40), nullable=False),
        sa.Column("wave", sa.String(length=20), nullable=True),
        sa.Column("completed_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("change_from_t0", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("measurement_id", "scale_code", name=op.f("pk_rollup_scale_change")),
    )
    # Covering on PostgreSQL (INCLUDE): a scope's rows come from the index alone after a VACUUM.
    op.create_index(
        "ix_rollup_family_status_family",
        "rollup_family_status",
        ["family_id"],
        postgresql_include=["status", "since", "until"],
    )
    op.create_index(
        "ix_rollup_gas_family_since",
        "rollup_gas",
        ["family_id", "since_on"],
        postgresql_include=["until_on", "t_score"],
    )
    op.create_index(
        "ix_rollup_scale_change_family_completed",
        "rollup_scale_change",
        ["family_id", "completed_at"],
        postgresql_include=["respondent_id", "instrument_code", "scale_code", "wave", "change_from_t0"],
    )


def downgrade() -> None:
    op.drop_index("ix_rollup_scale_change_family_completed", table_name="rollup_scale_change")
    op.drop_index("ix_rollup_gas_family_since", table_name="rollup_gas")
    op.drop_index("ix_rollup_family_status_family", table_name="rollup_family_status")
    op.drop_table("rollup_scale_change")
    op.drop_table("rollup_gas")
    op.drop_table("rollup_family_status")
