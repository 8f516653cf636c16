"""``backup folder|now|auto|list|restore`` on a real database file."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assembly.cli import main
from assembly.domain.members import Member
from assembly.services.bundle import Services

pytestmark = pytest.mark.sqlite_only(
    "backups are copies of the SQLite file; a PostgreSQL cooperative is copied out by the host"
)


def test_folder_now_list_and_restore(
    cooperative: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cooperative.register.save(Member("A-0001", "Siti Aminah"))
    cooperative.close()  # the command line opens the file itself
    db = ["--db", str(db_path)]
    usb = tmp_path / "usb"
    usb.mkdir()
    assert main(["backup", "folder", str(usb), "--keep", "3", *db]) == 0
    assert f"Folder cadangan: {usb} (disimpan 3)" in capsys.readouterr().out
    assert main(["backup", "now", *db]) == 0
    made = capsys.readouterr().out
    assert made.startswith(f"Cadangan dibuat: {usb}/kuorum-KSP-SB-")
    backup_file = Path(made.split(": ", 1)[1].strip())
    assert main(["backup", "auto", *db]) == 0
    assert "Tidak ada keputusan baru" in capsys.readouterr().out
    assert main(["backup", "list", *db]) == 0
    listing = capsys.readouterr().out
    assert backup_file.name in listing
    assert "Koperasi Simpan Pinjam Sejahtera Bersama: 1 anggota" in listing

    conn = sqlite3.connect(db_path)
    conn.execute("UPDATE members SET name = 'Diubah' WHERE number = 'A-0001'")
    conn.commit()
    conn.close()
    assert main(["backup", "restore", str(backup_file), *db]) == 0
    out = capsys.readouterr().out
    assert "dipulihkan dari" in out and "kuorum.sebelum-pulih-" in out
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT name FROM members").fetchall() == [("Siti Aminah",)]
    conn.close()
    assert main(["audit", "verify", *db]) == 0


def test_a_pulled_stick_exits_1_with_the_warning(
    cooperative: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    cooperative.close()
    usb.rmdir()
    assert main(["backup", "now", "--db", str(db_path)]) == 1
    err = capsys.readouterr().err
    assert "flashdisk dicabut" in err and "Rapat berjalan terus" in err


def test_restoring_a_foreign_file_is_bad_input(
    cooperative: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cooperative.close()
    foreign = tmp_path / "lain.sqlite"
    conn = sqlite3.connect(foreign)
    conn.execute("CREATE TABLE t (x)")
    conn.commit()
    conn.close()
    before = db_path.read_bytes()
    assert main(["backup", "restore", str(foreign), "--db", str(db_path)]) == 2
    assert "bukan basis data Kuorum" in capsys.readouterr().err
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.sebelum-pulih-*"))
