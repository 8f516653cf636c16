"""The signed file itself, kept at the lock: a locked meeting's berita acara (and each signed
addendum) is stored byte for byte beside its recorded SHA-256, so re-exporting it gives the
file the officers signed, never a re-render with today's register. Rows are only added;
triggers refuse changing or removing one.

Revision ID: r0008
Revises: r0007
"""

import sqlalchemy as sa
from alembic import op

from assembly.persistence.migrations import guards

revision = "r0008"
down_revision = "r0007"
branch_labels = None
depends_on = None

LOCKED_MARK = "kuorum:meeting-locked"  # the same refusal as the lock triggers of r0005

GUARDS = tuple(
    guards.Guard(f"signed_files_no_{event.lower()}", "signed_files", event, LOCKED_MARK)
    for event in ("UPDATE", "DELETE")
)
_TRIGGERS = tuple((guard.name, guard.sqlite()) for guard in GUARDS)


def upgrade() -> None:
    op.create_table(
        "signed_files",
        sa.Column("document_id", sa.Integer, nullable=False),
        sa.Column("data", sa.LargeBinary, nullable=False),
        sa.PrimaryKeyConstraint("document_id", name="pk_signed_files"),
        sa.ForeignKeyConstraint(
            ["document_id"],
            ["meeting_documents.id"],
            name="fk_signed_files_document_id_meeting_documents",
        ),
    )
    guards.create(op.get_bind(), GUARDS)


def downgrade() -> None:
    guards.drop(op.get_bind(), GUARDS)
    op.drop_table("signed_files")
