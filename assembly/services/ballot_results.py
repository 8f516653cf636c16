"""The results of ballots: the tally as the status JSON and the minutes name it, the rule a
ballot is decided by, and the statement of the result (UU 25/1992 Pasal 24; law.md rules 15-17).
Read by closing, by the console, the status report, the minutes and the demo alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    Choice,
    CountedTotals,
    CountingRules,
    MotionTally,
    Outcome,
    decide_election,
    decide_motion,
)
from assembly.domain.meeting import AgendaItem
from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.persistence import ballot_store
from assembly.persistence.meeting_store import Connection


def election_votes(
    counts: Mapping[str, int], candidates: Sequence[tuple[int, str]]
) -> Counter[int]:
    """Votes per candidate member id from counted choices ("12,40" -> n; "" is a blank)."""
    votes: Counter[int] = Counter({member_id: 0 for member_id, _ in candidates})
    for choice, n in counts.items():
        for c in choice.split(","):
            if c:
                votes[int(c)] += n
    return votes


def tally_of(conn: Connection, ballot: Ballot) -> tuple[dict[str, int], int]:
    """(the tally as the status JSON names it, votes cast by proxy holders)."""
    assert ballot.id is not None
    if ballot.mode is BallotMode.COUNTED:
        totals = ballot_store.counted(conn, ballot.id) or CountedTotals()
        return totals.tally().as_dict(), 0
    counts = ballot_store.choice_counts(conn, ballot)
    by_proxy = ballot_store.voted(conn, ballot)[1]
    if ballot.kind is BallotKind.MOTION:
        return MotionTally(*(counts.get(c.value, 0) for c in Choice)).as_dict(), by_proxy
    people = ballot_store.candidate_list(conn, ballot.id)
    votes = election_votes(counts, people)
    return {label: votes[m] for m, label in labels(people).items()}, by_proxy


def labels(people: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Each candidate's name as the tally shows it, with the member id when names repeat."""
    seen = Counter(name for _, name in people)
    return {m: name if seen[name] == 1 else f"{name} #{m}" for m, name in people}


def rule_applied(ballot: Ballot, item: AgendaItem, profile: ADProfile) -> str:
    """The rule a ballot is decided by, in words: the AD's majority for the item's kind, or
    the most votes for the seats of an election."""
    if ballot.kind is BallotKind.ELECTION:
        return election_rule(ballot.seats or 1)
    majority = profile.majority_for(item.kind)
    return majority.describe() if majority else ""


def motion_result(
    tally: dict[str, int], ballot: Ballot, item: AgendaItem, profile: ADProfile
) -> tuple[str, Outcome, str]:
    """(result statement, outcome, majority rule in words) of a closed motion."""
    rule = profile.majority_for(item.kind)
    assert rule is not None  # checked when the ballot opened
    counting = CountingRules(profile.abstain_counts_as_cast, profile.invalid_counts_as_cast)
    motion = MotionTally(tally["setuju"], tally["tidak_setuju"], tally["abstain"],
                         tally["tidak_sah"])  # fmt: skip
    result = decide_motion(
        motion, rule, present=ballot.eligible, members=ballot.members, counting=counting
    )
    outcome = Outcome.ADOPTED if result.adopted else Outcome.REJECTED
    return result.statement, outcome, rule.describe()


def election_result(
    conn: Connection, ballot: Ballot, tally: dict[str, int]
) -> tuple[str, Outcome, str, list[int], int]:
    """(statement, outcome, rule, member ids tied for the last seat, seats left to them)."""
    people = ballot_store.candidate_list(conn, ballot.id or 0)
    ids = {label: m for m, label in labels(people).items()}
    seats = ballot.seats or 1
    result = decide_election(tally, seats)
    rule = election_rule(seats)
    elected = ", ".join(f"{n} ({thousands(tally[n])})" for n in result.elected)
    if result.decided:
        return tr("terpilih: {names}", names=elected), Outcome.ELECTED, rule, [], 0
    tied = ", ".join(result.runoff)
    statement = tr("suara sama untuk kursi terakhir: pemilihan ulang antara {tied}", tied=tied)
    if result.elected:
        statement = tr("terpilih: {names}; ", names=elected) + statement
    left = seats - len(result.elected)
    return statement, Outcome.RUNOFF, rule, [ids[n] for n in result.runoff], left


def election_rule(seats: int) -> str:
    """The rule of an election in words: the most votes for ``seats`` seats."""
    return tr("suara terbanyak, {seats} kursi", seats=seats)
