"""``members import``: a faulty file exits 2, names every row and column, and leaves the
register as it was; a good one is imported (or only checked with ``--dry-run``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.cli import main
from assembly.domain.members import Member
from tests.behind_the_back import rows, scalar

GOOD = (
    "KOPERASI SIMPAN PINJAM SEJAHTERA;;;\n"
    ";;;\n"
    "No. Anggota;Nama Lengkap;NIK;Tgl Masuk\n"
    "KSP-0101;Siti Aminah;3171015708450001;02/05/2001\n"
    "KSP-0102;Budi Santoso;3273011203700002;12 Mar 2005\n"
)


def register_state(db_path: Path) -> tuple[int, int, str]:
    """Rows in the register, events in the audit log, and the audit head hash."""
    members = scalar(db_path, "SELECT count(*) FROM members")
    ((events, head),) = rows(
        db_path,
        "SELECT count(*), (SELECT hash FROM audit_events ORDER BY seq DESC LIMIT 1) "
        "FROM audit_events",
    )
    return members, events, head


@pytest.fixture
def existing(cooperative: object, db_path: Path) -> Path:
    """A database with a cooperative and one member already registered."""
    cooperative.register.save(Member("KSP-0001", "Ani Lestari"))  # type: ignore[attr-defined]
    cooperative.close()  # type: ignore[attr-defined]
    return db_path


def test_a_faulty_file_exits_2_names_its_rows_and_changes_nothing(
    existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "rusak.csv"
    source.write_text(
        GOOD
        + "KSP-0103;Dodi;3273013302001234;31/02/2010\n"
        + "KSP-0101;Eka;;01/01/2090\n"
        + "KSP-0104;;;\n",
        encoding="utf-8",
    )
    before = register_state(existing)
    code = main(["members", "import", str(source), "--db", str(existing)])
    err = capsys.readouterr().err
    assert code == 2
    for line in (
        "Kesalahan: baris 6, kolom NIK: Tanggal lahir di dalam NIK tidak ada di kalender",
        "Kesalahan: baris 6, kolom Tgl Masuk: Tanggal 31/02/2010 tidak ada di kalender",
        "Kesalahan: baris 7, kolom No. Anggota: Nomor KSP-0101 sudah dipakai di baris 4",
        "Kesalahan: baris 7, kolom Tgl Masuk: Tanggal 01/01/2090 belum terjadi",
        "Kesalahan: baris 8, kolom Nama Lengkap: Nama wajib diisi",
        "Impor dibatalkan: 5 masalah harus diperbaiki. Buku daftar anggota tidak diubah.",
    ):
        assert line in err
    assert register_state(existing) == before


def test_a_good_file_is_imported(
    existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "anggota.csv"
    source.write_text(GOOD, encoding="utf-8-sig")
    members, events, _head = register_state(existing)

    assert main(["members", "import", str(source), "--db", str(existing), "--dry-run"]) == 0
    assert "2 anggota baru, 0 anggota berubah, 0 tidak berubah" in capsys.readouterr().out
    assert register_state(existing)[:2] == (members, events)

    assert main(["members", "import", str(source), "--db", str(existing)]) == 0
    out = capsys.readouterr().out
    assert "Impor selesai: 2 anggota baru ditambahkan, 0 diperbarui, 0 tidak berubah." in out
    assert register_state(existing)[:2] == (members + 2, events + 1)

    assert main(["members", "import", str(source), "--db", str(existing)]) == 0
    assert "0 anggota baru, 0 anggota berubah, 2 tidak berubah" in capsys.readouterr().out


def test_a_missing_file_is_bad_input(
    existing: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    before = register_state(existing)
    code = main(["members", "import", str(tmp_path / "tidak-ada.xlsx"), "--db", str(existing)])
    assert code == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err
    assert register_state(existing) == before
