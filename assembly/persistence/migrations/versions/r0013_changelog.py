"""The change log: each write transaction notes the tables it wrote, so another window or
process on the same SQLite file can refresh what it shows (assembly.persistence.change_feed).

Revision ID: r0013
Revises: r0011
"""

import sqlalchemy as sa
from alembic import op

revision = "r0013"
down_revision = "r0012"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "change_log",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=True),
        sa.Column("origin", sa.String(32), nullable=False),
        sa.Column("tables", sa.Text, nullable=False),
    )


def downgrade() -> None:
    op.drop_table("change_log")
