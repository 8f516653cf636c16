"""The quorum count Kuorum makes itself as a vote opens is said as such in the berita acara
("Pemeriksaan kuorum sebelum pengambilan keputusan"), not as a check the chair asked for; a
check the chair does ask for keeps its words. Neither one moves the quorum procedure."""

from __future__ import annotations

from pathlib import Path

from assembly.domain.ballots import BallotMode, Choice
from assembly.domain.quorum_check import CheckStep
from assembly.services.bundle import Services
from tests.services.voting_fixtures import no_consensus, opened_hall

ASKED = "Pemeriksaan kuorum atas permintaan pimpinan rapat"
BEFORE = "Pemeriksaan kuorum sebelum pengambilan keputusan"


def test_the_check_at_a_vote_is_not_said_to_be_the_chairs(
    cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    item = no_consensus(hall, 2)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU dibagi rata")
    s.ballots.cast(ballot.id, "0001", Choice.YES)
    s.ballots.close(ballot.id)
    s.checkin.record_quorum_check(hall.meeting_id)  # the chair asks, after the vote

    steps = [check.step for check in s.checkin.quorum_checks(hall.meeting_id)]
    assert steps == [CheckStep.OPENING, CheckStep.BEFORE_DECISION, CheckStep.ON_REQUEST]
    events = s.notes.events(hall.meeting_id)
    placed = [
        *events.opening,
        *(e for item in events.items.values() for e in item),
        *events.closing,
    ]
    lines = [line.text for line in placed]
    before = [text for text in lines if text.startswith(BEFORE)]
    asked = [text for text in lines if text.startswith(ASKED)]
    assert len(before) == 1 and len(asked) == 1, lines
    # Neither check re-declares the meeting valid: that is said once, at the opening.
    assert before[0].endswith("terpenuhi.") and "Rapat dinyatakan sah" not in before[0]
    assert asked[0].endswith("terpenuhi.") and "Rapat dinyatakan sah" not in asked[0]
    assert sum("Rapat dinyatakan sah" in text for text in lines) == 1
