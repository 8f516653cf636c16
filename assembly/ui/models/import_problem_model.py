"""The problems of an import preview as a list: "baris 12, kolom NIK: …", blocking ones in
red, warnings marked as such; each item knows its file row so the preview can jump to it."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractListModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from assembly.domain.errors import Problem
from assembly.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
_ERROR = QBrush(QColor("#a4262c"))
_WARNING = QBrush(QColor("#7a5b00"))


class ImportProblemModel(QAbstractListModel):
    """A thin list over plain :class:`Problem` values."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._problems: list[Problem] = []

    def set_problems(self, problems: Sequence[Problem]) -> None:
        """Show ``problems`` in their order."""
        self.beginResetModel()
        self._problems = list(problems)
        self.endResetModel()

    def problem(self, row: int) -> Problem:
        """The problem shown at ``row``."""
        return self._problems[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._problems)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._problems):
            return None
        problem = self._problems[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            kind = tr("Peringatan") if problem.warning else tr("Kesalahan")
            return f"{kind} — {problem.located()}"
        if role == Qt.ItemDataRole.ForegroundRole:
            return _WARNING if problem.warning else _ERROR
        if role == ROW_ROLE:
            return problem.row
        return None
