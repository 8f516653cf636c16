"""``status --json`` lists each decision: consensus, a named vote, a counted vote and an
election, with tally, the entitled present at the snapshot, the rule and the result."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from assembly.cli import main
from assembly.domain.ballots import BallotMode, Choice, CountedTotals
from assembly.services.bundle import Services
from tests.behind_the_back import rows
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_status_lists_each_decision(
    cooperative: Services, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    s.decisions.record_consensus(hall.meeting_id, hall.items[0], "LPJ pengurus diterima")
    named, _ = s.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU 40% jasa"
    )
    for number, choice in (("0001", Choice.YES), ("0002", Choice.NO), ("0003", Choice.YES)):
        s.ballots.cast(named.id, number, choice)
    s.ballots.close(named.id)
    counted, _ = s.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 3), BallotMode.COUNTED, "Rencana kerja 2026"
    )
    s.ballots.enter_counted(counted.id, CountedTotals(2, 3, 1, tellers=("Budi", "Sari")))
    s.ballots.close(counted.id)
    election, _ = s.elections.open_election(
        hall.meeting_id, no_consensus(hall, 4), "Pengawas", 1, ["0001", "0002"]
    )
    s.ballots.cast(election.id, "0004", ["0002"])
    s.ballots.close(election.id)
    s.close()

    assert main(["status", "--db", str(db_path), "--json"]) == 0
    decisions = json.loads(capsys.readouterr().out)["decisions"]
    stored = rows(
        db_path, "SELECT method, result FROM decisions WHERE outcome != 'tidak_mufakat' ORDER BY id"
    )
    assert [(d["method"], d["result"]) for d in decisions] == stored
    consensus, vote, count, chosen = decisions
    assert consensus["title"] == "LPJ pengurus diterima" and consensus["mode"] is None
    assert vote == vote | {
        "title": "SHU 40% jasa",
        "item": "Pembagian SHU",
        "method": "voting",
        "mode": "named",
        "tally": {"setuju": 2, "tidak_setuju": 1, "abstain": 0, "tidak_sah": 0},
        "present_at_snapshot": 6,
        "rule": "lebih dari 1/2 suara sah",
        "result": "disetujui: 2 dari 3 suara sah, lebih dari 1/2",
    }
    assert count["mode"] == "counted" and count["result"].startswith("tidak disetujui: 2 dari 5")
    assert chosen["mode"] == "secret" and chosen["tally"] == {
        "Anggota Nomor 1": 0,
        "Anggota Nomor 2": 1,
    }
    assert chosen["result"] == "terpilih: Anggota Nomor 2 (1)"

    assert main(["status", "--db", str(db_path)]) == 0
    text = capsys.readouterr().out
    assert "Keputusan (voting) SHU 40% jasa: disetujui: 2 dari 3 suara sah" in text
