"""wave-change rollups (family and respondent unit) replace the per-measurement scale-change rollup

Revision ID: 0025
Revises: 0024
Create Date: 2026-12-07 15:00:00

A wave's change now counts whole in the period in which the unit completed the wave; one row per unit,
instrument scale and wave, with the moment its next wave superseded it, so a period's latest wave is a range
filter (README, "Cohort and funder rollups"). The new tables start empty; `bondgenoot migrate` rebuilds the
rollups when one of them is empty while its facts exist. After a downgrade run `bondgenoot rollups rebuild`.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from api.models.base import UTCDateTime

revision: str = "0025"
down_revision: str | Sequence[str] | None = "0024"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

TABLES = ("rollup_wave_change", "rollup_respondent_wave_change")
INCLUDE = ["instrument_code", "scale_code", "wave", "superseded_at", "change_from_t0", "n"]


def upgrade() -> None:
    op.drop_index("ix_rollup_scale_change_family_completed", table_name="rollup_scale_change")
    op.drop_table("rollup_scale_change")
    for name in TABLES:
        respondent = name == "rollup_respondent_wave_change"
        op.create_table(
            name,
            sa.Column("family_id", sa.Uuid(), nullable=False),
            sa.Column("instrument_code", sa.String(length=40), nullable=False),
            sa.Column("scale_code", sa.String(length=40), nullable=False),
            sa.Column("wave", sa.String(length=20), nullable=False),
            sa.Column("completed_at", UTCDateTime(timezone=True), nullable=False),
            sa.Column("superseded_at", UTCDateTime(timezone=True), nullable=True),
            sa.Column("change_from_t0", sa.Float(), nullable=False),
            sa.Column("n", sa.Integer(), nullable=False),
            *([sa.Column("respondent_id", sa.Uuid(), nullable=False)] if respondent else []),
            sa.PrimaryKeyConstraint(
                "family_id",
                "instrument_code",
                "scale_code",
                "wave",
                *(["respondent_id"] if respondent else []),
                name=op.f(f"pk_{name}"),
            ),
        )
        # Covering on PostgreSQL (INCLUDE): a scope's rows come from the index alone after a VACUUM.
        op.create_index(
            f"ix_{name}_family_completed", name, ["family_id", "completed_at"], postgresql_include=INCLUDE
        )


def downgrade() -> None:
    for name in TABLES:
        op.drop_index(f"ix_{name}_family_completed", table_name=name)
        op.drop_table(name)
    # 0020's per-measurement table, empty: `bondgenoot rollups rebuild` at the older code fills it again.
    uuid, code, moment = sa.Uuid(), sa.String(length=40), UTCDateTime(timezone=True)
    columns = {"measurement_id": uuid, "scale_code": code, "family_id": uuid, "respondent_id": uuid}
    columns |= {"instrument_code": code, "wave": sa.String(length=20), "completed_at": moment}
    op.create_table(
        "rollup_scale_change",
        *(sa.Column(name, kind, nullable=name == "wave") for name, kind in columns.items()),
        sa.Column("change_from_t0", sa.Float(), nullable=False),
        sa.PrimaryKeyConstraint("measurement_id", "scale_code", name=op.f("pk_rollup_scale_change")),
    )
    op.create_index(
        "ix_rollup_scale_change_family_completed",
        "rollup_scale_change",
        ["family_id", "completed_at"],
        postgresql_include=["respondent_id", "instrument_code", "scale_code", "wave", "change_from_t0"],
    )
