"""The decisions recorded in a meeting, in the order recorded: the item's number, how it was
decided (mufakat or pemungutan suara), what was decided and the result statement."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt

from assembly.domain.ballots import DecisionMethod, Outcome
from assembly.i18n import tr
from assembly.ui.models.rows_model import Index, RowsModel


def method_label(method: DecisionMethod, outcome: Outcome) -> str:
    """How an item was decided, in words (the record that consensus failed apart)."""
    if method is DecisionMethod.VOTING:
        return tr("Pemungutan suara")
    return tr("Tidak mufakat") if outcome is Outcome.NO_CONSENSUS else tr("Mufakat")


class DecisionListModel(RowsModel[tuple[str, str, str, str]]):
    """Rows of (item number, method, text, result); the texts are made when set."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__([tr("Acara"), tr("Cara"), tr("Keputusan"), tr("Hasil")], parent)

    def set_rows(self, rows: list[tuple[str, str, str, str]]) -> None:
        """Show ``rows`` (unchanged rows are not reset)."""
        self.replace_rows(rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._rows[index.row()][index.column()]
        return None
