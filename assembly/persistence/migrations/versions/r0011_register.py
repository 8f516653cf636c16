"""Member numbers as people say them: a digits-only key of each member number ("KSP-012345"
-> "12345"), indexed, so "12345" and "012345" find the member at 300,000 members.

Revision ID: r0011
Revises: r0010
"""

import re

import sqlalchemy as sa
from alembic import op

revision = "r0011"
down_revision = "r0010"
branch_labels = None
depends_on = None


def _key(number: str) -> str:
    # The rule of assembly.domain.member_numbers.number_key as of this revision, kept here so
    # the migration stays what it was when the code moves on.
    digits = "".join(re.findall(r"[0-9]+", number or ""))
    return (digits.lstrip("0") or "0") if digits else ""


def upgrade() -> None:
    # ALTER TABLE ADD COLUMN: the table (and the name index's triggers on it) stays.
    op.add_column(
        "members", sa.Column("number_key", sa.String(20), nullable=False, server_default="")
    )
    bind = op.get_bind()
    rows = bind.execute(sa.text("SELECT id, number FROM members")).all()
    if rows:
        bind.execute(
            sa.text("UPDATE members SET number_key = :key WHERE id = :id"),
            [{"key": _key(number), "id": member_id} for member_id, number in rows],
        )
    op.create_index("ix_members_number_key", "members", ["number_key"])


def downgrade() -> None:
    op.drop_index("ix_members_number_key", "members")
    op.drop_column("members", "number_key")  # ALTER TABLE DROP COLUMN (SQLite 3.35)
