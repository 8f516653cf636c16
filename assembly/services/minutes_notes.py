"""The secretary's notes per agenda item, and the meeting's events beside them.

While the meeting runs the secretary writes what was discussed under each item; the events
(quorum checks, suspensions, ballots, decisions with their tallies, arrivals) are placed under
the items by :mod:`assembly.domain.minutes_events` and need no typing. Notes may be written
once the meeting is opened, during a suspension and after closing (to tidy them before the
berita acara is signed), never once the signed berita acara has locked the meeting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingState
from assembly.domain.minutes import event_lines, meeting_events_of
from assembly.domain.minutes_events import CLOSING, OPENING, EventKind, PlacedEvent
from assembly.i18n import current_language, tr, translator
from assembly.persistence import audit_log, meeting_store
from assembly.services.changes import Area, Changes
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import require_header
from assembly.services.minutes import MinutesService, terbilang

# Notes are the secretary's record of a meeting that has been held (UU 25/1992 Pasal 22;
# law.md rule 27): not before the opening, and not after the signatures lock it.
_WRITABLE = frozenset({MeetingState.OPENED, MeetingState.SUSPENDED, MeetingState.CLOSED})


@dataclass(frozen=True)
class EventLine:
    """One line of the events beside the notes: its time ("pukul 10.42 WIB", empty for a
    summary) and the sentence the berita acara prints."""

    time: str
    text: str


@dataclass(frozen=True)
class MinutesEvents:
    """The meeting's events by place: before the first item, per item id, after the last."""

    opening: tuple[EventLine, ...] = ()
    items: dict[int, tuple[EventLine, ...]] = field(default_factory=dict)
    closing: tuple[EventLine, ...] = ()

    def of_item(self, item_id: int) -> tuple[EventLine, ...]:
        """The lines under one item."""
        return self.items.get(item_id, ())


class MinutesNotesService:
    """Saving the notes of each agenda item; the events the minutes place under each."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._minutes = MinutesService(ctx)

    def save_notes(self, meeting_id: int, item_id: int, text: str) -> Changes:
        """Store the notes of one item, with an audit entry; unchanged notes write nothing.
        Refused before the meeting is opened and once it is locked."""
        notes = text.rstrip()
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            if meeting.state is MeetingState.LOCKED:
                raise DomainError(
                    tr(
                        "Berita acara rapat ini sudah ditandatangani: notulen tidak dapat diubah "
                        "lagi. Koreksi dibuat sebagai adendum."
                    )
                )
            if meeting.state not in _WRITABLE:
                raise DomainError(
                    tr(
                        "Notulen dapat ditulis setelah rapat dibuka (status sekarang: {state}).",
                        state=tr(meeting.state.key),
                    )
                )
            item = next(
                (i for i in meeting_store.agenda(conn, meeting_id) if i.id == item_id), None
            )
            if item is None:
                raise DomainError(tr("Acara rapat ini tidak ada pada rapat tersebut."))
            if item.notes == notes:
                return Changes()
            meeting_store.set_item_notes(conn, item_id, notes)
            audit_log.append(
                conn,
                self._ctx.actor,
                "minutes.notes_saved",
                {"meeting": meeting_id, "item": item_id, "chars": len(notes)},
            )
        return Changes.of(Area.MINUTES, ids=(meeting_id,))

    def events(self, meeting_id: int) -> MinutesEvents:
        """The meeting's events placed under the opening, each item and the closing, worded
        as the berita acara words them, in the screens' language."""
        lang = current_language()
        t = translator(lang)
        placement = meeting_events_of(
            self._minutes.facts(meeting_id, lang), lambda n: terbilang(n, lang), t
        )

        def lines(placed: tuple[PlacedEvent, ...], place: int) -> tuple[EventLine, ...]:
            timed = [
                EventLine(p.time, p.event.text)
                for p in placed
                if p.event.kind is not EventKind.ARRIVAL
            ]
            came = [p for p in placed if p.event.kind is EventKind.ARRIVAL]
            summary = event_lines(came, place, lambda n: terbilang(n, lang), t)
            return tuple(timed) + tuple(EventLine("", s) for s in summary)

        return MinutesEvents(
            lines(placement.opening, OPENING),
            {k: lines(v, k) for k, v in placement.items.items()},
            lines(placement.closing, CLOSING),
        )
