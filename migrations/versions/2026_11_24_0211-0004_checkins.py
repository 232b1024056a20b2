"""checkins: personal check-in links, check-ins, alerts and rate-limit hits

Revision ID: 0004
Revises: 0001
Create Date: 2026-11-24 02:11:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = '0004'
down_revision: str | Sequence[str] | None = '0001'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('checkin_request',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('link_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=True),
    sa.Column('address_key', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('occurred_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_request'))
    )
    with op.batch_alter_table('checkin_request', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_request_address_key'), ['address_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_request_link_key'), ['link_key'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_request_occurred_at'), ['occurred_at'], unique=False)

    op.create_table('checkin_link',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('token_digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('code_digest', sqlmodel.sql.sqltypes.AutoString(length=64), nullable=False),
    sa.Column('failed_attempts', sa.Integer(), nullable=False),
    sa.Column('locked_at', api.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('expires_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('revoked_at', api.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('revoked_by_id', sa.Uuid(), nullable=True),
    sa.Column('last_used_at', api.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('created_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], name=op.f('fk_checkin_link_created_by_id_app_user')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_checkin_link_family_id_family')),
    sa.ForeignKeyConstraint(['member_id'], ['family_member.id'], name=op.f('fk_checkin_link_member_id_family_member')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_checkin_link_organisation_id_organisation')),
    sa.ForeignKeyConstraint(['revoked_by_id'], ['app_user.id'], name=op.f('fk_checkin_link_revoked_by_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_link')),
    sa.UniqueConstraint('token_digest', name=op.f('uq_checkin_link_token_digest'))
    )
    with op.batch_alter_table('checkin_link', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_link_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_link_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_link_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('checkin',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('link_id', sa.Uuid(), nullable=False),
    sa.Column('wellbeing', sa.Integer(), nullable=False),
    sa.Column('care_burden', sa.Integer(), nullable=False),
    sa.Column('needs', sa.JSON(), nullable=False),
    sa.Column('needs_text', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('message', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=True),
    sa.Column('checked_in_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('received_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_checkin_family_id_family')),
    sa.ForeignKeyConstraint(['link_id'], ['checkin_link.id'], name=op.f('fk_checkin_link_id_checkin_link')),
    sa.ForeignKeyConstraint(['member_id'], ['family_member.id'], name=op.f('fk_checkin_member_id_family_member')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_checkin_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin'))
    )
    with op.batch_alter_table('checkin', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_checked_in_at'), ['checked_in_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_link_id'), ['link_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_organisation_id'), ['organisation_id'], unique=False)

    op.create_table('checkin_alert',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('organisation_id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=False),
    sa.Column('checkin_id', sa.Uuid(), nullable=False),
    sa.Column('reasons', sa.JSON(), nullable=False),
    sa.Column('previous_wellbeing', sa.Integer(), nullable=True),
    sa.Column('raised_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('acknowledged_at', api.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('acknowledged_by_id', sa.Uuid(), nullable=True),
    sa.ForeignKeyConstraint(['acknowledged_by_id'], ['app_user.id'], name=op.f('fk_checkin_alert_acknowledged_by_id_app_user')),
    sa.ForeignKeyConstraint(['checkin_id'], ['checkin.id'], name=op.f('fk_checkin_alert_checkin_id_checkin')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_checkin_alert_family_id_family')),
    sa.ForeignKeyConstraint(['member_id'], ['family_member.id'], name=op.f('fk_checkin_alert_member_id_family_member')),
    sa.ForeignKeyConstraint(['organisation_id'], ['organisation.id'], name=op.f('fk_checkin_alert_organisation_id_organisation')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_checkin_alert')),
    sa.UniqueConstraint('checkin_id', name=op.f('uq_checkin_alert_checkin_id'))
    )
    with op.batch_alter_table('checkin_alert', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_checkin_alert_acknowledged_at'), ['acknowledged_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_alert_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_alert_member_id'), ['member_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_alert_organisation_id'), ['organisation_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_checkin_alert_raised_at'), ['raised_at'], unique=False)


def downgrade() -> None:
    op.drop_table('checkin_alert')
    op.drop_table('checkin')
    op.drop_table('checkin_link')
    op.drop_table('checkin_request')
