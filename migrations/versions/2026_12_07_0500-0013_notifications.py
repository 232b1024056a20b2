"""notifications: the outbound-message outbox, opt-outs, templates, staff preferences; recipients' channel and
language on members, network contacts and users

Revision ID: 0013
Revises: 0003, 0004, 0005, 0006
Create Date: 2026-12-07 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = "0013"
down_revision: str | Sequence[str] | None = ("0003", "0004", "0005", "0006")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _enum(name: str, *values: str, length: int) -> sa.Enum:
    return sa.Enum(*values, name=name, native_enum=False, length=length)


CHANNEL = ("email", "sms")
LANGUAGE = ("nl", "en")
RECIPIENT = ("member", "contact", "user")


def upgrade() -> None:
    op.create_table(
        "notification_message",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=True),
        sa.Column("recipient_kind", _enum("recipientkind", *RECIPIENT, length=20), nullable=False),
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column("channel", _enum("channel", *CHANNEL, length=10), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("dedupe_key", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("context", sa.JSON(), nullable=False),
        sa.Column("secret_sealed", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column(
            "status",
            _enum("messagestatus", "queued", "sent", "failed", "bounced", "skipped", length=20),
            nullable=False,
        ),
        sa.Column("reason", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("leased_until", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("lease_owner", sqlmodel.sql.sqltypes.AutoString(length=80), nullable=True),
        sa.Column("provider_id", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
        sa.Column("sent_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_notification_message_family_id_family")
        ),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_notification_message_organisation_id_organisation"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_message")),
        sa.UniqueConstraint(
            "dedupe_key", "recipient_kind", "recipient_id", name="uq_notification_message_key"
        ),
    )
    with op.batch_alter_table("notification_message", schema=None) as batch_op:
        for column in ("organisation_id", "family_id", "recipient_id", "status", "next_attempt_at"):
            batch_op.create_index(batch_op.f(f"ix_notification_message_{column}"), [column], unique=False)

    op.create_table(
        "notification_opt_out",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("recipient_kind", _enum("recipientkind", *RECIPIENT, length=20), nullable=False),
        sa.Column("recipient_id", sa.Uuid(), nullable=False),
        sa.Column("channel", _enum("channel", *CHANNEL, length=10), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_opt_out")),
        sa.UniqueConstraint(
            "recipient_kind", "recipient_id", "channel", name="uq_notification_opt_out_recipient"
        ),
    )
    with op.batch_alter_table("notification_opt_out", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notification_opt_out_recipient_id"), ["recipient_id"], unique=False
        )

    op.create_table(
        "notification_template",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("kind", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=False),
        sa.Column("language", _enum("language", *LANGUAGE, length=5), nullable=False),
        sa.Column("subject", sqlmodel.sql.sqltypes.AutoString(length=200), nullable=False),
        sa.Column("body", sqlmodel.sql.sqltypes.AutoString(length=4000), nullable=False),
        sa.Column("updated_by_id", sa.Uuid(), nullable=True),
        sa.Column("updated_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"],
            ["organisation.id"],
            name=op.f("fk_notification_template_organisation_id_organisation"),
        ),
        sa.ForeignKeyConstraint(
            ["updated_by_id"], ["app_user.id"], name=op.f("fk_notification_template_updated_by_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_template")),
        sa.UniqueConstraint("organisation_id", "kind", "language", name="uq_notification_template_kind"),
    )
    with op.batch_alter_table("notification_template", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_notification_template_organisation_id"), ["organisation_id"], unique=False
        )

    op.create_table(
        "notification_preference",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("user_id", sa.Uuid(), nullable=False),
        sa.Column("digest", _enum("digestfrequency", "off", "daily", "weekly", length=10), nullable=False),
        sa.Column("call_me_alerts", sa.Boolean(), nullable=False),
        sa.Column("team_digest", sa.Boolean(), nullable=False),
        sa.Column("updated_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"], ["app_user.id"], name=op.f("fk_notification_preference_user_id_app_user")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_preference")),
        sa.UniqueConstraint("user_id", name=op.f("uq_notification_preference_user_id")),
    )

    for table in ("family_member", "network_contact"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("preferred_channel", _enum("channel", *CHANNEL, length=10), nullable=True)
            )
            batch_op.add_column(
                sa.Column(
                    "language", _enum("language", *LANGUAGE, length=5), nullable=False, server_default="nl"
                )
            )
            batch_op.add_column(
                sa.Column("messages_consent", sa.Boolean(), nullable=False, server_default=sa.false())
            )
            if table == "family_member":
                batch_op.add_column(
                    sa.Column("weekly_nudge", sa.Boolean(), nullable=False, server_default=sa.false())
                )
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        batch_op.add_column(sa.Column("phone", sqlmodel.sql.sqltypes.AutoString(length=40), nullable=True))
        batch_op.add_column(
            sa.Column(
                "preferred_channel",
                _enum("channel", *CHANNEL, length=10),
                nullable=False,
                server_default="email",
            )
        )
        batch_op.add_column(
            sa.Column("language", _enum("language", *LANGUAGE, length=5), nullable=False, server_default="nl")
        )


def downgrade() -> None:
    with op.batch_alter_table("app_user", schema=None) as batch_op:
        for column in ("language", "preferred_channel", "phone"):
            batch_op.drop_column(column)
    for table in ("network_contact", "family_member"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            if table == "family_member":
                batch_op.drop_column("weekly_nudge")
            for column in ("messages_consent", "language", "preferred_channel"):
                batch_op.drop_column(column)
    op.drop_table("notification_preference")
    with op.batch_alter_table("notification_template", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_template_organisation_id"))
    op.drop_table("notification_template")
    with op.batch_alter_table("notification_opt_out", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_notification_opt_out_recipient_id"))
    op.drop_table("notification_opt_out")
    with op.batch_alter_table("notification_message", schema=None) as batch_op:
        for column in ("next_attempt_at", "status", "recipient_id", "family_id", "organisation_id"):
            batch_op.drop_index(batch_op.f(f"ix_notification_message_{column}"))
    op.drop_table("notification_message")
