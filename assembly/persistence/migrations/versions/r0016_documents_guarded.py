"""The record of each signed document under guard (DESIGN.md section 7): a row of
``meeting_documents`` holds the SHA-256, file name and signers of a signed berita acara or
addendum as recorded, the hash every check and every addendum cites. Until now nothing stopped
an edit of it behind the app's back.

The table is written after the lock, legitimately: a correction to a locked meeting is an
addendum, recorded as a new row citing the berita acara's hash (DESIGN.md section 4). So
adding rows stays open, and the guards are:

- no row is ever changed or removed (``meeting_documents_no_update``/``_no_delete``; the app
  only adds, as for ``signed_files``);
- no second berita acara for a meeting already locked (``lock_meeting_documents_insert``):
  the berita acara is recorded in the very transaction that locks its meeting, before the
  lock, so a berita acara row arriving after it can only be a forgery.

Revision ID: r0016
Revises: r0015
"""

from alembic import op

from assembly.persistence.migrations import guards

revision = "r0016"
down_revision = "r0015"
branch_labels = None
depends_on = None

LOCKED_MARK = "kuorum:meeting-locked"  # the same refusal as the lock triggers of r0005
_BERITA_ACARA = "berita_acara"  # as persistence.document_store


def document_guards() -> list[guards.Guard]:
    """The guards of ``meeting_documents`` (SQLite text; PL/pgSQL on PostgreSQL)."""
    out = [
        guards.Guard(
            f"meeting_documents_no_{event.lower()}", "meeting_documents", event, LOCKED_MARK
        )
        for event in ("UPDATE", "DELETE")
    ]
    out.append(
        guards.Guard(
            "lock_meeting_documents_insert",
            "meeting_documents",
            "INSERT",
            LOCKED_MARK,
            when=(
                f"NEW.kind = '{_BERITA_ACARA}' AND "
                "(SELECT state FROM meetings WHERE id = NEW.meeting_id) = 'locked'"
            ),
            via="meeting_id",
            pg_when=f"NEW.kind = '{_BERITA_ACARA}'",
        )
    )
    return out


def upgrade() -> None:
    guards.create(op.get_bind(), document_guards())


def downgrade() -> None:
    guards.drop(op.get_bind(), document_guards())
