"""Indexes for sorting the register by join date and by status at 300,000 members.

Revision ID: r0003
Revises: r0002
"""

from alembic import op

revision = "r0003"
down_revision = "r0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_members_joined_on", "members", ["joined_on"])
    op.create_index("ix_members_status_number", "members", ["status", "number"])


def downgrade() -> None:
    op.drop_index("ix_members_status_number", "members")
    op.drop_index("ix_members_joined_on", "members")
