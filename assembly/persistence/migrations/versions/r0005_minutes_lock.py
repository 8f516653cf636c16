"""When each agenda item was taken up, the signed documents of a meeting, settings of the file,
and the lock: once the berita acara carries every required signature, triggers refuse any change
to the meeting's records (DESIGN.md section 4: a correction is an addendum, never an edit).

Revision ID: r0005
Revises: r0004
"""

import sqlalchemy as sa
from alembic import op

from assembly.persistence.migrations import guards

revision = "r0005"
down_revision = "r0004"
branch_labels = None
depends_on = None

LOCKED_MARK = "kuorum:meeting-locked"  # persistence.database maps it to a clear refusal

# Tables holding a meeting_id, and tables reaching their meeting through ballot_id.
_BY_MEETING = (
    "agenda_items",
    "meeting_officers",
    "proxies",
    "attendance",
    "attendance_events",
    "quorum_checks",
    "decisions",
    "ballots",
)
_BY_BALLOT = (
    "ballot_eligible",
    "named_votes",
    "secret_participation",
    "secret_choices",
    "counted_totals",
    "candidates",
)


def _locked(meeting_expr: str) -> str:
    return f"(SELECT state FROM meetings WHERE id = {meeting_expr}) = 'locked'"


def lock_guards() -> list[guards.Guard]:
    """The lock's triggers (SQLite text as this revision always wrote it; PL/pgSQL on
    PostgreSQL, see :mod:`assembly.persistence.migrations.guards`)."""
    out = []
    for table in _BY_MEETING + _BY_BALLOT:
        column = "meeting_id" if table in _BY_MEETING else "ballot_id"
        for event, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
            target = f"{row}.{column}"
            if column == "ballot_id":
                target = f"(SELECT meeting_id FROM ballots WHERE id = {row}.ballot_id)"
            name = f"lock_{table}_{event.lower()}"
            out.append(
                guards.Guard(name, table, event, LOCKED_MARK, when=_locked(target), via=column)
            )
    for event in ("UPDATE", "DELETE"):
        out.append(
            guards.Guard(
                f"lock_meetings_{event.lower()}",
                "meetings",
                event,
                LOCKED_MARK,
                when="OLD.state = 'locked'",
                pg_when="OLD.state = 'locked'",
            )
        )
    return out


def _lock_triggers() -> list[tuple[str, str]]:
    """(name, SQLite text) of each lock trigger."""
    return [(guard.name, guard.sqlite()) for guard in lock_guards()]


def upgrade() -> None:
    with op.batch_alter_table("agenda_items") as batch:
        batch.add_column(sa.Column("started_at", sa.String(40), nullable=True))
        batch.add_column(sa.Column("ended_at", sa.String(40), nullable=True))
    op.create_table(
        "meeting_documents",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("sha256", sa.String(64), nullable=False),
        sa.Column("file_name", sa.String(400), nullable=False),
        sa.Column("signers", sa.Text, nullable=False, server_default=""),
        sa.Column("cites_sha256", sa.String(64), nullable=True),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_documents"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_documents_meeting_id_meetings"
        ),
    )
    op.create_index("ix_meeting_documents_meeting_id", "meeting_documents", ["meeting_id"])
    op.create_table(
        "settings",
        sa.Column("key", sa.String(60), nullable=False),
        sa.Column("value", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("key", name="pk_settings"),
    )
    guards.create(op.get_bind(), lock_guards())


def downgrade() -> None:
    guards.drop(op.get_bind(), lock_guards())
    op.drop_table("settings")
    op.drop_index("ix_meeting_documents_meeting_id", "meeting_documents")
    op.drop_table("meeting_documents")
    with op.batch_alter_table("agenda_items") as batch:
        batch.drop_column("ended_at")
        batch.drop_column("started_at")
