"""The agenda as the meeting works through it: the chair takes an item up, the meeting moves
on. The times are what the minutes place the meeting's events by (DESIGN.md section 4), and
what the chair's console and the projector show as the current item."""

from __future__ import annotations

import builtins
from collections.abc import Sequence

from assembly.domain.errors import DomainError
from assembly.domain.meeting import AgendaItem, MeetingState
from assembly.i18n import tr
from assembly.persistence import audit_log, meeting_store
from assembly.persistence.meeting_store import Connection
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import require_header


def current_item(items: Sequence[AgendaItem]) -> AgendaItem | None:
    """The item taken up and not yet left: the latest one started without an end."""
    running = [(i.started_at, i) for i in items if i.started_at is not None and i.ended_at is None]
    return max(running, key=lambda pair: pair[0])[1] if running else None


class AgendaProgressService:
    """Which agenda item the meeting is on."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def items(self, meeting_id: int) -> builtins.list[AgendaItem]:
        """The agenda in order, with when each item was taken up and left."""
        with self._ctx.db.read() as conn:
            require_header(conn, meeting_id)
            return list(meeting_store.agenda(conn, meeting_id))

    def current(self, meeting_id: int) -> AgendaItem | None:
        """The item the meeting is on now, if any: none once the meeting is closed (the item
        last taken up keeps its recorded times; it is no longer being discussed)."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            if meeting.state in (MeetingState.CLOSED, MeetingState.LOCKED):
                return None
            return current_item(meeting_store.agenda(conn, meeting_id))

    def take_up(self, meeting_id: int, item_id: int) -> Done[AgendaItem]:
        """The chair takes up ``item_id``: the item on before is left now. Only while the
        meeting is open (not suspended, not before opening, not after closing). Taking an
        item up again (a return to it) keeps when it was first taken up."""
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            if meeting.state is not MeetingState.OPENED:
                raise DomainError(
                    tr(
                        "Acara rapat hanya dapat dibahas selama rapat dibuka (sekarang: {state}).",
                        state=tr(meeting.state.key),
                    )
                )
            items = meeting_store.agenda(conn, meeting_id)
            item = next((i for i in items if i.id == item_id), None)
            if item is None:
                raise DomainError(tr("Acara rapat ini tidak ada pada rapat tersebut."))
            now = self._ctx.now()
            left = self._leave_current(conn, items, keep=item_id)
            meeting_store.set_item_times(conn, item_id, item.started_at or now, None)
            audit_log.append(
                conn,
                self._ctx.actor,
                "agenda.taken_up",
                {"meeting": meeting_id, "item": item_id, "title": item.title, "left": left},
            )
            taken = meeting_store.agenda(conn, meeting_id)
        chosen = next(i for i in taken if i.id == item_id)
        return Done(chosen, Changes.of(Area.MEETINGS, Area.DECISIONS, ids=(meeting_id,)))

    def _leave_current(
        self, conn: Connection, items: tuple[AgendaItem, ...], keep: int
    ) -> int | None:
        running = current_item(items)
        if running is None or running.id == keep:
            return None
        assert running.id is not None
        meeting_store.set_item_times(conn, running.id, running.started_at, self._ctx.now())
        return running.id
