"""Who an election put on the board, in one line for the chair's console and the projector
("Pemilihan Pengawas 2027-2029 — terpilih: Ika Fitriani, Budi Santoso"): the seats filled in
the first round, in each run-off between those tied for the last seat, and by lot or by the
chair when the AD settles a tie that way (law.md rule 17). Empty while a seat is still open,
and after a single round (its result already names everyone elected)."""

from __future__ import annotations

from assembly.domain.ballots import Ballot, BallotKind, Outcome, decide_election
from assembly.i18n import tr
from assembly.persistence import ballot_store, decision_store
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.services.ballot_results import tally_of

# settle_tie's statement: "{how}: terpilih {names}" (stored in Indonesian, as recorded)
_SETTLED = ": terpilih "


def board_line(conn: Connection, ballot: Ballot, row: DecisionRow) -> str:
    """The one line naming everyone elected by ``ballot``'s election (its first round and
    run-offs, or a tie given by lot or by the chair), once ``row``, the latest decision on
    ``ballot``, filled the last seat."""
    if ballot.kind is not BallotKind.ELECTION or row.outcome is not Outcome.ELECTED:
        return ""
    by_id = {b.id: b for b in ballot_store.for_meeting(conn, ballot.meeting_id)}
    rounds = [ballot]
    while rounds[0].runoff_of is not None and rounds[0].runoff_of in by_id:
        rounds.insert(0, by_id[rounds[0].runoff_of])
    settled = _settled_by_tie(conn, ballot)
    if len(rounds) == 1 and not settled:
        return ""  # one round: its result already names everyone elected
    elected: list[str] = []
    for round_ in rounds:
        result = decide_election(tally_of(conn, round_)[0], round_.seats or 1)
        elected.extend(result.elected)
    if settled:
        result = decide_election(tally_of(conn, ballot)[0], ballot.seats or 1)
        chosen = row.result.rpartition(_SETTLED)[2].split(", ")
        elected.extend(n for n in result.runoff if n in chosen)
    return tr("{title} \u2014 terpilih: {names}", title=rounds[0].title, names=", ".join(elected))


def _settled_by_tie(conn: Connection, ballot: Ballot) -> bool:
    """Whether the last seat of ``ballot`` was given by lot or by the chair."""
    rows = [d for d in decision_store.for_meeting(conn, ballot.meeting_id)
            if d.ballot_id == ballot.id]  # fmt: skip
    return any(d.outcome is Outcome.TIE for d in rows)
