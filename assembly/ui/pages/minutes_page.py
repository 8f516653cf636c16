"""Notulen: the secretary's notes per agenda item, with the meeting's events beside them.

The agenda is on the left (the item the chair has taken up is marked), the notes of the chosen
item in the middle, and on the right what the app recorded during that item, in order and with
its time. Nothing typed is lost: the notes are saved when the secretary moves to another item
(Ctrl+Up/Down or a click), on Ctrl+S, two seconds after typing stops and when the page is
left. "Tinjau berita acara" (F7) shows the whole berita acara as it will print.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QFont, QHideEvent, QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.domain.local_time import in_zone
from assembly.domain.meeting import AgendaItem, MeetingState
from assembly.i18n import tr, translator
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.operation import Operations
from assembly.ui.widgets.meeting_selector import meeting_selector

SAVE_DELAY_MS = 2000  # typing stopped this long: save
_WRITABLE = (MeetingState.OPENED, MeetingState.SUSPENDED, MeetingState.CLOSED)


class MinutesPage(QWidget):
    """The minutes editor of one meeting (by default the latest held)."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self._items: list[AgendaItem] = []
        self._item_id: int | None = None  # the item whose notes the editor holds
        self._editing_meeting: int | None = None  # and its meeting (the picker may move first)
        self._dirty = False
        self._state: MeetingState | None = None
        # The events list reads the whole attendance history (a second at 300,000 members):
        # a hidden page reads it when it is shown, never at start or on each check-in.
        self._stale = False

        self.meeting = meeting_selector("minutes_meeting")
        self.state_label = QLabel()
        self.review_button = QPushButton(tr("Tinjau berita acara (F7)"))
        self.review_button.setObjectName("minutes_review")
        self.agenda = QListWidget()
        self.agenda.setObjectName("minutes_agenda")
        self.agenda.setWordWrap(True)
        self.item_title = QLabel()
        self.item_title.setWordWrap(True)
        bold = QFont(self.item_title.font())
        bold.setBold(True)
        self.item_title.setFont(bold)
        self.editor = QPlainTextEdit()
        self.editor.setObjectName("minutes_notes")
        self.editor.setPlaceholderText(
            tr("Tulis pokok-pokok pembahasan acara ini: siapa menyampaikan apa, tanggapan, usul.")
        )
        self.saved_label = QLabel()
        self.saved_label.setObjectName("minutes_saved")
        self.events = QListWidget()
        self.events.setObjectName("minutes_events")
        self.events.setWordWrap(True)
        self.events.setSpacing(4)
        self.events.setAlternatingRowColors(True)
        self.events.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.events.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Rapat:")))
        top.addWidget(self.meeting, 1)
        top.addWidget(self.state_label)
        top.addWidget(self.review_button)
        middle = QWidget()
        notes = QVBoxLayout(middle)
        notes.setContentsMargins(0, 0, 0, 0)
        notes.addWidget(self.item_title)
        notes.addWidget(self.editor, 1)
        notes.addWidget(self.saved_label)
        right = QWidget()
        side = QVBoxLayout(right)
        side.setContentsMargins(0, 0, 0, 0)
        side.addWidget(QLabel(tr("Peristiwa selama acara ini (dicatat otomatis):")))
        side.addWidget(self.events, 1)
        splitter = QSplitter()
        splitter.addWidget(self.agenda)
        splitter.addWidget(middle)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 4)
        splitter.setStretchFactor(2, 3)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        scope = Qt.ShortcutContext.WidgetWithChildrenShortcut
        for keys, slot in (
            (QKeySequence.StandardKey.Save, self.save),
            (QKeySequence("Ctrl+Up"), lambda: self.step(-1)),
            (QKeySequence("Ctrl+Down"), lambda: self.step(1)),
            (QKeySequence("F7"), self.review),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.setContext(scope)
            shortcut.activated.connect(slot)
        self.editor.textChanged.connect(self._typed)
        self._timer.timeout.connect(self.save)
        self.agenda.currentRowChanged.connect(lambda _row: self._item_chosen())
        self.meeting.currentIndexChanged.connect(lambda _i: self._meeting_chosen())
        self.review_button.clicked.connect(self.review)
        operations.changed.connect(self._changed)
        self.load_meetings()

    # --- which meeting ------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        """The meeting whose minutes the page shows."""
        value = self.meeting.currentData()
        return int(value) if value is not None else None

    @property
    def item_id(self) -> int | None:
        """The agenda item whose notes the editor holds."""
        return self._item_id

    def load_meetings(self, keep: int | None = None) -> None:
        """List the meetings that have been held or are running; keep ``keep`` (or the
        current one), else the latest."""
        keep = keep if keep is not None else self.meeting_id
        held = [m for m in self.services.meetings.list() if m.state is not MeetingState.DRAFT]
        if keep is None:
            keep = self.services.meetings.latest_id()
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for summary in held:
            self.meeting.addItem(
                summary.choice(translator()),
                summary.id,
            )
        if not held:
            self.meeting.addItem(tr("Belum ada rapat yang diselenggarakan"), None)
        found = self.meeting.findData(keep) if keep is not None else -1
        self.meeting.setCurrentIndex(max(found, 0))
        self.meeting.blockSignals(False)
        self._meeting_chosen()

    def select_meeting(self, meeting_id: int) -> None:
        """Show the minutes of ``meeting_id``."""
        self.save()
        self.load_meetings(meeting_id)

    def _meeting_chosen(self) -> None:
        self.save()  # the notes of the meeting shown before
        self._item_id = None
        self._reload(choose_current=True)

    def _reload(self, choose_current: bool = False) -> None:
        """Read the meeting's agenda and state again; the editor keeps its item."""
        meeting_id = self.meeting_id
        self._items = []
        self._state = None
        if meeting_id is not None:
            meeting = self.services.meetings.get(meeting_id)
            self._items = sorted(meeting.agenda, key=lambda i: i.position)
            self._state = meeting.state
        self.state_label.setText(tr(self._state.key) if self._state else "")
        self.review_button.setEnabled(meeting_id is not None)
        running = self.services.agenda.current(meeting_id) if meeting_id is not None else None
        keep = self._item_id
        if choose_current or keep is None:
            # The item on now; after the close, the one taken up last (where the notes end).
            taken = [i for i in self._items if i.started_at is not None]
            latest = running or max(taken, key=lambda i: i.started_at or 0, default=None)
            keep = latest.id if latest else (self._items[0].id if self._items else None)
        self.agenda.blockSignals(True)
        self.agenda.clear()
        for item in self._items:
            mark = running is not None and item.id == running.id
            text = f"{item.position}. {item.title}"
            row = QListWidgetItem(tr("▶ {title} (sedang dibahas)", title=text) if mark else text)
            row.setData(Qt.ItemDataRole.UserRole, item.id)
            if mark:
                font = row.font()
                font.setBold(True)
                row.setFont(font)
            self.agenda.addItem(row)
        rows = [i.id for i in self._items]
        self.agenda.setCurrentRow(rows.index(keep) if keep in rows else -1)
        self.agenda.blockSignals(False)
        self._show_item(keep if keep in rows else None)

    # --- the notes ----------------------------------------------------------------------------

    def _item_chosen(self) -> None:
        row = self.agenda.currentItem()
        chosen = row.data(Qt.ItemDataRole.UserRole) if row is not None else None
        if chosen == self._item_id:
            return
        self.save()
        self._show_item(chosen)

    def _show_item(self, item_id: int | None) -> None:
        item = next((i for i in self._items if i.id == item_id), None)
        if item_id != self._item_id or self._editing_meeting != self.meeting_id:
            # Only a change of item loads the editor: a refresh never moves the cursor.
            self._item_id = item.id if item else None
            self._editing_meeting = self.meeting_id
            self.editor.blockSignals(True)
            self.editor.setPlainText(item.notes if item else "")
            self.editor.blockSignals(False)
            self._dirty = False
        self.item_title.setText(f"{item.position}. {item.title}" if item else "")
        writable = item is not None and self._state in _WRITABLE
        self.editor.setReadOnly(not writable)
        if self._state is MeetingState.LOCKED:
            self.saved_label.setText(
                tr("Berita acara sudah ditandatangani: notulen tidak dapat diubah lagi.")
            )
        elif item is not None and not writable:
            self.saved_label.setText(tr("Notulen dapat ditulis setelah rapat dibuka."))
        elif not self._dirty:
            self.saved_label.setText("")
        self._show_events()

    def _show_events(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self.events.clear()
        if self.meeting_id is None or self._item_id is None:
            return
        try:
            lines = self.services.notes.events(self.meeting_id).of_item(self._item_id)
        except DomainError as exc:
            self.events.addItem(exc.message)
            return
        for line in lines:
            # Most sentences already say when ("Pukul 10.30 WIB dibuka …"): no time twice.
            said = line.time.split(" ", 1)[-1] in line.text
            self.events.addItem(line.text if said or not line.time else f"{line.time}: {line.text}")
        if not lines:
            self.events.addItem(tr("Belum ada peristiwa yang tercatat pada acara ini."))

    def _typed(self) -> None:
        self._dirty = True
        self.saved_label.setText(tr("Belum tersimpan…"))
        self._timer.start()

    def save(self) -> bool:
        """Save the notes in the editor if they changed; False when the save was refused
        (the text stays in the editor)."""
        self._timer.stop()
        meeting_id, item_id = self._editing_meeting, self._item_id
        if not self._dirty or meeting_id is None or item_id is None:
            return True
        text = self.editor.toPlainText()
        done = self.operations.run(
            self, lambda: self.services.notes.save_notes(meeting_id, item_id, text)
        )
        if done is None:
            self.saved_label.setText(tr("Tidak tersimpan: catatan masih di layar."))
            return False
        self._dirty = False
        coop = self.services.cooperative.cooperative()
        now = in_zone(self.services.ctx.now(), coop.time_zone if coop else TimeZone.WIB)
        self.saved_label.setText(tr("Tersimpan pukul {time}", time=f"{now:%H.%M %Z}"))
        return True

    def step(self, delta: int) -> None:
        """Move to the item ``delta`` rows away (Ctrl+Up/Down), saving first."""
        row = self.agenda.currentRow() + delta
        if 0 <= row < self.agenda.count():
            self.agenda.setCurrentRow(row)
        self.editor.setFocus()

    def review(self) -> None:
        """Show the whole berita acara as it will print (F7)."""
        if self.meeting_id is None:
            return
        self.save()
        from assembly.ui.dialogs.minutes_review import MinutesReviewDialog

        dialog = MinutesReviewDialog(self.services, self.operations, self.meeting_id, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        dialog.rebuild()

    # --- keeping up ---------------------------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if changes.areas & {Area.MEETINGS, Area.DECISIONS, Area.ATTENDANCE, Area.MINUTES}:
            if not self.isVisible() and not changes.touches(Area.MEETINGS):
                self._stale = True  # read again when shown
                return
            if Area.MEETINGS in changes.areas:
                self.load_meetings(self.meeting_id)
            else:
                self._reload()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self._reload()

    def hideEvent(self, event: QHideEvent) -> None:
        """Leaving the page saves the notes."""
        self.save()
        super().hideEvent(event)
