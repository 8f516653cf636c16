"""The meetings list's model: the cooperative's meetings (few, so all rows are held), newest
first, with type, date, mode, state and how many are present."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from assembly.domain.meeting import MeetingMode, MeetingSummary
from assembly.domain.quorum import thousands
from assembly.i18n import tr, translator
from assembly.ui.models.rows_model import Index, RowsModel

ID_ROLE = Qt.ItemDataRole.UserRole
_FINISHED_BRUSH = QBrush(QColor("#6b6b6b"))


def columns() -> list[str]:
    """The column titles."""
    return [tr("Jenis"), tr("Rapat"), tr("Tanggal"), tr("Cara"), tr("Status"), tr("Hadir")]


class MeetingListModel(RowsModel[tuple[MeetingSummary, tuple[str, ...]]]):
    """Rows of :class:`MeetingSummary`; finished meetings are shown greyed (read-only)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(columns(), parent)

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
        summary.title_in(translator()),
        _when(summary),
        _mode(summary.mode),
        tr(summary.state.key),
        present,
    )


def _when(summary: MeetingSummary) -> str:
    """The date with the start time and zone: two meetings of one day are told apart."""
    day = summary.date.strftime("%d/%m/%Y")
    if summary.start is None:
        return day
    return f"{day} {summary.start:%H.%M} {summary.time_zone.value}"


def _mode(mode: MeetingMode) -> str:
    return {
        MeetingMode.OFFLINE: tr("Luring"),
        MeetingMode.ONLINE: tr("Daring"),
        MeetingMode.HYBRID: tr("Hibrida"),
    }[mode]
