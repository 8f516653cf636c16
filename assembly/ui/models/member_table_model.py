"""The register table's model: a window over the search results, fetched a page at a time.

``rowCount`` is the full count of matches, so the scroll bar is true from the start and the
end of a 300,000-row register is one page away. ``data()`` never queries the database: a row
not yet fetched shows "…" and its page is fetched on the next turn of the event loop, then
announced with ``dataChanged``. Only a bounded number of pages is kept.
"""

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

from assembly.domain.members import Status
from assembly.domain.quorum import thousands
from assembly.domain.register_query import RegisterQuery, SortColumn
from assembly.i18n import tr
from assembly.services.register_search import MemberRow, RegisterSearchService
from assembly.ui.widgets.date_field import format_date

PAGE = 200
PAGES_KEPT = 40
PAGES_PER_TURN = 4  # when the user drags the scroll bar, fetch only where it came to rest
ID_ROLE = Qt.ItemDataRole.UserRole
PENDING = "…"
_ROLES = frozenset(
    {
        Qt.ItemDataRole.DisplayRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        ID_ROLE,
    }
)
_ENDED_BRUSH = QBrush(QColor("#6b6b6b"))

Index = QModelIndex | QPersistentModelIndex


def columns() -> list[tuple[str, SortColumn | None]]:
    """Each column's title and the sort it stands for (None: not sortable)."""
    return [
        (tr("Nomor"), SortColumn.NUMBER),
        (tr("Nama"), SortColumn.NAME),
        (tr("NIK"), None),
        (tr("Kategori"), None),
        (tr("Status"), SortColumn.STATUS),
        (tr("Tanggal masuk"), SortColumn.JOINED),
        (tr("Tunggakan"), None),
    ]


class MemberTableModel(QAbstractTableModel):
    """The members matching a :class:`RegisterQuery`, in its order. ``counted`` carries the
    number of matches whenever it may have changed."""

    counted = Signal(int)

    def __init__(self, search: RegisterSearchService, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._search = search
        self._columns = columns()
        self._query = RegisterQuery()
        self._total = 0
        # Each fetched row with its cell texts, made once: painting asks for them often.
        self._pages: OrderedDict[int, list[tuple[MemberRow, tuple[str, ...]]]] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._fetch = QTimer(self)
        self._fetch.setSingleShot(True)
        self._fetch.setInterval(0)
        self._fetch.timeout.connect(self._fetch_wanted)

    # --- what the screens ask --------------------------------------------------------------

    @property
    def query(self) -> RegisterQuery:
        """The query the table shows."""
        return self._query

    @property
    def total(self) -> int:
        """How many members match the query."""
        return self._total

    def set_query(self, query: RegisterQuery) -> None:
        """Show the members matching ``query`` from the top."""
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._wanted.clear()
        self._total, first = self._search.search(query, PAGE)
        if first:
            self._pages[0] = [_shown(r) for r in first]
        self.endResetModel()
        self.counted.emit(self._total)

    def refresh(self) -> None:
        """Read the query again after the register changed, keeping the scroll position:
        rows are added or taken at the end and every row is fetched anew."""
        total = self._search.count(self._query)
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()
        self._pages.clear()
        self._wanted.clear()
        if self._total:
            last = self.index(self._total - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.counted.emit(self._total)

    def member_id(self, row: int) -> int | None:
        """The id of the member on ``row``, when that row has been fetched."""
        found = self._cached(row)
        return found[0].id if found else None

    def row_of(self, member_id: int) -> int | None:
        """The row showing ``member_id`` among the rows fetched, if any."""
        for number, rows in self._pages.items():
            for i, (row, _texts) in enumerate(rows):
                if row.id == member_id:
                    return number * PAGE + i
        return None

    def sort_column(self, column: int) -> SortColumn | None:
        """The sort behind table column ``column`` (None: that column does not sort)."""
        return self._columns[column][1] if 0 <= column < len(self._columns) else None

    def column_of(self, sort: SortColumn) -> int:
        """The table column of ``sort``."""
        return next(i for i, (_t, s) in enumerate(self._columns) if s is sort)

    # --- Qt's model interface --------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._total

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(
        self,
        section: int,
        orientation: Qt.Orientation,
        role: int = Qt.ItemDataRole.DisplayRole,
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
        row, texts = found
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return row.name
        if role == Qt.ItemDataRole.ForegroundRole and row.status is not Status.ACTIVE:
            return _ENDED_BRUSH
        if role == ID_ROLE:
            return row.id
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = self.sort_column(column)
        if sort is None:
            return
        descending = order is Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self._query.sort, self._query.descending):
            self.set_query(self._query.sorted_by(sort, descending))

    # --- pages -----------------------------------------------------------------------------

    def _cached(self, row: int) -> tuple[MemberRow, tuple[str, ...]] | None:
        page = self._pages.get(row // PAGE)
        if page is None or row % PAGE >= len(page):
            return None
        return page[row % PAGE]

    def _want(self, page: int) -> None:
        self._wanted[page] = None
        self._wanted.move_to_end(page)
        if not self._fetch.isActive():
            self._fetch.start()

    def _fetch_wanted(self) -> None:
        wanted = list(self._wanted)[-PAGES_PER_TURN:]
        self._wanted.clear()
        for page in wanted:
            if page in self._pages or page * PAGE >= self._total:
                continue
            rows = self._search.page(self._query, page * PAGE, PAGE)
            self._pages[page] = [_shown(r) for r in rows]
            while len(self._pages) > PAGES_KEPT:
                self._pages.popitem(last=False)
            first = page * PAGE
            last = min(self._total, first + PAGE) - 1
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._columns) - 1))


def _shown(row: MemberRow) -> tuple[MemberRow, tuple[str, ...]]:
    texts = (
        row.number,
        row.name,
        row.nik,
        row.category_label,
        row.status_label,
        format_date(row.joined_on),
        tr("Ada") if row.arrears else "",
    )
    return row, texts


def count_text(shown: int, total: int) -> str:
    """The count line: "1.250 anggota", or "12 dari 1.250" when a search narrows it."""
    if shown == total:
        return tr("{n} anggota", n=thousands(total))
    return tr("{shown} dari {total}", shown=thousands(shown), total=thousands(total))
