"""Elections of pengurus and pengawas (UU 25/1992 Pasal 23 huruf c): seats, candidates who are
members entitled to vote, each voter choosing up to as many candidates as there are seats,
secret by default (law.md rule 18); ranking, and a run-off between those tied for the last seat
(rule 17). Votes are cast and ballots closed through
:class:`~assembly.services.ballots.BallotService`.
"""

from __future__ import annotations

import builtins
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace

from assembly.domain.ad_profile import TieBreak
from assembly.domain.ballots import (
    Ballot,
    BallotKind,
    BallotMode,
    BallotState,
    DecisionMethod,
    Office,
    Outcome,
    decide_election,
)
from assembly.domain.election_checks import Candidate, candidacy_warnings, result_warnings
from assembly.domain.errors import DomainError
from assembly.domain.members import Member, eligibility
from assembly.i18n import tr
from assembly.persistence import audit_log, ballot_store, decision_store, member_store
from assembly.persistence.decision_store import DecisionRow
from assembly.persistence.meeting_store import Connection
from assembly.services.ballot_opening import draft_ballot, open_in, require_ballot
from assembly.services.ballot_results import tally_of
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.decisions import require_item
from assembly.services.meeting_lookup import ProfileCache, require_header


@dataclass(frozen=True)
class Declaration:
    """What a candidate declares at the candidacy: being the kepala desa/lurah, and a family
    group (candidates who give the same group are related by blood or marriage)."""

    village_head: bool = False
    kin_group: str = ""


class ElectionService:
    """Opening elections and their run-offs, and their ranking."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    def open_election(
        self,
        meeting_id: int,
        item_id: int,
        title: str,
        seats: int,
        candidate_numbers: Sequence[str],
        mode: BallotMode | None = None,
        *,
        office: Office | None = None,
        declared: Mapping[str, Declaration] | None = None,
    ) -> Done[Ballot]:
        """Open an election for ``seats`` seats among the candidates (member numbers). The
        mode defaults to secret when the AD profile says votes on persons are secret.
        ``office`` is what it fills, ``declared`` what candidates (by number) declare; the
        Merah Putih warnings read both (:meth:`warnings`)."""
        if seats < 1:
            raise DomainError(tr("Jumlah kursi paling sedikit 1."))
        numbers = [n.strip() for n in candidate_numbers if n.strip()]
        if len(set(numbers)) != len(numbers):
            raise DomainError(tr("Seorang calon hanya dapat dicantumkan satu kali."))
        if len(numbers) < seats:
            raise DomainError(
                tr("Calon ({n}) lebih sedikit dari kursi ({seats}).", n=len(numbers), seats=seats)
            )
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            profile = self._profiles.get(conn, meeting.profile_version)
            if mode is None:
                mode = BallotMode.SECRET if profile.secret_ballot_for_persons else BallotMode.NAMED
            if mode is BallotMode.COUNTED:
                raise DomainError(tr("Pemilihan dilakukan per nama atau secara rahasia."))
            found = member_store.by_numbers(conn, numbers)
            people = []
            for number in numbers:
                member = found.get(number)
                if member is None:
                    raise DomainError(tr("Nomor anggota {number} tidak ditemukan.", number=number))
                check = eligibility(member, meeting.cutoff_date, profile)
                if not check.may_vote:
                    raise DomainError(
                        tr(
                            "{name} tidak dapat dicalonkan: bukan anggota yang berhak suara "
                            "({reason}).",
                            name=member.name,
                            reason=check.reason,
                        )
                    )
                people.append(member)
            draft = draft_ballot(
                meeting_id, item_id, BallotKind.ELECTION, mode, title, self._ctx, seats=seats,
                office=office,
            )  # fmt: skip
            ballot = open_in(self._ctx, conn, profile, draft, people)
            declarations = {
                found[n].id or 0: (d.village_head, d.kin_group.strip())
                for n, d in (declared or {}).items()
                if n.strip() in numbers
            }
            unknown = [n for n in (declared or {}) if n.strip() not in numbers]
            if unknown:
                raise DomainError(
                    tr("{numbers} bukan calon pada pemilihan ini.", numbers=", ".join(unknown))
                )
            ballot_store.declare_candidates(conn, ballot.id or 0, declarations)
        return Done(ballot, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(meeting_id,)))

    def candidates(self, ballot_id: int) -> builtins.list[tuple[str, str]]:
        """(member number, name) of the ballot's candidates."""
        with self._ctx.db.read() as conn:
            return [(m.number, m.name) for m in _people(conn, ballot_id)]

    def ranking(self, ballot_id: int) -> builtins.list[tuple[str, int]]:
        """Candidates with their votes, most votes first (ties by name)."""
        with self._ctx.db.read() as conn:
            ballot = require_ballot(conn, ballot_id, open_=False)
            tally = tally_of(conn, ballot)[0]
        return list(decide_election(tally, ballot.seats or 1).ranking)

    def warnings(self, ballot_id: int) -> builtins.list[str]:
        """The AD profile's warnings about an election (Koperasi Merah Putih, SE Menkop
        1/2025): about its candidates, and once it is closed, about those elected."""
        with self._ctx.db.read() as conn:
            ballot = require_ballot(conn, ballot_id, open_=False)
            meeting = require_header(conn, ballot.meeting_id)
            profile = self._profiles.get(conn, meeting.profile_version)
            declared = ballot_store.declarations(conn, ballot_id)
            people = [
                Candidate(m.name, m.sex, *declared.get(m.id or 0, (False, "")))
                for m in _people(conn, ballot_id)
            ]
            seats = ballot.seats or 1
            found = candidacy_warnings(profile, ballot.office, seats, people)
            if ballot.state is BallotState.CLOSED:
                tally = tally_of(conn, ballot)[0]
                by_label = dict(zip(tally, people, strict=True))
                chosen = [by_label[n] for n in decide_election(tally, seats).elected]
                found += result_warnings(profile, ballot.office, seats, chosen)
        return found

    def check_candidates(
        self,
        meeting_id: int,
        office: Office | None,
        seats: int,
        candidate_numbers: Sequence[str],
        declared: Mapping[str, Declaration] | None = None,
    ) -> builtins.list[str]:
        """The AD profile's warnings about candidates before the election is opened, as the
        dialog shows them while the chair lists them (unknown numbers are left out: opening
        refuses them)."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            profile = self._profiles.get(conn, meeting.profile_version)
            found = member_store.by_numbers(conn, [n.strip() for n in candidate_numbers])
        people = []
        for number in candidate_numbers:
            member = found.get(number.strip())
            if member is not None:
                said = (declared or {}).get(number.strip(), Declaration())
                people.append(Candidate(member.name, member.sex, said.village_head,
                                        said.kin_group.strip()))  # fmt: skip
        return candidacy_warnings(profile, office, max(seats, 1), people)

    def tied(self, ballot_id: int) -> tuple[builtins.list[tuple[str, str]], int, TieBreak]:
        """The candidates (member number, name) tied for the last seat(s) of a closed election,
        how many seats they share, and how the meeting's AD profile breaks the tie; no
        candidates and 0 seats when nothing is tied."""
        with self._ctx.db.read() as conn:
            ballot = require_ballot(conn, ballot_id, open_=False)
            meeting = require_header(conn, ballot.meeting_id)
            how = self._profiles.get(conn, meeting.profile_version).tie_break
            if ballot.state is not BallotState.CLOSED or ballot.kind is not BallotKind.ELECTION:
                return [], 0, how
            tally = tally_of(conn, ballot)[0]
            people = dict(zip(tally, _people(conn, ballot_id), strict=True))
        result = decide_election(tally, ballot.seats or 1)
        left = (ballot.seats or 1) - len(result.elected) if result.runoff else 0
        return [(people[n].number, people[n].name) for n in result.runoff], left, how

    def settle_tie(self, ballot_id: int, numbers: Sequence[str]) -> Done[DecisionRow]:
        """Record who takes the tied last seat(s) of a closed election when the AD breaks a
        tie by lot or by the chair (law.md rule 17): the drawn or chosen candidates (member
        numbers), among the tied and as many as the seats left."""
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id, open_=False)
            meeting, item = require_item(conn, ballot.meeting_id, ballot.item_id)
            profile = self._profiles.get(conn, meeting.profile_version)
            decided = [d for d in decision_store.for_meeting(conn, meeting.id or 0)
                       if d.ballot_id == ballot_id]  # fmt: skip
            if not decided or decided[-1].outcome is not Outcome.TIE:
                raise DomainError(
                    tr("Pemilihan ini tidak berakhir dengan suara sama yang menunggu penentuan.")
                )
            tally = tally_of(conn, ballot)[0]
            result = decide_election(tally, ballot.seats or 1)
            by_number = {m.number: label for label, m in zip(tally, _people(conn, ballot_id),
                                                              strict=True)}  # fmt: skip
            chosen = [n.strip() for n in numbers if n.strip()]
            left = (ballot.seats or 1) - len(result.elected)
            if (
                len(chosen) != left
                or len(set(chosen)) != len(chosen)
                or any(by_number.get(n) not in result.runoff for n in chosen)
            ):
                raise DomainError(
                    tr(
                        "Pilih {n} calon dari yang suaranya sama: {tied}.",
                        n=left,
                        tied=", ".join(result.runoff),
                    )
                )
            names = ", ".join(by_number[n] for n in chosen)
            how = tr(profile.tie_break.key)
            statement = tr("{how}: terpilih {names}", how=how, names=names)
            row = DecisionRow(
                meeting.id or 0, ballot.item_id, DecisionMethod.VOTING, ballot.title, "",
                statement, Outcome.ELECTED, self._ctx.now(), ballot_id,
            )  # fmt: skip
            row = replace(row, id=decision_store.insert(conn, row))
            audit_log.append(
                conn,
                self._ctx.actor,
                "election.tie_settled",
                {"ballot": ballot_id, "item": item.title, "how": profile.tie_break.value,
                 "elected": chosen},
            )  # fmt: skip
        return Done(row, Changes.of(Area.DECISIONS, ids=(ballot.meeting_id,)))

    def open_runoff(self, ballot_id: int) -> Done[Ballot]:
        """Open the run-off of a closed election whose last seat was tied, when closing could
        not open it (quorum blocked the vote at that moment)."""
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id, open_=False)
            if ballot.state is not BallotState.CLOSED or ballot.kind is not BallotKind.ELECTION:
                raise DomainError(tr("Pemilihan ulang hanya sesudah pemilihan yang ditutup."))
            if any(
                b.runoff_of == ballot_id for b in ballot_store.for_meeting(conn, ballot.meeting_id)
            ):
                raise DomainError(tr("Pemilihan ulang untuk pemilihan ini sudah dibuka."))
            tally = tally_of(conn, ballot)[0]
            result = decide_election(tally, ballot.seats or 1)
            if result.decided:
                raise DomainError(tr("Semua kursi sudah terisi; tidak perlu pemilihan ulang."))
            labels = dict(zip(tally, _people(conn, ballot_id), strict=True))
            meeting = require_header(conn, ballot.meeting_id)
            profile = self._profiles.get(conn, meeting.profile_version)
            if profile.tie_break is not TieBreak.RUNOFF:
                raise DomainError(
                    tr(
                        "Menurut profil AD suara sama untuk kursi terakhir {how}, bukan dengan "
                        "pemilihan ulang.",
                        how=tr(profile.tie_break.key),
                    )
                )
            draft = replace(
                ballot,
                state=BallotState.OPEN,
                closed_at=None,
                seats=(ballot.seats or 1) - len(result.elected),
                title=tr("Pemilihan ulang: {title}", title=ballot.title),
                runoff_of=ballot_id,
                id=None,
            )
            runoff = open_in(self._ctx, conn, profile, draft, [labels[n] for n in result.runoff])
            ballot_store.declare_candidates(
                conn, runoff.id or 0, ballot_store.declarations(conn, ballot_id)
            )
        return Done(runoff, Changes.of(Area.DECISIONS, Area.MEETINGS, ids=(ballot.meeting_id,)))


def _people(conn: Connection, ballot_id: int) -> list[Member]:
    found = (member_store.get(conn, m) for m, _ in ballot_store.candidate_list(conn, ballot_id))
    return [m for m in found if m is not None]
