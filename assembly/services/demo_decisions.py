"""The demo's decisions at last year's (closed) RAT: the LPJ accepted by consensus; the SHU
decided by a named vote; the work plan by a counted show of hands; and the election of the
Pengawas, secret, tied for the seat, decided by a run-off (UU 25/1992 Pasal 24; law.md rules
6, 16-18).

Written straight into the demo's write transaction, as the meeting is already closed: each
ballot carries its quorum snapshot and who was entitled, exactly as a live one. Every draw
comes from the generator's seeded ``rng``.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import replace

from assembly.domain.ad_profile import ADProfile, ItemKind
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    BallotState,
    Choice,
    CountedTotals,
    DecisionMethod,
    Outcome,
)
from assembly.domain.meeting import AgendaItem, Meeting
from assembly.domain.presence import present_at
from assembly.i18n import tr
from assembly.persistence import (
    ballot_store,
    decision_store,
    meeting_store,
    member_store,
    secret_store,
)
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text
from assembly.services import presence
from assembly.services.ballot_results import election_result, motion_result, tally_of
from assembly.services.quorum_counts import live_status


def add_sample_decisions(
    conn: Connection,
    rng: random.Random,
    meeting: Meeting,
    profile: ADProfile,
    times: dict[int, tuple[dt.datetime, dt.datetime]],
) -> None:
    """Record the demo's decisions on the held ``meeting``, each while its item was under
    discussion (``times``: when each item was taken up and left)."""
    assert meeting.id is not None
    items = meeting_store.agenda(conn, meeting.id)
    if len(items) < 4:
        return
    lpj = next((i for i in items if "pertanggungjawaban" in i.title), items[0])
    shu = next((i for i in items if "SHU" in i.title), items[1])
    plan = next((i for i in items if i.title.startswith("Rencana kerja")), items[2])
    election = next((i for i in items if i.kind is ItemKind.ELECTION), None)

    def during(item: AgendaItem, minutes: int) -> dt.datetime:
        return times[item.id or 0][0] + _MIN * minutes

    _decide(conn, meeting, lpj, Outcome.AGREED, "Laporan pertanggungjawaban Pengurus diterima",
            during(lpj, 20), "Dua anggota meminta rincian biaya operasional dilampirkan.")  # fmt: skip
    agreed = {
        "tata tertib": "Tata tertib rapat disahkan tanpa perubahan",
        "pengawasan": "Laporan hasil pengawasan Pengawas diterima",
        "laporan keuangan": "Laporan keuangan yang telah diaudit disahkan",
    }
    for item in items:
        text = next((v for k, v in agreed.items() if k in item.title.casefold()), None)
        if text is not None:
            _decide(conn, meeting, item, Outcome.AGREED, text, during(item, 8))
    vote = _Vote(conn, rng, meeting, profile)
    vote.motion(shu, BallotMode.NAMED, "SHU dibagi 40% menurut jasa usaha", during(shu, 10), 0.62)
    if election is not None:
        vote.election(election, during(election, 8))
    vote.motion(plan, BallotMode.COUNTED, "Rencana kerja disahkan", during(plan, 8), 0.8)


_MIN = dt.timedelta(minutes=1)


def _decide(
    conn: Connection,
    meeting: Meeting,
    item: AgendaItem,
    outcome: Outcome,
    text: str,
    at: dt.datetime,
    dissent: str = "",
    ballot_id: int | None = None,
    result: str = "",
) -> None:
    method = DecisionMethod.VOTING if ballot_id is not None else DecisionMethod.CONSENSUS
    if not result:
        result = (
            tr("disepakati secara musyawarah untuk mufakat")
            if outcome is Outcome.AGREED
            else tr("mufakat tidak tercapai; keputusan diambil dengan pemungutan suara")
        )
    row = DecisionRow(meeting.id or 0, item.id or 0, method, text, dissent, result, outcome, at,
                      ballot_id)  # fmt: skip
    decision_store.insert(conn, row)


class _Vote:
    """Ballots of the held meeting, with snapshots from its attendance."""

    def __init__(
        self, conn: Connection, rng: random.Random, meeting: Meeting, profile: ADProfile
    ) -> None:
        self.conn, self.rng, self.meeting, self.profile = conn, rng, meeting, profile

    def _open(
        self, item: AgendaItem, kind: BallotKind, mode: BallotMode, title: str, at: dt.datetime,
        **more: object,
    ) -> Ballot:  # fmt: skip
        # The snapshot of the moment the ballot opens, not of the attendance as it ended.
        status = live_status(self.conn, self.meeting, self.profile)
        now = present_at(presence.attendees(self.conn, self.meeting.id or 0), at)
        status = replace(status, present=now.counted, by_channel=now.by_channel)
        ballot = Ballot(
            self.meeting.id or 0, item.id or 0, kind, mode, title, at, status.present,
            status.minimum, status.reached, status.rule_text, status.article, 0,
            self.meeting.entitled or 0, **more,  # type: ignore[arg-type]
        )  # fmt: skip
        ballot_id = ballot_store.insert(self.conn, ballot)
        eligible = ballot_store.add_eligible(
            self.conn, ballot_id, [(m, None) for m in sorted(now.voters)]
        )
        ballot = replace(ballot, id=ballot_id, eligible=eligible)
        ballot_store.update(self.conn, ballot)
        return ballot

    def _close(self, ballot: Ballot, item: AgendaItem, at: dt.datetime) -> list[int]:
        closed = replace(ballot, state=BallotState.CLOSED, closed_at=at)
        ballot_store.update(self.conn, closed)
        tally = tally_of(self.conn, closed)[0]
        tied: list[int] = []
        if ballot.kind is BallotKind.MOTION:
            statement, outcome, _rule = motion_result(tally, closed, item, self.profile)
        else:
            statement, outcome, _rule, tied, _left = election_result(
                self.conn, closed, tally, self.profile
            )
        _decide(self.conn, self.meeting, item, outcome, ballot.title, at, "", ballot.id,
                statement)  # fmt: skip
        return tied

    def _tellers(self, voters: list[tuple[int, int | None]]) -> tuple[str, ...]:
        """Two members present at the vote count the hands with the chair (saksi
        penghitung suara)."""
        # A generator of their own, so the demo's other draws stay as they were.
        picked = random.Random(len(voters)).sample(voters, min(2, len(voters)))
        members = [member_store.get(self.conn, m) for m, _holder in picked]
        return tuple(m.name for m in members if m is not None)

    def motion(
        self, item: AgendaItem, mode: BallotMode, title: str, at: dt.datetime, share: float
    ) -> None:
        """Consensus fails, then a motion passes with about ``share`` in favour."""
        _decide(self.conn, self.meeting, item, Outcome.NO_CONSENSUS, "", at - _MIN * 5)
        ballot = self._open(item, BallotKind.MOTION, mode, title, at)
        voters = ballot_store.eligible_ids(self.conn, ballot.id or 0)
        choices = [
            self.rng.choices([Choice.YES, Choice.NO, Choice.ABSTAIN], [share, 0.9 - share, 0.1])[0]
            for _ in voters
        ]
        if mode is BallotMode.COUNTED:
            hands = [c for c in choices if self.rng.random() < 0.97]  # a few did not raise
            totals = CountedTotals(
                hands.count(Choice.YES), hands.count(Choice.NO), hands.count(Choice.ABSTAIN),
                tellers=self._tellers(voters),
            )  # fmt: skip
            ballot_store.save_counted(self.conn, ballot.id or 0, totals, to_text(at) or "")
        else:
            ballot_store.add_named_many(
                self.conn,
                ballot.id or 0,
                [(m, c.value, h) for (m, h), c in zip(voters, choices, strict=True)],
                to_text(at) or "",
            )
        self._close(ballot, item, at + _MIN * 12)

    def election(self, item: AgendaItem, at: dt.datetime) -> None:
        """A secret election of one Pengawas among three; two tie; the run-off decides."""
        _decide(self.conn, self.meeting, item, Outcome.NO_CONSENSUS, "", at - _MIN * 5)
        title = "Pemilihan Pengawas"
        ballot = self._open(item, BallotKind.ELECTION, BallotMode.SECRET, title, at, seats=1)
        people = [
            (i, h) for i, h in ballot_store.eligible_ids(self.conn, ballot.id or 0) if h is None
        ]
        if len(people) < 7:
            self._close(ballot, item, at)
            return
        standing = [m for m, _ in self.rng.sample(people, 3)]
        named = [member_store.get(self.conn, m) for m in standing]
        ballot_store.add_candidates(self.conn, ballot.id or 0, [(m.id or 0, m.name) for m in named
                                                                 if m is not None])  # fmt: skip
        everyone = ballot_store.eligible_ids(self.conn, ballot.id or 0)
        tie = (len(everyone) - 2) * 2 // 5
        picks = [standing[0]] * tie + [standing[1]] * tie
        picks += [standing[2]] * (len(everyone) - 2 - 2 * tie)
        self.rng.shuffle(everyone)
        secret_store.add_many(
            self.conn,
            ballot,
            [(m, h is not None, str(p)) for (m, h), p in zip(everyone, picks, strict=False)],
        )
        tied = self._close(ballot, item, at + _MIN * 25)
        if not tied:
            return
        runoff = self._open(
            item, BallotKind.ELECTION, BallotMode.SECRET, tr("Pemilihan ulang: {title}", title=title),
            at + _MIN * 30, seats=1, runoff_of=ballot.id,
        )  # fmt: skip
        ballot_store.add_candidates(
            self.conn, runoff.id or 0,
            [(m.id or 0, m.name) for m in named if m is not None and m.id in tied],
        )  # fmt: skip
        again = ballot_store.eligible_ids(self.conn, runoff.id or 0)
        first = len(again) // 2 + 1
        secret_store.add_many(
            self.conn,
            runoff,
            [
                (m, h is not None, str(tied[0] if n < first else tied[1]))
                for n, (m, h) in enumerate(again)
            ],
        )
        self._close(runoff, item, at + _MIN * 45)
