"""Opening a ballot (UU 25/1992 Pasal 24(2); law.md rule 19): only after consensus failed on
the item, one ballot open at a time, quorum re-checked and recorded, who is entitled now stored
with the ballot; refused without quorum when the AD profile blocks. Shared by motions, elections,
re-votes and run-offs."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from assembly.domain.ad_profile import ADProfile, ItemKind, NoQuorumAtVote
from assembly.domain.ballots import Ballot, BallotKind, BallotMode, BallotState
from assembly.domain.errors import DomainError
from assembly.domain.meeting import AgendaItem, Meeting
from assembly.domain.members import Member
from assembly.domain.presence import present_at
from assembly.domain.quorum import thousands
from assembly.domain.quorum_check import CheckStep, QuorumCheck, QuorumStatus
from assembly.i18n import tr
from assembly.persistence import (
    audit_log,
    ballot_store,
    decision_store,
    presence_store,
    quorum_check_store,
    secret_store,
)
from assembly.persistence.meeting_store import Connection
from assembly.services import presence
from assembly.services.context import ServiceContext
from assembly.services.decisions import require_item
from assembly.services.quorum_counts import live_status, recount, special_refusal, special_status


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
    refusal = opening_refusal(conn, meeting, item, draft.kind)
    if refusal is not None:
        raise DomainError(refusal.reason)
    if draft.kind is BallotKind.MOTION and profile.majority_for(item.kind) is None:
        raise DomainError(
            tr(
                "Profil AD belum menetapkan suara terbanyak untuk acara jenis {kind}.",
                kind=tr(item.kind.key),
            )
        )
    meeting = recount(conn, meeting, profile)
    now = ctx.now()
    # The snapshot: who is present now, by the one presence function (DESIGN.md section 3).
    count = present_at(presence.attendees(conn, meeting.id or 0), now)
    status = replace(
        live_status(conn, meeting, profile),
        present=count.counted,
        by_channel=count.by_channel,
        attending=count.everyone,
    )
    if item.kind.is_special:
        # Counted on the same present members, by the same presence function.
        special: QuorumStatus | None = replace(
            special_status(conn, meeting, profile, item.kind),
            present=count.counted,
            by_channel=count.by_channel,
            attending=count.everyone,
        )
    else:
        special = None
    if not status.reached and profile.no_quorum_at_vote is NoQuorumAtVote.BLOCK:
        raise DomainError(
            tr(
                "Kuorum tidak tercapai saat pemungutan suara dibuka: {present} hadir, {text}. "
                "Menurut profil AD pemungutan suara tanpa kuorum tidak dapat dilakukan.",
                present=thousands(status.present),
                text=status.text,
            )
        )
    if special is not None:
        # law.md rule 15: the special quorum is a condition of the decision, always enforced;
        # the snapshot the ballot keeps (and the minutes cite) is the special one.
        if not special.reached:
            raise DomainError(special_refusal(special, item.kind))
        status = special
    check = QuorumCheck(
        now,
        CheckStep.BEFORE_DECISION,
        status.base,
        status.present,
        status.minimum,
        status.reached,
        status.rule.describe(),
        status.article,
        note=(
            tr("kuorum khusus sebelum pemungutan suara: {title}", title=draft.title)
            if special is not None
            else tr("sebelum pemungutan suara: {title}", title=draft.title)
        ),
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
    holders = presence_store.proxy_holders(conn, meeting.id or 0)
    eligible = ballot_store.add_eligible(
        conn, ballot_id, [(m, holders.get(m)) for m in sorted(count.voters)]
    )
    ballot = replace(ballot, id=ballot_id, eligible=eligible)
    ballot_store.update(conn, ballot)
    ballot_store.add_candidates(conn, ballot_id, [(m.id or 0, m.name) for m in candidates])
    if ballot.mode is BallotMode.SECRET:
        secret_store.prepare(conn, ballot)  # every counter at zero before the first vote
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


@dataclass(frozen=True)
class OpeningRefusal:
    """Why no ballot may open on an item now; ``consensus_pending`` when what is missing is
    the record that consensus failed (the chair can record it and go on)."""

    reason: str
    consensus_pending: bool = False


def opening_refusal(
    conn: Connection, meeting: Meeting, item: AgendaItem, kind: BallotKind | None = None
) -> OpeningRefusal | None:
    """Why a ballot of ``kind`` (by default the one the item calls for) may not open on
    ``item`` now (None: it may, quorum aside): another ballot is open, or, for a motion,
    consensus was not yet recorded as failed (UU 25/1992 Pasal 24 ayat 2).

    An election opens directly: Pasal 24 ayat 2 orders a vote where musyawarah reached no
    decision, and the law asks no failed musyawarah before the members elect their Pengurus
    and Pengawas (Pasal 23 huruf c; the conduct of the RA is the AD's, Pasal 22 ayat 2).
    Electing by ballot is the normal practice (law.md section 3: votes on persons are by
    secret ballot), so the chair is not made to record a failure nobody had."""
    if ballot_store.open_ballot_id(conn, meeting.id or 0) is not None:
        return OpeningRefusal(
            tr("Masih ada pemungutan suara yang terbuka; tutup atau batalkan dahulu.")
        )
    if kind is None:
        kind = BallotKind.ELECTION if item.kind is ItemKind.ELECTION else BallotKind.MOTION
    if kind is BallotKind.MOTION and not decision_store.consensus_failed(conn, item.id or 0):
        return OpeningRefusal(
            tr(
                "Catat dahulu bahwa musyawarah untuk mufakat tidak tercapai pada acara "
                "\u201c{item}\u201d; baru sesudah itu pemungutan suara dapat dibuka "
                "(UU 25/1992 Pasal 24 ayat 2).",
                item=item.title,
            ),
            consensus_pending=True,
        )
    return None


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
