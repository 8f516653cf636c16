"""Meetings with their agenda and leaders, attendance and its history, proxies, and the
recorded quorum checks.

Revision ID: r0002
Revises: r0001
"""

import sqlalchemy as sa
from alembic import op

from assembly.persistence.migrations import guards

revision = "r0002"
down_revision = "r0001"
branch_labels = None
depends_on = None

HISTORY_GUARDS = tuple(
    guards.Guard(f"{table}_no_{action.lower()}", table, action, f"{table} are append-only")
    for table in ("attendance_events", "quorum_checks")
    for action in ("UPDATE", "DELETE")
)


def upgrade() -> None:
    op.create_table(
        "meetings",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("subject", sa.String(200), nullable=False, server_default=""),
        sa.Column("financial_year", sa.Integer, nullable=True),
        sa.Column("date", sa.Date, nullable=False),
        sa.Column("start_time", sa.Time, nullable=False),
        sa.Column("time_zone", sa.String(4), nullable=False),
        sa.Column("venue", sa.String(300), nullable=False, server_default=""),
        sa.Column("mode", sa.String(10), nullable=False),
        sa.Column("platform", sa.String(200), nullable=False, server_default=""),
        sa.Column("document_number", sa.String(60), nullable=False, server_default=""),
        sa.Column("cutoff_date", sa.Date, nullable=False),
        sa.Column("invitation_date", sa.Date, nullable=True),
        sa.Column("profile_version", sa.Integer, nullable=False),
        sa.Column("state", sa.String(20), nullable=False),
        sa.Column("created_at", sa.String(40), nullable=False),
        sa.Column("check_in_opened_at", sa.String(40), nullable=True),
        sa.Column("opened_at", sa.String(40), nullable=True),
        sa.Column("suspended_until", sa.String(40), nullable=True),
        sa.Column("closed_at", sa.String(40), nullable=True),
        sa.Column("registered", sa.Integer, nullable=True),
        sa.Column("entitled", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meetings"),
        sa.ForeignKeyConstraint(
            ["profile_version"],
            ["ad_profile_versions.version"],
            name="fk_meetings_profile_version_ad_profile_versions",
        ),
    )
    op.create_index("ix_meetings_date", "meetings", ["date"])

    op.create_table(
        "agenda_items",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("title", sa.String(300), nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("notes", sa.Text, nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_agenda_items"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_agenda_items_meeting_id_meetings"
        ),
    )
    op.create_index("ix_agenda_items_meeting_id", "agenda_items", ["meeting_id", "position"])

    op.create_table(
        "meeting_officers",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("role", sa.String(20), nullable=False),
        sa.Column("position", sa.Integer, nullable=False),
        sa.Column("name", sa.String(120), nullable=False),
        sa.Column("member_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_meeting_officers"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_meeting_officers_meeting_id_meetings"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_meeting_officers_member_id_members"
        ),
    )
    op.create_index(
        "ix_meeting_officers_meeting_id", "meeting_officers", ["meeting_id", "position"]
    )

    op.create_table(
        "proxies",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("grantor_id", sa.Integer, nullable=False),
        sa.Column("holder_id", sa.Integer, nullable=False),
        sa.Column("reference", sa.String(100), nullable=False),
        sa.Column("granted_on", sa.Date, nullable=True),
        sa.Column("state", sa.String(12), nullable=False),
        sa.Column("recorded_at", sa.String(40), nullable=False),
        sa.Column("ended_at", sa.String(40), nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_proxies"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_proxies_meeting_id_meetings"
        ),
        sa.ForeignKeyConstraint(
            ["grantor_id"], ["members.id"], name="fk_proxies_grantor_id_members"
        ),
        sa.ForeignKeyConstraint(["holder_id"], ["members.id"], name="fk_proxies_holder_id_members"),
    )
    op.create_index("ix_proxies_meeting_id", "proxies", ["meeting_id", "holder_id", "state"])
    op.create_index("ix_proxies_grantor_id", "proxies", ["grantor_id"])

    op.create_table(
        "attendance",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("state", sa.String(10), nullable=False),
        sa.Column("arrived_at", sa.String(40), nullable=False),
        sa.Column("left_at", sa.String(40), nullable=True),
        sa.Column("may_vote", sa.Boolean, nullable=False),
        sa.Column("counted", sa.Boolean, nullable=False),
        sa.Column("proxy_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_attendance"),
        sa.UniqueConstraint("meeting_id", "member_id", name="uq_attendance_meeting_id"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_attendance_meeting_id_meetings"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_attendance_member_id_members"
        ),
        sa.ForeignKeyConstraint(
            ["proxy_id"], ["proxies.id"], name="fk_attendance_proxy_id_proxies"
        ),
    )
    op.create_index(
        "ix_attendance_meeting_id", "attendance", ["meeting_id", "state", "counted", "channel"]
    )
    op.create_index(
        "ix_attendance_arrived_at", "attendance", ["meeting_id", "arrived_at", "state", "channel"]
    )
    op.create_index("ix_attendance_member_id", "attendance", ["member_id"])

    op.create_table(
        "attendance_events",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("member_id", sa.Integer, nullable=False),
        sa.Column("kind", sa.String(20), nullable=False),
        sa.Column("channel", sa.String(10), nullable=True),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("before", sa.Text, nullable=True),
        sa.Column("undoes", sa.Integer, nullable=True),
        sa.Column("proxy_id", sa.Integer, nullable=True),
        sa.PrimaryKeyConstraint("id", name="pk_attendance_events"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_attendance_events_meeting_id_meetings"
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name="fk_attendance_events_member_id_members"
        ),
        sa.ForeignKeyConstraint(
            ["undoes"],
            ["attendance_events.id"],
            name="fk_attendance_events_undoes_attendance_events",
        ),
        sa.ForeignKeyConstraint(
            ["proxy_id"], ["proxies.id"], name="fk_attendance_events_proxy_id_proxies"
        ),
    )
    op.create_index(
        "ix_attendance_events_meeting_id", "attendance_events", ["meeting_id", "member_id", "id"]
    )

    op.create_table(
        "quorum_checks",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("meeting_id", sa.Integer, nullable=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("step", sa.String(20), nullable=False),
        sa.Column("base", sa.Integer, nullable=False),
        sa.Column("present", sa.Integer, nullable=False),
        sa.Column("minimum", sa.Integer, nullable=False),
        sa.Column("reached", sa.Boolean, nullable=False),
        sa.Column("rule_text", sa.String(300), nullable=False),
        sa.Column("article", sa.String(120), nullable=False, server_default=""),
        sa.Column("until", sa.String(40), nullable=True),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("note", sa.String(400), nullable=False, server_default=""),
        sa.PrimaryKeyConstraint("id", name="pk_quorum_checks"),
        sa.ForeignKeyConstraint(
            ["meeting_id"], ["meetings.id"], name="fk_quorum_checks_meeting_id_meetings"
        ),
    )
    op.create_index("ix_quorum_checks_meeting_id", "quorum_checks", ["meeting_id", "id"])

    # The histories are append-only, like the audit log.
    guards.create(op.get_bind(), HISTORY_GUARDS)


def downgrade() -> None:
    for name in (
        "quorum_checks",
        "attendance_events",
        "attendance",
        "proxies",
        "meeting_officers",
        "agenda_items",
        "meetings",
    ):
        op.execute(f"DROP TABLE IF EXISTS {name}")
