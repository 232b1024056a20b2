"""family voice: coded party of network contacts, contact links, contact consent, proposals

Existing contacts keep their free text (relation, organisation, role) and get a party from it: informal
contacts stay informal, professionals are matched on words in their text, else other_professional.

Revision ID: 0010
Revises: 0003, 0004, 0005, 0006
Create Date: 2026-12-07 05:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = "0010"
down_revision: str | Sequence[str] | None = ("0003", "0004", "0005", "0006")
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# First match wins: the words a supporter typed in the free text, lower case.
PARTY_WORDS: list[tuple[str, tuple[str, ...]]] = [
    ("gp", ("huisarts", "praktijkondersteuner", "poh")),
    ("youth_mental_health", ("jeugd-ggz", "jeugd ggz", "jeugdggz")),
    ("mental_health", ("ggz", "psycholoog", "psychiater")),
    ("district_team", ("wijkteam", "sociaal team", "gezinscoach", "jeugdteam")),
    ("school", ("school", "leerkracht", "mentor", "intern begeleider", "juf", "meester")),
    ("debt_help", ("schuld", "budget", "bewindvoer")),
    ("employer", ("werkgever", "leidinggevende", "employer")),
    ("municipality", ("gemeente", "wmo", "consulent")),
    ("care_provider", ("zorgaanbieder", "begeleider", "zorg", "dagbesteding", "logeer")),
]


def _party(kind: str, *texts: str | None) -> str:
    if kind == "informal":
        return "informal"
    text = " ".join(t for t in texts if t).lower()
    for party, words in PARTY_WORDS:
        if any(word in text for word in words):
            return party
    return "other_professional"


def upgrade() -> None:
    with op.batch_alter_table("network_contact", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column(
                "party",
                sa.Enum(
                    "informal", "gp", "school", "district_team", "youth_mental_health", "mental_health",
                    "care_provider", "employer", "debt_help", "municipality", "other_professional",
                    name="contactparty", native_enum=False, create_constraint=False, length=40,
                ),
                nullable=False,
                server_default="informal",
            )
        )
        batch_op.create_index(batch_op.f("ix_network_contact_party"), ["party"], unique=False)
    contacts = sa.table(
        "network_contact",
        sa.column("id", sa.Uuid()),
        sa.column("kind", sa.String()),
        sa.column("party", sa.String()),
        sa.column("relation", sa.String()),
        sa.column("organisation", sa.String()),
        sa.column("role", sa.String()),
    )
    connection = op.get_bind()
    rows = connection.execute(
        sa.select(contacts.c.id, contacts.c.kind, contacts.c.relation, contacts.c.organisation, contacts.c.role)
    ).all()
    for row in rows:
        party = _party(row.kind, row.relation, row.organisation, row.role)
        if party != "informal":
            connection.execute(contacts.update().where(contacts.c.id == row.id).values(party=party))
    with op.batch_alter_table("network_contact", schema=None) as batch_op:
        batch_op.alter_column("party", server_default=None)


    op.create_table(
        "contact_link",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("created_by_id", sa.Uuid(), nullable=True),
        sa.Column("token_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("code_digest", sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
        sa.Column("failed_attempts", sa.Integer(), nullable=False),
        sa.Column("locked_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("expires_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.Column("revoked_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("revoked_by_id", sa.Uuid(), nullable=True),
        sa.Column("last_used_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["network_contact.id"], name=op.f("fk_contact_link_contact_id_network_contact")),
        sa.ForeignKeyConstraint(["created_by_id"], ["app_user.id"], name=op.f("fk_contact_link_created_by_id_app_user")),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_contact_link_family_id_family")),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"], name=op.f("fk_contact_link_organisation_id_organisation")),
        sa.ForeignKeyConstraint(["revoked_by_id"], ["app_user.id"], name=op.f("fk_contact_link_revoked_by_id_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_link")),
        sa.UniqueConstraint("token_digest", name=op.f("uq_contact_link_token_digest")),
    )
    with op.batch_alter_table("contact_link", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_link_contact_id"), ["contact_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_link_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_contact_link_organisation_id"), ["organisation_id"], unique=False)

    op.create_table(
        "contact_consent",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("contact_id", sa.Uuid(), nullable=False),
        sa.Column("plan", sa.Boolean(), nullable=False),
        sa.Column("summaries", sa.Boolean(), nullable=False),
        sa.Column("checkin_trend", sa.Boolean(), nullable=False),
        sa.Column("recorded_by", sa.Uuid(), nullable=True),
        sa.Column("recorded_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["contact_id"], ["network_contact.id"], name=op.f("fk_contact_consent_contact_id_network_contact")),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_contact_consent_family_id_family")),
        sa.ForeignKeyConstraint(["recorded_by"], ["app_user.id"], name=op.f("fk_contact_consent_recorded_by_app_user")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_contact_consent")),
        sa.UniqueConstraint("contact_id", name=op.f("uq_contact_consent_contact_id")),
    )
    with op.batch_alter_table("contact_consent", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_contact_consent_family_id"), ["family_id"], unique=False)

    op.create_table(
        "family_proposal",
        sa.Column("id", sa.Uuid(), nullable=False),
        sa.Column("organisation_id", sa.Uuid(), nullable=False),
        sa.Column("family_id", sa.Uuid(), nullable=False),
        sa.Column("goal_id", sa.Uuid(), nullable=True),
        sa.Column("member_id", sa.Uuid(), nullable=False),
        sa.Column("link_id", sa.Uuid(), nullable=True),
        sa.Column("kind", sa.Enum("goal", "comment", name="proposalkind", native_enum=False, create_constraint=False, length=20), nullable=False),
        sa.Column("text", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=False),
        sa.Column("status", sa.Enum("open", "on_agenda", "handled", name="proposalstatus", native_enum=False, create_constraint=False, length=20), nullable=False),
        sa.Column("meeting_id", sa.Uuid(), nullable=True),
        sa.Column("answer", sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
        sa.Column("handled_by_id", sa.Uuid(), nullable=True),
        sa.Column("handled_at", api.models.base.UTCDateTime(timezone=True), nullable=True),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.Column("created_at", api.models.base.UTCDateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["family_id"], ["family.id"], name=op.f("fk_family_proposal_family_id_family")),
        sa.ForeignKeyConstraint(["goal_id"], ["goal.id"], name=op.f("fk_family_proposal_goal_id_goal")),
        sa.ForeignKeyConstraint(["handled_by_id"], ["app_user.id"], name=op.f("fk_family_proposal_handled_by_id_app_user")),
        sa.ForeignKeyConstraint(["link_id"], ["checkin_link.id"], name=op.f("fk_family_proposal_link_id_checkin_link")),
        sa.ForeignKeyConstraint(["meeting_id"], ["meeting.id"], name=op.f("fk_family_proposal_meeting_id_meeting")),
        sa.ForeignKeyConstraint(["member_id"], ["family_member.id"], name=op.f("fk_family_proposal_member_id_family_member")),
        sa.ForeignKeyConstraint(["organisation_id"], ["organisation.id"], name=op.f("fk_family_proposal_organisation_id_organisation")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_proposal")),
    )
    with op.batch_alter_table("family_proposal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_family_proposal_family_id"), ["family_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_family_proposal_organisation_id"), ["organisation_id"], unique=False)
        batch_op.create_index(batch_op.f("ix_family_proposal_status"), ["status"], unique=False)


def downgrade() -> None:
    op.drop_table("family_proposal")
    op.drop_table("contact_consent")
    op.drop_table("contact_link")
    with op.batch_alter_table("network_contact", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_network_contact_party"))
        batch_op.drop_column("party")
