"""workday: notes on acknowledged alerts, supporter changes, family closures and their resolved goals/actions

Revision ID: 0011
Revises: 0003, 0004, 0005, 0006
Create Date: 2026-12-07 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

import api.models.base

revision: str = "0011"
down_revision: str | Sequence[str] | None = ("0003", "0004", "0005", "0006")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

REASONS = ("goals_achieved", "family_request", "moved_away", "other_care", "no_contact", "deceased", "other")
RESOLUTIONS = ("achieved", "discontinued", "handed_over")


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=op.f(f"fk_{table}_{column}_{target}"))


def upgrade() -> None:
    op.create_table(
        "checkin_alert_note",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("alert_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("author_id", sa.Uuid(), nullable=False),
        sa.Column("text", sa.String(length=1000), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        _fk("checkin_alert_note", "alert_id", "checkin_alert"),
        _fk("checkin_alert_note", "family_id", "family"),
        _fk("checkin_alert_note", "author_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_checkin_alert_note")),
    )
    op.create_index(op.f("ix_checkin_alert_note_alert_id"), "checkin_alert_note", ["alert_id"])
    op.create_index(op.f("ix_checkin_alert_note_family_id"), "checkin_alert_note", ["family_id"])

    op.create_table(
        "family_supporter_change",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("from_supporter_id", sa.Uuid(), nullable=True),
        sa.Column("to_supporter_id", sa.Uuid(), nullable=False),
        sa.Column("note", sa.String(length=1000), nullable=True),
        sa.Column("changed_by_id", sa.Uuid(), nullable=False),
        sa.Column("changed_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        _fk("family_supporter_change", "family_id", "family"),
        _fk("family_supporter_change", "from_supporter_id", "app_user"),
        _fk("family_supporter_change", "to_supporter_id", "app_user"),
        _fk("family_supporter_change", "changed_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_supporter_change")),
    )
    op.create_index(op.f("ix_family_supporter_change_family_id"), "family_supporter_change", ["family_id"])

    op.create_table(
        "family_closure",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column(
            "reason",
            sa.Enum(*REASONS, name="closurereason", native_enum=False, create_constraint=False, length=30),
            nullable=False,
        ),
        sa.Column("reason_text", sa.String(length=1000), nullable=True),
        sa.Column("ended_on", sa.Date(), nullable=False),
        sa.Column("handover_note", sa.String(length=2000), nullable=True),
        sa.Column("successor_name", sa.String(length=200), nullable=True),
        sa.Column("successor_organisation", sa.String(length=200), nullable=True),
        sa.Column("follow_up_due_on", sa.Date(), nullable=False),
        sa.Column("closed_by_id", sa.Uuid(), nullable=False),
        sa.Column("closed_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("reopened_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("reopened_by_id", sa.Uuid(), nullable=True),
        sa.Column("reopen_reason", sa.String(length=1000), nullable=True),
        _fk("family_closure", "family_id", "family"),
        _fk("family_closure", "closed_by_id", "app_user"),
        _fk("family_closure", "reopened_by_id", "app_user"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_closure")),
    )
    op.create_index(op.f("ix_family_closure_family_id"), "family_closure", ["family_id"])

    op.create_table(
        "family_closure_item",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("closure_id", sa.Uuid(), nullable=False),
        sa.Column("goal_id", sa.Uuid(), nullable=True),
        sa.Column("action_id", sa.Uuid(), nullable=True),
        sa.Column(
            "resolution",
            sa.Enum(*RESOLUTIONS, name="resolution", native_enum=False, create_constraint=False, length=20),
            nullable=False,
        ),
        sa.Column("handed_over_to", sa.String(length=200), nullable=True),
        sa.Column("recorded_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        _fk("family_closure_item", "closure_id", "family_closure"),
        _fk("family_closure_item", "goal_id", "goal"),
        _fk("family_closure_item", "action_id", "plan_action"),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_closure_item")),
    )
    op.create_index(op.f("ix_family_closure_item_closure_id"), "family_closure_item", ["closure_id"])


def downgrade() -> None:
    op.drop_index(op.f("ix_family_closure_item_closure_id"), table_name="family_closure_item")
    op.drop_table("family_closure_item")
    op.drop_index(op.f("ix_family_closure_family_id"), table_name="family_closure")
    op.drop_table("family_closure")
    op.drop_index(op.f("ix_family_supporter_change_family_id"), table_name="family_supporter_change")
    op.drop_table("family_supporter_change")
    op.drop_index(op.f("ix_checkin_alert_note_family_id"), table_name="checkin_alert_note")
    op.drop_index(op.f("ix_checkin_alert_note_alert_id"), table_name="checkin_alert_note")
    op.drop_table("checkin_alert_note")
