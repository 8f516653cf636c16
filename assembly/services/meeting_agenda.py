"""Editing a meeting's agenda item by item, and its leaders; part of ``MeetingService``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import asdict, replace
from typing import Any

from assembly.domain.ad_profile import ItemKind
from assembly.domain.errors import DomainError, Problem, ValidationError
from assembly.domain.meeting import AgendaItem, Meeting, Officer
from assembly.domain.meeting_rules import TITLE_MAX, field_label, validate_officers
from assembly.i18n import tr
from assembly.persistence import audit_log, decision_store, meeting_store
from assembly.persistence.meeting_store import Connection, to_row
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import require_meeting


def meeting_audit(meeting: Meeting) -> dict[str, Any]:
    """The meeting as an audit payload: its columns, agenda and leaders."""
    return {
        "id": meeting.id,
        **to_row(meeting),
        "agenda": [asdict(i) for i in meeting.agenda],
        "officers": [asdict(o) for o in meeting.officers],
    }


class AgendaEditing:
    """Agenda and leaders of a meeting that is not over yet. Each call is one audited
    transaction and returns :class:`Changes` for the meeting (``Area.MEETINGS``)."""

    _ctx: ServiceContext

    def add_item(
        self,
        meeting_id: int,
        title: str,
        kind: ItemKind = ItemKind.ORDINARY,
        position: int | None = None,
    ) -> Done[AgendaItem]:
        """Add an item at ``position`` (1-based; at the end when None)."""
        title = _title(title)
        with self._ctx.db.write() as conn:
            meeting = self._editable(conn, meeting_id)
            ids = [i.id for i in meeting.agenda if i.id is not None]
            at = len(ids) + 1 if position is None else max(1, min(position, len(ids) + 1))
            new_id = meeting_store.add_item(conn, meeting_id, AgendaItem(title, kind), at)
            ids.insert(at - 1, new_id)
            meeting_store.set_positions(conn, meeting_id, ids)
            item = AgendaItem(title, kind, at, "", new_id)
            audit_log.append(
                conn,
                self._ctx.actor,
                "agenda.item_added",
                {"meeting_id": meeting_id, **asdict(item)},
            )
        return Done(item, Changes.of(Area.MEETINGS, ids=(meeting_id,)))

    def edit_item(self, meeting_id: int, item: AgendaItem) -> Changes:
        """Store an item's title, kind and notes (its position is changed by moving it)."""
        item = replace(item, title=_title(item.title))
        with self._ctx.db.write() as conn:
            meeting = self._editable(conn, meeting_id)
            before = _item(meeting, item.id)
            meeting_store.update_item(conn, meeting_id, item)
            audit_log.append(
                conn,
                self._ctx.actor,
                "agenda.item_edited",
                {"meeting_id": meeting_id, "before": asdict(before), "after": asdict(item)},
            )
        return Changes.of(Area.MEETINGS, ids=(meeting_id,))

    def remove_item(self, meeting_id: int, item_id: int) -> Changes:
        """Remove an item; the rest close up."""
        with self._ctx.db.write() as conn:
            meeting = self._editable(conn, meeting_id)
            removed = _item(meeting, item_id)
            if any(d.item_id == item_id for d in decision_store.for_meeting(conn, meeting_id)):
                raise DomainError(
                    tr(
                        "Acara \u201c{item}\u201d sudah memiliki catatan keputusan; acara itu "
                        "tidak dapat dihapus.",
                        item=removed.title,
                    )
                )
            meeting_store.delete_item(conn, meeting_id, item_id)
            meeting_store.set_positions(
                conn, meeting_id, [i.id for i in meeting.agenda if i.id not in (None, item_id)]
            )
            audit_log.append(
                conn,
                self._ctx.actor,
                "agenda.item_removed",
                {"meeting_id": meeting_id, **asdict(removed)},
            )
        return Changes.of(Area.MEETINGS, ids=(meeting_id,))

    def move_item(self, meeting_id: int, item_id: int, position: int) -> Changes:
        """Move an item to ``position`` (1-based); the others shift."""
        with self._ctx.db.write() as conn:
            meeting = self._editable(conn, meeting_id)
            _item(meeting, item_id)
            ids = [i.id for i in meeting.agenda if i.id is not None and i.id != item_id]
            ids.insert(max(0, min(position - 1, len(ids))), item_id)
            self._reorder(conn, meeting, ids)
        return Changes.of(Area.MEETINGS, ids=(meeting_id,))

    def reorder(self, meeting_id: int, item_ids: Sequence[int]) -> Changes:
        """Put the items in the order of ``item_ids`` (every item exactly once)."""
        with self._ctx.db.write() as conn:
            self._reorder(conn, self._editable(conn, meeting_id), item_ids)
        return Changes.of(Area.MEETINGS, ids=(meeting_id,))

    def _reorder(self, conn: Connection, meeting: Meeting, item_ids: Sequence[int]) -> None:
        assert meeting.id is not None
        current = [i.id for i in meeting.agenda]
        if sorted(item_ids) != sorted(i for i in current if i is not None):
            raise DomainError(tr("Urutan acara harus memuat setiap acara tepat sekali."))
        meeting_store.set_positions(conn, meeting.id, item_ids)
        audit_log.append(
            conn,
            self._ctx.actor,
            "agenda.reordered",
            {"meeting_id": meeting.id, "before": current, "after": list(item_ids)},
        )

    def set_officers(self, meeting_id: int, officers: Sequence[Officer]) -> Changes:
        """Make ``officers`` the meeting's leaders: one Ketua Rapat, one Sekretaris/Notulis,
        up to five saksi."""
        people = tuple(replace(o, name=" ".join(o.name.split())) for o in officers)
        problems = validate_officers(people)
        if problems:
            raise ValidationError(problems)
        with self._ctx.db.write() as conn:
            meeting = self._editable(conn, meeting_id)
            meeting_store.replace_officers(conn, meeting_id, people)
            audit_log.append(
                conn,
                self._ctx.actor,
                "meeting.officers_set",
                {
                    "meeting_id": meeting_id,
                    "before": [asdict(o) for o in meeting.officers],
                    "after": [asdict(o) for o in people],
                },
            )
        return Changes.of(Area.MEETINGS, ids=(meeting_id,))

    def _replace_agenda(
        self, conn: Connection, meeting: Meeting, items: Sequence[AgendaItem]
    ) -> None:
        """Bring the stored agenda to ``items`` inside the caller's transaction: items without
        an id are added, missing ones removed, changed ones stored, then all renumbered."""
        assert meeting.id is not None
        before = {i.id: i for i in meeting.agenda}
        kept = {i.id for i in items if i.id is not None}
        for item_id in kept - before.keys():
            _item(meeting, item_id)  # refuses an item of another meeting
        for gone in before.keys() - kept:
            if gone is not None:
                meeting_store.delete_item(conn, meeting.id, gone)
        ids: list[int] = []
        for position, item in enumerate(items, start=1):
            item = replace(item, title=_title(item.title), position=position)
            if item.id is None:
                ids.append(meeting_store.add_item(conn, meeting.id, item, position))
                continue
            old = before[item.id]
            if (old.title, old.kind, old.notes) != (item.title, item.kind, item.notes):
                meeting_store.update_item(conn, meeting.id, item)
            ids.append(item.id)
        meeting_store.set_positions(conn, meeting.id, ids)

    def _editable(self, conn: Connection, meeting_id: int) -> Meeting:
        meeting = require_meeting(conn, meeting_id)
        if meeting.read_only:
            raise DomainError(
                tr("Rapat berstatus {state} hanya dapat dibaca.", state=tr(meeting.state.key))
            )
        return meeting


def _title(title: str) -> str:
    title = " ".join(title.split())
    if not title:
        raise ValidationError([Problem(tr("Judul acara wajib diisi"), field_label("agenda"))])
    if len(title) > TITLE_MAX:
        raise ValidationError(
            [Problem(tr("Paling banyak {n} karakter", n=TITLE_MAX), field_label("agenda"))]
        )
    return title


def _item(meeting: Meeting, item_id: int | None) -> AgendaItem:
    found = next((i for i in meeting.agenda if i.id == item_id and i.id is not None), None)
    if found is None:
        raise DomainError(tr("Acara tersebut tidak ada pada rapat ini."))
    return found
