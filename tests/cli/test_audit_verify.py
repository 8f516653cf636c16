"""``audit verify``: exit 0 on an unbroken chain, 1 once a row was edited by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.cli import main
from assembly.domain.members import Member
from tests.behind_the_back import tamper


def test_verify_passes_then_fails_after_a_hand_edit(
    cooperative: object, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    cooperative.register.save(Member("KSP-0001", "Siti Aminah"))  # type: ignore[attr-defined]
    cooperative.register.save(Member("KSP-0002", "Budi Santoso"))  # type: ignore[attr-defined]
    assert main(["audit", "verify", "--db", str(db_path)]) == 0
    assert "Log audit utuh: 3 peristiwa" in capsys.readouterr().out

    # By hand, as someone with the file (or the server's superuser password) could.
    edit = "UPDATE audit_events SET payload = replace(payload, 'Budi', 'Badu') WHERE seq = 3"
    assert tamper(db_path, edit, guards_of=("audit_events",)) == [1]
    assert main(["audit", "verify", "--db", str(db_path)]) == 1
    assert "peristiwa nomor 3 telah diubah" in capsys.readouterr().out


def test_verify_of_a_missing_file_is_bad_input(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["audit", "verify", "--db", str(tmp_path / "x.sqlite")]) == 2
    assert "tidak dapat dibaca" in capsys.readouterr().err
    assert not (tmp_path / "x.sqlite").exists()
