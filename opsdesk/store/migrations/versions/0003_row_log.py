"""row log: the before and after of every row each action touched (undo on the change log)

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

from opsdesk.store import rowlog


revision = '0003'
down_revision = '0002'
branch_labels = None
depends_on = None

JSON = sa.JSON().with_variant(postgresql.JSONB(), "postgresql")


def upgrade() -> None:
    op.create_table('change_rows',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('change_id', sa.Integer(), nullable=True),
    sa.Column('tbl', sa.String(length=32), nullable=False),
    sa.Column('pk', sa.String(length=64), nullable=False),
    sa.Column('old', JSON, nullable=True),
    sa.Column('new', JSON, nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_change_rows'))
    )
    with op.batch_alter_table('change_rows', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_change_rows_change_id'), ['change_id'], unique=False)
        batch_op.create_index('ix_change_rows_tbl_pk', ['tbl', 'pk'], unique=False)
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.add_column(sa.Column('tx', sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column('reverts', sa.Integer(), nullable=True))
        batch_op.create_index(batch_op.f('ix_changes_tx'), ['tx'], unique=False)
        batch_op.create_index(batch_op.f('ix_changes_reverts'), ['reverts'], unique=False)
    rowlog.install(op.get_bind())


def downgrade() -> None:
    rowlog.drop(op.get_bind())
    with op.batch_alter_table('changes', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_changes_reverts'))
        batch_op.drop_index(batch_op.f('ix_changes_tx'))
        batch_op.drop_column('reverts')
        batch_op.drop_column('tx')
    op.drop_table('change_rows')
