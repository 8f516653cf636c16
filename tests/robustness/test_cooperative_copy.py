"""Copying a whole cooperative, row for row, with a locked meeting in it: every row of every
table equal, the audit chain verifying on the copy, the meeting still locked there and its
signed berita acara still verifying against the copy (``verify FILE.pdf --db``)."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.cli import main
from assembly.domain.errors import DomainError
from assembly.persistence.cooperative_copy import copied_tables
from assembly.persistence.database import open_database
from assembly.services.host_copy import copy_between
from assembly.services.progress import Progress
from tests.robustness.anchor_fixtures import Locked, raw

# SQLite only: it reads the SQLite files' triggers and search index.
pytestmark = pytest.mark.sqlite_only


def every_row(target: Path | str) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every Kuorum table a copy carries (all but the live door's change log),
    in key order, as typed values."""
    db = open_database(target, create=False)
    try:
        with db.read() as conn:
            return {
                table.name: [
                    tuple(row)
                    for row in conn.execute(
                        sa.select(table).order_by(*table.primary_key.columns)
                    ).all()
                ]
                for table in copied_tables()
            }
    finally:
        db.close()


def test_copy_out_keeps_every_row_the_chain_the_lock_and_the_signature(
    locked: Locked, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    copy = tmp_path / "rat-2026-salinan.sqlite"
    seen: list[tuple[int, int]] = []
    result = copy_between(locked.db, copy, Progress(lambda done, total: seen.append((done, total))))

    before, after = every_row(locked.db), every_row(copy)
    assert after == before
    assert sum(len(rows) for rows in before.values()) == result.rows > 0
    assert before["audit_events"] and before["signed_files"]  # the chain and the signatures
    assert result.audit_intact
    assert seen[-1][0] == seen[-1][1] == result.rows
    # The guard triggers are back, each as it was.
    source_triggers = (
        raw(locked.db)
        .execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .fetchall()
    )
    copy_triggers = (
        raw(copy)
        .execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name")
        .fetchall()
    )
    assert copy_triggers == source_triggers
    # The meeting is still locked in the copy: an attacker's change is refused there.
    conn = raw(copy)
    with pytest.raises(sqlite3.DatabaseError, match="kuorum:meeting-locked"):
        conn.execute("DELETE FROM named_votes WHERE ballot_id = ?", (locked.ballot_id,))
    conn.close()
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(copy)]) == 0
    assert main(["verify", str(locked.pdf), "--db", str(copy)]) == 0
    assert "SAH" in capsys.readouterr().out
    # The register is searchable in the copy (its search index was filled by the copy).
    hits = raw(copy).execute("SELECT count(*) FROM members_fts").fetchone()[0]
    assert hits == len(before["members"])


def test_copy_into_a_filled_database_or_an_existing_file_changes_nothing(
    locked: Locked, tmp_path: Path
) -> None:
    existing = tmp_path / "ada.sqlite"
    existing.write_bytes(b"punya orang lain")
    with pytest.raises(DomainError, match="sudah ada"):
        copy_between(locked.db, existing)
    assert existing.read_bytes() == b"punya orang lain"
    # A database that already holds a cooperative is no empty target: refused, unchanged.
    twin = tmp_path / "kembar.sqlite"
    copy_between(locked.db, twin)
    target_before = every_row(twin)
    db_src, db_dst = open_database(locked.db), open_database(twin)
    from assembly.persistence.cooperative_copy import copy_cooperative

    try:
        with pytest.raises(DomainError, match="sudah berisi data"):
            copy_cooperative(db_src, db_dst)
    finally:
        db_src.close()
        db_dst.close()
    assert every_row(twin) == target_before


def test_a_cancelled_copy_leaves_no_file(locked: Locked, tmp_path: Path) -> None:
    copy = tmp_path / "batal.sqlite"
    progress = Progress()

    def cancel_midway(done: int, total: int) -> None:
        if done > 0:
            progress.cancel.set()

    progress.report = cancel_midway
    with pytest.raises(DomainError, match="Dibatalkan"):
        copy_between(locked.db, copy, progress)
    assert not copy.exists()
    assert not copy.with_name(copy.name + "-wal").exists()
