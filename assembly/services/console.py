"""What the chair's console and the projector show, read in one consistent look at the
database: the meeting, the current agenda item, the quorum now, the open ballot with its
progress, and the last closed ballot with its tally and result.

A running tally is never part of it: the hall sees progress while a vote is open and the
numbers only once it closes (and a secret ballot's choices cannot be seen before then either).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import Ballot, BallotKind, BallotMode, BallotState, Outcome
from assembly.domain.meeting import AgendaItem, Meeting
from assembly.domain.quorum_check import QuorumStatus
from assembly.persistence import ballot_store, decision_store, member_store
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.services import presence
from assembly.services.agenda_progress import current_item
from assembly.services.ballot_results import rule_applied, tally_of
from assembly.services.ballots import VotingProgress
from assembly.services.context import ServiceContext
from assembly.services.elected_board import board_line
from assembly.services.meeting_lookup import ProfileCache, require_meeting
from assembly.services.quorum_counts import live_status


@dataclass(frozen=True)
class ClosedBallot:
    """A closed ballot as announced: the tally (a motion's four counts, or votes per
    candidate), the decision stored with its result statement, and the rule applied."""

    ballot: Ballot
    tally: dict[str, int]
    by_proxy: int
    decision: DecisionRow
    rule: str
    board: str = ""  # an election's elected, every round, in one line (empty otherwise)

    @property
    def outcome(self) -> Outcome:
        """What the ballot decided."""
        return self.decision.outcome


@dataclass(frozen=True)
class ConsoleSnapshot:
    """The meeting as the chair and the hall see it at one moment."""

    meeting: Meeting
    item: AgendaItem | None
    quorum: QuorumStatus
    ballot: Ballot | None
    progress: VotingProgress | None
    candidates: tuple[tuple[str, str], ...]  # (number, name) of the open ballot's candidates
    last: ClosedBallot | None
    decision: DecisionRow | None = None  # the meeting's newest decision, however taken

    @property
    def secret_open(self) -> bool:
        """Whether a secret ballot is open (the hall then sees only who has voted)."""
        return self.ballot is not None and self.ballot.mode is BallotMode.SECRET


class ConsoleService:
    """The read model of the chair's console and the projector."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()
        self._hall = presence.LivePresence()

    def snapshot(self, meeting_id: int) -> ConsoleSnapshot:
        """Everything the console and projector show, in one read."""
        with self._ctx.db.read() as conn:
            meeting = require_meeting(conn, meeting_id)
            profile = self._profiles.get(conn, meeting.profile_version)
            quorum = self._quorum(conn, meeting, profile)
            open_id = ballot_store.open_ballot_id(conn, meeting_id)
            ballot = ballot_store.get(conn, open_id) if open_id is not None else None
            progress: VotingProgress | None = None
            candidates: tuple[tuple[str, str], ...] = ()
            if ballot is not None:
                voted, by_proxy = _voted(conn, ballot)
                progress = VotingProgress(voted, ballot.eligible, by_proxy)
                candidates = _candidates(conn, ballot)
            decisions = decision_store.for_meeting(conn, meeting_id)
            last = self._last_closed(conn, meeting, profile, decisions)
        return ConsoleSnapshot(
            meeting, current_item(meeting.agenda), quorum, ballot, progress, candidates, last,
            decisions[-1] if decisions else None,
        )  # fmt: skip

    def _quorum(self, conn: Connection, meeting: Meeting, profile: ADProfile) -> QuorumStatus:
        """The quorum now, counted by the one presence function (DESIGN.md section 3),
        kept up to date between refreshes (:class:`presence.LivePresence`)."""
        assert meeting.id is not None
        status = live_status(conn, meeting, profile)
        by_channel, everyone = self._hall.at(conn, meeting.id, self._ctx.now())
        return replace(
            status, present=sum(by_channel.values()), by_channel=by_channel, attending=everyone
        )

    def _last_closed(
        self,
        conn: Connection,
        meeting: Meeting,
        profile: ADProfile,
        decisions: list[DecisionRow],
    ) -> ClosedBallot | None:
        rows = [r for r in decisions if r.ballot_id]
        if not rows:
            return None
        row = rows[-1]
        ballot = ballot_store.get(conn, row.ballot_id or 0)
        if ballot is None or ballot.state is not BallotState.CLOSED:
            return None
        tally, by_proxy = tally_of(conn, ballot)
        item = next(i for i in meeting.agenda if i.id == ballot.item_id)
        return ClosedBallot(
            ballot, tally, by_proxy, row, rule_applied(ballot, item, profile),
            board_line(conn, ballot, row),
        )  # fmt: skip


def _voted(conn: Connection, ballot: Ballot) -> tuple[int, int]:
    if ballot.mode is BallotMode.COUNTED:
        totals = ballot_store.counted(conn, ballot.id or 0)
        return (totals.total if totals else 0), 0
    return ballot_store.voted(conn, ballot)


def _candidates(conn: Connection, ballot: Ballot) -> tuple[tuple[str, str], ...]:
    if ballot.kind is not BallotKind.ELECTION:
        return ()
    out = []
    for member_id, name in ballot_store.candidate_list(conn, ballot.id or 0):
        member = member_store.get(conn, member_id)
        out.append((member.number if member else "", name))
    return tuple(out)
