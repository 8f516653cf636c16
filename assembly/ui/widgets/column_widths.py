"""Column widths that never cut a column's title: each column gets the width asked for, or
the title's own width with the sort arrow beside it when that is wider (the Indonesian titles
are long: "Tanggal masuk", "Pukul keluar")."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableView

SORT_ARROW_ROOM = 28  # the sort indicator and the section's padding, in pixels


def set_column_widths(table: QTableView, widths: Sequence[int]) -> None:
    """Size ``table``'s columns to ``widths``, widened where a title would be cut."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    model = table.model()
    for column, width in enumerate(widths):
        title = str(model.headerData(column, Qt.Orientation.Horizontal) or "")
        header.resizeSection(column, max(width, metrics.horizontalAdvance(title) + SORT_ARROW_ROOM))
