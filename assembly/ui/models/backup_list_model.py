"""The backup list's model: the backups in the backup folder (few: the newest N), newest
first, with when, why, whose and how big. Rows are plain :class:`BackupInfo` values read by
the service; ``data()`` only formats them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from assembly.domain.cooperative import TimeZone
from assembly.domain.local_time import shown
from assembly.domain.quorum import thousands
from assembly.i18n import current_language, tr
from assembly.services.backups import BackupInfo, reason_label
from assembly.ui.models.rows_model import Index, RowsModel

PATH_ROLE = Qt.ItemDataRole.UserRole
_PROBLEM_BRUSH = QBrush(QColor("#a3231f"))


def columns() -> list[str]:
    """The column titles."""
    return [tr("Waktu cadangan"), tr("Alasan"), tr("Koperasi"), tr("Anggota"), tr("Ukuran")]


def size_text(size: int) -> str:
    """``size`` bytes as "12,3 MB" (a decimal comma in Indonesian)."""
    text = f"{size / 1_000_000:.1f}"
    return (text.replace(".", ",") if current_language() == "id" else text) + " MB"


class BackupListModel(RowsModel[tuple[BackupInfo, tuple[str, ...]]]):
    """Rows of :class:`BackupInfo`; a backup that cannot be read is shown in red."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(columns(), parent)

    def set_rows(self, rows: list[BackupInfo], zone: TimeZone = TimeZone.WIB) -> None:
        """Show ``rows``, their times in the cooperative's ``zone``."""
        self.beginResetModel()
        self._rows = [(r, _texts(r, zone)) for r in rows]
        self.endResetModel()

    def row_of(self, path: Path) -> int | None:
        """The row showing the backup at ``path``."""
        return next((i for i, (r, _t) in enumerate(self._rows) if r.path == path), None)

    def info(self, row: int) -> BackupInfo | None:
        """The backup on ``row``."""
        return self._rows[row][0] if 0 <= row < len(self._rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        info, texts = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return texts[index.column()]
        if role == Qt.ItemDataRole.ForegroundRole and info.problem:
            return _PROBLEM_BRUSH
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (3, 4):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == PATH_ROLE:
            return str(info.path)
        return None


def _texts(info: BackupInfo, zone: TimeZone) -> tuple[str, ...]:
    return (
        shown(info.taken_at, zone, seconds=True),
        reason_label(info.reason),
        tr("tidak dapat dibaca") if info.problem else info.cooperative,
        "" if info.problem else thousands(info.members),
        size_text(info.size),
    )
