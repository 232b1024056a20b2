"""funder_client: drop pseudonym_key (pseudonyms use the per-funder key in funder_key since 0007)

Revision ID: 0019
Revises: 0007, 0008, 0009, 0010, 0011, 0012, 0013
Create Date: 2026-12-07 09:00:00
"""

import secrets
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0019"
down_revision: str | Sequence[str] | None = ("0007", "0008", "0009", "0010", "0011", "0012", "0013")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("funder_client", schema=None) as batch_op:
        batch_op.drop_column("pseudonym_key")


def downgrade() -> None:
    with op.batch_alter_table("funder_client", schema=None) as batch_op:
        batch_op.add_column(sa.Column("pseudonym_key", sa.String(length=64), nullable=True))
    bind = op.get_bind()
    for (client_id,) in bind.execute(sa.text("SELECT id FROM funder_client")).all():
        bind.execute(
            sa.text("UPDATE funder_client SET pseudonym_key = :key WHERE id = :id"),
            {"key": secrets.token_hex(32), "id": client_id},
        )
    with op.batch_alter_table("funder_client", schema=None) as batch_op:
        batch_op.alter_column("pseudonym_key", existing_type=sa.String(length=64), nullable=False)
