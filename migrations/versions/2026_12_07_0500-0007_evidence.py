"""evidence: per-funder pseudonym keys and the pseudonyms given out; indexes for cohort aggregates

Existing clients keep their pseudonyms where they can: each funder's key is the key of its oldest client,
and the pseudonyms of consenting families in that funder's regions are stored so they resolve by index.
Rows that break the date rules of issue 12 are reported (logged), never rewritten: `bondgenoot check-data`
lists them.

Revision ID: 0007
Revises: 0003, 0004, 0005, 0006
Create Date: 2026-12-07 05:00:00.000000
"""

import hashlib
import hmac
import logging
import uuid
from collections.abc import Sequence
from datetime import UTC, date, datetime

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = "0007"
down_revision: str | Sequence[str] | None = ("0003", "0004", "0005", "0006")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("alembic.runtime.migration")


def upgrade() -> None:
    op.create_table(
        "funder_key",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("funder_name", sqlmodel.sql.sqltypes.AutoString(length=120), nullable=False),
        sa.Column("pseudonym_key", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("rotated_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["organisation_id"], ["organisation.id"], name=op.f("fk_funder_key_organisation_id_organisation")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_funder_key")),
        sa.UniqueConstraint("organisation_id", "funder_name", name="uq_funder_key_organisation_funder"),
    )
    with op.batch_alter_table("funder_key", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_funder_key_organisation_id"), ["organisation_id"], unique=False)
    op.create_table(
        "family_pseudonym",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("funder_key_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("pseudonym", sqlmodel.sql.sqltypes.AutoString(length=32), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["family_id"], ["family.id"], name=op.f("fk_family_pseudonym_family_id_family")
        ),
        sa.ForeignKeyConstraint(
            ["funder_key_id"], ["funder_key.id"], name=op.f("fk_family_pseudonym_funder_key_id_funder_key")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_pseudonym")),
        sa.UniqueConstraint("funder_key_id", "family_id", name="uq_family_pseudonym_funder_key_family"),
        sa.UniqueConstraint("funder_key_id", "pseudonym", name="uq_family_pseudonym_funder_key_pseudonym"),
    )
    with op.batch_alter_table("family_pseudonym", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_pseudonym_family_id"), ["family_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_family_pseudonym_funder_key_id"), ["funder_key_id"], unique=False
        )
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.create_index("ix_measurement_family_completed", ["family_id", "completed_at"], unique=False)
    with op.batch_alter_table("family_status_change", schema=None) as batch_op:
        batch_op.create_index(
            "ix_family_status_change_family_changed", ["family_id", "changed_at"], unique=False
        )
    with op.batch_alter_table("family", schema=None) as batch_op:
        batch_op.create_index("ix_family_organisation_region", ["organisation_id", "region_id"], unique=False)
    _keys_and_pseudonyms()
    _report_bad_rows()


def _keys_and_pseudonyms() -> None:
    """One key per funder (its oldest client's), and the pseudonyms that client could already hand out."""
    bind = op.get_bind()
    now = datetime.now(UTC)
    clients = bind.execute(
        sa.text("SELECT organisation_id, funder_name, pseudonym_key FROM funder_client ORDER BY created_at")
    ).all()
    keys: dict[tuple[str, str], tuple[uuid.UUID, str]] = {}
    for organisation_id, funder_name, key in clients:
        if (str(organisation_id), funder_name) not in keys:
            keys[(str(organisation_id), funder_name)] = (uuid.uuid4(), key)
    key_table = sa.table(
        "funder_key",
        sa.column("id", sa.Uuid()),
        sa.column("organisation_id", sa.Uuid()),
        sa.column("funder_name", sa.String()),
        sa.column("pseudonym_key", sa.String()),
        sa.column("created_at", api.models.base.UTCDateTime(timezone=True)),
    )
    names = sa.table(
        "family_pseudonym",
        sa.column("id", sa.Uuid()),
        sa.column("funder_key_id", sa.Uuid()),
        sa.column("family_id", sa.Uuid()),
        sa.column("pseudonym", sa.String()),
        sa.column("created_at", api.models.base.UTCDateTime(timezone=True)),
    )
    for (organisation_id, funder_name), (key_id, key) in keys.items():
        op.bulk_insert(
            key_table,
            [
                {
                    "id": key_id,
                    "organisation_id": uuid.UUID(organisation_id),
                    "funder_name": funder_name,
                    "pseudonym_key": key,
                    "created_at": now,
                }
            ],
        )
        families = bind.execute(
            sa.text(
                "SELECT f.id FROM family f JOIN region r ON r.id = f.region_id "
                "JOIN family_consent c ON c.family_id = f.id "
                "WHERE f.organisation_id = :org AND r.funder_name = :funder AND c.funder_data"
            ),
            {"org": uuid.UUID(organisation_id), "funder": funder_name},
        ).scalars()
        rows = [
            {
                "id": uuid.uuid4(),
                "funder_key_id": key_id,
                "family_id": family_id if isinstance(family_id, uuid.UUID) else uuid.UUID(str(family_id)),
                "pseudonym": hmac.new(
                    bytes.fromhex(key),
                    (family_id if isinstance(family_id, uuid.UUID) else uuid.UUID(str(family_id))).bytes,
                    hashlib.sha256,
                ).hexdigest()[:32],
                "created_at": now,
            }
            for family_id in families
        ]
        if rows:
            op.bulk_insert(names, rows)


def _report_bad_rows() -> None:
    """Count (never rewrite) rows that break the rules now checked where dates are written."""
    bind = op.get_bind()
    today = date.today()
    checks = {
        "families ending before they start": "SELECT count(*) FROM family WHERE ended_on < started_on",
        "families closed on a future date": "SELECT count(*) FROM family WHERE ended_on > :today",
    }  # clients bound to another funder's region (ids in JSON): `bondgenoot check-data` lists them
    for label, query in checks.items():
        found = bind.execute(sa.text(query), {"today": today}).scalar() or 0
        if found:
            log.warning(
                "%s: %d (run `bondgenoot check-data` for the list; nothing was changed)", label, found
            )


def downgrade() -> None:
    with op.batch_alter_table("family", schema=None) as batch_op:
        batch_op.drop_index("ix_family_organisation_region")
    with op.batch_alter_table("family_status_change", schema=None) as batch_op:
        batch_op.drop_index("ix_family_status_change_family_changed")
    with op.batch_alter_table("measurement", schema=None) as batch_op:
        batch_op.drop_index("ix_measurement_family_completed")
    with op.batch_alter_table("family_pseudonym", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_family_pseudonym_funder_key_id"))
        batch_op.drop_index(batch_op.f("ix_family_pseudonym_family_id"))
    op.drop_table("family_pseudonym")
    with op.batch_alter_table("funder_key", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_funder_key_organisation_id"))
    op.drop_table("funder_key")
