"""The meetings list's model: the cooperative's meetings (few, so all rows are held), newest
first, with type, date, mode, state and how many are present."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QBrush, QColor

from assembly.domain.meeting import MeetingMode, MeetingSummary
from assembly.domain.quorum import thousands
from assembly.i18n import tr

ID_ROLE = Qt.ItemDataRole.UserRole
_FINISHED_BRUSH = QBrush(QColor("#6b6b6b"))

Index = QModelIndex | QPersistentModelIndex


def columns() -> list[str]:
    """The column titles."""
    return [tr("Jenis"), tr("Rapat"), tr("Tanggal"), tr("Cara"), tr("Status"), tr("Hadir")]


class MeetingListModel(QAbstractTableModel):
    """Rows of :class:`MeetingSummary`; finished meetings are shown greyed (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._columns = columns()
        self._rows: list[tuple[MeetingSummary, tuple[str, ...]]] = []

    def set_rows(self, rows: list[MeetingSummary]) -> None:
        """Show ``rows``."""
        self.beginResetModel()
        self._rows = [(r, _texts(r)) for r in rows]
        self.endResetModel()

    def summary(self, row: int) -> MeetingSummary | None:
        """The meeting on ``row``."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def row_of(self, meeting_id: int) -> int | None:
        """The row showing ``meeting_id``."""
        return next((i for i, (r, _t) in enumerate(self._rows) if r.id == meeting_id), None)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

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
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        summary, texts = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and summary.read_only:
            return _FINISHED_BRUSH
        if role == ID_ROLE:
            return summary.id
        return None


def _texts(summary: MeetingSummary) -> tuple[str, ...]:
    present = thousands(summary.present)
    if summary.entitled is not None:
        present = tr(
            "{present} (berhak {entitled})", present=present, entitled=thousands(summary.entitled)
        )
    return (
        summary.kind.short,
        summary.title,
        summary.date.strftime("%d/%m/%Y"),
        _mode(summary.mode),
        summary.state.label,
        present,
    )


def _mode(mode: MeetingMode) -> str:
    return {
        MeetingMode.OFFLINE: tr("Luring"),
        MeetingMode.ONLINE: tr("Daring"),
        MeetingMode.HYBRID: tr("Hibrida"),
    }[mode]
