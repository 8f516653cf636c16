"""What the chair's console says of the agenda item under discussion: that it is being
discussed, or that it is decided and which item comes next; and why no consensus may be
recorded on it now (decided already, or its election tied for the last seat with the run-off,
the lot or the chair's choice still to come: law.md rule 17)."""

from __future__ import annotations

from collections.abc import Callable

from assembly.domain.ballots import Ballot
from assembly.domain.meeting import AgendaItem
from assembly.i18n import tr
from assembly.services.console import ConsoleSnapshot
from assembly.ui.widgets.ballot_actions import runoff_pending, tie_pending


def item_text(
    snap: ConsoleSnapshot,
    decided: frozenset[int],
    next_open: Callable[[int | None], AgendaItem | None],
) -> str:
    """The item under discussion; once decided, the item offered next (``next_open``: the
    first undecided item after one)."""
    item = snap.item
    if item is None:
        return tr("Belum ada acara yang dibahas: pilih acara lalu Enter.")
    if snap.ballot is not None or item.id not in decided:
        return tr("Sedang dibahas: acara {n}. {title}", n=item.position, title=item.title)
    following = next_open(item.id)
    if following is None:
        return tr("Acara {n} sudah diputuskan. Semua acara sudah diputuskan.", n=item.position)
    return tr(
        "Acara {n} sudah diputuskan. Berikutnya: acara {next}. {title} (Enter untuk membahas)",
        n=item.position,
        next=following.position,
        title=following.title,
    )


def no_consensus_now(
    snap: ConsoleSnapshot | None, decided: frozenset[int], latest: Ballot | None
) -> str:
    """Why the item under discussion takes no consensus now (empty when it may): it is
    decided, or its election ended tied for the last seat and the run-off (or the lot, or
    the chair's choice) is still to come: a tie is settled by its own way (law.md rule 17),
    not by a consensus recorded over it. ``latest``: the meeting's newest ballot."""
    item = snap.item if snap else None
    if snap is None or item is None or snap.ballot is not None:
        return ""
    if item.id in decided:
        return tr(
            "Acara {n} sudah diputuskan; mufakat dan pemungutan suara tidak dapat dicatat "
            "lagi atas acara ini. Pilih acara berikutnya lalu Enter.",
            n=item.position,
        )
    return tie_waiting(snap, latest)


def tie_waiting(snap: ConsoleSnapshot | None, latest: Ballot | None) -> str:
    """Why no consensus may be recorded while the item's election is tied for the last
    seat and the run-off, the lot or the chair's choice is still to come (empty else)."""
    item = snap.item if snap else None
    last = snap.last if snap else None
    if snap is None or item is None or last is None or last.ballot.item_id != item.id:
        return ""
    if runoff_pending(snap, latest):
        return tr(
            "Suara sama untuk kursi terakhir pada \u201c{title}\u201d: buka dahulu pemilihan "
            "ulang (tombol \u201cBuka pemilihan ulang\u201d); sampai itu mufakat tidak "
            "dapat dicatat.",
            title=last.ballot.title,
        )
    if tie_pending(snap, latest):
        return tr(
            "Suara sama untuk kursi terakhir pada \u201c{title}\u201d: tentukan dahulu yang "
            "terpilih (tombol \u201cTentukan suara sama\u201d); sampai itu mufakat tidak "
            "dapat dicatat.",
            title=last.ballot.title,
        )
    return ""
