"""rollup of each meeting's flag count (crucial players missing), for the flagged-meeting lists

Revision ID: 0024
Revises: 0022, 0023
Create Date: 2026-12-07 15:00:00

Starts empty; `bondgenoot migrate` rebuilds the rollups when this one is empty and meetings exist
(README, "Cohort and funder rollups").
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from api.models.base import UTCDateTime

revision: str = "0024"
down_revision: str | Sequence[str] | None = ("0022", "0023")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

FLAGGED = sa.text("flag_count > 0")


def upgrade() -> None:
    op.create_table(
        "rollup_meeting_flag",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", UTCDateTime(timezone=True), nullable=False),
        sa.Column("status", sa.String(length=20), nullable=False),
        sa.Column("flag_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", name=op.f("pk_rollup_meeting_flag")),
    )
    op.create_index(
        "ix_rollup_meeting_flag_flagged_starts",
        "rollup_meeting_flag",
        ["starts_at", "meeting_id"],
        postgresql_where=FLAGGED,
        sqlite_where=FLAGGED,
        postgresql_include=["family_id", "status"],
    )
    op.create_index("ix_rollup_meeting_flag_family", "rollup_meeting_flag", ["family_id"])


def downgrade() -> None:
    op.drop_index("ix_rollup_meeting_flag_family", table_name="rollup_meeting_flag")
    op.drop_index("ix_rollup_meeting_flag_flagged_starts", table_name="rollup_meeting_flag")
    op.drop_table("rollup_meeting_flag")
