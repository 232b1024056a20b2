"""a planned meeting's flags beside its flag count, so the meeting lists show them without reading the plan

Revision ID: 0027
Revises: 0026
Create Date: 2026-12-08 01:45:00

Rows made before this migration have no flags (NULL): `bondgenoot migrate` then rebuilds the rollups
(api/meetings/flag_rollup.py, `is_empty`); until it has, the lists compute those meetings' flags live.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0027"
down_revision: str | Sequence[str] | None = "0026"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("rollup_meeting_flag") as batch:
        batch.add_column(sa.Column("flags", sa.JSON(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("rollup_meeting_flag") as batch:
        batch.drop_column("flags")
