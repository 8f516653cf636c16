"""``status``: the JSON keys and values agree with the database; text by default."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assembly.cli import main
from assembly.domain.attendance import Channel
from assembly.services.bundle import Services
from tests.behind_the_back import rows, scalar
from tests.meeting_fixtures import open_meeting, register_members


def _status(capsys: pytest.CaptureFixture[str], *args: str) -> dict:  # type: ignore[type-arg]
    assert main(["status", *args, "--json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def test_status_json_matches_the_database(
    cooperative: Services, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    for number in ("0001", "0002", "0003", "0009"):
        cooperative.checkin.check_in(meeting_id, number)
    cooperative.checkin.check_in(meeting_id, "0004", Channel.ONLINE)
    cooperative.checkin.record_quorum_check(meeting_id)
    cooperative.close()

    data = _status(capsys, "--db", str(db_path), "--meeting", str(meeting_id))
    present = dict(
        rows(
            db_path,
            "SELECT channel, count(*) FROM attendance WHERE meeting_id = :m AND state = 'hadir' "
            "GROUP BY channel",
            m=meeting_id,
        )
    )
    counted = scalar(
        db_path,
        "SELECT count(*) FROM attendance WHERE meeting_id = :m AND state = 'hadir' AND counted",
        m=meeting_id,
    )
    ((registered, entitled),) = rows(
        db_path, "SELECT registered, entitled FROM meetings WHERE id = :m", m=meeting_id
    )
    assert {"registered", "entitled", "present", "quorum", "decisions", "meeting"} <= set(data)
    assert (data["registered"], data["entitled"]) == (registered, entitled) == (10, 8)
    assert data["present"]["total"] == sum(present.values()) == 5
    assert data["present"]["by_channel"] == {"langsung": 4, "daring": 1, "kuasa": 0}
    assert data["present"]["entitled"] == counted == 4
    assert data["quorum"] == {
        "rule": "lebih dari 1/2 jumlah anggota yang memiliki hak suara",
        "article": "",
        "base": 8,
        "minimum": 5,
        "present": 4,
        "reached": False,
        "text": "minimal 5 dari 8",
    }
    assert data["decisions"] == []
    assert data["meeting"]["id"] == meeting_id and data["meeting"]["state"] == "check_in"
    assert [c["step"] for c in data["quorum_checks"]] == ["pembukaan"]

    # Without --meeting: the latest meeting, same figures; text for people by default.
    assert _status(capsys, "--db", str(db_path))["meeting"]["id"] == meeting_id
    assert main(["status", "--db", str(db_path)]) == 0
    text = capsys.readouterr().out
    assert "Kuorum: 4 hadir, minimal 5 dari 8 — BELUM TERCAPAI" in text
    assert "Hadir: 5 (hadir langsung 4, daring 1, melalui kuasa 0); berhak suara 4" in text


def test_status_without_meetings_and_bad_input(
    cooperative: Services, db_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    register_members(cooperative)
    cooperative.close()
    data = _status(capsys, "--db", str(db_path))
    assert data["meeting"] is None and data["present"]["total"] == 0
    assert (data["register_entries"], data["registered"], data["entitled"]) == (12, 11, 9)
    assert main(["status", "--db", str(db_path), "--meeting", "99"]) == 2
    assert "Rapat nomor 99 tidak ditemukan." in capsys.readouterr().err
    assert main(["status", "--db", str(tmp_path / "tidak-ada.sqlite")]) == 2
