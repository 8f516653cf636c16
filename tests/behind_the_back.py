"""Reading and editing a Kuorum database behind the app's back, on either engine: the SQLite
file (``db_path`` a path) or a database on the test server (``db_path`` its URL, as the test
superuser). A separate connection, not the services' own: only what was committed counts.

The edits are those of someone holding the file, or the server's superuser password: drop the
guard triggers (on PostgreSQL ``DROP TRIGGER … ON table``), then change the rows.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import sqlalchemy as sa

Statement = str | sa.Executable


def is_postgresql(db: Path | str) -> bool:
    """Whether ``db`` names a PostgreSQL database (else a SQLite file)."""
    return str(db).startswith("postgresql")


@contextmanager
def connect(db: Path | str) -> Iterator[sa.Connection]:
    """A connection of its own to ``db``, committed when the block ends without error."""
    url = str(db) if is_postgresql(db) else f"sqlite:///{db}"
    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.begin() as conn:
            yield conn
    finally:
        engine.dispose()


def _run(conn: sa.Connection, statement: Statement, params: dict[str, Any]) -> sa.CursorResult:
    if isinstance(statement, str):
        return conn.execute(sa.text(statement), params)
    return conn.execute(statement, params) if params else conn.execute(statement)


def rows(db: Path | str, statement: Statement, **params: Any) -> list[tuple[Any, ...]]:
    """The rows ``statement`` selects, as plain tuples."""
    with connect(db) as conn:
        return [tuple(r) for r in _run(conn, statement, params)]


def scalar(db: Path | str, statement: Statement, **params: Any) -> Any:
    """The one value ``statement`` selects."""
    with connect(db) as conn:
        return _run(conn, statement, params).scalar_one()


def triggers(conn: sa.Connection, tables: Sequence[str] = ()) -> list[tuple[str, str]]:
    """(trigger, table) of the guard triggers, of ``tables`` only when given."""
    if conn.dialect.name == "postgresql":
        query = (
            "SELECT t.tgname, c.relname FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid "
            "WHERE NOT t.tgisinternal"
        )
    else:
        query = "SELECT name, tbl_name FROM sqlite_master WHERE type = 'trigger'"
    found = [(str(name), str(table)) for name, table in conn.exec_driver_sql(query)]
    return [(n, t) for n, t in found if not tables or t in tables]


def drop_trigger(conn: sa.Connection, name: str, table: str) -> None:
    """Drop one trigger, as its engine writes it."""
    on = f' ON "{table}"' if conn.dialect.name == "postgresql" else ""
    conn.exec_driver_sql(f'DROP TRIGGER "{name}"{on}')


def tamper(db: Path | str, *statements: Statement, guards_of: Sequence[str] = ()) -> list[int]:
    """Drop the guard triggers (of the tables ``guards_of``, or all), run ``statements`` and
    commit; the rows each statement changed."""
    with connect(db) as conn:
        for name, table in triggers(conn, guards_of):
            drop_trigger(conn, name, table)
        return [_run(conn, statement, {}).rowcount for statement in statements]


def fail_inserts(db: Path | str, table: str, column: str, value: str, message: str) -> None:
    """A real failure inside the next transaction that inserts ``value`` into ``table``: a
    trigger raising ``message`` (as a full disk would fail the write)."""
    with connect(db) as conn:
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql(
                "CREATE FUNCTION test_fail() RETURNS trigger LANGUAGE plpgsql AS $$ "
                f"BEGIN RAISE EXCEPTION '{message}'; END $$"
            )
            conn.exec_driver_sql(
                f"CREATE TRIGGER test_fail BEFORE INSERT ON {table} FOR EACH ROW "
                f"WHEN (new.{column} = '{value}') EXECUTE FUNCTION test_fail()"
            )
        else:
            conn.exec_driver_sql(
                f"CREATE TRIGGER test_fail BEFORE INSERT ON {table} "
                f"WHEN new.{column} = '{value}' BEGIN SELECT RAISE(ABORT, '{message}'); END"
            )
