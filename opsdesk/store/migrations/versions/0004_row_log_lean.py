"""row log: no (tbl, pk) index — every row a write touches paid for it; the rare "who
changed this row since" lookup scans only the rows logged after the action

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-02
"""
from alembic import op


revision = '0004'
down_revision = '0003'
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.drop_index('ix_change_rows_tbl_pk', table_name='change_rows')


def downgrade() -> None:
    op.create_index('ix_change_rows_tbl_pk', 'change_rows', ['tbl', 'pk'], unique=False)
