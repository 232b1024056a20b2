"""research: projects, the organisations taking part (joined explicitly) and the researchers with access

Revision ID: 0014
Revises: 0007, 0008, 0009, 0010, 0011, 0012, 0013
Create Date: 2026-12-07 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = "0014"
down_revision: str | Sequence[str] | None = ("0007", "0008", "0009", "0010", "0011", "0012", "0013")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

WHEN = api.models.base.UTCDateTime(timezone=True)


def _text(length: int) -> sqlmodel.sql.sqltypes.AutoString:
    return sqlmodel.sql.sqltypes.AutoString(length=length)


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "research_project",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("title", _text(200), nullable=False),
        sa.Column("institution", _text(200), nullable=False),
        sa.Column("period_start_on", sa.Date(), nullable=False),
        sa.Column("period_end_on", sa.Date(), nullable=False),
        sa.Column("shares", sa.JSON(), nullable=False),
        sa.Column("small_cell_threshold", sa.Integer(), nullable=False),
        sa.Column("pseudonym_key", _text(64), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("created_at", WHEN, nullable=False),
        _fk("research_project", "organisation_id", "organisation"),
        _fk("research_project", "created_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_research_project")),
    )
    op.create_index(
        op.f("ix_research_project_organisation_id"), "research_project", ["organisation_id"], unique=False
    )
    op.create_table(
        "research_organisation",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("code", _text(8), nullable=False),
        sa.Column("invited_at", WHEN, nullable=False),
        sa.Column("joined_at", WHEN, nullable=True),
        sa.Column("joined_by_id", sa.Uuid(), nullable=True),
        _fk("research_organisation", "project_id", "research_project"),
        _fk("research_organisation", "organisation_id", "organisation"),
        _fk("research_organisation", "joined_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_research_organisation")),
        sa.UniqueConstraint(
            "project_id", "organisation_id", name="uq_research_organisation_project_organisation"
        ),
        sa.UniqueConstraint("project_id", "code", name="uq_research_organisation_project_code"),
    )
    for column in ("project_id", "organisation_id"):
        op.create_index(
            op.f(f"ix_research_organisation_{column}"), "research_organisation", [column], unique=False
        )
    op.create_table(
        "research_access",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("project_id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("granted_by_id", sa.Uuid(), nullable=True),
        sa.Column("granted_at", WHEN, nullable=False),
        sa.Column("revoked_at", WHEN, nullable=True),
        _fk("research_access", "project_id", "research_project"),
        _fk("research_access", "user_id", "app_user"),
        _fk("research_access", "granted_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_research_access")),
        sa.UniqueConstraint("project_id", "user_id", name="uq_research_access_project_user"),
    )
    for column in ("project_id", "user_id"):
        op.create_index(op.f(f"ix_research_access_{column}"), "research_access", [column], unique=False)


def downgrade() -> None:
    for column in ("project_id", "user_id"):
        op.drop_index(op.f(f"ix_research_access_{column}"), table_name="research_access")
    op.drop_table("research_access")
    for column in ("project_id", "organisation_id"):
        op.drop_index(op.f(f"ix_research_organisation_{column}"), table_name="research_organisation")
    op.drop_table("research_organisation")
    op.drop_index(op.f("ix_research_project_organisation_id"), table_name="research_project")
    op.drop_table("research_project")
