"""The left side of the chair's console: the agenda with the item under discussion marked
(Enter, a double click or the button takes the selected item up), and the decisions recorded
so far."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QFontMetrics, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.meeting import AgendaItem
from assembly.i18n import tr
from assembly.ui.models.agenda_model import AgendaModel
from assembly.ui.models.decision_list_model import DecisionListModel


def _method_words() -> list[str]:
    """The words of the decisions' method column, its title among them."""
    return [tr("Pemungutan suara"), tr("Tidak mufakat"), tr("Mufakat"), tr("Cara")]


def _widest_word(table: QTableView, texts: Iterable[str], bold: bool = False) -> int:
    """The width a column of ``table`` needs for the longest single word of ``texts``."""
    font = QFont(table.font())
    font.setBold(bold)
    metrics = QFontMetrics(font)
    words = [w for text in texts for w in str(text).split()]
    return max((metrics.horizontalAdvance(w) for w in words), default=0) + 16


def _table(name: str) -> QTableView:
    table = QTableView()
    table.setObjectName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.verticalHeader().hide()
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.setWordWrap(True)
    return table


class AgendaPanel(QWidget):
    """The agenda and the decisions; ``take_up`` asks for the chosen item to be taken up."""

    take_up = Signal(int)

    def __init__(self) -> None:
        super().__init__()
        self.model = AgendaModel(self)
        self.table = _table("console_agenda")
        self.table.setModel(self.model)
        # The title takes the room: the number fits its text, the type and state columns are
        # capped (their words wrap), and the table never scrolls sideways.
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.table.activated.connect(self._activated)
        self.take_up_button = QPushButton(tr("Ba&has acara ini (Enter)"))
        self.take_up_button.setObjectName("console_take_up")
        self.take_up_button.clicked.connect(lambda: self._activated(self.table.currentIndex()))
        self.decisions = DecisionListModel(self)
        self.decision_table = _table("console_decisions")
        self.decision_table.setModel(self.decisions)
        self.decision_table.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        # The decisions name their item by its number (its title is in the agenda above):
        # the number and the method fit their text, what was decided and the result share
        # the rest, wrapped, never cut and never scrolled sideways.
        dheader = self.decision_table.horizontalHeader()
        dheader.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # see fit_decisions
        dheader.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        # The method as wide as its longest word ("Pemungutan suara" wraps), so what was
        # decided keeps the room for its long words ("pertanggungjawaban").
        dheader.setSectionResizeMode(1, QHeaderView.ResizeMode.Fixed)
        dheader.resizeSection(1, _widest_word(self.decision_table, _method_words()))
        self.decision_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.decisions.modelReset.connect(self.fit_decisions)
        # A scroll bar appearing narrows the room: share it again.
        self.decision_table.verticalScrollBar().rangeChanged.connect(
            lambda _lo, _hi: QTimer.singleShot(0, self.fit_decisions)
        )
        agenda_label = QLabel(tr("&Acara rapat"))
        agenda_label.setBuddy(self.table)
        agenda_label.setStyleSheet("font-weight: bold;")
        decisions_label = QLabel(tr("Keputusan yang sudah dicatat"))
        decisions_label.setStyleSheet("font-weight: bold;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(agenda_label)
        layout.addWidget(self.table, 3)
        layout.addWidget(self.take_up_button)
        self.action_row = QHBoxLayout()  # the page puts the consensus buttons here
        layout.addLayout(self.action_row)
        layout.addWidget(decisions_label)
        layout.addWidget(self.decision_table, 2)

    def set_agenda(
        self,
        items: tuple[AgendaItem, ...],
        current: int | None,
        zone: dt.tzinfo = dt.UTC,
        decided: frozenset[int] = frozenset(),
    ) -> None:
        """Show the agenda with ``current`` marked; the selection follows the current item
        when it changes (so the chair can take up the next one with Down, Enter), and moves
        to the next item not yet decided once the current one is decided (Enter takes it up)."""
        chosen = self.chosen()
        if not self.model.set_items(items, current, zone, decided):
            return
        self.fit_columns()
        keep = chosen.id if chosen is not None else current
        offered = self.model.next_open(current) if current in decided else None
        if offered is not None:
            current = offered.id
        row = self.model.row_of(current if current is not None else keep)
        if row is None:
            row = self.model.row_of(keep)
        if row is not None:
            self.table.selectRow(row)

    def fit_columns(self) -> None:
        """Cap the type and state columns at a fifth of the table each, so the title column
        keeps at least half of it at any width; the state never narrower than its longest
        word in bold (the current row's "diputuskan" is never cut)."""
        cap = max(80, self.table.viewport().width() // 5)
        header = self.table.horizontalHeader()
        states = [self.model.index(r, 3).data() or "" for r in range(self.model.rowCount())]
        for column in (2, 3):
            wanted = max(self.table.sizeHintForColumn(column), header.sectionSizeHint(column))
            floor = _widest_word(self.table, states, bold=True) if column == 3 else 0
            header.resizeSection(column, max(min(wanted, cap), floor))
        self.table.resizeRowsToContents()
        self.fit_decisions()

    def fit_decisions(self) -> None:
        """Share the decisions' room between what was decided and the result: half each,
        what was decided widened to its longest word ("pertanggungjawaban") when the result
        keeps a third."""
        table = self.decision_table
        header = table.horizontalHeader()
        room = table.viewport().width() - header.sectionSize(0) - header.sectionSize(1)
        texts = [self.decisions.index(r, 2).data() or "" for r in range(self.decisions.rowCount())]
        decided = min(max(room // 2, _widest_word(table, texts)), room - room // 3)
        header.resizeSection(2, max(decided, 40))
        header.resizeSection(3, max(room - decided, 40))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_columns()

    def chosen(self) -> AgendaItem | None:
        """The agenda item selected."""
        return self.model.item(self.table.currentIndex().row())

    def select_item(self, item_id: int) -> None:
        """Select ``item_id`` in the agenda."""
        row = self.model.row_of(item_id)
        if row is not None:
            self.table.selectRow(row)

    def _activated(self, index: QModelIndex) -> None:
        item = self.model.item(index.row()) if index.isValid() else None
        if item is not None and item.id is not None:
            self.take_up.emit(item.id)
