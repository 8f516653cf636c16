"""``attendance import FILE --db PATH --meeting ID``: records online attendees, or lists every
problem and changes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.cli import main
from assembly.services.bundle import Services
from tests.meeting_fixtures import open_meeting, register_members


def test_import_records_online_attendees(
    cooperative: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    cooperative.checkin.check_in(meeting_id, "0001")
    cooperative.close()
    path = tmp_path / "zoom.csv"
    path.write_text(
        "nomor anggota,waktu bergabung\n0002,08:50\n0003,08:51\n0001,08:52\n", encoding="utf-8"
    )
    args = ["attendance", "import", str(path), "--db", str(db_path), "--meeting", str(meeting_id)]
    assert main(args) == 0
    captured = capsys.readouterr()
    assert "2 peserta daring dicatat hadir; 1 dilewati" in captured.out
    assert "3 hadir, minimal 5 dari 8: kuorum belum tercapai" in captured.out
    assert "baris 4: 0001 sudah tercatat hadir" in captured.err
    assert main(args) == 0  # the same list again changes nothing
    assert "0 peserta daring dicatat hadir; 3 dilewati" in capsys.readouterr().out


def test_import_with_unknown_numbers_changes_nothing(
    cooperative: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    cooperative.close()
    path = tmp_path / "zoom.csv"
    path.write_text("0002;08:50\n9999;08:51\n8888;08:52\n", encoding="utf-8")
    args = ["attendance", "import", str(path), "--db", str(db_path), "--meeting", str(meeting_id)]
    assert main(args) == 2
    err = capsys.readouterr().err
    assert "baris 2, kolom Nomor anggota: Nomor 9999 tidak terdaftar" in err
    assert "baris 3, kolom Nomor anggota: Nomor 8888 tidak terdaftar" in err
    assert main(["status", "--db", str(db_path), "--json"]) == 0
    assert '"total": 0' in capsys.readouterr().out
