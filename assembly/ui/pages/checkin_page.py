"""The Meja Pendaftaran Hadir: built for a queue at the door. The cursor stays in one field; a
member number typed or scanned (a scanner types digits and Enter) checks the member in at
once; three letters or more search by name. The result is shown large, the live quorum beside
it, and the attendance list below."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.attendance import Channel
from assembly.domain.meeting import MeetingMode
from assembly.domain.quorum import thousands
from assembly.i18n import tr, translator
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.services.desk_results import CheckInResult, DeskUpdate
from assembly.ui.dialogs.proxy_dialog import ProxyDialog
from assembly.ui.models.attendance_table_model import AttendanceTableModel
from assembly.ui.operation import Operations
from assembly.ui.widgets.column_widths import set_column_widths
from assembly.ui.widgets.desk_result import GREY, DeskResult
from assembly.ui.widgets.meeting_selector import meeting_selector
from assembly.ui.widgets.quorum_panel import QuorumPanel

FIND_DELAY_MS = 150
SEARCH_DELAY_MS = 150
LIST_DELAY_MS = 50


class CheckInPage(QWidget):
    """The check-in desk for the meetings that are open for check-in."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self.current_member: int | None = None  # whom Keluar/Kembali/Batalkan act on
        self._proxies = False

        self.meeting = meeting_selector("desk_meeting")
        self.meeting.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.channel = QComboBox()
        self.channel.setObjectName("desk_channel")
        self.channel.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.entry = QLineEdit()
        self.entry.setObjectName("desk_entry")
        # Short enough to be read whole at 1200 px in the large type; the rest is in the
        # tooltip and in the result area's "Siap" line.
        self.entry.setPlaceholderText(tr("Pindai kartu atau ketik nomor"))
        self.entry.setToolTip(
            tr("Pindai kartu atau ketik nomor anggota lalu Enter; ketik nama untuk mencari")
        )
        self.entry.setStyleSheet("font-size: 20pt; padding: 6px;")
        self.entry.installEventFilter(self)
        self.matches = QListWidget()
        self.matches.setObjectName("desk_matches")
        self.matches.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.matches.setStyleSheet("font-size: 12pt;")
        # A long line is cut with "…" (whole in its tooltip), never scrolled sideways.
        self.matches.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.matches.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.matches.itemClicked.connect(lambda item: self._pick(item))

        self.result_box = DeskResult()
        self.headline = self.result_box.headline
        self.name_label = self.result_box.name_label
        self.detail_label = self.result_box.detail_label
        self.vote_label = self.result_box.vote_label

        self.out_button = QPushButton(tr("Keluar (F6)"))
        self.return_button = QPushButton(tr("Kembali (F7)"))
        self.undo_button = QPushButton(tr("Batalkan (Ctrl+Z)"))
        self.import_button = QPushButton(tr("Impor hadir daring…"))
        self.proxy_button = QPushButton(tr("Kuasa…"))
        for button in (
            self.out_button,
            self.return_button,
            self.undo_button,
            self.import_button,
            self.proxy_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.out_button.clicked.connect(self.check_out)
        self.return_button.clicked.connect(self.record_return)
        self.undo_button.clicked.connect(self.undo)
        self.import_button.clicked.connect(self.import_online)
        self.proxy_button.clicked.connect(self.edit_proxies)

        self.quorum = QuorumPanel(services, operations)
        self.search = QLineEdit()
        self.search.setObjectName("desk_list_search")
        self.search.setPlaceholderText(tr("Cari di daftar hadir: nomor atau nama"))
        self.search.setClearButtonEnabled(True)
        self.count_label = QLabel()
        self.model = AttendanceTableModel(services.checkin, self)
        self.table = QTableView()
        self.table.setObjectName("desk_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        set_column_widths(self.table, (110, 90, 240, 150, 140, 80, 100))
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.clicked.connect(self._row_chosen)

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Rapat:")))
        top.addWidget(self.meeting, 1)
        top.addWidget(QLabel(tr("Cara hadir:")))
        top.addWidget(self.channel)
        left = QVBoxLayout()
        left.addWidget(self.entry)
        # The matches of a name take the result area's place, never push it down: the desk
        # keeps its layout whether a card is scanned or a name typed.
        self.answer = QStackedWidget()
        self.answer.addWidget(self.result_box)
        self.answer.addWidget(self.matches)
        self.answer.setFixedHeight(self.result_box.maximumHeight())
        left.addWidget(self.answer)
        actions = QHBoxLayout()
        for button in (self.out_button, self.return_button, self.undo_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.proxy_button)
        left.addLayout(actions)
        middle = QHBoxLayout()
        middle.addLayout(left, 3)
        middle.addWidget(self.quorum, 2)
        list_bar = QHBoxLayout()
        list_bar.addWidget(self.search, 1)
        list_bar.addWidget(self.count_label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle)
        layout.addLayout(list_bar)
        layout.addWidget(self.table, 1)

        self._find_timer = QTimer(self)
        self._find_timer.setSingleShot(True)
        self._find_timer.setInterval(FIND_DELAY_MS)
        self._find_timer.timeout.connect(self.find_members)
        self.entry.textChanged.connect(self._typed)
        self._list_timer = QTimer(self)
        self._list_timer.setSingleShot(True)
        self._list_timer.setInterval(LIST_DELAY_MS)
        self._list_timer.timeout.connect(self.model.refresh)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.model.counted.connect(
            lambda n: self.count_label.setText(tr("{n} tercatat", n=thousands(n)))
        )
        self.meeting.currentIndexChanged.connect(lambda _i: self._meeting_chosen())
        self.channel.currentIndexChanged.connect(lambda _i: self.focus_entry())
        operations.changed.connect(self._changed)
        self.load_meetings()
        self.show_idle()

    # --- which meeting ------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        """The meeting the desk checks members in to."""
        value = self.meeting.currentData()
        return int(value) if value is not None else None

    def load_meetings(self, keep: int | None = None) -> None:
        """List the meetings that take attendance now, keeping ``keep`` (or the current)."""
        keep = keep if keep is not None else self.meeting_id
        shown = self.quorum.meeting_id  # the meeting whose quorum and counts are on screen
        open_ones = [m for m in self.services.meetings.list() if m.state.takes_attendance]
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for summary in open_ones:
            self.meeting.addItem(
                summary.choice(translator()),
                summary.id,
            )
        if not open_ones:
            self.meeting.addItem(tr("Belum ada rapat yang membuka pendaftaran hadir"), None)
        found = self.meeting.findData(keep) if keep is not None else -1
        self.meeting.setCurrentIndex(max(found, 0))
        self.meeting.setEnabled(len(open_ones) > 1)
        self.meeting.blockSignals(False)
        # However the meeting was chosen (the selector, another page, a list refresh), the
        # quorum, the counts and the list shown are those of the meeting the selector shows.
        if self.meeting_id != shown or self.model.meeting_id != self.meeting_id:
            self._meeting_chosen()
        else:
            self.quorum.refresh()

    def select_meeting(self, meeting_id: int) -> None:
        """Make ``meeting_id`` the desk's meeting (it must be open for check-in)."""
        self.load_meetings(meeting_id)

    def _meeting_chosen(self) -> None:
        meeting_id = self.meeting_id
        self.current_member = None
        self.channel.blockSignals(True)
        self.channel.clear()
        self.channel.addItem(tr("Langsung"), Channel.IN_PERSON.value)
        mode = None
        self._proxies = False
        if meeting_id is not None:
            mode = self.services.meetings.get(meeting_id).mode
            self._proxies = self.services.proxies.enabled(meeting_id)
            if mode.has_platform:
                self.channel.addItem(tr("Daring"), Channel.ONLINE.value)
            if mode is MeetingMode.ONLINE:
                self.channel.setCurrentIndex(1)
        self.channel.setEnabled(self.channel.count() > 1)
        self.channel.blockSignals(False)
        self.import_button.setVisible(mode is not None and mode.has_platform)
        self.proxy_button.setVisible(self._proxies)
        self.entry.setEnabled(meeting_id is not None)
        self.quorum.set_meeting(meeting_id)
        self.model.set_meeting(meeting_id)
        self._update_buttons()
        self.show_idle()
        self.focus_entry()

    # --- the one field -----------------------------------------------------------------------

    def focus_entry(self) -> None:
        """Give the cursor back to the one field."""
        self.entry.setFocus(Qt.FocusReason.OtherFocusReason)

    def clear_entry(self) -> None:
        """Empty the field and the matches."""
        self.entry.clear()
        self.matches.clear()
        self._show_matches(False)
        self.focus_entry()

    def showEvent(self, event: object) -> None:
        super().showEvent(event)  # type: ignore[arg-type]
        QTimer.singleShot(0, self.focus_entry)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.entry and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            ctrl = event.modifiers() & Qt.KeyboardModifier.ControlModifier
            # The cursor never leaves the field, so the desk's keys are handled here.
            desk_keys = {
                Qt.Key.Key_F6: self.check_out,
                Qt.Key.Key_F7: self.record_return,
                Qt.Key.Key_Escape: self.clear_entry,
            }
            if key in desk_keys:
                desk_keys[Qt.Key(key)]()
                return True
            if ctrl and key == Qt.Key.Key_Z:
                self.undo()
                return True
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.enter()
                return True
            if key in (Qt.Key.Key_Down, Qt.Key.Key_Up) and self.matches.isVisible():
                step = 1 if key == Qt.Key.Key_Down else -1
                row = max(0, min(self.matches.count() - 1, self.matches.currentRow() + step))
                self.matches.setCurrentRow(row)
                return True
        return super().eventFilter(watched, event)

    def enter(self) -> None:
        """Enter in the field: pick the highlighted match, else check in what was typed."""
        text = self.entry.text().strip()
        if self.matches.isVisible() and self.matches.currentItem() is not None:
            self._pick(self.matches.currentItem())
            return
        if not text:
            return
        if not any(ch.isdigit() for ch in text):
            self._find_timer.stop()
            self.find_members()
            if self.matches.count() == 1:
                self._pick(self.matches.item(0))
            return
        self.check_in(text)

    def check_in(self, who: str | int) -> CheckInResult | None:
        """Check in a member number (as typed or scanned) or member id, at once."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        channel = Channel(self.channel.currentData() or Channel.IN_PERSON.value)
        done = self.operations.run(
            self, lambda: self.services.checkin.check_in(meeting_id, who, channel)
        )
        self.entry.clear()
        self.matches.clear()
        self._show_matches(False)
        if done is not None:
            self.show_result(done.value)
        self.focus_entry()
        return done.value if done else None

    def find_members(self) -> None:
        """Show the members whose name matches what was typed (three letters or more)."""
        self._find_timer.stop()
        text = self.entry.text().strip()
        self.matches.clear()
        meeting_id = self.meeting_id
        if meeting_id is None or not _is_name(text) or len(text) < 3:
            self._show_matches(False)
            return
        for match in self.services.checkin.find(meeting_id, text):
            state = tr(match.state.key) if match.state else tr("belum hadir")
            item = QListWidgetItem(
                tr(
                    "{number}  {name}  ({category}, {status}; {state})",
                    number=match.number,
                    name=match.name,
                    category=tr(match.category.key),
                    status=tr(match.status.key),
                    state=state,
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, match.member_id)
            item.setToolTip(item.text())
            self.matches.addItem(item)
        if self.matches.count() == 0:
            self.matches.addItem(tr("Tidak ada anggota dengan nama itu."))
            self.matches.item(0).setFlags(Qt.ItemFlag.NoItemFlags)
        else:
            self.matches.setCurrentRow(0)
        self._show_matches(True)

    def _show_matches(self, shown: bool) -> None:
        """Show the name matches in the result area's place (or the result again)."""
        self.answer.setCurrentWidget(self.matches if shown else self.result_box)

    def _typed(self, text: str) -> None:
        if _is_name(text.strip()) and len(text.strip()) >= 3:
            self._find_timer.start()
        else:
            self._find_timer.stop()
            self._show_matches(False)

    def _pick(self, item: QListWidgetItem | None) -> None:
        member_id = item.data(Qt.ItemDataRole.UserRole) if item is not None else None
        if member_id is not None:
            self.check_in(int(member_id))
        self.focus_entry()

    # --- leaving, returning, undo --------------------------------------------------------------

    def check_out(self) -> None:
        """Record that the member on show leaves the meeting."""
        self._move(lambda m, who: self.services.checkin.check_out(m, who))

    def record_return(self) -> None:
        """Record that the member on show comes back."""
        self._move(lambda m, who: self.services.checkin.record_return(m, who))

    def undo(self) -> None:
        """Take back the last move of the member on show (the undo is recorded)."""
        self._move(lambda m, who: self.services.checkin.undo(m, who))

    def _move(self, call: object) -> None:
        meeting_id, member_id = self.meeting_id, self.current_member
        if meeting_id is None or member_id is None:
            self._show(tr("Pindai atau pilih anggota lebih dahulu."), "", "", "", GREY)
            self.focus_entry()
            return
        assert callable(call)
        done = self.operations.run(self, lambda: call(meeting_id, member_id))
        if done is not None:
            update: DeskUpdate = done.value
            state = tr(update.state.key) if update.state else tr("tidak tercatat hadir")
            self._show(update.message, update.name, state, "", GREY)
        self.focus_entry()

    # --- online attendance and proxies ---------------------------------------------------------

    def import_online(self) -> None:
        """Choose the platform's CSV and record its online attendees."""
        path, _filter = QFileDialog.getOpenFileName(
            self, tr("Impor hadir daring"), "", tr("CSV (*.csv);;Semua berkas (*)")
        )
        if path:
            self.import_from(Path(path))
        self.focus_entry()

    def import_from(self, path: Path) -> int | None:
        """Record everyone on the list at ``path`` as attending online (all or nothing;
        unknown numbers are listed in the refusal); how many were recorded."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        done = self.operations.run(
            self, lambda: self.services.attendance_import.import_file(meeting_id, path)
        )
        if done is None:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("Impor hadir daring"),
            done.value.summary,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self.focus_entry()
        return int(done.value.imported)

    def edit_proxies(self) -> None:
        """Record or withdraw proxies (only when the AD allows them)."""
        meeting_id = self.meeting_id
        if meeting_id is not None and self._proxies:
            dialog = ProxyDialog(self.services, self.operations, meeting_id, self)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.finished.connect(lambda _r: self.focus_entry())
            dialog.open()

    # --- showing -----------------------------------------------------------------------------

    def show_idle(self) -> None:
        """The result area before the first scan."""
        if self.meeting_id is None:
            self._show(tr("Buka pendaftaran hadir di halaman Rapat."), "", "", "", GREY)
        else:
            self._show(
                tr("Siap. Pindai kartu atau ketik nomor anggota lalu Enter, atau ketik nama."),
                "",
                "",
                "",
                GREY,
            )

    def show_result(self, result: CheckInResult) -> None:
        """Show a scan's result large; Keluar/Kembali/Batalkan then act on that member when
        they are in."""
        self.current_member = result.member_id if result.admitted else None
        self.result_box.show_result(result)
        self._update_buttons()

    def _show(self, headline: str, name: str, detail: str, vote: str, colour: str) -> None:
        self.result_box.show_text(headline, name, detail, vote, colour)
        self._update_buttons()

    def _update_buttons(self) -> None:
        ready = self.meeting_id is not None and self.current_member is not None
        for button in (self.out_button, self.return_button, self.undo_button):
            button.setEnabled(ready)

    def _row_chosen(self) -> None:
        member_id = self.model.member_id(self.table.currentIndex().row())
        if member_id is not None:
            self.current_member = member_id
            entry = self.model.entry(self.table.currentIndex().row())
            if entry is not None:
                self._show(
                    tr("Dipilih dari daftar hadir."),
                    entry.name,
                    tr("No. {number} · {state}", number=entry.number, state=tr(entry.state.key)),
                    "",
                    GREY,
                )
        self.focus_entry()

    def apply_search(self) -> None:
        """Filter the attendance list by what was typed in its search field."""
        self._search_timer.stop()
        query = self.model.query.with_text(self.search.text())
        if query != self.model.query:
            self.model.set_query(query)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.MEETINGS):
            before = self.meeting_id
            self.load_meetings()
            if self.meeting_id != before:
                return  # a new meeting was chosen and shown from scratch
        if changes.touches(Area.ATTENDANCE) and (not changes.ids or self.meeting_id in changes.ids):
            # After the result is on screen, and once for a burst of scans.
            self._list_timer.start()
        if self.isVisible():
            self.focus_entry()


def _is_name(text: str) -> bool:
    """Whether ``text`` looks like a name rather than a member number."""
    return any(ch.isalpha() for ch in text) and not any(ch.isdigit() for ch in text)
