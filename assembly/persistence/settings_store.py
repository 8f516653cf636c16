"""The ``settings`` table: small key/value settings that belong to the database (the backup
folder, how many backups to keep), not to one user's window."""

from __future__ import annotations

import sqlalchemy as sa

from assembly.persistence.tables import settings


def get(conn: sa.Connection, key: str) -> str | None:
    """The value stored under ``key``, or None."""
    return conn.execute(sa.select(settings.c.value).where(settings.c.key == key)).scalar()


def put(conn: sa.Connection, key: str, value: str) -> None:
    """Store ``value`` under ``key`` (inside the caller's write transaction)."""
    updated = conn.execute(sa.update(settings).where(settings.c.key == key).values(value=value))
    if not updated.rowcount:
        conn.execute(sa.insert(settings).values(key=key, value=value))


def remove(conn: sa.Connection, key: str) -> None:
    """Remove ``key`` (nothing happens when it is not stored)."""
    conn.execute(sa.delete(settings).where(settings.c.key == key))


def starting_with(conn: sa.Connection, prefix: str) -> dict[str, str]:
    """Every setting whose key starts with ``prefix``, by key."""
    rows = conn.execute(
        sa.select(settings.c.key, settings.c.value).where(settings.c.key.startswith(prefix))
    ).all()
    return {key: value for key, value in rows}
