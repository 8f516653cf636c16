"""``sign --meeting`` locks the meeting after the last required signature, and ``minutes
addendum`` writes the correction; refusals exit 2 with nothing changed."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from assembly.cli import main
from assembly.domain.meeting import MeetingState
from tests.services.signing_fixtures import PASSPHRASE, closed_meeting, make_keys


def test_sign_with_meeting_locks_then_addendum(
    cooperative: Any,
    db_path: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    keys = make_keys(tmp_path / "keys")
    cooperative.close()
    base = ["sign", str(pdf), "--meeting", str(meeting_id), "--db", str(db_path)]
    monkeypatch.setenv("KUORUM_PASSPHRASE", "salah-sandinya")
    before = pdf.read_bytes()
    assert main([*base, "--key", str(keys.chair), "--role", "ketua"]) == 2
    assert "Kata sandi kunci salah" in capsys.readouterr().err
    assert pdf.read_bytes() == before

    monkeypatch.setenv("KUORUM_PASSPHRASE", PASSPHRASE)
    assert main([*base, "--key", str(keys.chair), "--role", "ketua"]) == 0
    assert "Belum ditandatangani: TTD_Sekretaris" in capsys.readouterr().out
    assert main([*base, "--key", str(keys.secretary), "--role", "sekretaris"]) == 0
    assert f"rapat {meeting_id} kini dikunci" in capsys.readouterr().out
    assert main(["verify", str(pdf)]) == 0

    addendum = tmp_path / "adendum.pdf"
    args = ["minutes", "addendum", str(meeting_id), "--db", str(db_path)]
    assert main([*args, "--text", "Koreksi nama.", "--out", str(addendum)]) == 0
    assert "mengutip SHA-256" in capsys.readouterr().out and addendum.is_file()

    from assembly.services.bundle import Services

    services = Services.open(db_path, create=False)
    try:
        assert services.meetings.get(meeting_id).state is MeetingState.LOCKED
    finally:
        services.close()
