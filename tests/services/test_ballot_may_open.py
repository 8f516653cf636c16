"""Why no ballot may open now, asked before any form (issue 12, point 4): no item under
discussion, consensus not yet recorded as failed (UU 25/1992 Pasal 24 ayat 2), a ballot still
open, an election tied for the last seat whose run-off is not open yet; and nothing once a
ballot may open. The answer agrees with what opening itself does."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.domain.ballots import BallotMode
from assembly.domain.errors import DomainError
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_the_reasons_in_order(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    m, items = hall.meeting_id, hall.items
    assert "Belum ada acara yang dibahas" in s.ballots.may_open(m, None).reason
    refusal = s.ballots.may_open(m, items[1])
    assert refusal is not None and refusal.consensus_pending
    assert "Pasal 24 ayat 2" in refusal.reason
    with pytest.raises(DomainError, match="Pasal 24 ayat 2"):
        s.ballots.open_motion(m, items[1], BallotMode.NAMED, "SHU")
    no_consensus(hall, 2)
    assert s.ballots.may_open(m, items[1]) is None
    ballot, _ = s.ballots.open_motion(m, items[1], BallotMode.NAMED, "SHU")
    no_consensus(hall, 4)
    refusal = s.ballots.may_open(m, items[3])
    assert refusal is not None and not refusal.consensus_pending
    assert "Masih ada pemungutan suara yang terbuka" in refusal.reason
    s.ballots.cancel(ballot.id or 0, "salah judul")

    election, _ = s.elections.open_election(m, items[3], "Pengawas", 1, ["0002", "0003"])
    for voter, chosen in (("0001", "0002"), ("0002", "0003")):
        s.ballots.cast(election.id or 0, voter, [chosen])
    s.ballots.close(election.id or 0)
    refusal = s.ballots.may_open(m, items[3])
    assert refusal is not None and "buka dahulu pemilihan ulang" in refusal.reason
    s.elections.open_runoff(election.id or 0)
    assert "Masih ada" in s.ballots.may_open(m, items[3]).reason


def test_a_closed_meeting_opens_no_ballot(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    s.meetings.close(hall.meeting_id)
    refusal = s.ballots.may_open(hall.meeting_id, hall.items[1])
    assert refusal is not None and "hanya dapat dibuka selama rapat dibuka" in refusal.reason


def test_an_election_opens_directly_a_motion_on_it_does_not(
    cooperative: Services, db_path: Path
) -> None:
    """Elections by ballot need no record that musyawarah failed (law.md section 3; the AD
    sets their conduct, UU 25/1992 Pasal 22 ayat 2); a motion still does (Pasal 24 ayat 2)."""
    hall = opened_hall(cooperative, db_path)
    s, m, election = cooperative, hall.meeting_id, hall.items[3]
    s.agenda.take_up(m, election)
    assert s.ballots.may_open(m, election) is None
    with pytest.raises(DomainError, match="Pasal 24 ayat 2"):
        s.ballots.open_motion(m, election, BallotMode.NAMED, "Panitia pemilihan")
    ballot, _ = s.elections.open_election(m, election, "Pengawas", 1, ["0002", "0003"])
    assert ballot.id is not None
    assert [d.outcome for d in s.decisions.decisions(m)] == []  # no consensus record made
