"""The attendance list's model: a window over one meeting's attendance, fetched a page at a
time like the register's. ``data()`` never queries the database: a row not yet fetched shows
"…" and its page is fetched on the next turn of the event loop."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QObject

from assembly.domain.attendance import AttendanceState
from assembly.domain.attendance_query import AttendanceEntry, AttendanceQuery, AttendanceSort
from assembly.i18n import tr
from assembly.services.checkin import CheckInService
from assembly.ui.models.paged_table_model import PagedTableModel


def columns() -> list[tuple[str, AttendanceSort | None]]:
    """Each column's title and the sort it stands for (None: not sortable)."""
    return [
        (tr("Datang"), AttendanceSort.ARRIVED),
        (tr("Nomor"), AttendanceSort.NUMBER),
        (tr("Nama"), AttendanceSort.NAME),
        (tr("Cara hadir"), AttendanceSort.CHANNEL),
        (tr("Keadaan"), None),
        (tr("Hak suara"), None),
        (tr("Pukul keluar"), None),
    ]


class AttendanceTableModel(PagedTableModel):
    """The attendance of one meeting matching an :class:`AttendanceQuery`."""

    def __init__(self, checkin: CheckInService, parent: QObject | None = None) -> None:
        super().__init__(columns(), AttendanceQuery(), parent, pages_kept=20, tooltip_column=2)
        self._checkin = checkin
        self._meeting_id: int | None = None

    @property
    def meeting_id(self) -> int | None:
        """The meeting whose attendance is shown."""
        return self._meeting_id

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show the attendance of ``meeting_id`` (None: an empty list)."""
        self._meeting_id = meeting_id
        self.set_query(self._query)

    def refresh(self) -> None:
        """Read again after attendance changed (a check-in adds a row, an undo takes one)."""
        self.set_query(self._query)

    def member_id(self, row: int) -> int | None:
        """The member on ``row`` when it has been fetched."""
        found = self.row_item(row)
        return found.member_id if found else None

    def entry(self, row: int) -> AttendanceEntry | None:
        """The entry on ``row`` when it has been fetched."""
        found = self.row_item(row)
        return found if isinstance(found, AttendanceEntry) else None

    def read(self, offset: int, limit: int) -> tuple[int | None, Sequence[AttendanceEntry]]:
        if self._meeting_id is None:
            return 0, ()
        page = self._checkin.attendance_page(self._meeting_id, self._query, offset, limit)
        return page.total, page.rows

    def texts(self, row: Any) -> tuple[str, ...]:
        return _texts(row)

    def row_id(self, row: Any) -> int:
        return int(row.member_id)

    def tooltip(self, row: Any) -> str:
        return str(row.name)

    def dimmed(self, row: Any) -> bool:
        return bool(row.state is not AttendanceState.PRESENT)


def _texts(entry: AttendanceEntry) -> tuple[str, ...]:
    channel = tr(entry.channel.key)
    if entry.holder_number:
        channel = tr("{channel} ({number})", channel=channel, number=entry.holder_number)
    return (
        # In the meeting's zone, named (the service gives the times in it).
        entry.arrived_at.strftime("%H.%M.%S %Z"),
        entry.number,
        entry.name,
        channel,
        tr(entry.state.key),
        tr("Ya") if entry.may_vote else tr("Tidak"),
        entry.left_at.strftime("%H.%M %Z") if entry.left_at else "",
    )
