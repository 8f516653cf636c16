"""The agenda as the chair's console lists it: number, title, kind, and where the meeting
stands on each item (the current one marked and bold). The rows are the few agenda items,
all held in memory."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from assembly.domain.meeting import AgendaItem
from assembly.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole
Index = QModelIndex | QPersistentModelIndex


def columns() -> list[str]:
    """The column titles."""
    return [tr("No."), tr("Acara"), tr("Jenis"), tr("Keadaan")]


class AgendaModel(QAbstractTableModel):
    """Rows of :class:`AgendaItem`; the item taken up now is marked."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = columns()
        self._items: tuple[AgendaItem, ...] = ()
        self._current: int | None = None
        self._zone: dt.tzinfo = dt.UTC
        self._decided: frozenset[int] = frozenset()
        self._bold = QFont()
        self._bold.setBold(True)

    def set_items(
        self,
        items: tuple[AgendaItem, ...],
        current: int | None,
        zone: dt.tzinfo = dt.UTC,
        decided: frozenset[int] = frozenset(),
    ) -> bool:
        """Show ``items`` with ``current`` marked, times in ``zone`` (the meeting's), the
        ``decided`` items said to be decided; whether anything changed (an unchanged agenda
        is not reset, so the selection stays put on every refresh)."""
        state = (tuple(items), current, zone, decided)
        if state == (self._items, self._current, self._zone, self._decided):
            return False
        self.beginResetModel()
        self._items, self._current, self._zone, self._decided = state
        self.endResetModel()
        return True

    def decided(self, item_id: int | None) -> bool:
        """Whether ``item_id`` is decided."""
        return item_id in self._decided

    def next_open(self, after: int | None) -> AgendaItem | None:
        """The first item after ``after`` (by position) not yet decided: the one to offer."""
        row = self.row_of(after)
        start = row + 1 if row is not None else 0
        return next((i for i in self._items[start:] if i.id not in self._decided), None)

    def item(self, row: int) -> AgendaItem | None:
        """The agenda item on ``row``."""
        return self._items[row] if 0 <= row < len(self._items) else None

    def row_of(self, item_id: int | None) -> int | None:
        """The row showing ``item_id``."""
        return next((r for r, i in enumerate(self._items) if i.id == item_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

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
            return self._columns[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._items):
            return None
        item = self._items[index.row()]
        current = item.id is not None and item.id == self._current
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(item, index.column(), current)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            return item.title  # the whole title, should a word still not fit
        if role == Qt.ItemDataRole.FontRole and current:
            return self._bold
        if role == ID_ROLE:
            return item.id
        return None

    def _text(self, item: AgendaItem, column: int, current: bool) -> str:
        if column == 0:
            return ("▶ " if current else "") + str(item.position)
        if column == 1:
            return item.title
        if column == 2:
            return tr(item.kind.key)
        if item.id in self._decided:
            return tr("diputuskan")
        if current:
            return tr("sedang dibahas")
        if item.ended_at is not None:
            return tr("selesai {time}", time=item.ended_at.astimezone(self._zone).strftime("%H.%M"))
        return ""
