"""``demo`` through the command line, on real files: a demo made, bad input refused with
exit 2 and nothing changed."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from assembly.cli import main
from assembly.services.bundle import Services


def content(path: Path) -> list[str]:
    """Every table's rows, as SQL (opening a file may touch its header, not its content)."""
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_demo_creates_the_cooperative_and_its_register(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "750"]) == 0
    out = capsys.readouterr().out
    assert "Koperasi Simpan Pinjam Sido Makmur" in out and "750" in out
    services = Services.open(path, create=False)
    try:
        assert services.register.count() == 750
        assert services.cooperative.is_demo()
        assert services.audit.verify().intact
    finally:
        services.close()
    assert main(["audit", "verify", "--db", str(path)]) == 0


@pytest.mark.parametrize("size", ["0", "300001", "-5"])
def test_a_size_out_of_range_exits_2_and_creates_no_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], size: str
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", size]) == 2
    assert "1 sampai 300" in capsys.readouterr().err
    assert not path.exists()


def test_a_database_with_a_cooperative_is_left_as_it_was(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "20"]) == 0
    before = content(path)
    capsys.readouterr()
    assert main(["demo", "--db", str(path), "--members", "20"]) == 2
    assert "sudah berisi koperasi" in capsys.readouterr().err
    assert content(path) == before


def test_a_file_that_is_not_a_database_is_refused_untouched(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "catatan.sqlite"
    path.write_text("bukan basis data", encoding="utf-8")
    assert main(["demo", "--db", str(path), "--members", "20"]) == 2
    assert "bukan basis data Kuorum" in capsys.readouterr().err
    assert path.read_text(encoding="utf-8") == "bukan basis data"


def test_the_demo_meeting_is_audited_like_real_use(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """The held RAT's check-ins, quorum check, opening, ballots with every vote (a secret
    ballot's participation only), decisions and close are in the chain, chained whole; cutting
    one of them out is seen by ``audit verify``."""
    import json

    path = tmp_path / "demo.sqlite"
    assert main(["demo", "--db", str(path), "--members", "750"]) == 0
    assert main(["audit", "verify", "--db", str(path)]) == 0
    capsys.readouterr()
    conn = sqlite3.connect(path)
    try:
        held = conn.execute("SELECT id FROM meetings WHERE state = 'closed'").fetchone()[0]
        events = [
            (seq, kind, json.loads(p))
            for seq, kind, p in conn.execute("SELECT seq, kind, payload FROM audit_events")
        ]
        kinds = [k for _s, k, _p in events]
        check_ins = conn.execute(
            "SELECT count(*) FROM attendance_events WHERE meeting_id = ? AND kind = 'check_in'",
            (held,),
        ).fetchone()[0]
        ballots = [
            r[0] for r in conn.execute("SELECT id FROM ballots WHERE meeting_id = ?", (held,))
        ]
        took_part = conn.execute("SELECT count(*) FROM secret_participation").fetchone()[0]
        named = conn.execute("SELECT count(*) FROM named_votes").fetchone()[0]
    finally:
        conn.close()
    logged_in = [p for _s, k, p in events if k == "attendance.check_in"]
    assert check_ins > 300 and len(logged_in) == check_ins
    assert {p["meeting_id"] for p in logged_in} == {held}
    assert kinds.count("quorum.checked") == 1 and kinds.count("meeting.opened") == 1
    assert sorted(p["id"] for _s, k, p in events if k == "ballot.opened") == sorted(ballots)
    assert sorted(p["ballot"] for _s, k, p in events if k == "ballot.closed") == sorted(ballots)
    assert kinds.count("ballot.voted") == named > 0
    participated = [p for _s, k, p in events if k == "ballot.participated"]
    assert len(participated) == took_part > 0
    assert all(set(p) <= {"ballot", "member", "proxy_holder"} for p in participated)
    assert "decision.recorded" in kinds and "meeting.closed" in kinds
    assert kinds.count("agenda.taken_up") >= 8 and "minutes.notes_saved" in kinds
    # The meeting's events come in the order they happened, before the demo's own.
    assert kinds.index("meeting.check_in_opened") < kinds.index("meeting.opened")
    assert kinds.index("meeting.closed") < kinds.index("demo.created")
    # Cut one participation out of the chain: audit verify sees it.
    raw = sqlite3.connect(path)
    raw.execute("DROP TRIGGER audit_events_no_delete")
    cut = next(s for s, k, _p in events if k == "ballot.participated")
    raw.execute("DELETE FROM audit_events WHERE seq = ?", (cut,))
    raw.commit()
    raw.close()
    assert main(["audit", "verify", "--db", str(path)]) != 0
