"""The rows of a register file as the import preview shows them: the file's own cells under
its own column titles, rows with problems tinted, their problems as tooltips."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from assembly.domain.errors import Problem
from assembly.domain.register_cells import cell_text
from assembly.domain.register_columns import field_label
from assembly.services.import_preview import SourceRow

Index = QModelIndex | QPersistentModelIndex
ERROR_BRUSH = QBrush(QColor("#f9d6d5"))
WARNING_BRUSH = QBrush(QColor("#fff1c2"))
ERROR_CELL_BRUSH = QBrush(QColor("#ee9a96"))  # the very cell a problem names
WARNING_CELL_BRUSH = QBrush(QColor("#f5d36b"))


class ImportPreviewModel(QAbstractTableModel):
    """A thin table over plain rows; ``data()`` only formats what it holds. With
    ``only_problems`` it shows just the rows that have a problem."""

    def __init__(self, parent: object | None = None) -> None:
        super().__init__(parent)  # type: ignore[arg-type]
        self._columns: list[str] = []
        self._mapped: dict[str, str] = {}  # column title -> field label
        self._rows: Sequence[SourceRow] = []
        self._problems: dict[int, list[Problem]] = {}
        self._visible: list[int] = []
        self._only_problems = False
        self._bold = QFont()
        self._bold.setBold(True)

    def set_rows(
        self,
        columns: Sequence[str],
        rows: Sequence[SourceRow],
        mapping: Mapping[str, str],
        problems: Mapping[int, list[Problem]],
    ) -> None:
        """Show ``rows`` under ``columns``; ``mapping`` is field -> column title,
        ``problems`` the problems of each file row."""
        self.beginResetModel()
        self._columns = list(columns)
        self._mapped = {title: field_label(name) for name, title in mapping.items()}
        self._rows = rows
        self._problems = dict(problems)
        self._filter()
        self.endResetModel()

    def set_only_problems(self, only: bool) -> None:
        """Show only the rows that have a problem (or every row)."""
        if only != self._only_problems:
            self.beginResetModel()
            self._only_problems = only
            self._filter()
            self.endResetModel()

    def _filter(self) -> None:
        self._visible = [
            i
            for i, source in enumerate(self._rows)
            if not self._only_problems or source.row in self._problems
        ]

    def source_row(self, row: int) -> SourceRow:
        """The file row shown at ``row``."""
        return self._rows[self._visible[row]]

    def row_of(self, file_row: int) -> int | None:
        """Where the file's row ``file_row`` is shown, if it is."""
        for shown, index in enumerate(self._visible):
            if self._rows[index].row == file_row:
                return shown
        return None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._visible)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        source = self._rows[self._visible[index.row()]]
        if role == Qt.ItemDataRole.DisplayRole:
            cells = source.cells
            return cell_text(cells[index.column()]) if index.column() < len(cells) else ""
        problems = self._problems.get(source.row)
        if not problems:
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            title = self._columns[index.column()]
            here = [p for p in problems if p.column == title]
            if here:
                return WARNING_CELL_BRUSH if all(p.warning for p in here) else ERROR_CELL_BRUSH
            return WARNING_BRUSH if all(p.warning for p in problems) else ERROR_BRUSH
        if role == Qt.ItemDataRole.ToolTipRole:
            return "\n".join(p.located() for p in problems)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation == Qt.Orientation.Vertical:
            if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._visible):
                return str(self._rows[self._visible[section]].row)
            return None
        if not 0 <= section < len(self._columns):
            return None
        title = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            label = self._mapped.get(title)
            return f"{title}\n→ {label}" if label else f"{title}\n—"
        if role == Qt.ItemDataRole.FontRole and title in self._mapped:
            return self._bold
        return None
