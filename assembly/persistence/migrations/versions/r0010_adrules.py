"""What an election is for, and what its candidates declare (Koperasi Desa/Kelurahan Merah
Putih, SE Menkop 1/2025): the office of an election ballot (pengurus, pengawas, ketua
pengawas), and per candidate whether they are the kepala desa and the family group they
declare (two candidates with the same group are related by blood or marriage).

Plain ADD COLUMN, so the lock triggers of r0005 stay in place.

Revision ID: r0010
Revises: r0009
"""

import sqlalchemy as sa
from alembic import op

revision = "r0010"
down_revision = "r0009"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("ballots", sa.Column("office", sa.String(20), nullable=True))
    op.add_column(
        "candidates",
        sa.Column("village_head", sa.Boolean, nullable=False, server_default=sa.false()),
    )
    op.add_column(
        "candidates", sa.Column("kin_group", sa.String(60), nullable=False, server_default="")
    )


def downgrade() -> None:
    with op.batch_alter_table("candidates") as batch:
        batch.drop_column("kin_group")
        batch.drop_column("village_head")
    with op.batch_alter_table("ballots") as batch:
        batch.drop_column("office")
