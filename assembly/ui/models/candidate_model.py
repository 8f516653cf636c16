"""Candidates of an election as a list. Checkable and numbered ("1. 0004 Nama") when a voter's
choices are picked at the vote entry; plain ("0004 Nama") while the chair lists them when
opening the election."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
NUMBER_ROLE = Qt.ItemDataRole.UserRole


class CandidateModel(QAbstractListModel):
    """Rows of (member number, name), numbered from 1 (the key that picks them)."""

    def __init__(self, parent: QObject | None = None, *, checkable: bool = False) -> None:
        super().__init__(parent)
        self._checkable = checkable
        self._rows: list[tuple[str, str]] = []
        self._checked: set[int] = set()

    def set_rows(self, rows: list[tuple[str, str]]) -> None:
        """Show ``rows``, none checked."""
        self.beginResetModel()
        self._rows = list(rows)
        self._checked = set()
        self.endResetModel()

    def rows(self) -> list[tuple[str, str]]:
        """Every (number, name) shown."""
        return list(self._rows)

    def append(self, number: str, name: str) -> None:
        """Add one candidate at the end."""
        self.beginInsertRows(QModelIndex(), len(self._rows), len(self._rows))
        self._rows.append((number, name))
        self.endInsertRows()

    def remove(self, row: int) -> None:
        """Take the candidate on ``row`` off the list."""
        if 0 <= row < len(self._rows):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._rows[row]
            self._checked = {r - (r > row) for r in self._checked if r != row}
            self.endRemoveRows()

    def toggle(self, row: int) -> None:
        """Check or uncheck the candidate on ``row``."""
        if 0 <= row < len(self._rows):
            self._checked ^= {row}
            index = self.index(row)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.CheckStateRole])

    def clear_checks(self) -> None:
        """Uncheck every candidate."""
        if self._checked and self._rows:
            self._checked = set()
            self.dataChanged.emit(
                self.index(0), self.index(len(self._rows) - 1), [Qt.ItemDataRole.CheckStateRole]
            )

    def checked_numbers(self) -> list[str]:
        """The member numbers of the checked candidates, in list order."""
        return [self._rows[r][0] for r in sorted(self._checked)]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and self._checkable:
            return base | Qt.ItemFlag.ItemIsUserCheckable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        number, name = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            # The key that picks a candidate at the vote desk; that list never loses rows, so
            # the numbers never shift under a removal.
            return (
                f"{index.row() + 1}. {number}  {name}" if self._checkable else f"{number}  {name}"
            )
        if role == Qt.ItemDataRole.CheckStateRole and self._checkable:
            checked = index.row() in self._checked
            return Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked
        if role == NUMBER_ROLE:
            return number
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not (index.isValid() and self._checkable and role == Qt.ItemDataRole.CheckStateRole):
            return False
        want = Qt.CheckState(value) == Qt.CheckState.Checked
        if want != (index.row() in self._checked):
            self.toggle(index.row())
        return True
