"""Ballots: open with a quorum re-check, take votes (named, counted, secret kiosk), close with
the result, cancel or re-vote with a reason.

UU 25/1992 Pasal 24(2)-(3): the majority decides, one member one vote. Opening re-checks quorum
and stores the snapshot and who was entitled then (law.md rule 19); without quorum the ballot is
blocked or flagged as the AD profile says. Only those entitled at the snapshot vote; the holder of
a surat kuasa votes for the grantor separately, and proxy votes are shown apart (rule 13).
"""

from __future__ import annotations

import builtins
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from typing import Any

from assembly.domain.ad_profile import ADProfile, NoQuorumAtVote
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    BallotState,
    Choice,
    CountedTotals,
    CountingRules,
    DecisionMethod,
    MotionTally,
    Outcome,
    decide_election,
    decide_motion,
    progress_text,
    reconcile,
    validate_election_ballot,
)
from assembly.domain.errors import DomainError
from assembly.domain.meeting import AgendaItem, Meeting
from assembly.domain.members import Member
from assembly.domain.quorum import thousands
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.i18n import tr
from assembly.persistence import (
    audit_log,
    ballot_store,
    decision_store,
    member_store,
    quorum_check_store,
)
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text
from assembly.services.changes import Area, Changes
from assembly.services.context import ServiceContext
from assembly.services.decisions import require_item
from assembly.services.meeting_lookup import ProfileCache, require_header
from assembly.services.quorum_counts import live_status, recount

VoteChoice = Choice | Sequence[str]  # a motion's answer, or the candidates' member numbers


@dataclass(frozen=True)
class VotingProgress:
    """How many of those entitled at the snapshot have voted, of them by proxy."""

    voted: int
    eligible: int
    by_proxy: int

    @property
    def text(self) -> str:
        """ "412 dari 700 sudah memberikan suara"."""
        return progress_text(self.voted, self.eligible)


@dataclass(frozen=True)
class BallotOutcome:
    """A closed ballot: its tally (a motion's, or votes per candidate name), the statement of
    the result, the decision stored, and the run-off opened when the last seat was tied."""

    ballot: Ballot
    tally: dict[str, int]
    statement: str
    outcome: Outcome
    rule: str
    by_proxy: int
    decision: DecisionRow
    runoff_id: int | None = None


def open_in(
    ctx: ServiceContext,
    conn: Connection,
    profile: ADProfile,
    draft: Ballot,
    candidates: Sequence[Member] = (),
) -> Ballot:
    """Open ``draft`` inside the caller's transaction: consensus must have failed on the item
    (Pasal 24(2)), no other ballot open, quorum re-checked and recorded, who is entitled now
    stored. Refused without quorum when the AD profile blocks."""
    meeting, item = require_item(conn, draft.meeting_id, draft.item_id)
    if not decision_store.consensus_failed(conn, item.id or 0):
        raise DomainError(
            tr(
                "Catat dahulu bahwa musyawarah untuk mufakat tidak tercapai pada acara "
                "\u201c{item}\u201d; baru sesudah itu pemungutan suara dapat dibuka "
                "(UU 25/1992 Pasal 24 ayat 2).",
                item=item.title,
            )
        )
    if ballot_store.open_ballot_id(conn, meeting.id or 0) is not None:
        raise DomainError(
            tr("Masih ada pemungutan suara yang terbuka; tutup atau batalkan dahulu.")
        )
    if draft.kind is BallotKind.MOTION and profile.majority_for(item.kind) is None:
        raise DomainError(
            tr(
                "Profil AD belum menetapkan suara terbanyak untuk acara jenis {kind}.",
                kind=item.kind.label,
            )
        )
    meeting = recount(conn, meeting, profile)
    status = live_status(conn, meeting, profile)
    if not status.reached and profile.no_quorum_at_vote is NoQuorumAtVote.BLOCK:
        raise DomainError(
            tr(
                "Kuorum tidak tercapai saat pemungutan suara dibuka: {present} hadir, {text}. "
                "Menurut profil AD pemungutan suara tanpa kuorum tidak dapat dilakukan.",
                present=thousands(status.present),
                text=status.text,
            )
        )
    now = ctx.now()
    check = QuorumCheck(
        now,
        CheckStep.ON_REQUEST,
        status.base,
        status.present,
        status.minimum,
        status.reached,
        status.rule.describe(),
        status.article,
        note=tr("sebelum pemungutan suara: {title}", title=draft.title),
    )
    quorum_check_store.add(conn, meeting.id or 0, check, ctx.actor)
    ballot = replace(
        draft,
        state=BallotState.OPEN,
        opened_at=now,
        present=status.present,
        minimum=status.minimum,
        reached=status.reached,
        rule_text=status.rule_text,
        article=status.article,
        members=meeting.entitled or 0,
    )
    ballot_id = ballot_store.insert(conn, ballot)
    eligible = ballot_store.snapshot_eligible(conn, ballot_id, meeting.id or 0)
    ballot = replace(ballot, id=ballot_id, eligible=eligible)
    ballot_store.update(conn, ballot)
    ballot_store.add_candidates(conn, ballot_id, [(m.id or 0, m.name) for m in candidates])
    audit_log.append(
        conn,
        ctx.actor,
        "ballot.opened",
        {
            "id": ballot_id,
            "meeting": meeting.id,
            "item": item.title,
            "kind": ballot.kind.value,
            "mode": ballot.mode.value,
            "title": ballot.title,
            "present": status.present,
            "minimum": status.minimum,
            "reached": status.reached,
            "eligible": eligible,
            "candidates": [m.number for m in candidates],
            "revote_reason": ballot.revote_reason,
            "runoff_of": ballot.runoff_of,
        },
    )
    return ballot


def draft_ballot(
    meeting_id: int,
    item_id: int,
    kind: BallotKind,
    mode: BallotMode,
    title: str,
    ctx: ServiceContext,
    **more: Any,
) -> Ballot:
    """A ballot to open: the snapshot fields are filled in by :func:`open_in`."""
    if not title.strip():
        raise DomainError(tr("Tuliskan apa yang diputuskan dengan pemungutan suara ini."))
    return Ballot(
        meeting_id, item_id, kind, mode, title.strip(), ctx.now(), 0, 0, False, "", "", 0, 0,
        **more,
    )  # fmt: skip


def require_ballot(conn: Connection, ballot_id: int, *, open_: bool = True) -> Ballot:
    """The ballot; refused when there is none or (with ``open_``) when it is not open."""
    ballot = ballot_store.get(conn, ballot_id)
    if ballot is None:
        raise DomainError(tr("Pemungutan suara nomor {id} tidak ada.", id=ballot_id))
    if open_ and ballot.state is not BallotState.OPEN:
        raise DomainError(tr("Pemungutan suara ini sudah ditutup atau dibatalkan."))
    return ballot


def _member(conn: Connection, number: str) -> Member:
    member = member_store.by_number(conn, number.strip())
    if member is None:
        raise DomainError(tr("Nomor anggota {number} tidak ditemukan.", number=number.strip()))
    return member


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
    return {label: votes[m] for m, label in _labels(people).items()}, by_proxy


def _voter(
    conn: Connection, ballot: Ballot, number: str, for_grantor: str | None
) -> tuple[Member, int | None, Member]:
    """(the member whose vote it is, the proxy holder's id or None, who stands at the desk);
    refused for anyone not entitled at the snapshot, and for a member whose proxy holder
    votes for them."""
    assert ballot.id is not None
    voter = _member(conn, number)
    member, holder = voter, None
    if for_grantor is not None:
        member = _member(conn, for_grantor)
        entitled, holder = ballot_store.eligibility(conn, ballot.id, member.id or 0)
        if not entitled or holder != voter.id:
            raise DomainError(
                tr(
                    "{holder} tidak memegang surat kuasa {grantor} pada pemungutan suara ini.",
                    holder=voter.name,
                    grantor=member.name,
                )
            )
    else:
        entitled, represented_by = ballot_store.eligibility(conn, ballot.id, voter.id or 0)
        if not entitled:
            raise DomainError(
                tr(
                    "{name} tidak berhak memberikan suara pada pemungutan suara ini: "
                    "tidak hadir atau tidak berhak suara saat pemungutan suara dibuka.",
                    name=voter.name,
                )
            )
        if represented_by is not None:
            raise DomainError(
                tr(
                    "{name} diwakili oleh pemegang surat kuasa; suaranya diberikan oleh "
                    "pemegang kuasa.",
                    name=voter.name,
                )
            )
    return member, holder, voter


def _labels(people: Sequence[tuple[int, str]]) -> dict[int, str]:
    """Each candidate's name as the tally shows it, with the member id when names repeat."""
    seen = Counter(name for _, name in people)
    return {m: name if seen[name] == 1 else f"{name} #{m}" for m, name in people}


class BallotService:
    """Opening, voting on, closing and cancelling ballots on motions (and, through
    :class:`~assembly.services.elections.ElectionService`, elections)."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def _profile(self, conn: Connection, meeting_id: int) -> tuple[Meeting, ADProfile]:
        meeting = require_header(conn, meeting_id)
        return meeting, self._profiles.get(conn, meeting.profile_version)

    def ballots(self, meeting_id: int) -> builtins.list[Ballot]:
        """Every ballot of the meeting."""
        with self._ctx.db.read() as conn:
            return ballot_store.for_meeting(conn, meeting_id)

    def get(self, ballot_id: int) -> Ballot:
        """One ballot."""
        with self._ctx.db.read() as conn:
            return require_ballot(conn, ballot_id, open_=False)

    def open_motion(
        self, meeting_id: int, item_id: int, mode: BallotMode, title: str
    ) -> tuple[Ballot, Changes]:
        """Open a vote on a motion (after consensus failed on the item)."""
        draft = draft_ballot(meeting_id, item_id, BallotKind.MOTION, mode, title, self._ctx)
        with self._ctx.db.write() as conn:
            _meeting, profile = self._profile(conn, meeting_id)
            ballot = open_in(self._ctx, conn, profile, draft)
        return ballot, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(meeting_id,))

    def cast(
        self, ballot_id: int, number: str, choice: VoteChoice, *, for_grantor: str | None = None
    ) -> tuple[VotingProgress, Changes]:
        """Record one vote of member ``number`` (or, with ``for_grantor``, the vote the proxy
        holder ``number`` casts for the grantor). Refused for anyone not entitled at the
        snapshot, and for a second vote: the database's UNIQUE constraint decides, so two desks
        racing cannot both record one."""
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id)
            assert ballot.id is not None
            if ballot.mode is BallotMode.COUNTED:
                raise DomainError(tr("Pemungutan suara ini dihitung; masukkan jumlahnya saja."))
            member, holder, voter = _voter(conn, ballot, number, for_grantor)
            stored = self._choice(conn, ballot, choice)
            payload: dict[str, Any] = {"ballot": ballot.id, "member": member.number}
            if holder is not None:
                payload["proxy_holder"] = voter.number
            if ballot.mode is BallotMode.SECRET:
                ballot_store.add_secret(conn, ballot.id, member.id or 0, holder is not None, stored)
                kind = "ballot.participated"  # the choice never enters the log
            else:
                at = to_text(self._ctx.now()) or ""
                ballot_store.add_named(conn, ballot.id, member.id or 0, stored, holder, at)
                payload["choice"] = stored
                kind = "ballot.voted"
            audit_log.append(conn, self._ctx.actor, kind, payload)
            voted, by_proxy = ballot_store.voted(conn, ballot)
        progress = VotingProgress(voted, ballot.eligible, by_proxy)
        return progress, Changes.of(Area.DECISIONS, ids=(ballot.meeting_id,))

    def may_vote(self, ballot_id: int, number: str, *, for_grantor: str | None = None) -> str:
        """Check, before the choice is taken, that ``number`` (for ``for_grantor``) may still
        vote on the open ballot: the name of the member whose vote it is; refused like
        :meth:`cast` would refuse (not entitled, represented, already voted)."""
        with self._ctx.db.read() as conn:
            ballot = require_ballot(conn, ballot_id)
            if ballot.mode is BallotMode.COUNTED:
                raise DomainError(tr("Pemungutan suara ini dihitung; masukkan jumlahnya saja."))
            member = _voter(conn, ballot, number, for_grantor)[0]
            if ballot_store.has_voted(conn, ballot, member.id or 0):
                raise DomainError(
                    tr(
                        "{name} sudah memberikan suara pada pemungutan suara ini; satu anggota "
                        "satu suara.",
                        name=member.name,
                    )
                )
        return member.name

    def _choice(self, conn: Connection, ballot: Ballot, choice: VoteChoice) -> str:
        if ballot.kind is BallotKind.MOTION:
            if not isinstance(choice, Choice) or choice is Choice.INVALID:
                raise DomainError(tr("Pilih setuju, tidak setuju atau abstain."))
            return choice.value
        if isinstance(choice, (Choice, str)):
            raise DomainError(tr("Pilih calon dengan nomor anggotanya."))
        people = ballot_store.candidate_list(conn, ballot.id or 0)
        numbers = member_store.by_numbers(conn, [n.strip() for n in choice])
        ids = [numbers[n.strip()].id or 0 if n.strip() in numbers else 0 for n in choice]
        known = [str(m) for m, _ in people]
        if not validate_election_ballot([str(i) for i in ids], known, ballot.seats or 1):
            raise DomainError(
                tr(
                    "Pilih paling banyak {seats} calon yang berbeda dari daftar calon.",
                    seats=ballot.seats or 1,
                )
            )
        return ",".join(str(i) for i in sorted(ids))

    def enter_counted(self, ballot_id: int, totals: CountedTotals) -> Changes:
        """Store the totals of a counted motion, with the tellers, once they reconcile and
        never above the entitled present at the snapshot."""
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id)
            if ballot.mode is not BallotMode.COUNTED or ballot.kind is not BallotKind.MOTION:
                raise DomainError(
                    tr("Jumlah suara hanya dimasukkan pada pemungutan suara dihitung.")
                )
            problems = reconcile(totals, ballot.eligible)
            if problems:
                raise DomainError("\n".join(problems))
            ballot_store.save_counted(conn, ballot_id, totals, to_text(self._ctx.now()) or "")
            audit_log.append(
                conn,
                self._ctx.actor,
                "ballot.counted",
                {"ballot": ballot_id, **totals.tally().as_dict(), "blank": totals.blank,
                 "issued": totals.issued, "returned": totals.returned,
                 "tellers": list(totals.tellers)},
            )  # fmt: skip
        return Changes.of(Area.DECISIONS, ids=(ballot.meeting_id,))

    def progress(self, ballot_id: int) -> VotingProgress:
        """How many have voted so far."""
        with self._ctx.db.read() as conn:
            ballot = require_ballot(conn, ballot_id, open_=False)
            if ballot.mode is BallotMode.COUNTED:
                totals = ballot_store.counted(conn, ballot_id)
                return VotingProgress(totals.total if totals else 0, ballot.eligible, 0)
            voted, by_proxy = ballot_store.voted(conn, ballot)
        return VotingProgress(voted, ballot.eligible, by_proxy)

    def close(self, ballot_id: int) -> tuple[BallotOutcome, Changes]:
        """Close the ballot, tally it, decide under the AD's rule and store the decision with
        its statement. A tie for an election's last seat opens the run-off between the tied
        (when quorum allows; otherwise it is opened later with ``open_runoff``)."""
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id)
            meeting, profile = self._profile(conn, ballot.meeting_id)
            _m, item = require_item(conn, ballot.meeting_id, ballot.item_id)
            if ballot.mode is BallotMode.COUNTED and ballot_store.counted(conn, ballot_id) is None:
                raise DomainError(tr("Masukkan dahulu jumlah suara yang dihitung para saksi."))
            tally, by_proxy = tally_of(conn, ballot)
            closed = replace(ballot, state=BallotState.CLOSED, closed_at=self._ctx.now())
            ballot_store.update(conn, closed)
            if ballot.kind is BallotKind.MOTION:
                statement, outcome, rule = motion_result(tally, ballot, item, profile)
                runoff_id = None
            else:
                statement, outcome, rule, tied, left = election_result(conn, ballot, tally)
                runoff_id = self._runoff(conn, profile, closed, tied, left) if tied else None
            row = DecisionRow(
                meeting.id or 0,
                ballot.item_id,
                DecisionMethod.VOTING,
                ballot.title,
                "",
                statement,
                outcome,
                self._ctx.now(),
                ballot_id,
            )
            row = replace(row, id=decision_store.insert(conn, row))
            audit_log.append(
                conn,
                self._ctx.actor,
                "ballot.closed",
                {"ballot": ballot_id, "tally": tally, "by_proxy": by_proxy,
                 "result": statement, "runoff": runoff_id},
            )  # fmt: skip
        result = BallotOutcome(closed, tally, statement, outcome, rule, by_proxy, row, runoff_id)
        return result, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(ballot.meeting_id,))

    def _runoff(
        self, conn: Connection, profile: ADProfile, ballot: Ballot, tied: Sequence[int], seats: int
    ) -> int | None:
        draft = replace(
            ballot,
            state=BallotState.OPEN,
            closed_at=None,
            seats=seats,
            title=tr("Pemilihan ulang: {title}", title=ballot.title),
            runoff_of=ballot.id,
            revote_of=None,
            revote_reason="",
            id=None,
        )
        members = [m for m in (member_store.get(conn, i) for i in tied) if m is not None]
        try:
            with conn.begin_nested():
                return open_in(self._ctx, conn, profile, draft, members).id
        except DomainError:
            return None  # quorum blocks a vote now; the chair opens the run-off later

    def cancel(self, ballot_id: int, reason: str) -> tuple[Ballot, Changes]:
        """Cancel an open ballot; the reason is required and kept. Its votes stay stored and
        count for nothing."""
        if not reason.strip():
            raise DomainError(tr("Sebutkan alasan pembatalan pemungutan suara."))
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id)
            cancelled = replace(
                ballot,
                state=BallotState.CANCELLED,
                closed_at=self._ctx.now(),
                cancel_reason=reason.strip(),
            )
            ballot_store.update(conn, cancelled)
            audit_log.append(
                conn,
                self._ctx.actor,
                "ballot.cancelled",
                {"ballot": ballot_id, "reason": reason.strip()},
            )
        return cancelled, Changes.of(Area.DECISIONS, ids=(ballot.meeting_id,))

    def revote(self, ballot_id: int, reason: str) -> tuple[Ballot, Changes]:
        """Open the same vote again (same item, kind, mode, seats and candidates) after a
        closed or cancelled ballot; the reason is required and kept."""
        if not reason.strip():
            raise DomainError(tr("Sebutkan alasan pemungutan suara ulang."))
        with self._ctx.db.write() as conn:
            before = require_ballot(conn, ballot_id, open_=False)
            if before.state is BallotState.OPEN:
                raise DomainError(tr("Tutup atau batalkan dahulu pemungutan suara ini."))
            _meeting, profile = self._profile(conn, before.meeting_id)
            people = [
                m
                for m in (member_store.get(conn, i) for i, _ in ballot_store.candidate_list(
                    conn, ballot_id))
                if m is not None
            ]  # fmt: skip
            draft = replace(
                before,
                state=BallotState.OPEN,
                closed_at=None,
                cancel_reason="",
                revote_reason=reason.strip(),
                revote_of=ballot_id,
                id=None,
            )
            ballot = open_in(self._ctx, conn, profile, draft, people)
        return ballot, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(ballot.meeting_id,))


def rule_applied(ballot: Ballot, item: AgendaItem, profile: ADProfile) -> str:
    """The rule a ballot is decided by, in words: the AD's majority for the item's kind, or
    the most votes for the seats of an election."""
    if ballot.kind is BallotKind.ELECTION:
        return tr("suara terbanyak, {seats} kursi", seats=ballot.seats or 1)
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
    ids = {label: m for m, label in _labels(people).items()}
    seats = ballot.seats or 1
    result = decide_election(tally, seats)
    rule = tr("suara terbanyak, {seats} kursi", seats=seats)
    elected = ", ".join(f"{n} ({thousands(tally[n])})" for n in result.elected)
    if result.decided:
        return tr("terpilih: {names}", names=elected), Outcome.ELECTED, rule, [], 0
    tied = ", ".join(result.runoff)
    statement = tr("suara sama untuk kursi terakhir: pemilihan ulang antara {tied}", tied=tied)
    if result.elected:
        statement = tr("terpilih: {names}; ", names=elected) + statement
    left = seats - len(result.elected)
    return statement, Outcome.RUNOFF, rule, [ids[n] for n in result.runoff], left
