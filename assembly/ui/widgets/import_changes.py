"""What an import would do to the register: the new members, and for members already
registered the fields that change, before and after."""

from __future__ import annotations

from PySide6.QtWidgets import QTreeWidget, QTreeWidgetItem, QWidget

from assembly.domain.quorum import thousands
from assembly.domain.register_columns import field_label
from assembly.domain.register_import import display_value
from assembly.i18n import tr
from assembly.services.import_preview import ImportPreview

SHOWN = 1000  # members listed per group; the rest are counted


class ImportChanges(QTreeWidget):
    """Two groups, "Anggota baru" and "Anggota berubah"; a changed member opens to one line
    per changed field: "Alamat: Jl. Lama → Jl. Baru"."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setColumnCount(3)
        self.setHeaderLabels([tr("Anggota / isian"), tr("Sebelum"), tr("Sesudah")])
        self.setUniformRowHeights(True)
        self.setAlternatingRowColors(True)

    def show_preview(self, preview: ImportPreview | None) -> None:
        """Fill the tree from ``preview`` (empty for None)."""
        self.clear()
        if preview is None:
            return
        new = QTreeWidgetItem([tr("Anggota baru ({n})", n=thousands(len(preview.new))), "", ""])
        for member in preview.new[:SHOWN]:
            QTreeWidgetItem(new, [f"{member.number} — {member.name}", "", tr("baru")])
        self._rest(new, len(preview.new))
        changed = QTreeWidgetItem(
            [tr("Anggota berubah ({n})", n=thousands(len(preview.changed))), "", ""]
        )
        for change in preview.changed[:SHOWN]:
            item = QTreeWidgetItem(
                changed,
                [
                    tr("{number} — {name} (baris {row})", number=change.before.number,
                       name=change.after.name, row=change.row),
                    "",
                    "",
                ],
            )  # fmt: skip
            for name, before, after in change.diffs():
                QTreeWidgetItem(
                    item,
                    [field_label(name), display_value(name, before), display_value(name, after)],
                )
            item.setExpanded(True)
        self._rest(changed, len(preview.changed))
        same = QTreeWidgetItem(
            [tr("Tidak berubah ({n})", n=thousands(preview.unchanged_count)), "", ""]
        )
        self.addTopLevelItems([changed, new, same])
        # Items open only once they are in the tree.
        changed.setExpanded(True)
        for index in range(changed.childCount()):
            child = changed.child(index)
            if child is not None:
                child.setExpanded(True)
        new.setExpanded(len(preview.new) <= 50)
        for column in range(3):
            self.resizeColumnToContents(column)
            self.setColumnWidth(column, min(self.columnWidth(column) + 16, 420))

    @staticmethod
    def _rest(group: QTreeWidgetItem, total: int) -> None:
        if total > SHOWN:
            QTreeWidgetItem(group, [tr("… dan {n} lainnya", n=thousands(total - SHOWN)), "", ""])
