"""Decisions per agenda item, ballots with their quorum snapshot and who was entitled, named
votes, secret participation and unlinked secret choices, counted totals, and candidates.

Revision ID: r0004
Revises: r0003
"""

import sqlalchemy as sa
from alembic import op

revision = "r0004"
down_revision = "r0003"
branch_labels = None
depends_on = None


def _fk(table: str, column: str, target: str) -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint([column], [f"{target}.id"], name=f"fk_{table}_{column}_{target}")


def upgrade() -> None:
    op.create_table(
        "ballots",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(10), nullable=False),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("title", sa.Text, nullable=False),
        sa.Column("cancel_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("opened_at", sa.String(40), nullable=False),
        sa.Column("closed_at", sa.String(40), nullable=True),
        sa.Column("present", sa.Integer, nullable=False),
        sa.Column("minimum", sa.Integer, nullable=False),
        sa.Column("reached", sa.Boolean, nullable=False),
        sa.Column("rule_text", sa.String(300), nullable=False),
        sa.Column("article", sa.String(120), nullable=False, server_default=""),
        sa.Column("eligible", sa.Integer, nullable=False),
        sa.Column("members", sa.Integer, nullable=False),
        sa.Column("seats", sa.Integer, nullable=True),
        sa.Column("revote_reason", sa.Text, nullable=False, server_default=""),
        sa.Column("revote_of", sa.Integer, nullable=True),
        sa.Column("runoff_of", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_ballots"),
        _fk("ballots", "meeting_id", "meetings"),
        _fk("ballots", "item_id", "agenda_items"),
        _fk("ballots", "revote_of", "ballots"),
        _fk("ballots", "runoff_of", "ballots"),
    )
    op.create_index("ix_ballots_meeting_id", "ballots", ["meeting_id", "state"])

    op.create_table(
        "decisions",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("item_id", sa.Integer, nullable=False),
        sa.Column("method", sa.String(10), nullable=False),
        sa.Column("text", sa.Text, nullable=False),
        sa.Column("dissent", sa.Text, nullable=False, server_default=""),
        sa.Column("result", sa.Text, nullable=False),
        sa.Column("outcome", sa.String(20), nullable=False),
        sa.Column("ballot_id", sa.Integer, nullable=True),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_decisions"),
        _fk("decisions", "meeting_id", "meetings"),
        _fk("decisions", "item_id", "agenda_items"),
        _fk("decisions", "ballot_id", "ballots"),
    )
    op.create_index("ix_decisions_meeting_id", "decisions", ["meeting_id", "item_id", "id"])

    op.create_table(
        "ballot_eligible",
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("proxy_holder_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("ballot_id", "member_id", name="pk_ballot_eligible"),
        _fk("ballot_eligible", "ballot_id", "ballots"),
        _fk("ballot_eligible", "member_id", "members"),
        _fk("ballot_eligible", "proxy_holder_id", "members"),
    )

    op.create_table(
        "named_votes",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("choice", sa.String(400), nullable=False),
        sa.Column("proxy_holder_id", sa.Integer, nullable=True),
        sa.Column("cast_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_named_votes"),
        _fk("named_votes", "ballot_id", "ballots"),
        _fk("named_votes", "member_id", "members"),
        _fk("named_votes", "proxy_holder_id", "members"),
        sa.UniqueConstraint("ballot_id", "member_id", name="uq_named_votes_ballot_id"),
    )

    op.create_table(
        "secret_participation",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("via_proxy", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_secret_participation"),
        _fk("secret_participation", "ballot_id", "ballots"),
        _fk("secret_participation", "member_id", "members"),
        sa.UniqueConstraint("ballot_id", "member_id", name="uq_secret_participation_ballot_id"),
    )

    op.create_table(
        "secret_choices",
        sa.Column("id", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("choice", sa.String(400), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_secret_choices"),
        _fk("secret_choices", "ballot_id", "ballots"),
    )
    op.create_index("ix_secret_choices_ballot_id", "secret_choices", ["ballot_id"])

    op.create_table(
        "counted_totals",
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("yes", sa.Integer, nullable=False),
        sa.Column("no", sa.Integer, nullable=False),
        sa.Column("abstain", sa.Integer, nullable=False),
        sa.Column("invalid", sa.Integer, nullable=False),
        sa.Column("blank", sa.Integer, nullable=False),
        sa.Column("issued", sa.Integer, nullable=True),
        sa.Column("returned", sa.Integer, nullable=True),
        sa.Column("tellers", sa.Text, nullable=False),
        sa.Column("entered_at", sa.String(40), nullable=False),
        sa.PrimaryKeyConstraint("ballot_id", name="pk_counted_totals"),
        _fk("counted_totals", "ballot_id", "ballots"),
    )

    op.create_table(
        "candidates",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("ballot_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_candidates"),
        _fk("candidates", "ballot_id", "ballots"),
        _fk("candidates", "member_id", "members"),
        sa.UniqueConstraint("ballot_id", "member_id", name="uq_candidates_ballot_id"),
    )


def downgrade() -> None:
    for table in (
        "candidates",
        "counted_totals",
        "secret_choices",
        "secret_participation",
        "named_votes",
        "ballot_eligible",
        "decisions",
        "ballots",
    ):
        op.drop_table(table)
