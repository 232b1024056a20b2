"""rollup of the parties present at each held meeting, for the cohort's and funders' parties at the table

Revision ID: 0023
Revises: 0020
Create Date: 2026-12-07 12:30:00

Starts empty; `bondgenoot migrate` rebuilds the rollups when this one is empty and meetings were held
(README, "Cohort and funder rollups").
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from api.models.base import UTCDateTime

revision: str = "0023"
down_revision: str | Sequence[str] | None = "0020"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "rollup_meeting_party",
        sa.Column("meeting_id", sa.Uuid(), nullable=False),
        sa.Column("party", sa.String(length=40), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("starts_at", UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", "party", name=op.f("pk_rollup_meeting_party")),
    )
    op.create_index(
        "ix_rollup_meeting_party_family_starts",
        "rollup_meeting_party",
        ["family_id", "starts_at"],
        postgresql_include=["meeting_id", "party"],
    )


def downgrade() -> None:
    op.drop_index("ix_rollup_meeting_party_family_starts", table_name="rollup_meeting_party")
    op.drop_table("rollup_meeting_party")
