"""scale: list, search, debt and audit indexes for 100,000 families

Revision ID: 0012
Revises: 0003, 0004, 0005, 0006
Create Date: 2026-12-07 05:00:00.000000
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | Sequence[str] | None = ("0003", "0004", "0005", "0006")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

CURRENT = sa.text("archived_at IS NULL")
LISTS = {
    "organisation": ["organisation_id"],
    "supporter": ["supporter_id"],
    "status": ["organisation_id", "status"],
    "region": ["organisation_id", "region_id"],
}
OPEN = sa.text("status = 'open'")


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        # pg_trgm is a trusted extension (PostgreSQL 13+): the database owner may create it.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
    with op.batch_alter_table("family") as batch:
        for name, columns in LISTS.items():
            batch.create_index(
                f"ix_family_list_{name}",
                [*columns, "created_at", "id"],
                postgresql_where=CURRENT,
                sqlite_where=CURRENT,
            )
        for column in ("display_name", "reference"):
            batch.create_index(
                f"ix_family_{column}_trgm",
                [column],
                postgresql_using="gin",
                postgresql_ops={column: "gin_trgm_ops"},
                postgresql_with={"fastupdate": "off"},  # no pending list: a search sees every family
            )
    with op.batch_alter_table("audit_event") as batch:
        batch.create_index("ix_audit_event_family_occurred", ["family_id", "occurred_at", "id"])
        batch.create_index("ix_audit_event_organisation_occurred", ["organisation_id", "occurred_at", "id"])
        # the composite indexes lead with these columns; one index less on the busiest table
        batch.drop_index("ix_audit_event_family_id")
        batch.drop_index("ix_audit_event_organisation_id")
    with op.batch_alter_table("gas_score") as batch:
        batch.create_index("ix_gas_score_goal_scored", ["goal_id", "scored_on"])
    with op.batch_alter_table("plan_action") as batch:
        batch.create_index(
            "ix_plan_action_open_due", ["family_id", "due_on"], postgresql_where=OPEN, sqlite_where=OPEN
        )


def downgrade() -> None:
    with op.batch_alter_table("plan_action") as batch:
        batch.drop_index("ix_plan_action_open_due")
    with op.batch_alter_table("gas_score") as batch:
        batch.drop_index("ix_gas_score_goal_scored")
    with op.batch_alter_table("audit_event") as batch:
        batch.create_index("ix_audit_event_organisation_id", ["organisation_id"])
        batch.create_index("ix_audit_event_family_id", ["family_id"])
        batch.drop_index("ix_audit_event_organisation_occurred")
        batch.drop_index("ix_audit_event_family_occurred")
    with op.batch_alter_table("family") as batch:
        for column in ("display_name", "reference"):
            batch.drop_index(f"ix_family_{column}_trgm")
        for name in LISTS:
            batch.drop_index(f"ix_family_list_{name}")
