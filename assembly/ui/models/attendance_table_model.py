"""The attendance list's model: a window over one meeting's attendance, fetched a page at a
time like the register's. ``data()`` never queries the database: a row not yet fetched shows
"…" and its page is fetched on the next turn of the event loop."""

from __future__ import annotations

from collections import OrderedDict
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QBrush, QColor

from assembly.domain.attendance import AttendanceState
from assembly.domain.attendance_query import (
    AttendanceEntry,
    AttendancePage,
    AttendanceQuery,
    AttendanceSort,
)
from assembly.i18n import tr
from assembly.services.checkin import CheckInService

PAGE = 200
PAGES_KEPT = 20
ID_ROLE = Qt.ItemDataRole.UserRole
PENDING = "…"
_ROLES = frozenset(
    {Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ForegroundRole, Qt.ItemDataRole.ToolTipRole}
) | {ID_ROLE}
_LEFT_BRUSH = QBrush(QColor("#6b6b6b"))

Index = QModelIndex | QPersistentModelIndex


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


class AttendanceTableModel(QAbstractTableModel):
    """The attendance of one meeting matching an :class:`AttendanceQuery`. ``counted`` carries
    the number of matching rows whenever it may have changed."""

    counted = Signal(int)

    def __init__(self, checkin: CheckInService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._checkin = checkin
        self._columns = columns()
        self._meeting_id: int | None = None
        self._query = AttendanceQuery()
        self._total = 0
        self._pages: OrderedDict[int, list[tuple[AttendanceEntry, tuple[str, ...]]]] = OrderedDict()
        self._wanted: list[int] = []
        self._fetch = QTimer(self)
        self._fetch.setSingleShot(True)
        self._fetch.setInterval(0)
        self._fetch.timeout.connect(self._fetch_wanted)

    @property
    def query(self) -> AttendanceQuery:
        """The query the table shows."""
        return self._query

    @property
    def total(self) -> int:
        """How many rows match."""
        return self._total

    def set_meeting(self, meeting_id: int | None) -> None:
        """Show the attendance of ``meeting_id`` (None: an empty list)."""
        self._meeting_id = meeting_id
        self.set_query(self._query)

    def set_query(self, query: AttendanceQuery) -> None:
        """Show the rows matching ``query`` from the top."""
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._wanted.clear()
        page = self._read(0)
        self._total = page.total
        if page.rows:
            self._pages[0] = [_shown(e) for e in page.rows]
        self.endResetModel()
        self.counted.emit(self._total)

    def refresh(self) -> None:
        """Read again after attendance changed (a check-in adds a row, an undo takes one)."""
        self.set_query(self._query)

    def member_id(self, row: int) -> int | None:
        """The member on ``row`` when it has been fetched."""
        found = self._cached(row)
        return found[0].member_id if found else None

    def entry(self, row: int) -> AttendanceEntry | None:
        """The entry on ``row`` when it has been fetched."""
        found = self._cached(row)
        return found[0] if found else None

    # --- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if (
            role == Qt.ItemDataRole.DisplayRole
            and orientation is Qt.Orientation.Horizontal
            and 0 <= section < len(self._columns)
        ):
            return self._columns[section][0]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _ROLES or not index.isValid():
            return None
        found = self._cached(index.row())
        if found is None:
            if 0 <= index.row() < self._total:
                self._want(index.row() // PAGE)
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return PENDING
            return None
        entry, texts = found
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return entry.name
        if role == Qt.ItemDataRole.ForegroundRole and entry.state is not AttendanceState.PRESENT:
            return _LEFT_BRUSH
        if role == ID_ROLE:
            return entry.member_id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = self._columns[column][1] if 0 <= column < len(self._columns) else None
        if sort is None:
            return
        descending = order is Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self._query.sort, self._query.descending):
            self.set_query(self._query.sorted_by(sort, descending))

    # --- pages -----------------------------------------------------------------------------

    def _read(self, offset: int) -> AttendancePage:
        if self._meeting_id is None:
            return AttendancePage(0, offset, ())
        return self._checkin.attendance_page(self._meeting_id, self._query, offset, PAGE)

    def _cached(self, row: int) -> tuple[AttendanceEntry, tuple[str, ...]] | None:
        page = self._pages.get(row // PAGE)
        if page is None or row % PAGE >= len(page):
            return None
        return page[row % PAGE]

    def _want(self, page: int) -> None:
        if page not in self._wanted:
            self._wanted.append(page)
        if not self._fetch.isActive():
            self._fetch.start()

    def _fetch_wanted(self) -> None:
        wanted, self._wanted = self._wanted[-4:], []
        for page in wanted:
            if page in self._pages or page * PAGE >= self._total:
                continue
            self._pages[page] = [_shown(e) for e in self._read(page * PAGE).rows]
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
            first = page * PAGE
            last = min(self._total, first + PAGE) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))


def _shown(entry: AttendanceEntry) -> tuple[AttendanceEntry, tuple[str, ...]]:
    channel = entry.channel.label
    if entry.holder_number:
        channel = tr("{channel} ({number})", channel=channel, number=entry.holder_number)
    texts = (
        entry.arrived_at.strftime("%H.%M.%S"),
        entry.number,
        entry.name,
        channel,
        entry.state.label,
        tr("Ya") if entry.may_vote else tr("Tidak"),
        entry.left_at.strftime("%H.%M") if entry.left_at else "",
    )
    return entry, texts
