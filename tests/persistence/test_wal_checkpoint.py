"""While the window runs, no commit copies the write-ahead log back into the database file
(the one check-in in about sixty that waited 0.3 to 2.8 s at 300,000 members): the app's
connections do no automatic checkpoint, and a thread of its own checkpoints instead. Read
from the raw file, bypassing the log, the rows committed are there after the background
checkpoint; the log then stays short however many commits follow; closing still leaves one
file with everything in it."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.persistence.database import open_database

pytestmark = pytest.mark.sqlite_only("the write-ahead log and checkpoints are SQLite's")


def _in_file(path: Path, table: str) -> int:
    """Rows of ``table`` as the database file itself holds them, the log ignored
    (``immutable``: SQLite reads the main file only); -1 while the file is between two
    states (a checkpoint half-way, the table not copied back yet)."""
    conn = sqlite3.connect(f"{path.resolve().as_uri()}?immutable=1", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    except sqlite3.DatabaseError:
        return -1
    finally:
        conn.close()


def test_commits_leave_the_checkpoint_to_the_background(db_path: Path, qtbot: object) -> None:
    db = open_database(db_path)
    with db.write() as conn:
        conn.exec_driver_sql("CREATE TABLE probe (id INTEGER PRIMARY KEY, v TEXT)")
    db.checkpoint_in_background()
    checkpoints = db._checkpoints
    assert checkpoints is not None
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 0
    # Far more than SQLite's 1000 pages: left to itself, one of these commits would stop
    # to copy the log back.
    wal = db_path.with_name(db_path.name + "-wal")
    for n in range(60):
        with db.write() as conn:
            conn.execute(
                sa.text("INSERT INTO probe (v) VALUES (:v)"),
                [{"v": f"{n}-{i}-" + "x" * 400} for i in range(100)],
            )
    # Copied back by the thread (counted once its checkpoint returned).
    qtbot.waitUntil(  # type: ignore[attr-defined]
        lambda: checkpoints.done >= 1 and _in_file(db_path, "probe") == 6000, timeout=15_000
    )
    # The log is reused from its start once copied back: more commits do not grow it.
    size = wal.stat().st_size
    for _n in range(5):
        with db.write() as conn:
            conn.execute(sa.text("INSERT INTO probe (v) VALUES ('again')"))
    assert wal.stat().st_size <= size
    db.close()
    assert not checkpoints._thread.is_alive()
    assert not wal.exists() or wal.stat().st_size == 0
    assert _in_file(db_path, "probe") == 6005


def test_without_the_window_sqlite_checkpoints_as_before(db_path: Path) -> None:
    db = open_database(db_path)
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar() == 1000
    db.close()
