"""The database side of the one door: a commit by another connection, object or process is
heard with the tables it wrote; one's own commits, rolled-back work and reads are not."""

from __future__ import annotations

import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.persistence import change_feed, tables
from assembly.persistence.change_feed import EVERYTHING, Listener
from assembly.persistence.database import Database, open_database

HEARD_WITHIN_S = 1.0


def _set(db: Database, key: str, value: str) -> None:
    with db.write() as conn:
        conn.execute(sa.insert(tables.settings).values(key=key, value=value))


def _heard(listener: Listener, within: float = HEARD_WITHIN_S) -> frozenset[str] | None:
    """Everything the listener hears within ``within`` seconds (the promise: ≤ 1 s)."""
    deadline = time.monotonic() + within
    found: set[str] = set()
    while (left := deadline - time.monotonic()) > 0:
        got = listener.wait(left)
        if got:
            found |= got
            break
    return frozenset(found) or None


@pytest.fixture
def pair(tmp_path: Path) -> Iterator[tuple[Database, Database]]:
    """Two windows on one laptop: two database objects on one file."""
    first = open_database(tmp_path / "koperasi.sqlite")
    second = open_database(tmp_path / "koperasi.sqlite")
    yield first, second
    first.close()
    second.close()


def test_another_database_object_hears_a_commit_with_its_table(
    pair: tuple[Database, Database],
) -> None:
    first, second = pair
    listener = second.listen()
    try:
        _set(first, "a", "1")
        assert _heard(listener) == frozenset({"settings"})
        assert listener.wait(0.3) is None  # heard once
    finally:
        listener.close()
        listener.release()


def test_own_commits_rollbacks_and_reads_are_not_heard(pair: tuple[Database, Database]) -> None:
    first, second = pair
    own = first.listen()
    other = second.listen()
    try:
        _set(first, "a", "1")
        assert own.wait(0.5) is None  # the door already told this window
        assert _heard(other) == frozenset({"settings"})
        with pytest.raises(RuntimeError), first.write() as conn:
            conn.execute(sa.insert(tables.settings).values(key="b", value="2"))
            raise RuntimeError("power cut")
        with first.read() as conn:
            conn.execute(sa.select(tables.settings)).all()
        assert other.wait(0.5) is None
        with first.read() as conn:  # the rolled-back write left no note either
            notes = conn.execute(sa.select(tables.change_log.c.tables)).scalars().all()
        assert notes == ["settings"]
    finally:
        for listener in (own, other):
            listener.close()
            listener.release()


def test_another_process_is_heard(tmp_path: Path) -> None:
    path = tmp_path / "koperasi.sqlite"
    db = open_database(path)
    listener = db.listen()
    script = textwrap.dedent(
        f"""
        import sqlalchemy as sa
        from assembly.persistence import tables
        from assembly.persistence.database import open_database
        db = open_database({str(path)!r})
        with db.write() as conn:
            conn.execute(sa.insert(tables.settings).values(key="desk", value="2"))
        db.close()
        """
    )
    try:
        subprocess.run([sys.executable, "-c", script], check=True, cwd=Path.cwd())
        assert _heard(listener) == frozenset({"settings"})
    finally:
        listener.close()
        listener.release()
        db.close()


def test_a_commit_without_a_note_or_a_listener_left_behind_hears_everything(
    pair: tuple[Database, Database],
) -> None:
    first, second = pair
    listener = second.listen()
    try:
        # A raw commit that bypasses Database.write (a restore, an older Kuorum).
        with first.engine.connect() as conn:
            conn.exec_driver_sql("INSERT INTO settings (key, value) VALUES ('x', '1')")
            conn.commit()
        assert _heard(listener) == frozenset({EVERYTHING})
        _set(first, "y", "1")  # seen so far: fine
        assert _heard(listener) == frozenset({"settings"})
        for n in range(change_feed.KEEP_NOTES + 2):
            _set(first, f"k{n}", "v")
        assert _heard(listener) == frozenset({EVERYTHING})  # notes pruned past the listener
        with first.read() as conn:
            kept = conn.execute(sa.select(sa.func.count()).select_from(tables.change_log))
            assert kept.scalar_one() == change_feed.KEEP_NOTES
    finally:
        listener.close()
        listener.release()


def test_close_ends_a_wait_at_once(pair: tuple[Database, Database]) -> None:
    _first, second = pair
    listener = second.listen()
    listener.close()
    assert listener.wait(30) is None  # returns at once: the watcher's thread can stop
    listener.release()


@pytest.fixture
def pg_pair(pg_server: object) -> Iterator[tuple[Database, Database]]:
    """Two desks on one PostgreSQL database (plain tables: the Kuorum schema is pgcore's)."""
    admin = sa.create_engine(pg_server.url(), isolation_level="AUTOCOMMIT")  # type: ignore[attr-defined]
    with admin.connect() as conn:
        conn.exec_driver_sql("DROP DATABASE IF EXISTS live_feed")
        conn.exec_driver_sql("CREATE DATABASE live_feed")
    admin.dispose()
    url = pg_server.url("live_feed")  # type: ignore[attr-defined]
    desks = [Database(sa.create_engine(url), Path("live_feed")) for _ in range(2)]
    with desks[0].engine.begin() as conn:
        conn.exec_driver_sql("CREATE TABLE attendance (member_id integer primary key)")
    yield desks[0], desks[1]
    for db in desks:
        db.close()


def test_postgres_desk_hears_another_desks_commit_by_notify(
    pg_pair: tuple[Database, Database],
) -> None:
    first, second = pg_pair
    own, other = first.listen(), second.listen()
    try:
        with first.write() as conn:
            conn.execute(sa.text("INSERT INTO attendance VALUES (1)"))
            conn.execute(
                sa.insert(sa.table("attendance", sa.column("member_id"))).values(member_id=2)
            )
        assert _heard(other) == frozenset({EVERYTHING, "attendance"})
        assert own.wait(0.5) is None
        with pytest.raises(RuntimeError), first.write() as conn:
            conn.execute(
                sa.insert(sa.table("attendance", sa.column("member_id"))).values(member_id=3)
            )
            raise RuntimeError("desk crashed")
        assert other.wait(0.5) is None  # NOTIFY is dropped with the rollback
    finally:
        for listener in (own, other):
            listener.close()
            listener.release()
