"""The tables, as SQLAlchemy Core metadata. Alembic revisions create them; a test checks that a
database upgraded to head matches this metadata exactly."""

from __future__ import annotations

import sqlalchemy as sa

metadata = sa.MetaData(
    naming_convention={
        "ix": "ix_%(table_name)s_%(column_0_name)s",
        "uq": "uq_%(table_name)s_%(column_0_name)s",
        "ck": "ck_%(table_name)s_%(constraint_name)s",
        "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
        "pk": "pk_%(table_name)s",
    }
)

cooperative = sa.Table(
    "cooperative",
    metadata,
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
    sa.CheckConstraint("id = 1", name="single_row"),
)

ad_profile_versions = sa.Table(
    "ad_profile_versions",
    metadata,
    sa.Column("version", sa.Integer, primary_key=True),
    sa.Column("saved_at", sa.String(40), nullable=False),
    sa.Column("confirmed", sa.Boolean, nullable=False),
    sa.Column("note", sa.String(400), nullable=False, server_default=""),
    sa.Column("data", sa.Text, nullable=False),
)

members = sa.Table(
    "members",
    metadata,
    sa.Column("id", sa.Integer, primary_key=True),
    sa.Column("number", sa.String(20), nullable=False, unique=True),
    sa.Column("name", sa.String(120, collation="NOCASE"), nullable=False),
    sa.Column("nik", sa.String(16), nullable=True, index=True),
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
    sa.Index("ix_members_name", "name"),
    sa.Index("ix_members_category_status", "category", "status"),
)

audit_events = sa.Table(
    "audit_events",
    metadata,
    sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
    sa.Column("at", sa.String(40), nullable=False),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Column("kind", sa.String(60), nullable=False),
    sa.Column("payload", sa.Text, nullable=False),
    sa.Column("prev_hash", sa.String(64), nullable=False),
    sa.Column("hash", sa.String(64), nullable=False),
)
