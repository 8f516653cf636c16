"""The cooperative, its AD profile versions, the member register and the audit log.

Revision ID: r0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

from assembly.persistence.migrations import guards

revision = "r0001"
down_revision = None
branch_labels = None
depends_on = None

AUDIT_GUARDS = tuple(
    guards.Guard(
        f"audit_events_no_{action.lower()}", "audit_events", action, "audit events are append-only"
    )
    for action in ("UPDATE", "DELETE")
)


def _name_type() -> sa.types.TypeEngine[str]:
    # SQLite sorts and compares names without case (NOCASE); PostgreSQL's search lower-cases.
    if guards.is_postgresql(op.get_bind()):
        return sa.String(120)
    return sa.String(120, collation="NOCASE")


def upgrade() -> None:
    op.create_table(
        "cooperative",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("name", sa.String(200), nullable=False),
        sa.Column("legal_entity_number", sa.String(100), nullable=False, server_default=""),
        sa.Column("registration_number", sa.String(40), nullable=False, server_default=""),
        sa.Column("address", sa.String(400), nullable=False, server_default=""),
        sa.Column("city", sa.String(100), nullable=False, server_default=""),
        sa.Column("level", sa.String(20), nullable=False),
        sa.Column("time_zone", sa.String(4), nullable=False),
        sa.Column("fiscal_year_end_month", sa.Integer, nullable=False),
        sa.Column("fiscal_year_end_day", sa.Integer, nullable=False),
        sa.Column("code", sa.String(40), nullable=False, server_default=""),
        sa.Column("is_demo", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.CheckConstraint("id = 1", name="ck_cooperative_single_row"),
        sa.PrimaryKeyConstraint("id", name="pk_cooperative"),
    )
    op.create_table(
        "ad_profile_versions",
        sa.Column("version", sa.Integer, primary_key=True),
        sa.Column("saved_at", sa.String(40), nullable=False),
        sa.Column("confirmed", sa.Boolean, nullable=False),
        sa.Column("note", sa.String(400), nullable=False, server_default=""),
        sa.Column("data", sa.Text, nullable=False),
        sa.PrimaryKeyConstraint("version", name="pk_ad_profile_versions"),
    )
    op.create_table(
        "members",
        sa.Column("id", sa.Integer, primary_key=True),
        sa.Column("number", sa.String(20), nullable=False),
        sa.Column("name", _name_type(), nullable=False),
        sa.Column("nik", sa.String(16), nullable=True),
        sa.Column("sex", sa.String(1), nullable=True),
        sa.Column("birth_date", sa.Date, nullable=True),
        sa.Column("address", sa.String(400), nullable=False, server_default=""),
        sa.Column("phone", sa.String(40), nullable=False, server_default=""),
        sa.Column("joined_on", sa.Date, nullable=True),
        sa.Column("category", sa.String(20), nullable=False),
        sa.Column("status", sa.String(20), nullable=False),
        sa.Column("exit_date", sa.Date, nullable=True),
        sa.Column("exit_reason", sa.String(400), nullable=False, server_default=""),
        sa.Column("arrears", sa.Boolean, nullable=False, server_default=sa.false()),
        sa.PrimaryKeyConstraint("id", name="pk_members"),
        sa.UniqueConstraint("number", name="uq_members_number"),
    )
    op.create_index("ix_members_nik", "members", ["nik"])
    op.create_index("ix_members_name", "members", ["name"])
    op.create_index("ix_members_category_status", "members", ["category", "status"])
    if guards.is_postgresql(op.get_bind()):
        # Substring search on names through trigrams (pg_trgm, a trusted extension of
        # postgresql-contrib): the name, lower-cased, indexed for ILIKE '%...%'.
        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        op.execute(
            "CREATE INDEX ix_members_name_trgm ON members USING gin (lower(name) gin_trgm_ops)"
        )
    else:
        # Substring search on names ("any part of the name") at 300,000 members.
        op.execute(
            "CREATE VIRTUAL TABLE members_fts USING fts5("
            "name, content='members', content_rowid='id', tokenize='trigram')"
        )
        op.execute(
            "CREATE TRIGGER members_fts_insert AFTER INSERT ON members BEGIN "
            "INSERT INTO members_fts(rowid, name) VALUES (new.id, new.name); END"
        )
        op.execute(
            "CREATE TRIGGER members_fts_delete AFTER DELETE ON members BEGIN "
            "INSERT INTO members_fts(members_fts, rowid, name) "
            "VALUES ('delete', old.id, old.name); END"
        )
        op.execute(
            "CREATE TRIGGER members_fts_update AFTER UPDATE OF name ON members BEGIN "
            "INSERT INTO members_fts(members_fts, rowid, name) "
            "VALUES ('delete', old.id, old.name); "
            "INSERT INTO members_fts(rowid, name) VALUES (new.id, new.name); END"
        )

    op.create_table(
        "audit_events",
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("at", sa.String(40), nullable=False),
        sa.Column("actor", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(60), nullable=False),
        sa.Column("payload", sa.Text, nullable=False),
        sa.Column("prev_hash", sa.String(64), nullable=False),
        sa.Column("hash", sa.String(64), nullable=False),
        sa.PrimaryKeyConstraint("seq", name="pk_audit_events"),
    )
    # Append-only: the app never updates or deletes an event. A hand edit that drops these
    # triggers is still caught by the hash chain.
    guards.create(op.get_bind(), AUDIT_GUARDS)


def downgrade() -> None:
    for name in ("audit_events", "members_fts", "members", "ad_profile_versions", "cooperative"):
        if name == "members_fts" and guards.is_postgresql(op.get_bind()):
            continue
        op.execute(f"DROP TABLE IF EXISTS {name}")
