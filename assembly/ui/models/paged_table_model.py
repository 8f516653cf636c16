"""A table model over a long result fetched a page at a time (the register, the attendance
list).

``rowCount`` is the full count, so the scroll bar is true from the start and the end of a
300,000-row register is one page away. ``data()`` never queries the database: a row not yet
fetched shows "…" and its page is fetched on the next turn of the event loop, then announced
with ``dataChanged``. Only a bounded number of pages is kept. Each row's cell texts are made
once, when its page arrives: painting asks for them often.

A count that stopped early (``more``: a search text matching more members than the
register counts a keystroke) makes the table open-ended: Qt's ``canFetchMore`` and
``fetchMore`` read a page past the known rows whenever the view reaches them, and the scroll
bar grows; nothing is hidden.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
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

PAGE = 200
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
_DIM_BRUSH = QBrush(QColor("#6b6b6b"))

Index = QModelIndex | QPersistentModelIndex


class PagedTableModel(QAbstractTableModel):
    """The rows of a query in pages. Subclasses say how to read a page and show a row;
    ``counted`` carries the number of rows whenever it may have changed.

    ``columns`` pairs each title with the sort key it stands for (None: not sortable); the
    query must offer ``sort``, ``descending`` and ``sorted_by(key, descending)``."""

    counted = Signal(int)

    def __init__(
        self,
        columns: list[tuple[str, Any]],
        query: Any,
        parent: QObject | None = None,
        *,
        pages_kept: int = 40,
        tooltip_column: int = -1,
    ) -> None:
        super().__init__(parent)
        self._columns = columns
        self._query = query
        self._pages_kept = pages_kept
        self._tooltip_column = tooltip_column
        self._total = 0
        self._more = False  # more rows follow the known ones (the count stopped early)
        self._pages: OrderedDict[int, list[tuple[Any, tuple[str, ...]]]] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._fetch = QTimer(self)
        self._fetch.setSingleShot(True)
        self._fetch.setInterval(0)
        self._fetch.timeout.connect(self._fetch_wanted)

    # --- what a subclass supplies -------------------------------------------------------------

    def read(self, offset: int, limit: int) -> tuple[int | None, Sequence[Any]]:
        """Up to ``limit`` rows from ``offset``, with the total when it is known (always at
        offset 0)."""
        raise NotImplementedError

    def texts(self, row: Any) -> tuple[str, ...]:
        """The cell texts of ``row``, one per column."""
        raise NotImplementedError

    def row_id(self, row: Any) -> int:
        """The id the ``ID_ROLE`` gives for ``row``."""
        raise NotImplementedError

    def tooltip(self, row: Any) -> str:
        """The tool tip of ``row`` in ``tooltip_column``."""
        return ""

    def dimmed(self, row: Any) -> bool:
        """Whether ``row`` is shown greyed (an ended membership, a member who left)."""
        return False

    # --- what the screens ask --------------------------------------------------------------

    @property
    def query(self) -> Any:
        """The query the table shows."""
        return self._query

    @property
    def total(self) -> int:
        """How many rows match the query (with :attr:`more`: how many are known so far)."""
        return self._total

    @property
    def more(self) -> bool:
        """Whether more rows match than :attr:`total` (scrolling down reads them)."""
        return self._more

    def set_query(self, query: Any) -> None:
        """Show the rows matching ``query`` from the top."""
        self.beginResetModel()
        self._query = query
        self._pages.clear()
        self._wanted.clear()
        self._more = False
        total, first = self.read(0, PAGE)
        self._total = total or 0
        if first:
            self._pages[0] = [(r, self.texts(r)) for r in first]
        self.endResetModel()
        self.counted.emit(self._total)

    def row_item(self, row: int) -> Any | None:
        """The row value on ``row``, when its page has been fetched."""
        found = self._cached(row)
        return found[0] if found else None

    def sort_column(self, column: int) -> Any | None:
        """The sort behind table column ``column`` (None: that column does not sort)."""
        return self._columns[column][1] if 0 <= column < len(self._columns) else None

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
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self._tooltip_column:
            return self.tooltip(row)
        if role == Qt.ItemDataRole.ForegroundRole and self.dimmed(row):
            return _DIM_BRUSH
        if role == ID_ROLE:
            return self.row_id(row)
        return None

    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self._more

    def fetchMore(self, parent: Index) -> None:
        """The next page after the known rows (the view reached them); a row more than a
        page says whether still more follow."""
        if parent.isValid() or not self._more:
            return
        first = self._total
        _total, rows = self.read(first, PAGE + 1)
        self._more = len(rows) > PAGE
        rows = rows[:PAGE]
        if rows:
            self.beginInsertRows(QModelIndex(), first, first + len(rows) - 1)
            self._total += len(rows)
            self._keep(first // PAGE, rows)
            self.endInsertRows()
        self.counted.emit(self._total)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        sort = self.sort_column(column)
        if sort is None:
            return
        descending = order is Qt.SortOrder.DescendingOrder
        if (sort, descending) != (self._query.sort, self._query.descending):
            self.set_query(self._query.sorted_by(sort, descending))

    # --- pages -----------------------------------------------------------------------------

    def _cached(self, row: int) -> tuple[Any, tuple[str, ...]] | None:
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
            _total, rows = self.read(page * PAGE, PAGE)
            self._keep(page, rows)
            first = page * PAGE
            if first + len(rows) < min(self._total, first + PAGE):
                self._shrink(first + len(rows))  # rows left the result meanwhile
            last = min(self._total, first + PAGE) - 1
            if last >= first:
                top, bottom = self.index(first, 0), self.index(last, len(self._columns) - 1)
                self.dataChanged.emit(top, bottom)

    def _shrink(self, total: int) -> None:
        """Fewer rows than the model showed: what the database says now (a row kept past a
        count that stopped early may have left the result since)."""
        self.beginRemoveRows(QModelIndex(), total, self._total - 1)
        self._total = total
        self._more = False
        self.endRemoveRows()
        self.counted.emit(self._total)

    def _keep(self, page: int, rows: Sequence[Any]) -> None:
        self._pages[page] = [(r, self.texts(r)) for r in rows]
        while len(self._pages) > self._pages_kept:
            self._pages.popitem(last=False)
