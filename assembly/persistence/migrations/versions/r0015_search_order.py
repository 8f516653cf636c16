"""The register sorted by join date on PostgreSQL in SQLite's order: members without a join
date first (SQLite sorts NULL lowest, PostgreSQL highest by default), so both engines show
the same pages. ``ORDER BY joined_on NULLS FIRST, id`` walks this index (forwards, or
backwards for the descending order) instead of sorting 300,000 rows. SQLite's
``ix_members_joined_on`` already serves its order.

Revision ID: r0015
Revises: r0013
"""

from alembic import op

from assembly.persistence.migrations import guards

revision = "r0015"
down_revision = "r0014"
branch_labels = None
depends_on = None


def upgrade() -> None:
    if guards.is_postgresql(op.get_bind()):
        op.execute("CREATE INDEX ix_members_joined_on_first ON members (joined_on NULLS FIRST, id)")


def downgrade() -> None:
    if guards.is_postgresql(op.get_bind()):
        op.execute("DROP INDEX ix_members_joined_on_first")
