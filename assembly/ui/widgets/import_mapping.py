"""Which column of the file fills which register field: one combo per field, listing the
file's column titles, set to what was detected and changeable by hand."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from assembly.domain.register_columns import FIELDS, REQUIRED, field_label
from assembly.i18n import tr


class ColumnMapping(QWidget):
    """A form of combos, one per register field. ``changed`` carries the whole mapping
    (field -> column title, "" for a field not imported) after the user changes one."""

    changed = Signal(dict)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.combos: dict[str, QComboBox] = {}
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for name in FIELDS:
            combo = QComboBox()
            combo.setObjectName(f"map_{name}")
            combo.setAccessibleName(field_label(name))
            combo.activated.connect(self._user_changed)
            label = QLabel(field_label(name) + (" *" if name in REQUIRED else ""))
            label.setBuddy(combo)
            form.addRow(label, combo)
            self.combos[name] = combo
        self.setEnabled(False)

    def set_columns(self, columns: Sequence[str], mapping: Mapping[str, str]) -> None:
        """List ``columns`` in every combo and select what ``mapping`` says."""
        for name, combo in self.combos.items():
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(tr("(tidak diimpor)"), "")
            for title in columns:
                combo.addItem(title, title)
            combo.setCurrentIndex(max(0, combo.findData(mapping.get(name, ""))))
            combo.blockSignals(False)
        self.setEnabled(bool(columns))

    def mapping(self) -> dict[str, str]:
        """Field -> column title ("" for a field not imported)."""
        return {name: str(combo.currentData() or "") for name, combo in self.combos.items()}

    def _user_changed(self, _index: int = 0) -> None:
        self.changed.emit(self.mapping())
