"""task anchors: what a task's due date hangs on — launch day (the default, as before), a
calendar date (双11 = 11-11), a Chinese lunar date (中秋 = 八月十五) or another task
(N days before or after it)

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

from opsdesk.store import rowlog


revision = '0005'
down_revision = '0004'
branch_labels = None
depends_on = None


def upgrade() -> None:
    bind = op.get_bind()
    if bind.dialect.name == 'sqlite':
        # Plain ADD COLUMN (a batch copy of the table would write its constraints in an
        # order that changes from run to run, and `make sample` must be reproducible).
        # anchor_task_id has no foreign key for that reason: a task whose anchor is gone
        # hangs on launch day again (services/anchors.py), and undoing the delete brings
        # the anchor back.
        for ddl in (
            "ADD COLUMN anchor_kind VARCHAR(8) DEFAULT 'launch' NOT NULL",
            "ADD COLUMN anchor_month INTEGER",
            "ADD COLUMN anchor_day INTEGER",
            "ADD COLUMN anchor_task_id INTEGER",
            "ADD COLUMN anchor_days INTEGER DEFAULT '0' NOT NULL",
        ):
            op.execute(f"ALTER TABLE tasks {ddl}")
    else:
        op.add_column('tasks', sa.Column('anchor_kind', sa.String(length=8), nullable=False,
                                         server_default='launch'))
        op.add_column('tasks', sa.Column('anchor_month', sa.Integer(), nullable=True))
        op.add_column('tasks', sa.Column('anchor_day', sa.Integer(), nullable=True))
        op.add_column('tasks', sa.Column('anchor_task_id', sa.Integer(), nullable=True))
        op.add_column('tasks', sa.Column('anchor_days', sa.Integer(), nullable=False,
                                         server_default='0'))
    op.create_index('ix_tasks_anchor_task_id', 'tasks', ['anchor_task_id'], unique=False)
    rowlog.install(bind)


def downgrade() -> None:
    op.drop_index('ix_tasks_anchor_task_id', table_name='tasks')
    with op.batch_alter_table('tasks', schema=None) as batch_op:
        batch_op.drop_column('anchor_days')
        batch_op.drop_column('anchor_task_id')
        batch_op.drop_column('anchor_day')
        batch_op.drop_column('anchor_month')
        batch_op.drop_column('anchor_kind')
    rowlog.install(op.get_bind())
