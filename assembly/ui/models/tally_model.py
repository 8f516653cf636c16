"""A closed ballot's tally as a two-column table: the choice (or candidate) and its votes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from assembly.domain.ballots import Choice
from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.ui.models.rows_model import Index, RowsModel

_NUMBER_ALIGN = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def tally_rows(tally: dict[str, int], election: bool) -> list[tuple[str, int]]:
    """The rows to show: a motion's four counts under their labels in a fixed order, or the
    candidates with the most votes first."""
    if election:
        return sorted(tally.items(), key=lambda kv: (-kv[1], kv[0]))
    return [(tr(c.key), tally.get(c.value, 0)) for c in Choice]


class TallyModel(RowsModel[tuple[str, int]]):
    """Rows of (choice, votes)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([tr("Pilihan"), tr("Suara")], parent)

    def set_rows(self, rows: list[tuple[str, int]]) -> None:
        """Show ``rows`` (unchanged rows are not reset)."""
        self.replace_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        label, votes = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return label if index.column() == 0 else thousands(votes)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 1:
            return int(_NUMBER_ALIGN.value)
        return None
