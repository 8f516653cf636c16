"""Copying a whole cooperative from one Kuorum database into another, row for row: a SQLite file
into the host laptop's PostgreSQL at the start of a multi-desk RAT, and the host's database back
into one SQLite file at its end (DESIGN.md section 9).

Every table of :mod:`tables` is copied with the values it holds, ids included, in the order
of the foreign keys, inside one transaction of the target: all of it is copied or nothing. The source is read in
one transaction too, one moment of it (a backup on the host while the desks check members in).
The audit chain's rows go over unchanged, so its hashes still link and a signed berita acara's
anchor still matches the copy.

The guard triggers (a locked meeting's records, the append-only audit and check-in tables,
the signed files) refuse the inserts of a locked meeting's rows. They are switched off for
this one transaction of the copy and only for it: on SQLite they are dropped and re-created
from their own text before the commit (SQLite's DDL is transactional); on PostgreSQL each is
disabled with ``ALTER TABLE … DISABLE TRIGGER`` and enabled again before the commit. No
other connection ever sees the target without them. The caller then runs ``audit verify`` on
the target.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from assembly.domain.errors import StorageError
from assembly.i18n import tr
from assembly.persistence import tables
from assembly.persistence.database import Database

BATCH = 5000
_GUARD_MARK_SQLITE = "RAISE("
_GUARD_MARK_POSTGRESQL = "RAISE EXCEPTION"


@dataclass(frozen=True)
class CopyCount:
    """How many rows each table received."""

    rows: dict[str, int]

    @property
    def total(self) -> int:
        return sum(self.rows.values())


# The change log is the live door's working state (which window wrote which tables, so the
# others refresh), not a record of the cooperative: it is not copied, and the copy's own
# commit writes its first note on the target.
NOT_COPIED = frozenset({"change_log"})


def copied_tables() -> list[sa.Table]:
    """The tables a copy carries, parents before children."""
    return [t for t in tables.metadata.sorted_tables if t.name not in NOT_COPIED]


def copy_cooperative(
    source: Database, target: Database, progress: Callable[[int, int], None] | None = None
) -> CopyCount:
    """Copy every row of ``source`` into ``target``, which must be at the same schema and
    hold no rows. ``progress(done, total)`` after each batch of rows (it may raise to
    cancel: nothing is then kept)."""
    report = progress or (lambda _done, _total: None)
    ordered = copied_tables()
    with _snapshot(source) as src:
        counts = {t.name: src.execute(sa.select(sa.func.count()).select_from(t)).scalar_one()
                  for t in ordered}  # fmt: skip
        _same_revision(src, target)
        total = sum(counts.values())
        done = 0
        report(done, total)
        with target.write() as dst:
            _refuse_filled(dst, ordered)
            guards = _switch_guards_off(dst)
            for table in ordered:
                key = list(table.primary_key.columns)
                result = src.execution_options(stream_results=True).execute(
                    sa.select(table).order_by(*key)
                )
                for batch in result.mappings().partitions(BATCH):
                    dst.execute(sa.insert(table), [dict(row) for row in batch])
                    done += len(batch)
                    report(done, total)
            _switch_guards_on(dst, guards)
            if dst.dialect.name == "postgresql":
                _advance_sequences(dst, ordered)
    return CopyCount(counts)


@contextlib.contextmanager
def _snapshot(source: Database) -> Iterator[sa.Connection]:
    """One moment of ``source`` for the whole copy, while desks may keep writing: a SQLite
    read transaction is one already; on PostgreSQL a ``REPEATABLE READ`` transaction is (the
    default, ``READ COMMITTED``, would see each desk's commit between two tables)."""
    if source.engine.dialect.name != "postgresql":
        with source.read() as conn:
            yield conn
        return
    with source.engine.connect() as conn:
        conn = conn.execution_options(isolation_level="REPEATABLE READ")
        with conn.begin():
            conn.exec_driver_sql("SET TRANSACTION READ ONLY")
            yield conn


def _same_revision(src: sa.Connection, target: Database) -> None:
    version = sa.table("alembic_version", sa.column("version_num"))
    mine = src.execute(sa.select(version.c.version_num)).scalar()
    with target.read() as conn:
        theirs = conn.execute(sa.select(version.c.version_num)).scalar()
    if mine != theirs:
        raise StorageError(
            tr(
                "Basis data sumber (versi {source}) dan tujuan (versi {target}) berbeda "
                "versinya; buka keduanya dengan Kuorum ini dulu. Tidak ada yang disalin.",
                source=mine or "-",
                target=theirs or "-",
            )
        )


def _refuse_filled(conn: sa.Connection, ordered: list[sa.Table]) -> None:
    for table in ordered:
        if conn.execute(sa.select(sa.literal(1)).select_from(table).limit(1)).first():
            raise StorageError(
                tr(
                    "Basis data tujuan sudah berisi data (tabel {table}); koperasi hanya "
                    "disalin ke basis data yang kosong. Tidak ada yang disalin.",
                    table=table.name,
                )
            )


def _switch_guards_off(conn: sa.Connection) -> list[tuple[str, str, str]]:
    """Switch the guard triggers off in this transaction; (name, table, how to restore)."""
    guards: list[tuple[str, str, str]] = []
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(
            "SELECT name, tbl_name, sql FROM sqlite_master WHERE type = 'trigger'"
        ).all()
        for name, table, sql in rows:
            if _GUARD_MARK_SQLITE in sql:
                guards.append((name, table, sql))
                conn.exec_driver_sql(f'DROP TRIGGER "{name}"')
    else:
        rows = conn.exec_driver_sql(
            "SELECT t.tgname, c.relname, p.prosrc FROM pg_trigger t "
            "JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid "
            "JOIN pg_namespace n ON n.oid = c.relnamespace "
            "WHERE NOT t.tgisinternal AND n.nspname = current_schema() AND t.tgenabled <> 'D'"
        ).all()
        for name, table, source in rows:
            if _GUARD_MARK_POSTGRESQL in source.upper():
                guards.append((name, table, ""))
                conn.exec_driver_sql(f'ALTER TABLE "{table}" DISABLE TRIGGER "{name}"')
    return guards


def _switch_guards_on(conn: sa.Connection, guards: list[tuple[str, str, str]]) -> None:
    for name, table, sql in guards:
        if conn.dialect.name == "sqlite":
            conn.exec_driver_sql(sql)
        else:
            conn.exec_driver_sql(f'ALTER TABLE "{table}" ENABLE TRIGGER "{name}"')


def _advance_sequences(conn: sa.Connection, ordered: list[sa.Table]) -> None:
    """The id sequences continue after the copied ids (PostgreSQL)."""
    for table in ordered:
        key = list(table.primary_key.columns)
        if len(key) != 1 or not isinstance(key[0].type, sa.Integer):
            continue
        conn.execute(
            sa.text(
                f"SELECT setval(pg_get_serial_sequence('{table.name}', '{key[0].name}'), "
                f'COALESCE(MAX("{key[0].name}"), 1), MAX("{key[0].name}") IS NOT NULL) '
                f'FROM "{table.name}"'
            )
        )
