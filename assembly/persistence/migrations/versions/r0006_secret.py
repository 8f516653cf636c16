"""Secret ballots kept as totals only (issue 10): the row per secret choice becomes one counter
per option, so nothing in the file (rowids, keys, byte offsets, the WAL) can be paired with the
public order in which members voted. Existing choices are counted into the totals and their rows
dropped; the database's ``secure_delete`` zeroes the freed pages.

Revision ID: r0006
Revises: r0005
"""

from collections import Counter

import sqlalchemy as sa
from alembic import op

from assembly.persistence.migrations import guards

revision = "r0006"
down_revision = "r0005"
branch_labels = None
depends_on = None

LOCKED_MARK = "kuorum:meeting-locked"  # as r0005: persistence.database maps it to a refusal
# As assembly.persistence.ballot_store (kept here so the revision stands alone).
FIXED_WIDTH = 1 << 48
CAST = "#"
MOTION_OPTIONS = ("setuju", "tidak_setuju", "abstain")


def lock_guards(table: str) -> list[guards.Guard]:
    """The lock's triggers of a table reaching its meeting through ``ballot_id`` (as r0005)."""
    out = []
    for event, row in (("INSERT", "NEW"), ("UPDATE", "OLD"), ("DELETE", "OLD")):
        meeting = f"(SELECT meeting_id FROM ballots WHERE id = {row}.ballot_id)"
        out.append(
            guards.Guard(
                f"lock_{table}_{event.lower()}",
                table,
                event,
                LOCKED_MARK,
                when=f"(SELECT state FROM meetings WHERE id = {meeting}) = 'locked'",
                via="ballot_id",
            )
        )
    return out


def _lock_triggers(table: str) -> list[tuple[str, str]]:
    """(name, SQLite text) of each lock trigger of ``table``."""
    return [(guard.name, guard.sqlite()) for guard in lock_guards(table)]


def _totals(conn: sa.Connection) -> list[dict[str, object]]:
    rows = []
    secret = conn.execute(
        sa.text("SELECT id, kind FROM ballots WHERE mode = 'secret' ORDER BY id")
    ).all()
    for ballot_id, kind in secret:
        choices = conn.execute(
            sa.text("SELECT choice FROM secret_choices WHERE ballot_id = :b"), {"b": ballot_id}
        ).scalars()
        counts: Counter[str] = Counter()
        cast = 0
        for choice in choices:
            cast += 1
            for option in set(choice.split(",")):
                counts[option] += 1
        if kind == "election":
            people = conn.execute(
                sa.text("SELECT member_id FROM candidates WHERE ballot_id = :b ORDER BY id"),
                {"b": ballot_id},
            ).scalars()
            options = [*(str(m) for m in people), ""]
        else:
            options = list(MOTION_OPTIONS)
        options += [o for o in sorted(counts) if o not in options]  # never lose a vote
        for option in [*options, CAST]:
            votes = cast if option == CAST else counts[option]
            rows.append({"ballot_id": ballot_id, "option": option, "votes": FIXED_WIDTH + votes})
    return rows


def upgrade() -> None:
    conn = op.get_bind()
    totals = op.create_table(
        "secret_totals",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("option", sa.String(40), nullable=False),
        # Offset counters (2**48 + n): PostgreSQL's integer is 4 bytes, so a bigint there.
        sa.Column(
            "votes", sa.Integer().with_variant(sa.BigInteger(), "postgresql"), nullable=False
        ),
        sa.PrimaryKeyConstraint("id", name="pk_secret_totals"),
        sa.ForeignKeyConstraint(
            ["ballot_id"], ["ballots.id"], name="fk_secret_totals_ballot_id_ballots"
        ),
        sa.UniqueConstraint("ballot_id", "option", name="uq_secret_totals_ballot_id"),
    )
    rows = _totals(conn)
    if rows:
        # A locked meeting's triggers do not cover the new table yet: its totals go in.
        op.bulk_insert(totals, rows)
    guards.drop(conn, lock_guards("secret_choices"))
    op.drop_index("ix_secret_choices_ballot_id", "secret_choices")
    op.drop_table("secret_choices")
    guards.create(conn, lock_guards("secret_totals"))


def downgrade() -> None:
    guards.drop(op.get_bind(), lock_guards("secret_totals"))
    op.create_table(
        "secret_choices",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("choice", sa.String(400), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_secret_choices"),
        sa.ForeignKeyConstraint(
            ["ballot_id"], ["ballots.id"], name="fk_secret_choices_ballot_id_ballots"
        ),
    )
    op.create_index("ix_secret_choices_ballot_id", "secret_choices", ["ballot_id"])
    guards.create(op.get_bind(), lock_guards("secret_choices"))
    # The totals cannot be split back into choices: the per-vote rows are gone for good.
    op.drop_table("secret_totals")
