"""Backup files: a copy taken while another connection writes is one consistent moment,
rotation keeps N and never touches what is not ours, a backup's contents are read without
changing it, and a damaged, foreign or newer backup is refused before anything is replaced."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
import threading
from pathlib import Path
from typing import Any

import pytest

from assembly.domain.errors import StorageError
from assembly.domain.members import Member
from assembly.persistence import audit_log, backup
from assembly.persistence.database import APPLICATION_ID, open_database
from assembly.services.bundle import Services

WHEN = dt.datetime(2026, 3, 14, 9, 30, 0)


pytestmark = pytest.mark.sqlite_only(
    "backups are copies of the SQLite file; a PostgreSQL cooperative is copied out by the host"
)


def _integrity(path: Path) -> list[tuple[str]]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute("PRAGMA integrity_check").fetchall()
    finally:
        conn.close()


def test_a_backup_taken_while_another_connection_writes_is_consistent(
    cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    for n in range(1, 61):
        cooperative.register.save(Member(f"A-{n:04d}", f"Anggota {n}"))
    writer_db = open_database(db_path)
    stop = threading.Event()
    written = [0]

    def keep_writing() -> None:
        while not stop.is_set():
            with writer_db.write() as conn:
                audit_log.append(conn, "meja", "test.write", {"n": written[0]})
            written[0] += 1

    folder = tmp_path / "usb"
    folder.mkdir()
    thread = threading.Thread(target=keep_writing)
    thread.start()
    made = []
    try:
        for i in range(6):
            made.append(backup.make_backup(cooperative.ctx.db, folder, f"kuorum-KSP-{i}.sqlite"))
    finally:
        stop.set()
        thread.join()
        writer_db.close()
    assert written[0] > 0
    for path in made:
        assert _integrity(path) == [("ok",)]
        members, _events = _snapshot(path)
        assert members == 60
        copy = Services.open(path, create=False)
        try:
            report = copy.audit.verify()
        finally:
            copy.close()
        assert report.intact and report.events > 60
        # One self-contained file: no WAL beside it on the stick.
        assert not path.with_name(path.name + "-wal").exists()
    assert not list(folder.glob("*.part"))


def test_rotation_keeps_the_newest_and_never_touches_foreign_files(
    cooperative: Any, tmp_path: Path
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    db = cooperative.ctx.db
    # Not ours: a look-alike name without Kuorum's mark, another program's file, and a backup
    # of another database (another label).
    foreign = folder / "kuorum-KSP-SB-20200101-000000-manual.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    (folder / "catatan.txt").write_text("jangan dihapus")
    other = backup.make_backup(db, folder, backup.backup_name("KOPERASI-LAIN", WHEN, "manual"))
    made = [
        backup.make_backup(
            db, folder, backup.backup_name("KSP-SB", WHEN + dt.timedelta(minutes=i), "keputusan")
        )
        for i in range(5)
    ]
    removed = backup.rotate(folder, "KSP-SB", 2)
    assert sorted(removed) == sorted(made[:3])
    assert {p.name for p in folder.iterdir()} == {
        foreign.name,
        "catatan.txt",
        other.name,
        made[3].name,
        made[4].name,
    }
    assert not backup.is_ours(foreign)
    assert backup.ours_in(folder) == [made[4], made[3], other]


def test_a_backups_contents_are_read_without_changing_it(
    cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    for n in range(1, 4):
        cooperative.register.save(Member(f"A-{n:04d}", f"Anggota {n}"))
    folder = tmp_path / "usb"
    folder.mkdir()
    path = backup.make_backup(cooperative.ctx.db, folder, backup.backup_name("KSP-SB", WHEN, "x"))
    before = path.read_bytes()
    path.chmod(0o444)
    info = backup.read_info(path)
    assert (info.cooperative, info.code, info.members) == (
        "Koperasi Simpan Pinjam Sejahtera Bersama",
        "KSP-SB",
        3,
    )
    assert info.last_seq == 4 and info.last_at.startswith("20")
    assert (
        info.revision.startswith("r") and info.taken_at == WHEN.astimezone() and info.reason == "x"
    )
    assert info.problem == ""
    assert path.read_bytes() == before
    damaged = folder / backup.backup_name("KSP-SB", WHEN + dt.timedelta(hours=1), "x")
    damaged.write_bytes(before[:4096] + b"\x00" * 100)
    assert backup.read_info(damaged).problem


def _snapshot(path: Path) -> tuple[int, int]:
    conn = sqlite3.connect(path)
    try:
        members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
        events = conn.execute("SELECT count(*) FROM audit_events").fetchone()[0]
    finally:
        conn.close()
    return members, events


@pytest.mark.parametrize("kind", ["damaged", "foreign", "newer"])
def test_a_bad_backup_is_refused_and_nothing_changes(
    cooperative: Any, db_path: Path, tmp_path: Path, kind: str
) -> None:
    cooperative.register.save(Member("A-0001", "Anggota 1"))
    folder = tmp_path / "usb"
    folder.mkdir()
    good = backup.make_backup(cooperative.ctx.db, folder, backup.backup_name("KSP-SB", WHEN, "m"))
    bad = folder / backup.backup_name("KSP-SB", WHEN + dt.timedelta(hours=1), "m")
    if kind == "damaged":
        data = bytearray(good.read_bytes())
        data[4096 * 2 : 4096 * 4] = b"\xff" * (4096 * 2)
        bad.write_bytes(bytes(data))
    elif kind == "foreign":
        conn = sqlite3.connect(bad)
        conn.execute("CREATE TABLE members (x)")
        conn.commit()
        conn.close()
    else:
        bad.write_bytes(good.read_bytes())
        conn = sqlite3.connect(bad)
        conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
        conn.commit()
        conn.close()
    before = _snapshot(db_path)
    files = sorted(p.name for p in db_path.parent.iterdir())
    with pytest.raises(StorageError):
        backup.restore(cooperative.ctx.db, bad, WHEN)
    assert sorted(p.name for p in db_path.parent.iterdir()) == files
    cooperative.register.save(Member("A-0002", "Anggota 2"))  # still open and writable
    assert _snapshot(db_path) == (before[0] + 1, before[1] + 1)


def test_the_application_id_marks_our_backups(cooperative: Any, tmp_path: Path) -> None:
    path = backup.make_backup(
        cooperative.ctx.db, tmp_path, backup.backup_name("KSP SB/01", WHEN, "Rapat Ditutup")
    )
    # The audit head at the copy rides in the name (issue 10): seq and 12 hex of its hash.
    assert re.fullmatch(
        r"kuorum-KSP-SB-01-20260314-093000-a\d+h[0-9a-f]{12}-rapat-ditutup\.sqlite", path.name
    )
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    conn.close()
    assert backup.is_ours(path)
    again = backup.make_backup(cooperative.ctx.db, tmp_path, path.name)
    assert again.name == path.name.replace(".sqlite", "-2.sqlite")
