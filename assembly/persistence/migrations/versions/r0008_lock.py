"""The signed file itself, kept at the lock: a locked meeting's berita acara (and each signed
addendum) is stored byte for byte beside its recorded SHA-256, so re-exporting it gives the
file the officers signed, never a re-render with today's register. Rows are only added;
triggers refuse changing or removing one.

Revision ID: r0008
Revises: r0007
"""

import sqlalchemy as sa
from alembic import op

revision = "r0008"
down_revision = "r0007"
branch_labels = None
depends_on = None

LOCKED_MARK = "kuorum:meeting-locked"  # the same refusal as the lock triggers of r0005

_TRIGGERS = tuple(
    (
        f"signed_files_no_{event.lower()}",
        f"CREATE TRIGGER signed_files_no_{event.lower()} BEFORE {event} ON signed_files "
        f"BEGIN SELECT RAISE(ABORT, '{LOCKED_MARK}'); END",
    )
    for event in ("UPDATE", "DELETE")
)


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
    for _name, sql in _TRIGGERS:
        op.execute(sql)


def downgrade() -> None:
    for name, _sql in _TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {name}")
    op.drop_table("signed_files")
