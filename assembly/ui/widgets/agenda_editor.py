"""The meeting form's agenda: the items as an editable list, the chosen item's title and kind
under it, and buttons to add, remove and move items (Alt+Up / Alt+Down from the list or the
title; Enter adds the next line and never saves the form)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QPushButton,
    QVBoxLayout,
)

from assembly.domain.ad_profile import ItemKind
from assembly.domain.meeting import AgendaItem
from assembly.i18n import tr


def _line(position: int, item: AgendaItem) -> str:
    kind = "" if item.kind is ItemKind.ORDINARY else f"  [{tr(item.kind.key)}]"
    return f"{position}. {item.title}{kind}"


class AgendaEditor(QGroupBox):
    """The agenda being edited (``agenda``, in order); ``edited`` when the secretary changed
    it. ``read_only``: a finished meeting's agenda is only looked at."""

    edited = Signal()

    def __init__(self, agenda: Sequence[AgendaItem], *, read_only: bool) -> None:
        super().__init__(tr("Acara"))
        self.agenda: list[AgendaItem] = list(agenda)
        self.read_only = read_only
        self.items = QListWidget()
        self.items.setObjectName("agenda_list")
        # Long titles (the RAPBK item) wrap in the list instead of running off its side.
        self.items.setWordWrap(True)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.item_title = QLineEdit()
        self.item_title.setObjectName("agenda_title")
        self.item_kind = QComboBox()
        for item_kind in ItemKind:
            self.item_kind.addItem(tr(item_kind.key), item_kind.value)
        self.add_button = QPushButton(tr("Tambah &acara"))
        self.remove_button = QPushButton(tr("&Hapus acara"))
        self.up_button = QPushButton(tr("Naik (Alt+↑)"))
        self.down_button = QPushButton(tr("Turun (Alt+↓)"))

        layout = QVBoxLayout(self)
        layout.addWidget(self.items, 1)
        editor = QHBoxLayout()
        editor.addWidget(self.item_title, 1)
        editor.addWidget(self.item_kind)
        layout.addLayout(editor)
        moves = QHBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            moves.addWidget(button)
        layout.addLayout(moves)

        self.items.currentRowChanged.connect(self._item_chosen)
        self.item_title.textEdited.connect(self._item_edited)
        self.item_kind.currentIndexChanged.connect(lambda _i: self._item_edited())
        self.add_button.clicked.connect(self.add_item)
        self.remove_button.clicked.connect(self.remove_item)
        self.up_button.clicked.connect(lambda: self.move_item(-1))
        self.down_button.clicked.connect(lambda: self.move_item(1))
        self.items.installEventFilter(self)
        self.item_title.installEventFilter(self)

    def show_agenda(self, current: int) -> None:
        """List the agenda with row ``current`` chosen (kept within the list)."""
        self.items.blockSignals(True)
        self.items.clear()
        for position, item in enumerate(self.agenda, start=1):
            self.items.addItem(_line(position, item))
        self.items.blockSignals(False)
        if self.agenda:
            self.items.setCurrentRow(max(0, min(current, len(self.agenda) - 1)))
        self._item_chosen(self.items.currentRow())

    def replace_agenda(self, agenda: Sequence[AgendaItem]) -> None:
        """Put ``agenda`` in place of the one edited (the titles retitled for a new year),
        keeping the chosen row; the list is redrawn only when something changed."""
        if tuple(agenda) != tuple(self.agenda):
            self.agenda = list(agenda)
            self.show_agenda(self.items.currentRow())

    def _item_chosen(self, row: int) -> None:
        has = 0 <= row < len(self.agenda)
        self.item_title.blockSignals(True)
        self.item_kind.blockSignals(True)
        self.item_title.setText(self.agenda[row].title if has else "")
        kind = self.agenda[row].kind if has else ItemKind.ORDINARY
        self.item_kind.setCurrentIndex(self.item_kind.findData(kind.value))
        self.item_title.blockSignals(False)
        self.item_kind.blockSignals(False)
        editable = has and not self.read_only
        for widget in (self.item_title, self.item_kind, self.remove_button):
            widget.setEnabled(editable)
        self.up_button.setEnabled(editable and row > 0)
        self.down_button.setEnabled(editable and row < len(self.agenda) - 1)

    def _item_edited(self, _text: str = "") -> None:
        row = self.items.currentRow()
        if 0 <= row < len(self.agenda):
            self.agenda[row] = replace(
                self.agenda[row],
                title=self.item_title.text(),
                kind=ItemKind(self.item_kind.currentData()),
            )
            self.items.item(row).setText(_line(row + 1, self.agenda[row]))
            self.edited.emit()

    def add_item(self) -> None:
        """Add an item after the chosen one and put the cursor in its title."""
        row = self.items.currentRow()
        at = row + 1 if row >= 0 else len(self.agenda)
        self.agenda.insert(at, AgendaItem(tr("Acara baru")))
        self.show_agenda(at)
        self.item_title.setFocus()
        self.item_title.selectAll()

    def remove_item(self) -> None:
        """Remove the chosen item."""
        row = self.items.currentRow()
        if 0 <= row < len(self.agenda):
            del self.agenda[row]
            self.show_agenda(row)
            self.edited.emit()

    def move_item(self, step: int) -> None:
        """Move the chosen item up (-1) or down (1)."""
        row = self.items.currentRow()
        target = row + step
        if self.read_only or not (0 <= row < len(self.agenda)):
            return
        if not 0 <= target < len(self.agenda):
            return
        self.agenda[row], self.agenda[target] = self.agenda[target], self.agenda[row]
        self.show_agenda(target)
        self.items.setFocus()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Alt+Up / Alt+Down move the chosen agenda item, from the list or its title field.
        if event.type() == QEvent.Type.KeyPress and watched in (self.items, self.item_title):
            assert isinstance(event, QKeyEvent)
            alt = event.modifiers() & Qt.KeyboardModifier.AltModifier
            enter = event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if enter and not self.read_only:
                # Enter in the agenda editor adds the next line; it never saves and closes.
                self.add_item()
                return True
            if alt and event.key() in (Qt.Key.Key_Up, Qt.Key.Key_Down):
                self.move_item(-1 if event.key() == Qt.Key.Key_Up else 1)
                return True
        return super().eventFilter(watched, event)
