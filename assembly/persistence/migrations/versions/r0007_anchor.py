"""The anchor recorded when a meeting locks: the digest of its records at that moment, the
audit head, and the signed berita acara itself, so ``audit verify`` can check every locked
meeting without the file at hand (the signatures inside make its anchor trustworthy even
though it is stored here). Rows are never changed or removed: triggers refuse it.

Revision ID: r0007
Revises: r0006
"""

import sqlalchemy as sa
from alembic import op

from assembly.persistence.migrations import guards

revision = "r0007"
down_revision = "r0006"
branch_labels = None
depends_on = None

ANCHOR_MARK = "kuorum:anchor-fixed"


ANCHOR_GUARDS = tuple(
    guards.Guard(f"anchor_meeting_anchors_{event.lower()}", "meeting_anchors", event, ANCHOR_MARK)
    for event in ("UPDATE", "DELETE")
)


def anchor_triggers() -> list[tuple[str, str]]:
    """The triggers that keep the recorded anchors as they were written: (name, SQLite text)."""
    return [(guard.name, guard.sqlite()) for guard in ANCHOR_GUARDS]


def upgrade() -> None:
    op.create_table(
        "meeting_anchors",
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("digest", sa.Text, nullable=False),
        sa.Column("audit_seq", sa.Integer, nullable=False),
        sa.Column("audit_hash", sa.String(64), nullable=False),
        sa.Column("signed_sha256", sa.String(64), nullable=False),
        sa.Column("signed_pdf", sa.LargeBinary, nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("meeting_id", name="pk_meeting_anchors"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_anchors_meeting_id_meetings"
        ),
    )
    guards.create(op.get_bind(), ANCHOR_GUARDS)


def downgrade() -> None:
    guards.drop(op.get_bind(), ANCHOR_GUARDS)
    op.drop_table("meeting_anchors")
