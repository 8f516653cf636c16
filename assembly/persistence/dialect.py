"""The few statements whose form differs between SQLite and PostgreSQL, chosen by the
connection's engine (the stores stay one code path)."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa
from sqlalchemy.dialects import postgresql, sqlite


def is_postgresql(conn: sa.Connection) -> bool:
    """Whether ``conn`` talks to PostgreSQL (else SQLite)."""
    return conn.dialect.name == "postgresql"


def insert(conn: sa.Connection, table: sa.Table) -> Any:
    """The engine's own INSERT of ``table``, which knows ON CONFLICT (both engines spell it
    the same; SQLAlchemy has one construct per dialect)."""
    if is_postgresql(conn):
        return postgresql.insert(table)
    return sqlite.insert(table)


def together(conn: sa.Connection, main: Any, *others: Any) -> Any | None:
    """On PostgreSQL, ``main`` with the INSERT/UPDATE statements ``others`` run as WITH
    clauses of the same statement (each runs once, whether read or not): one round trip for
    all. None on SQLite, which has no writing WITH clause: run them one by one."""
    if not is_postgresql(conn):
        return None
    for number, other in enumerate(others):
        main = main.add_cte(other.cte(f"written_{number}"))
    return main


def insert_ignoring_existing(conn: sa.Connection, table: sa.Table) -> Any:
    """An INSERT of ``table`` that skips rows a unique key already has."""
    return insert(conn, table).on_conflict_do_nothing()


def like_pattern(text: str) -> str:
    """``text`` with LIKE's wildcards escaped (escape character "\\")."""
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def name_holds(conn: sa.Connection, name: sa.ColumnElement[str], word: str) -> Any:
    """``name`` holds ``word`` in any case: SQLite's LIKE folds case (ASCII); on PostgreSQL
    the lower-cased name, as the trigram index holds it."""
    pattern = "%" + like_pattern(word) + "%"
    if is_postgresql(conn):
        return sa.func.lower(name).like(pattern.lower(), escape="\\")
    return name.like(pattern, escape="\\")


def ids_by_name(conn: sa.Connection, members: sa.Table, words: list[str]) -> Any:
    """The ids of the members whose name holds every word (each of 3 characters or more),
    through the trigram index: SQLite's FTS5 table ``members_fts``, PostgreSQL's pg_trgm GIN
    index on ``lower(name)``."""
    if is_postgresql(conn):
        return sa.select(members.c.id).where(*(name_holds(conn, members.c.name, w) for w in words))
    phrase = " AND ".join('"' + w.replace('"', '""') + '"' for w in words)
    return (
        sa.select(sa.column("rowid"))
        .select_from(sa.table("members_fts"))
        .where(sa.text("members_fts MATCH :fts_phrase").bindparams(fts_phrase=phrase))
    )


def driver_sql(conn: sa.Connection, sql: str) -> str:
    """SQL written with ``?`` marks for the driver under ``conn`` (psycopg marks with
    ``%s``); the statements given contain no other question mark."""
    return sql.replace("?", "%s") if is_postgresql(conn) else sql


def driver_rows(conn: sa.Connection, sql: str, params: tuple[Any, ...]) -> list[Any]:
    """The rows of ``sql`` (``?`` marks) run by the driver itself, in ``conn``'s transaction."""
    driver = conn.connection.driver_connection
    assert driver is not None
    return list(driver.execute(driver_sql(conn, sql), params).fetchall())


def driver_executemany(conn: sa.Connection, sql: str, rows: Any) -> None:
    """``sql`` (``?`` marks) once per row, by the driver, in ``conn``'s transaction."""
    driver = conn.connection.driver_connection
    assert driver is not None
    if is_postgresql(conn):
        with driver.cursor() as cursor:
            cursor.executemany(driver_sql(conn, sql), list(rows))
    else:
        driver.executemany(sql, rows)
