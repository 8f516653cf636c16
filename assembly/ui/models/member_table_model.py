"""The register table's model: a window over the search results, fetched a page at a time.

``rowCount`` is the full count of matches, so the scroll bar is true from the start and the
end of a 300,000-row register is one page away. ``data()`` never queries the database: a row
not yet fetched shows "…" and its page is fetched on the next turn of the event loop, then
announced with ``dataChanged``. Only a bounded number of pages is kept. A search text
counts only up to a thousand matches (``RegisterSearchService.counted``); past them the
table reads on as it is scrolled (``fetchMore`` of :class:`PagedTableModel`).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import QModelIndex, QObject

from assembly.domain.members import Status
from assembly.domain.quorum import thousands
from assembly.domain.register_query import RegisterQuery, SortColumn
from assembly.i18n import tr, trn
from assembly.services.register_search import MemberRow, RegisterSearchService
from assembly.ui.models.paged_table_model import ID_ROLE, PAGE, PENDING, PagedTableModel
from assembly.ui.widgets.date_field import format_date

__all__ = ["ID_ROLE", "PAGE", "PENDING", "MemberTableModel", "columns", "count_text"]


def columns() -> list[tuple[str, SortColumn | None]]:
    """Each column's title and the sort it stands for (None: not sortable)."""
    return [
        (tr("Nomor"), SortColumn.NUMBER),
        (tr("Nama"), SortColumn.NAME),
        (tr("NIK"), None),
        (tr("Kategori"), None),
        (tr("Status"), SortColumn.STATUS),
        (tr("Tanggal masuk"), SortColumn.JOINED),
        (tr("Tunggakan"), None),
    ]


class MemberTableModel(PagedTableModel):
    """The members matching a :class:`RegisterQuery`, in its order."""

    def __init__(self, search: RegisterSearchService, parent: QObject | None = None) -> None:
        super().__init__(columns(), RegisterQuery(), parent, tooltip_column=1)
        self._search = search

    def read(self, offset: int, limit: int) -> tuple[int | None, Sequence[MemberRow]]:
        if offset == 0:
            found = self._search.search(self._query, limit)
            self._more = found.counted.more
            return found.counted.members, found.rows
        return None, self._search.page(self._query, offset, limit)

    def texts(self, row: Any) -> tuple[str, ...]:
        return _texts(row)

    def row_id(self, row: Any) -> int:
        return int(row.id)

    def tooltip(self, row: Any) -> str:
        return str(row.name)

    def dimmed(self, row: Any) -> bool:
        return bool(row.status is not Status.ACTIVE)

    def refresh(self) -> None:
        """Read the query again after the register changed, keeping the scroll position:
        rows are added or taken at the end and every row is fetched anew. Past a count
        that stopped early, the rows already read on stay (whole pages)."""
        total, more = self._search.counted(self._query)
        if more:
            total = max(total, self._total // PAGE * PAGE)
        self._more = more
        if total > self._total:
            self.beginInsertRows(QModelIndex(), self._total, total - 1)
            self._total = total
            self.endInsertRows()
        elif total < self._total:
            self.beginRemoveRows(QModelIndex(), total, self._total - 1)
            self._total = total
            self.endRemoveRows()
        self._pages.clear()
        self._wanted.clear()
        if self._total:
            last = self.index(self._total - 1, len(self._columns) - 1)
            self.dataChanged.emit(self.index(0, 0), last)
        self.counted.emit(self._total)

    def member_id(self, row: int) -> int | None:
        """The id of the member on ``row``, when that row has been fetched."""
        found = self.row_item(row)
        return found.id if found else None

    def row_of(self, member_id: int) -> int | None:
        """The row showing ``member_id`` among the rows fetched, if any."""
        for number, rows in self._pages.items():
            for i, (row, _texts) in enumerate(rows):
                if row.id == member_id:
                    return number * PAGE + i
        return None

    def column_of(self, sort: SortColumn) -> int:
        """The table column of ``sort``."""
        return next(i for i, (_t, s) in enumerate(self._columns) if s is sort)


def _texts(row: MemberRow) -> tuple[str, ...]:
    return (
        row.number,
        row.name,
        row.nik,
        row.category_label,
        row.status_label,
        format_date(row.joined_on),
        tr("Ada") if row.arrears else "",
    )


def count_text(shown: int, total: int, *, more: bool = False) -> str:
    """The count line: "1.250 anggota", or "12 dari 1.250" when a search narrows it, or,
    when the search's count stopped early, "lebih dari 1.000 cocok" with the way on."""
    if more:
        return tr(
            "lebih dari {shown} cocok — ketik lebih banyak untuk mempersempit",
            shown=thousands(shown),
        )
    if shown == total:
        return trn("{n} anggota", "{n} anggota", total, n=thousands(total))
    return tr("{shown} dari {total}", shown=thousands(shown), total=thousands(total))
