"""Ballots: open with a quorum re-check, take votes (named, counted, secret kiosk), close with
the result, cancel or re-vote with a reason.

UU 25/1992 Pasal 24(2)-(3): the majority decides, one member one vote. Opening (quorum
re-check and snapshot) is in :mod:`assembly.services.ballot_opening`, the tally and the result
statement in :mod:`assembly.services.ballot_results`. Only those entitled at the snapshot vote;
the holder of a surat kuasa votes for the grantor separately, and proxy votes are shown apart
(rule 13).
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    BallotState,
    Choice,
    CountedTotals,
    DecisionMethod,
    Outcome,
    decided_items,
    progress_text,
    reconcile,
    validate_election_ballot,
)
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting, MeetingState
from assembly.domain.members import Member
from assembly.i18n import tr
from assembly.persistence import (
    audit_log,
    ballot_store,
    decision_store,
    meeting_store,
    member_store,
    secret_store,
)
from assembly.persistence.database import truncate_wal
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text
from assembly.services.ballot_opening import (
    OpeningRefusal,
    draft_ballot,
    open_in,
    opening_refusal,
    require_ballot,
)
from assembly.services.ballot_repeat import RepeatChance, repeat_chance, repeat_refusal
from assembly.services.ballot_results import election_result, motion_result, tally_of
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.decisions import require_item
from assembly.services.meeting_lookup import ProfileCache, require_header

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
    the result and the decision stored (a tie for the last seat calls a run-off)."""

    ballot: Ballot
    tally: dict[str, int]
    statement: str
    outcome: Outcome
    rule: str
    by_proxy: int
    decision: DecisionRow


def member_by_number(conn: Connection, number: str) -> Member:
    """The member with ``number``; refused when there is none."""
    member = member_store.by_number(conn, number.strip())
    if member is None:
        raise DomainError(tr("Nomor anggota {number} tidak ditemukan.", number=number.strip()))
    return member


def _voter(
    conn: Connection, ballot: Ballot, number: str, for_grantor: str | None
) -> tuple[Member, int | None, Member]:
    """(the member whose vote it is, the proxy holder's id or None, who stands at the desk);
    refused for anyone not entitled at the snapshot, and for a member whose proxy holder
    votes for them."""
    assert ballot.id is not None
    voter = member_by_number(conn, number)
    member, holder = voter, None
    if for_grantor is not None:
        member = member_by_number(conn, for_grantor)
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


def _reconcile_secret(conn: Connection, ballot: Ballot) -> None:
    """The recount of a secret ballot: the ballots counted must be the members who took part
    (and a motion's answers must add up to them); closing is refused otherwise."""
    wrong = secret_store.mismatch(conn, ballot)
    if wrong is not None:
        counted, took_part = wrong
        raise DomainError(
            tr(
                "Penghitungan ulang tidak cocok: {counted} suara terhitung tidak sama dengan "
                "{took_part} anggota yang memberikan suara. Pemungutan suara tidak ditutup; "
                "periksa basis data (audit verify) sebelum melanjutkan.",
                counted=counted,
                took_part=took_part,
            )
        )


def stored_choice(conn: Connection, ballot: Ballot, choice: VoteChoice) -> str:
    """``choice`` as stored for ``ballot``: a motion's answer, or the chosen candidates' member
    ids; refused when it is not a valid choice on this ballot."""
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


def _runoff_pending(conn: Connection, meeting_id: int, item_id: int) -> OpeningRefusal | None:
    """A refusal while the item's last election ended tied for the last seat and its run-off
    is not open yet: a tie calls a run-off between the tied (law.md rule 17), not a new
    election."""
    ballots = [b for b in ballot_store.for_meeting(conn, meeting_id) if b.item_id == item_id]
    last = ballots[-1] if ballots else None
    if last is None or last.kind is not BallotKind.ELECTION or last.state is not BallotState.CLOSED:
        return None
    decided = [d for d in decision_store.for_meeting(conn, meeting_id) if d.ballot_id == last.id]
    if not decided or decided[-1].outcome is not Outcome.RUNOFF:
        return None
    return OpeningRefusal(
        tr(
            "Suara sama untuk kursi terakhir pada \u201c{title}\u201d: buka dahulu pemilihan "
            "ulang di antara yang bersuara sama (tombol \u201cBuka pemilihan ulang\u201d).",
            title=last.title,
        )
    )


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
    ) -> Done[Ballot]:
        """Open a vote on a motion (after consensus failed on the item)."""
        draft = draft_ballot(meeting_id, item_id, BallotKind.MOTION, mode, title, self._ctx)
        with self._ctx.db.write() as conn:
            _meeting, profile = self._profile(conn, meeting_id)
            ballot = open_in(self._ctx, conn, profile, draft)
        return Done(ballot, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(meeting_id,)))

    def cast(
        self, ballot_id: int, number: str, choice: VoteChoice, *, for_grantor: str | None = None
    ) -> Done[VotingProgress]:
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
            stored = stored_choice(conn, ballot, choice)
            payload: dict[str, Any] = {"ballot": ballot.id, "member": member.number}
            if holder is not None:
                payload["proxy_holder"] = voter.number
            if ballot.mode is BallotMode.SECRET:
                secret_store.add(conn, ballot.id, member.id or 0, holder is not None, stored)
                kind = "ballot.participated"  # who took part only: never the choice
            else:
                at = to_text(self._ctx.now()) or ""
                ballot_store.add_named(conn, ballot.id, member.id or 0, stored, holder, at)
                payload["choice"] = stored
                kind = "ballot.voted"
            audit_log.append(conn, self._ctx.actor, kind, payload)
            voted, by_proxy = ballot_store.voted(conn, ballot)
        progress = VotingProgress(voted, ballot.eligible, by_proxy)
        return Done(progress, Changes.of(Area.DECISIONS, ids=(ballot.meeting_id,)))

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

    def may_open(self, meeting_id: int, item_id: int | None) -> OpeningRefusal | None:
        """Why no ballot may open now on ``item_id`` (the item under discussion), or None when
        one may (the quorum is re-checked on opening): the console says it before any form."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            if meeting.state is not MeetingState.OPENED:
                return OpeningRefusal(
                    tr(
                        "Pemungutan suara hanya dapat dibuka selama rapat dibuka "
                        "(status sekarang: {state}).",
                        state=tr(meeting.state.key),
                    )
                )
            if item_id is None:
                return OpeningRefusal(
                    tr("Belum ada acara yang dibahas: pilih acara pada daftar lalu Enter.")
                )
            _meeting, item = require_item(conn, meeting_id, item_id)
            settled = decided_items(
                (r.item_id, r.outcome) for r in decision_store.for_meeting(conn, meeting_id)
            )
            if item_id in settled and repeat_chance(conn, meeting_id, item).ballot is None:
                return OpeningRefusal(
                    tr(
                        "Acara \u201c{item}\u201d sudah diputuskan; pilih acara berikutnya lalu "
                        "Enter.",
                        item=item.title,
                    )
                )
            if item_id in settled:  # by a vote the chair may run again
                return OpeningRefusal(
                    tr(
                        "Acara \u201c{item}\u201d sudah diputuskan. Untuk memungut suara lagi "
                        "gunakan \u201cUlangi pemungutan suara\u201d; atau pilih acara "
                        "berikutnya lalu Enter.",
                        item=item.title,
                    )
                )
            return opening_refusal(conn, meeting, item) or _runoff_pending(
                conn, meeting_id, item_id
            )

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

    def close(self, ballot_id: int) -> Done[BallotOutcome]:
        """Close the ballot, tally it, decide under the AD's rule and store the decision with
        its statement. A tie for an election's last seat calls a run-off between the tied,
        which the chair opens (``ElectionService.open_runoff``) once the hall has seen the
        tie."""
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id)
            meeting, profile = self._profile(conn, ballot.meeting_id)
            _m, item = require_item(conn, ballot.meeting_id, ballot.item_id)
            if ballot.mode is BallotMode.COUNTED and ballot_store.counted(conn, ballot_id) is None:
                raise DomainError(tr("Masukkan dahulu jumlah suara yang dihitung para saksi."))
            if ballot.mode is BallotMode.SECRET:
                _reconcile_secret(conn, ballot)
            tally, by_proxy = tally_of(conn, ballot)
            closed = replace(ballot, state=BallotState.CLOSED, closed_at=self._ctx.now())
            ballot_store.update(conn, closed)
            if ballot.kind is BallotKind.MOTION:
                statement, outcome, rule = motion_result(tally, ballot, item, profile)
            else:
                statement, outcome, rule, _tied, _left = election_result(
                    conn, ballot, tally, profile
                )
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
                 "result": statement},
            )  # fmt: skip
        if ballot.mode is BallotMode.SECRET:
            truncate_wal(self._ctx.db)  # the WAL's copy of the totals after each vote: gone
        result = BallotOutcome(closed, tally, statement, outcome, rule, by_proxy, row)
        return Done(result, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(ballot.meeting_id,)))

    def cancel(self, ballot_id: int, reason: str) -> Done[Ballot]:
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
        if ballot.mode is BallotMode.SECRET:
            truncate_wal(self._ctx.db)
        return Done(cancelled, Changes.of(Area.DECISIONS, ids=(ballot.meeting_id,)))

    def repeatable(self, meeting_id: int, item_id: int) -> RepeatChance:
        """The vote on agenda item ``item_id`` that "Ulangi pemungutan suara" would run again
        now, or why none may (:mod:`assembly.services.ballot_repeat`)."""
        with self._ctx.db.read() as conn:
            item = next(
                (i for i in meeting_store.agenda(conn, meeting_id) if i.id == item_id), None
            )
            if item is None:
                raise DomainError(tr("Acara nomor {id} tidak ada dalam rapat ini.", id=item_id))
            return repeat_chance(conn, meeting_id, item)

    def revote(self, ballot_id: int, reason: str) -> Done[Ballot]:
        """Open the same vote again (same item, kind, mode, seats and candidates) after a
        closed or cancelled ballot, when it is its item's newest and no consensus was recorded
        on the item since; the reason is required and kept."""
        if not reason.strip():
            raise DomainError(tr("Sebutkan alasan pemungutan suara ulang."))
        with self._ctx.db.write() as conn:
            before = require_ballot(conn, ballot_id, open_=False)
            _m, item = require_item(conn, before.meeting_id, before.item_id)
            refusal = repeat_refusal(conn, item, before)
            if refusal:
                raise DomainError(refusal)
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
            _keep_declarations(conn, before, ballot)
        return Done(ballot, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(ballot.meeting_id,)))


def _keep_declarations(conn: Connection, before: Ballot, after: Ballot) -> None:
    """A run-off or a re-vote keeps what its candidates declared (SE Menkop 1/2025 checks)."""
    if before.kind is BallotKind.ELECTION and before.id is not None and after.id is not None:
        ballot_store.declare_candidates(conn, after.id, ballot_store.declarations(conn, before.id))
