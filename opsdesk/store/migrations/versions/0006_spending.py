"""spending: money out by channel (直通车, 钻展, 淘宝客, staff, operations, goods) per day or
month, and monthly budgets per channel or group; both in the row log (undo)

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-02
"""
from alembic import op
import sqlalchemy as sa

from opsdesk.store import rowlog


revision = '0006'
down_revision = '0005'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('spending',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('day', sa.Date(), nullable=False),
    sa.Column('per_month', sa.Boolean(), nullable=False),
    sa.Column('channel', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.Column('note', sa.String(length=500), nullable=False),
    sa.Column('entered_by', sa.Integer(), nullable=True),
    sa.Column('entered_at', sa.DateTime(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_spending_amount_not_negative')),
    sa.ForeignKeyConstraint(['entered_by'], ['users.id'], name=op.f('fk_spending_entered_by_users')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_spending_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spending')),
    sa.UniqueConstraint('plan_id', 'day', 'per_month', 'channel', name=op.f('uq_spending_plan_id_day_per_month_channel'))
    )
    with op.batch_alter_table('spending', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_spending_plan_id'), ['plan_id'], unique=False)

    op.create_table('spending_budgets',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('plan_id', sa.Integer(), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('scope', sa.String(length=16), nullable=False),
    sa.Column('amount', sa.Float(), nullable=False),
    sa.CheckConstraint('amount >= 0', name=op.f('ck_spending_budgets_budget_not_negative')),
    sa.ForeignKeyConstraint(['plan_id'], ['plans.id'], name=op.f('fk_spending_budgets_plan_id_plans'), ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_spending_budgets')),
    sa.UniqueConstraint('plan_id', 'month', 'scope', name=op.f('uq_spending_budgets_plan_id_month_scope'))
    )
    with op.batch_alter_table('spending_budgets', schema=None) as batch_op:
        batch_op.create_index(batch_op.f('ix_spending_budgets_plan_id'), ['plan_id'], unique=False)
    rowlog.install(op.get_bind())


def downgrade() -> None:
    with op.batch_alter_table('spending_budgets', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_spending_budgets_plan_id'))
    op.drop_table('spending_budgets')
    with op.batch_alter_table('spending', schema=None) as batch_op:
        batch_op.drop_index(batch_op.f('ix_spending_plan_id'))
    op.drop_table('spending')
    rowlog.install(op.get_bind())
