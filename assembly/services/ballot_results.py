"""The results of ballots: the tally as the status JSON and the minutes name it, the rule a
ballot is decided by, and the statement of the result (UU 25/1992 Pasal 24; law.md rules 15-17).
Read by closing, by the console, the status report, the minutes and the demo alike."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from assembly.domain.ad_profile import ADProfile, TieBreak
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
    special_statement,
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
    if not item.kind.is_special:
        return result.statement, outcome, rule.describe()
    # law.md rule 15: the special majority, and the special quorum the snapshot applied.
    article = profile.article(f"special_majority.{item.kind.value}") or profile.article(
        "special_majority"
    )
    statement = special_statement(
        result, article, present=ballot.present, minimum=ballot.minimum,
        quorum_rule=ballot.rule_text,
    )  # fmt: skip
    described = rule.describe()
    if article:
        described = tr("{rule} (AD {article})", rule=described, article=article)
    return statement, outcome, described


def election_result(
    conn: Connection, ballot: Ballot, tally: dict[str, int], profile: ADProfile
) -> tuple[str, Outcome, str, list[int], int]:
    """(statement, outcome, rule, member ids tied for the last seat, seats left to them).
    A tie for the last seat is broken as the AD says (law.md rule 17): a run-off between the
    tied (default), or a lot drawn or the chair's decision, recorded with ``settle_tie``."""
    people = ballot_store.candidate_list(conn, ballot.id or 0)
    ids = {label: m for m, label in labels(people).items()}
    seats = ballot.seats or 1
    result = decide_election(tally, seats)
    rule = election_rule(seats)
    elected = ", ".join(f"{n} ({thousands(tally[n])})" for n in result.elected)
    if result.decided:
        return tr("terpilih: {names}", names=elected), Outcome.ELECTED, rule, [], 0
    tied = ", ".join(result.runoff)
    outcome = Outcome.RUNOFF
    if profile.tie_break is TieBreak.RUNOFF:
        statement = tr("suara sama untuk kursi terakhir: pemilihan ulang antara {tied}", tied=tied)
    else:
        outcome = Outcome.TIE
        how = tr(profile.tie_break.key)
        article = profile.article("tie_break")
        if article:
            how = tr("{rule} (AD {article})", rule=how, article=article)
        statement = tr("suara sama untuk kursi terakhir antara {tied}: {how}", tied=tied, how=how)
    if result.elected:
        statement = tr("terpilih: {names}; ", names=elected) + statement
    left = seats - len(result.elected)
    return statement, outcome, rule, [ids[n] for n in result.runoff], left


def election_rule(seats: int) -> str:
    """The rule of an election in words: the most votes for ``seats`` seats."""
    return tr("suara terbanyak, {seats} kursi", seats=seats)
