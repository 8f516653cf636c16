"""Consensus first (UU 25/1992 Pasal 24(1)-(2)): decisions recorded per agenda item, and a
ballot only after the chair recorded that consensus was not reached."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.domain.ballots import BallotMode, DecisionMethod, Outcome
from assembly.domain.errors import DomainError
from assembly.persistence import audit_log
from assembly.services.bundle import Services
from tests.services.voting_fixtures import opened_hall


def test_consensus_is_recorded_with_dissent_and_survives_a_reopen(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    row, changes = cooperative.decisions.record_consensus(
        hall.meeting_id, hall.items[0], "  LPJ pengurus diterima  ", "Anggota 0004 berkeberatan"
    )
    assert "decisions" in {a.value for a in changes.areas}
    again = hall.reopen()
    [stored] = again.decisions.decisions(hall.meeting_id)
    assert stored == row and stored.id is not None
    assert (stored.method, stored.outcome, stored.text, stored.dissent) == (
        DecisionMethod.CONSENSUS,
        Outcome.AGREED,
        "LPJ pengurus diterima",
        "Anggota 0004 berkeberatan",
    )
    with again.ctx.db.read() as conn:
        assert [e.kind for e in audit_log.events(conn)][-1] == "decision.recorded"
    again.close()


def test_a_ballot_opens_only_after_consensus_failed(cooperative: Services, db_path: Path) -> None:
    hall = opened_hall(cooperative, db_path)
    item = hall.items[1]
    with pytest.raises(DomainError, match=r"mufakat tidak tercapai.*Pasal 24 ayat 2"):
        cooperative.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU 40% jasa")
    assert cooperative.ballots.ballots(hall.meeting_id) == []
    cooperative.decisions.record_no_consensus(hall.meeting_id, item)
    ballot, _ = cooperative.ballots.open_motion(
        hall.meeting_id, item, BallotMode.NAMED, "SHU 40% jasa"
    )
    assert ballot.id is not None and ballot.eligible == 6


def test_decisions_need_an_opened_meeting_a_known_item_and_a_text(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    with pytest.raises(DomainError, match="isi keputusan"):
        cooperative.decisions.record_consensus(hall.meeting_id, hall.items[0], "  ")
    with pytest.raises(DomainError, match="Acara nomor 999"):
        cooperative.decisions.record_consensus(hall.meeting_id, 999, "x")
    cooperative.meetings.close(hall.meeting_id)
    with pytest.raises(DomainError, match="selama rapat dibuka"):
        cooperative.decisions.record_consensus(hall.meeting_id, hall.items[0], "x")
    assert cooperative.decisions.decisions(hall.meeting_id) == []
