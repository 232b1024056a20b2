"""The check-in dashboard's indexes (open alerts, recent and latest check-ins, archived families)

Revision ID: 0026
Revises: 0025
Create Date: 2026-12-07 22:00:00

The dashboard (`GET /checkin-summary`, `api/checkins/summary.py`) and the open-alert count read check-ins and
alerts by their own organisation and time instead of joining every family of the organisation: open alerts
per family from a partial index, the last four weeks' check-ins as one index range (family id included, so
index-only), a family's latest check-in by (family, time), and "not of an archived family" from a partial
index of the (few) archived families.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0026"
down_revision: str | None = "0025"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

OPEN = sa.text("acknowledged_at IS NULL")
ARCHIVED = sa.text("archived_at IS NOT NULL")


def upgrade() -> None:
    op.create_index(
        "ix_checkin_alert_open",
        "checkin_alert",
        ["organisation_id", "family_id"],
        postgresql_where=OPEN,
        sqlite_where=OPEN,
    )
    op.create_index(
        "ix_checkin_organisation_checked", "checkin", ["organisation_id", "checked_in_at", "family_id"]
    )
    op.create_index("ix_checkin_family_checked", "checkin", ["family_id", "checked_in_at"])
    op.create_index("ix_family_archived", "family", ["id"], postgresql_where=ARCHIVED, sqlite_where=ARCHIVED)


def downgrade() -> None:
    op.drop_index("ix_family_archived", table_name="family")
    op.drop_index("ix_checkin_family_checked", table_name="checkin")
    op.drop_index("ix_checkin_organisation_checked", table_name="checkin")
    op.drop_index("ix_checkin_alert_open", table_name="checkin_alert")
