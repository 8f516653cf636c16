"""The last votes entered at this desk, newest first, so the clerk sees what was recorded."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
KEEP = 12  # a short list: enough to check the last few, not a record (the database is that)


class VoteLogModel(QAbstractListModel):
    """Lines of text, newest first, at most :data:`KEEP`."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lines: list[str] = []

    def add(self, line: str) -> None:
        """Put ``line`` on top, dropping the oldest beyond :data:`KEEP`."""
        self.beginInsertRows(QModelIndex(), 0, 0)
        self._lines.insert(0, line)
        self.endInsertRows()
        if len(self._lines) > KEEP:
            self.beginRemoveRows(QModelIndex(), KEEP, len(self._lines) - 1)
            del self._lines[KEEP:]
            self.endRemoveRows()

    def clear(self) -> None:
        """Forget every line (a new ballot)."""
        self.beginResetModel()
        self._lines = []
        self.endResetModel()

    def lines(self) -> list[str]:
        """The lines shown, newest first."""
        return list(self._lines)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._lines)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._lines[index.row()]
        return None
