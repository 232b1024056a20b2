"""meetings: roundtable meetings with participants, agenda, decisions; family status changes

Revision ID: 0006
Revises: 0002
Create Date: 2026-11-24 02:14:02.364141
"""

from collections.abc import Sequence

import sqlalchemy as sa
import sqlmodel
from alembic import op

import api.models.base

revision: str = '0006'
down_revision: str | Sequence[str] | None = '0002'
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table('family_status_change',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('from_status', sa.Enum('intake', 'active', 'phasing_out', 'closed', name='familystatus', native_enum=False, length=20), nullable=False),
    sa.Column('to_status', sa.Enum('intake', 'active', 'phasing_out', 'closed', name='familystatus', native_enum=False, length=20), nullable=False),
    sa.Column('changed_by_id', sa.Uuid(), nullable=True),
    sa.Column('changed_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['changed_by_id'], ['app_user.id'], name=op.f('fk_family_status_change_changed_by_id_app_user')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_family_status_change_family_id_family')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_family_status_change'))
    )
    with op.batch_alter_table('family_status_change', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_family_status_change_family_id'), ['family_id'], unique=False)

    op.create_table('meeting',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('family_id', sa.Uuid(), nullable=False),
    sa.Column('uid', sqlmodel.sql.sqltypes.AutoString(length=255), nullable=False),
    sa.Column('sequence', sa.Integer(), nullable=False),
    sa.Column('starts_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('ends_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('place', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('video_url', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('chair_user_id', sa.Uuid(), nullable=True),
    sa.Column('chair_participant_id', sa.Uuid(), nullable=True),
    sa.Column('status', sa.Enum('planned', 'held', 'cancelled', name='meetingstatus', native_enum=False, length=20), nullable=False),
    sa.Column('minutes', sqlmodel.sql.sqltypes.AutoString(length=20000), nullable=True),
    sa.Column('cancel_reason', sqlmodel.sql.sqltypes.AutoString(length=500), nullable=True),
    sa.Column('closing_flags', sa.JSON(), nullable=True),
    sa.Column('plan_version_id', sa.Uuid(), nullable=True),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('closed_by_id', sa.Uuid(), nullable=True),
    sa.Column('closed_at', api.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('cancelled_at', api.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('version', sa.Integer(), nullable=False),
    sa.Column('created_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.Column('updated_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['chair_user_id'], ['app_user.id'], name=op.f('fk_meeting_chair_user_id_app_user')),
    sa.ForeignKeyConstraint(['closed_by_id'], ['app_user.id'], name=op.f('fk_meeting_closed_by_id_app_user')),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], name=op.f('fk_meeting_created_by_id_app_user')),
    sa.ForeignKeyConstraint(['family_id'], ['family.id'], name=op.f('fk_meeting_family_id_family')),
    sa.ForeignKeyConstraint(['plan_version_id'], ['plan_version.id'], name=op.f('fk_meeting_plan_version_id_plan_version')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting')),
    sa.UniqueConstraint('uid', name=op.f('uq_meeting_uid'))
    )
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_family_id'), ['family_id'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_starts_at'), ['starts_at'], unique=False)
        batch_op.create_index(batch_op.f('ix_meeting_status'), ['status'], unique=False)

    op.create_table('meeting_agenda_item',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('goal_review', 'open_action', 'unconfirmed_action', 'free', name='agendaitemkind', native_enum=False, length=30), nullable=False),
    sa.Column('title', sqlmodel.sql.sqltypes.AutoString(length=300), nullable=False),
    sa.Column('note', sqlmodel.sql.sqltypes.AutoString(length=2000), nullable=True),
    sa.Column('goal_id', sa.Uuid(), nullable=True),
    sa.Column('action_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_agenda_item_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_agenda_item'))
    )
    with op.batch_alter_table('meeting_agenda_item', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_agenda_item_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_decision',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('kind', sa.Enum('add_goal', 'change_goal', 'add_action', 'confirm_action', 'adopt_plan', 'note', name='decisionkind', native_enum=False, length=30), nullable=False),
    sa.Column('text', sqlmodel.sql.sqltypes.AutoString(length=1000), nullable=False),
    sa.Column('payload', sa.JSON(), nullable=False),
    sa.Column('applied_at', api.models.base.UTCDateTime(timezone=True), nullable=True),
    sa.Column('result_id', sa.Uuid(), nullable=True),
    sa.Column('created_by_id', sa.Uuid(), nullable=True),
    sa.Column('created_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['created_by_id'], ['app_user.id'], name=op.f('fk_meeting_decision_created_by_id_app_user')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_decision_meeting_id_meeting')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_decision'))
    )
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_decision_meeting_id'), ['meeting_id'], unique=False)

    op.create_table('meeting_participant',
    sa.Column('id', sa.Uuid(), nullable=False),
    sa.Column('meeting_id', sa.Uuid(), nullable=False),
    sa.Column('kind', sa.Enum('member', 'contact', 'staff', 'guest', name='participantkind', native_enum=False, length=20), nullable=False),
    sa.Column('member_id', sa.Uuid(), nullable=True),
    sa.Column('contact_id', sa.Uuid(), nullable=True),
    sa.Column('user_id', sa.Uuid(), nullable=True),
    sa.Column('name', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('organisation', sqlmodel.sql.sqltypes.AutoString(length=200), nullable=True),
    sa.Column('role', sqlmodel.sql.sqltypes.AutoString(length=120), nullable=True),
    sa.Column('email', sqlmodel.sql.sqltypes.AutoString(length=254), nullable=True),
    sa.Column('invitation', sa.Enum('not_invited', 'invited', 'accepted', 'declined', name='invitationstatus', native_enum=False, length=20), nullable=False),
    sa.Column('attendance', sa.Enum('present', 'absent', 'excused', name='attendance', native_enum=False, length=20), nullable=True),
    sa.Column('created_at', api.models.base.UTCDateTime(timezone=True), nullable=False),
    sa.ForeignKeyConstraint(['contact_id'], ['network_contact.id'], name=op.f('fk_meeting_participant_contact_id_network_contact')),
    sa.ForeignKeyConstraint(['meeting_id'], ['meeting.id'], name=op.f('fk_meeting_participant_meeting_id_meeting')),
    sa.ForeignKeyConstraint(['member_id'], ['family_member.id'], name=op.f('fk_meeting_participant_member_id_family_member')),
    sa.ForeignKeyConstraint(['user_id'], ['app_user.id'], name=op.f('fk_meeting_participant_user_id_app_user')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_meeting_participant')),
    sa.UniqueConstraint('meeting_id', 'contact_id', name='uq_meeting_participant_contact'),
    sa.UniqueConstraint('meeting_id', 'member_id', name='uq_meeting_participant_member'),
    sa.UniqueConstraint('meeting_id', 'user_id', name='uq_meeting_participant_user')
    )
    with op.batch_alter_table('meeting_participant', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_meeting_participant_meeting_id'), ['meeting_id'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('meeting_participant', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_participant_meeting_id'))

    op.drop_table('meeting_participant')
    with op.batch_alter_table('meeting_decision', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_decision_meeting_id'))

    op.drop_table('meeting_decision')
    with op.batch_alter_table('meeting_agenda_item', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_agenda_item_meeting_id'))

    op.drop_table('meeting_agenda_item')
    with op.batch_alter_table('meeting', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_meeting_status'))
        batch_op.drop_index(batch_op.f('ix_meeting_starts_at'))
        batch_op.drop_index(batch_op.f('ix_meeting_family_id'))

    op.drop_table('meeting')
    with op.batch_alter_table('family_status_change', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_family_status_change_family_id'))

    op.drop_table('family_status_change')
