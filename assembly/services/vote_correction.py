"""Correcting one mis-keyed named vote while its ballot is open (issue 12): the chair keyed
2 for a member who said setuju. The stored choice is replaced, and the audit log records the
old and the new choice with the reason; the berita acara lists each correction under its
ballot ("1 suara dikoreksi: ..."). A secret ballot's choices are linked to nobody, so they
cannot be corrected; a closed ballot's tally is final (a re-vote is the remedy)."""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from dataclasses import dataclass

from assembly.domain.ballots import Ballot, BallotKind, BallotMode, Choice
from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.persistence import audit_log, ballot_store, vote_corrections
from assembly.persistence.meeting_store import Connection
from assembly.services.ballot_opening import require_ballot
from assembly.services.ballots import VoteChoice, member_by_number, stored_choice
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext


@dataclass(frozen=True)
class CorrectedVote:
    """A corrected named vote: whose, the choice before and after (as the desk says them),
    and why."""

    number: str
    name: str
    old: str
    new: str
    reason: str


def stored_choice_texts(
    conn: Connection, ballot: Ballot, stored: Sequence[str]
) -> builtins.list[str]:
    """Stored choices as people say them: "Setuju", or the candidates' names."""
    if ballot.kind is BallotKind.MOTION:
        return [tr(Choice(c).key) for c in stored]
    names = dict(ballot_store.candidate_list(conn, ballot.id or 0))
    return [
        ", ".join(names.get(int(i), i) for i in c.split(",") if i) or tr("tidak memilih")
        for c in stored
    ]


class VoteCorrectionService:
    """The correction of a named vote, and the corrections of a ballot."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def correct_named_vote(
        self, ballot_id: int, number: str, choice: VoteChoice, reason: str
    ) -> Done[CorrectedVote]:
        """Correct member ``number``'s named vote to ``choice`` while the ballot is open: the
        stored choice replaced, the old and the new choice and the reason in the audit log
        (and so in the minutes). Refused once the ballot is closed, for a secret or counted
        ballot, without a reason, for a member who has not voted, and when nothing changes."""
        if not reason.strip():
            raise DomainError(tr("Sebutkan alasan koreksi suara."))
        with self._ctx.db.write() as conn:
            ballot = require_ballot(conn, ballot_id)
            assert ballot.id is not None
            if ballot.mode is not BallotMode.NAMED:
                raise DomainError(
                    tr("Hanya suara pada pemungutan suara terbuka (per nama) yang dapat dikoreksi.")
                )
            member = member_by_number(conn, number)
            old = vote_corrections.named_choice(conn, ballot.id, member.id or 0)
            if old is None:
                raise DomainError(
                    tr("{name} belum memberikan suara; tidak ada yang dikoreksi.", name=member.name)
                )
            new = stored_choice(conn, ballot, choice)
            if new == old:
                raise DomainError(tr("Pilihan baru sama dengan suara yang tercatat."))
            vote_corrections.replace_named_choice(conn, ballot.id, member.id or 0, new)
            audit_log.append(
                conn,
                self._ctx.actor,
                vote_corrections.CORRECTED,
                {"ballot": ballot.id, "member": member.number, "name": member.name,
                 "old": old, "new": new, "reason": reason.strip()},
            )  # fmt: skip
            texts = stored_choice_texts(conn, ballot, (old, new))
        corrected = CorrectedVote(member.number, member.name, texts[0], texts[1], reason.strip())
        return Done(corrected, Changes.of(Area.DECISIONS, ids=(ballot.meeting_id,)))

    def stored_vote(self, ballot_id: int, number: str) -> str:
        """The vote stored for member ``number`` on the open named ballot, as the desk says
        it ("0003 Anggota Nomor 3: Tidak setuju"), shown in the correction form before the
        chair picks the right choice. Refused (in words) when there is none to correct."""
        with self._ctx.db.read() as conn:
            ballot = require_ballot(conn, ballot_id)
            assert ballot.id is not None
            member = member_by_number(conn, number)
            old = vote_corrections.named_choice(conn, ballot.id, member.id or 0)
            if old is None:
                raise DomainError(
                    tr("{name} belum memberikan suara; tidak ada yang dikoreksi.", name=member.name)
                )
            (text,) = stored_choice_texts(conn, ballot, (old,))
        return tr("{number} {name}: {what}", number=member.number, name=member.name, what=text)

    def corrections(self, ballot_id: int) -> builtins.list[CorrectedVote]:
        """The corrections made on the ballot, in order, as the desk says them."""
        with self._ctx.db.read() as conn:
            ballot = require_ballot(conn, ballot_id, open_=False)
            out = []
            for c in vote_corrections.corrections_of(conn, ballot_id):
                old, new = stored_choice_texts(conn, ballot, (c.old, c.new))
                out.append(CorrectedVote(c.number, c.name, old, new, c.reason))
        return out
