"""Which vote of an agenda item may be run again (pemungutan suara ulang), and why not when
none may. The rule follows the item, not the meeting: only the item's newest ballot, closed or
cancelled, and only while the item's newest decision is that vote (or, for a cancelled ballot,
the failed consensus that let it open, or the vote before it). Once the meeting agreed on the
item by consensus, or recorded a failed consensus after the vote closed, the old vote is not
run again: the chair records or opens what comes next instead."""

from __future__ import annotations

from dataclasses import dataclass

from assembly.domain.ballots import Ballot, BallotState, DecisionMethod, Outcome
from assembly.domain.meeting import AgendaItem
from assembly.i18n import tr
from assembly.persistence import ballot_store, decision_store
from assembly.persistence.meeting_store import Connection


@dataclass(frozen=True)
class RepeatChance:
    """The ballot a re-vote on an agenda item would run again, or (``ballot`` None) why no
    vote of the item may be run again now."""

    ballot: Ballot | None
    refusal: str = ""


def repeat_refusal(conn: Connection, item: AgendaItem, before: Ballot) -> str:
    """Why ``before``, a ballot on ``item``, may not be run again now (empty when it may)."""
    if before.state is BallotState.OPEN:
        return tr("Tutup atau batalkan dahulu pemungutan suara ini.")
    ballots = [b for b in ballot_store.for_meeting(conn, before.meeting_id) if b.item_id == item.id]
    if ballots and ballots[-1].id != before.id:
        return tr(
            "Pemungutan suara \u201c{title}\u201d bukan yang terakhir atas acara {n}. {item}; "
            "hanya pemungutan suara terakhir atas acara ini yang dapat diulang.",
            title=before.title,
            n=item.position,
            item=item.title,
        )
    rows = [d for d in decision_store.for_meeting(conn, before.meeting_id) if d.item_id == item.id]
    latest = rows[-1] if rows else None
    if latest is None or latest.method is DecisionMethod.VOTING:
        return ""  # the vote's own result, or a cancelled ballot's earlier vote (or none yet)
    if latest.outcome is Outcome.AGREED:
        return tr(
            "Acara {n}. {item} sudah diputuskan dengan mufakat sesudah pemungutan suara "
            "\u201c{title}\u201d; pemungutan suara itu tidak dapat diulang.",
            n=item.position,
            item=item.title,
            title=before.title,
        )
    if before.state is BallotState.CLOSED:
        return tr(
            "Sesudah pemungutan suara \u201c{title}\u201d dicatat bahwa mufakat tidak tercapai "
            "atas acara {n}. {item}; buka pemungutan suara baru, bukan mengulang yang lama.",
            title=before.title,
            n=item.position,
            item=item.title,
        )
    return ""  # cancelled after (or since) the failed consensus that let it open


def repeat_chance(conn: Connection, meeting_id: int, item: AgendaItem) -> RepeatChance:
    """The newest ballot on ``item`` when it may be run again now, else why not."""
    ballots = [b for b in ballot_store.for_meeting(conn, meeting_id) if b.item_id == item.id]
    if not ballots:
        return RepeatChance(
            None,
            tr(
                "Belum ada pemungutan suara atas acara {n}. {item}; tidak ada yang dapat diulang.",
                n=item.position,
                item=item.title,
            ),
        )
    refusal = repeat_refusal(conn, item, ballots[-1])
    return RepeatChance(None if refusal else ballots[-1], refusal)
