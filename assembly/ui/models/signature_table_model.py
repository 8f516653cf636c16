"""The signatures of a checked PDF as a table: one row per signature, in signing order.

Thin: the rows are plain strings made once from the verification report when it arrives;
``data()`` only reads them."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from assembly.domain.cooperative import TimeZone
from assembly.i18n import tr
from assembly.services.minutes_signing import SignatureRow, signature_rows

if TYPE_CHECKING:
    from assembly.services.signature_report import VerificationReport

_Index = QModelIndex | QPersistentModelIndex
_BAD = QColor("#b3261e")
_GOOD = QColor("#1b6e20")


def headers() -> tuple[str, ...]:
    """The column titles."""
    return (
        tr("Peran (kolom)"),
        tr("Penanda tangan"),
        tr("Jenis"),
        tr("Waktu"),
        tr("Keutuhan"),
        tr("Sesudahnya"),
        tr("Hasil"),
    )


class SignatureTableModel(QAbstractTableModel):
    """The rows of the last verification report shown."""

    def __init__(self) -> None:
        super().__init__()
        self._rows: list[SignatureRow] = []
        self._headers = headers()

    def set_report(self, report: VerificationReport | None, zone: TimeZone | None) -> None:
        """Show the signatures of ``report`` (none for None)."""
        self.beginResetModel()
        self._rows = signature_rows(report, zone) if report else []
        self.endResetModel()

    def row(self, number: int) -> SignatureRow:
        """Row ``number``'s strings."""
        return self._rows[number]

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """Signatures shown (a table has no children)."""
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        """The seven columns."""
        return 0 if parent.isValid() else len(self._headers)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        """A cell's text; red or green for the verdict columns; details as tooltip."""
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            values = (row.role, row.signer, row.label, row.time, row.intact, row.after, row.verdict)
            return values[column] if 0 <= column < len(values) else None
        if role == Qt.ItemDataRole.ForegroundRole and column in (4, 5, 6):
            bad = {4: not row.sound, 5: row.changed_after, 6: not row.ok}[column]
            return QBrush(_BAD if bad else _GOOD)
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.detail or None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        """Column titles; rows are numbered from 1."""
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self._headers[section] if 0 <= section < len(self._headers) else None
        return str(section + 1)
