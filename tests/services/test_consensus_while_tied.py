"""No consensus is recorded over a tie for the last seat (law.md rule 17): while the run-off
(or the lot, or the chair's choice) is still to come, a consensus or its failure on the item
is refused, said in Indonesian, and changes nothing; once the run-off is open and decided, the
next item takes a consensus as before."""

from __future__ import annotations

from pathlib import Path

import pytest

from assembly.domain.ballots import BallotMode, Outcome
from assembly.domain.errors import DomainError
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall


def test_a_consensus_over_a_pending_run_off_is_refused(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    s, m = hall.services, hall.meeting_id
    item = no_consensus(hall, 4)
    s.agenda.take_up(m, item)
    ballot, _ = s.elections.open_election(
        m, item, "Pemilihan pengawas", 1, ["0002", "0003"], BallotMode.NAMED
    )
    for voter, chosen in (("0001", "0002"), ("0004", "0003")):
        s.ballots.cast(ballot.id, voter, [chosen])
    s.ballots.close(ballot.id)
    assert s.decisions.decisions(m)[-1].outcome is Outcome.RUNOFF

    head, count = s.audit.head_hash(), len(s.decisions.decisions(m))
    for attempt in (
        lambda: s.decisions.record_consensus(m, item, "Anggota Nomor 2 disepakati"),
        lambda: s.decisions.record_no_consensus(m, item, "tetap tidak sepakat"),
    ):
        with pytest.raises(DomainError, match="belum diselesaikan") as refused:
            attempt()
        assert "Pemilihan pengawas" in refused.value.message
    assert s.audit.head_hash() == head and len(s.decisions.decisions(m)) == count

    runoff = s.elections.open_runoff(ballot.id).value
    s.ballots.cast(runoff.id, "0001", ["0002"])
    s.ballots.close(runoff.id)
    assert s.decisions.decisions(m)[-1].outcome is Outcome.ELECTED
    # Another item is agreed by consensus as ever.
    row = s.decisions.record_consensus(m, hall.items[2], "Rencana kerja disahkan").value
    assert row.outcome is Outcome.AGREED
