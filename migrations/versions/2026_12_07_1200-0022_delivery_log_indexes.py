"""scale: the delivery log's pages read one index range (organisation, optionally status, newest first)

Revision ID: 0022
Revises: 0014, 0016, 0019
Create Date: 2026-12-07 12:00:00.000000
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0022"
down_revision: str | Sequence[str] | None = ("0014", "0016", "0019")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("notification_message") as batch:
        batch.create_index(
            "ix_notification_message_organisation_created", ["organisation_id", "created_at", "id"]
        )
        batch.create_index(
            "ix_notification_message_organisation_status", ["organisation_id", "status", "created_at", "id"]
        )
        # the composite indexes lead with it: one index less to update per message
        batch.drop_index("ix_notification_message_organisation_id")


def downgrade() -> None:
    with op.batch_alter_table("notification_message") as batch:
        batch.create_index("ix_notification_message_organisation_id", ["organisation_id"])
        batch.drop_index("ix_notification_message_organisation_status")
        batch.drop_index("ix_notification_message_organisation_created")
