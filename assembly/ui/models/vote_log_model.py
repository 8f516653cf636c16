"""The last votes entered at this desk, newest first, so the clerk sees what was recorded; a
vote corrected since is struck through and says "dikoreksi"."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from assembly.i18n import tr

Index = QModelIndex | QPersistentModelIndex
KEEP = 12  # a short list: enough to check the last few, not a record (the database is that)


class VoteLogModel(QAbstractListModel):
    """Lines of text, newest first, at most :data:`KEEP`; each vote's line keeps whose vote
    it is, so a correction can mark it."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[str] = []
        self._keys: list[str] = []  # the member number whose vote a line shows ("" for none)
        self._struck: set[int] = set()  # the ids of the lines corrected since
        self._ids: list[int] = []  # each line's id, in the order of the lines
        self._next = 0
        self._font = QFont()
        self._font.setStrikeOut(True)

    def add(self, line: str, key: str = "") -> None:
        """Put ``line`` on top (``key``: whose vote it shows), dropping the oldest beyond
        :data:`KEEP`."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._lines.insert(0, line)
        self._keys.insert(0, key)
        self._ids.insert(0, self._next)
        self._next += 1
        self.endInsertRows()
        if len(self._lines) > KEEP:
            self.beginRemoveRows(QModelIndex(), KEEP, len(self._lines) - 1)
            del self._lines[KEEP:], self._keys[KEEP:], self._ids[KEEP:]
            self.endRemoveRows()

    def strike(self, key: str) -> bool:
        """Mark the newest line of ``key``'s vote as corrected; whether one was shown."""
        for row, (line_key, line_id) in enumerate(zip(self._keys, self._ids, strict=True)):
            if line_key == key and line_id not in self._struck:
                self._struck.add(line_id)
                index = self.index(row)
                self.dataChanged.emit(index, index)
                return True
        return False

    def struck(self, row: int) -> bool:
        """Whether the line on ``row`` was corrected since."""
        return 0 <= row < len(self._ids) and self._ids[row] in self._struck

    def clear(self) -> None:
        """Forget every line (a new ballot)."""
        self.beginResetModel()
        self._lines, self._keys, self._ids = [], [], []
        self._struck.clear()
        self.endResetModel()

    def lines(self) -> list[str]:
        """The lines shown, newest first."""
        return [str(self.data(self.index(row))) for row in range(len(self._lines))]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        struck = self.struck(index.row())
        if role == Qt.ItemDataRole.DisplayRole:
            line = self._lines[index.row()]
            return tr("{line} (dikoreksi)", line=line) if struck else line
        if role == Qt.ItemDataRole.FontRole and struck:
            return self._font
        if role == Qt.ItemDataRole.ForegroundRole and struck:
            return QColor("#777777")
        return None
