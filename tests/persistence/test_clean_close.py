"""A file Kuorum closed is not read through again at its next opening (the whole-file check
costs 1.6 s of the start at 300,000 members), and every file that may have been damaged since
still is: after a crash or a power cut, or after anything else wrote it."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from assembly.domain.members import Member
from assembly.persistence import member_store
from assembly.persistence.database import CLOSED_SUFFIX, StorageError, open_database

pytestmark = pytest.mark.sqlite_only(
    "the note beside a SQLite file and its full check; a PostgreSQL server checks its own pages"
)


def _scribble(path: Path) -> None:
    """Damage every b-tree page header, keeping the file's size."""
    data = bytearray(path.read_bytes())
    for start in range(4096, len(data), 4096):
        data[start : start + 12] = b"\xff" * 12
    path.write_bytes(bytes(data))


def _note(path: Path) -> Path:
    return path.with_name(path.name + CLOSED_SUFFIX)


def test_closing_notes_the_file_and_opening_takes_the_note_away(db_path: Path) -> None:
    db = open_database(db_path)
    with db.write() as conn:
        member_store.insert(conn, Member("0001", "Siti Aminah"))
    assert not _note(db_path).exists()  # in use: no note
    db.close()
    assert _note(db_path).exists()
    db = open_database(db_path)
    assert not _note(db_path).exists()
    with db.read() as conn:
        assert member_store.count(conn) == 1
    db.close()


def test_a_file_damaged_after_a_clean_close_is_refused_untouched(db_path: Path) -> None:
    open_database(db_path).close()
    _scribble(db_path)
    before = hashlib.sha256(db_path.read_bytes()).hexdigest()
    with pytest.raises(StorageError, match="rusak"):
        open_database(db_path)
    assert hashlib.sha256(db_path.read_bytes()).hexdigest() == before


def test_after_a_crash_the_file_is_checked_in_full(db_path: Path) -> None:
    """The session ends without closing (killed, power cut): its note was taken at opening,
    so even a file whose size and time were put back as they were is read through."""
    open_database(db_path).close()
    crashed = open_database(db_path)
    crashed.engine.dispose()  # the process dies: Database.close() never runs
    status = db_path.stat()
    _scribble(db_path)
    os.utime(db_path, ns=(status.st_atime_ns, status.st_mtime_ns))
    assert not _note(db_path).exists()
    with pytest.raises(StorageError, match="rusak"):
        open_database(db_path)


def test_a_note_that_no_longer_matches_the_file_is_not_believed(db_path: Path) -> None:
    open_database(db_path).close()
    stamp = _note(db_path).read_text(encoding="ascii")
    _scribble(db_path)  # another program wrote the file: its time changed
    _note(db_path).write_text(stamp, encoding="ascii")
    with pytest.raises(StorageError, match="rusak"):
        open_database(db_path)
