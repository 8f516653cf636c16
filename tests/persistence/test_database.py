"""Opening database files: new, foreign, damaged, newer and older ones (DESIGN.md section 7)."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.config import Config

from assembly.domain.errors import StorageError
from assembly.persistence import database
from assembly.persistence.database import APPLICATION_ID, open_database


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_new_file_is_created_durable(tmp_path: Path) -> None:
    db = open_database(tmp_path / "folder" / "baru.sqlite")
    with db.read() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA application_id").scalar() == APPLICATION_ID
    db.close()


def test_a_missing_file_is_not_created_when_not_asked(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="tidak dapat dibaca"):
        open_database(tmp_path / "tidak-ada.sqlite", create=False)
    assert not (tmp_path / "tidak-ada.sqlite").exists()


@pytest.mark.parametrize(
    "content",
    [b"Nomor;Nama\n1;Siti\n", b"\x89PNG\r\n\x1a\n" + bytes(200), b"SQLite format 3"],
)
def test_a_file_that_is_not_sqlite_is_refused_untouched(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "anggota.sqlite"
    path.write_bytes(content)
    with pytest.raises(StorageError, match="bukan basis data Kuorum"):
        open_database(path)
    assert path.read_bytes() == content
    assert sorted(p.name for p in tmp_path.iterdir()) == ["anggota.sqlite"]


def test_another_programs_sqlite_file_is_refused_untouched(tmp_path: Path) -> None:
    path = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(StorageError, match="bukan basis data Kuorum"):
        open_database(path)
    assert digest(path) == before


@pytest.mark.sqlite_only(
    "scribbles over the SQLite file's pages; a PostgreSQL server reads and checks its own pages"
)
def test_a_damaged_file_is_refused_untouched(db_path: Path) -> None:
    data = bytearray(db_path.read_bytes())
    page = 4096
    for start in range(page, len(data), page):  # scribble over every b-tree page header
        data[start : start + 12] = b"\xff" * 12
    db_path.write_bytes(bytes(data))
    before = digest(db_path)
    with pytest.raises(StorageError, match="rusak"):
        open_database(db_path)
    assert digest(db_path) == before


@pytest.mark.sqlite_only(
    "rewrites the SQLite file and compares its bytes (on PostgreSQL: "
    "test_postgresql.py::test_a_newer_schema_is_refused_untouched)"
)
def test_a_file_from_a_newer_version_is_refused_untouched(db_path: Path) -> None:
    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
    conn.commit()
    conn.close()
    before = digest(db_path)
    with pytest.raises(StorageError, match="versi Kuorum yang lebih baru"):
        open_database(db_path)
    assert digest(db_path) == before


def test_an_older_file_is_backed_up_then_migrated(tmp_path: Path) -> None:
    path = tmp_path / "lama.sqlite"
    engine = database._engine(path)
    with engine.connect() as conn:
        config = Config()
        config.set_main_option("script_location", str(database._MIGRATIONS))
        config.attributes["connection"] = conn.execution_options(kuorum_write=True)
        command.upgrade(config, "r0001")
        conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
        conn.commit()
    engine.dispose()
    head = database.head_revision()

    open_database(path).close()

    backups = sorted(tmp_path.glob("lama.sqlite.bak-*"))
    if head == "r0001":
        assert backups == []  # already current: nothing to back up
    else:
        assert len(backups) == 1 and backups[0].name.startswith("lama.sqlite.bak-r0001-")
        old = sqlite3.connect(backups[0])
        assert old.execute("SELECT version_num FROM alembic_version").fetchone() == ("r0001",)
        old.close()
    conn2 = sqlite3.connect(path)
    assert conn2.execute("SELECT version_num FROM alembic_version").fetchone() == (head,)
    conn2.close()


def test_a_write_that_fails_leaves_nothing(services: object, db_path: Path) -> None:
    from assembly.persistence import audit_log

    db = services.ctx.db  # type: ignore[attr-defined]
    with pytest.raises(RuntimeError), db.write() as conn:
        audit_log.append(conn, "x", "test", {})
        raise RuntimeError("power cut")
    with db.read() as conn:
        assert audit_log.head(conn) is None


def test_the_revision_files_name_the_same_line_as_alembic() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(database._alembic_config())
    line = [rev.revision for rev in reversed(list(script.walk_revisions()))]
    assert line == database.known_revisions()
    assert script.get_current_head() == database.head_revision()
