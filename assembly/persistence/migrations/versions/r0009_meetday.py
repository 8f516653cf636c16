"""The roles that must sign a meeting's berita acara, chosen in the meeting form: the chair and
the secretary always, the two meeting witnesses and "Mengetahui" when the meeting requires
them (issue 12). NULL for the meetings saved before: their witnesses' fields stay required.

A plain ADD COLUMN: the meetings table is not rebuilt, so its lock triggers stay in place.

Revision ID: r0009
Revises: r0008
"""

import sqlalchemy as sa
from alembic import op

revision = "r0009"
down_revision = "r0008"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("meetings", sa.Column("required_signers", sa.String(60), nullable=True))


def downgrade() -> None:
    op.drop_column("meetings", "required_signers")
