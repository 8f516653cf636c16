"""The Buku Daftar Anggota page: search as you type, filter, sort, and keep the register (add,
edit, record an ending, import, export), with the chosen member's detail under the table."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.members import Category, Status
from assembly.domain.quorum import thousands
from assembly.domain.register_query import RegisterQuery
from assembly.i18n import tr, trn
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.background import Background, progress_window
from assembly.ui.dialogs.exit_dialog import ExitDialog
from assembly.ui.dialogs.member_dialog import MemberDialog
from assembly.ui.models.member_table_model import MemberTableModel, count_text
from assembly.ui.operation import Operations, show_refusal
from assembly.ui.widgets.column_widths import set_column_widths
from assembly.ui.widgets.member_detail import MemberDetailPanel

SEARCH_DELAY_MS = 150
_ENDED = "ended"
_EXIT_UNKNOWN = "exit_unknown"


class RegisterPage(QWidget):
    """The member register: a table that stays smooth at 300,000 rows."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self._register_total = 0

        self.search = QLineEdit()
        self.search.setObjectName("register_search")
        self.search.setPlaceholderText(tr("Cari nomor anggota, nama, atau NIK…  (Ctrl+F)"))
        self.search.setClearButtonEnabled(True)
        self.search.installEventFilter(self)
        self.category = QComboBox()
        # Item data are plain text: Qt keeps strings faithfully, Python sets not.
        self.category.addItem(tr("Semua kategori"), "")
        for category in Category:
            self.category.addItem(tr(category.key), category.value)
        self.status = QComboBox()
        self.status.addItem(tr("Semua status"), "")
        for status in Status:
            self.status.addItem(tr(status.key), status.value)
        self.status.addItem(tr("Tidak aktif lagi"), _ENDED)
        self.status.addItem(tr("Keluar tanpa tanggal keluar (lengkapi)"), _EXIT_UNKNOWN)
        self.count_label = QLabel()
        self.count_label.setObjectName("register_count")
        self.count_label.setMinimumWidth(150)
        self.count_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)

        self.add_button = QPushButton(tr("&Tambah…"))
        self.add_button.setToolTip(tr("Tambah anggota (Ctrl+N atau Insert)"))
        self.edit_button = QPushButton(tr("&Ubah…"))
        self.edit_button.setToolTip(tr("Ubah anggota terpilih (Enter atau klik ganda)"))
        self.exit_button = QPushButton(tr("Catat &keluar/meninggal…"))
        self.exit_button.setToolTip(
            tr("Catat anggota terpilih keluar, meninggal dunia, atau diberhentikan")
        )
        self.import_button = QPushButton(tr("&Impor…"))
        self.import_button.setToolTip(tr("Impor anggota dari berkas Excel atau CSV"))
        self.export_button = QPushButton(tr("&Ekspor…"))
        self.export_button.setToolTip(tr("Ekspor buku daftar anggota ke CSV, Excel, atau PDF"))

        self.model = MemberTableModel(services.search, self)
        self.table = QTableView()
        self.table.setObjectName("register_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.hide()
        # Fixed row heights: Qt never measures 300,000 rows.
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 10)
        header = self.table.horizontalHeader()
        # The category and status columns as wide as their longest word ("Anggota luar
        # biasa", "Meninggal dunia"), measured in the table's font.
        metrics = self.table.fontMetrics()
        widest = [max(metrics.horizontalAdvance(tr(e.key)) for e in kind) + 14
                  for kind in (Category, Status)]  # fmt: skip
        set_column_widths(self.table, (90, 180, 130, *widest, 95, 80))
        # The name takes what room there is, so the columns fit without a sideways scroll.
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        header.sortIndicatorChanged.connect(self._keep_sort_indicator)
        self.detail = MemberDetailPanel()

        filters = QHBoxLayout()
        filters.addWidget(self.search, 1)
        filters.addWidget(self.category)
        filters.addWidget(self.status)
        filters.addWidget(self.count_label)
        actions = QHBoxLayout()
        for button in (self.add_button, self.edit_button, self.exit_button):
            actions.addWidget(button)
        actions.addStretch(1)
        actions.addWidget(self.import_button)
        actions.addWidget(self.export_button)
        # The chosen member's detail under the table: the table keeps the page's width, so
        # the names are whole at 1200 px.
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([520, 200])
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addLayout(filters)
        layout.addLayout(actions)
        layout.addWidget(splitter, 1)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)
        self._search_timer.timeout.connect(self.apply_search)
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.category.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.status.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.add_button.clicked.connect(self.add_member)
        self.edit_button.clicked.connect(self.edit_member)
        self.exit_button.clicked.connect(self.record_exit)
        self.import_button.clicked.connect(self.import_members)
        self.export_button.clicked.connect(self.export_members)
        self.table.activated.connect(lambda _index: self.edit_member())
        self.table.selectionModel().currentRowChanged.connect(self._current_changed)
        self.model.counted.connect(self._show_count)
        self.model.dataChanged.connect(self._rows_fetched)
        operations.changed.connect(self._changed)
        for keys, slot in (
            (QKeySequence.StandardKey.Find, self.focus_search),
            (QKeySequence("Ctrl+N"), self.add_member),
            (QKeySequence(Qt.Key.Key_Insert), self.add_member),
        ):
            shortcut = QShortcut(keys, self)
            shortcut.activated.connect(slot)

        self._register_total = services.search.count(RegisterQuery())
        self.model.set_query(RegisterQuery())
        self._update_buttons()

    # --- searching ---------------------------------------------------------------------------

    def query(self) -> RegisterQuery:
        """The query the controls describe now, in the table's current order."""
        category, status = self.category.currentData(), self.status.currentData()
        categories = frozenset({Category(category)}) if category else frozenset()
        if status in (_ENDED, _EXIT_UNKNOWN):
            statuses = frozenset({Status.RESIGNED, Status.DECEASED, Status.EXPELLED})
        else:
            statuses = frozenset({Status(status)}) if status else frozenset()
        return self.model.query.with_text(self.search.text()).with_filters(
            categories, statuses, exit_unknown=status == _EXIT_UNKNOWN
        )

    def apply_search(self) -> None:
        """Show the members matching the controls now (the typing pause is over)."""
        self._search_timer.stop()
        query = self.query()
        if query != self.model.query:
            self.model.set_query(query)
            self.detail.show_detail(None)
            self._update_buttons()

    def focus_search(self) -> None:
        """Put the cursor in the search field, its text selected to type over."""
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # Enter or Down in the search field: search now and go to the first row.
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Down):
                self.apply_search()
                self.select_row(0)
                self.table.setFocus()
                return True
        return super().eventFilter(watched, event)

    def select_row(self, row: int) -> None:
        """Make ``row`` the current, selected row."""
        if 0 <= row < self.model.rowCount():
            index = self.model.index(row, 0)
            self.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.table.scrollTo(index)

    # --- what the buttons do -----------------------------------------------------------------

    def current_member_id(self) -> int | None:
        """The id of the member on the current row, if any."""
        index = self.table.currentIndex()
        return self.model.member_id(index.row()) if index.isValid() else None

    def add_member(self) -> None:
        """Open the form for a new member."""
        dialog = MemberDialog(self.services, self.operations, None, self)
        dialog.exec()  # "Simpan & tambah" may have saved several before Esc
        if dialog.saved is not None and dialog.saved.id is not None:
            self._select_member(dialog.saved.id)

    def edit_member(self) -> None:
        """Open the form for the chosen member."""
        member_id = self.current_member_id()
        if member_id is None:
            return
        member = self.services.search.member(member_id).member
        MemberDialog(self.services, self.operations, member, self).exec()

    def record_exit(self) -> None:
        """Record that the chosen member resigned, died or was expelled."""
        member_id = self.current_member_id()
        if member_id is None:
            return
        member = self.services.search.member(member_id).member
        if member.status is not Status.ACTIVE:
            self._tell(
                tr(
                    "{name} sudah berstatus {status}.",
                    name=member.name,
                    status=tr(member.status.key),
                )
            )
            return
        ExitDialog(self.services, self.operations, member, parent=self).exec()

    def import_members(self) -> None:
        """Open the import of a register file (preview first, then all rows or none)."""
        # Imported here: the import dialog is built apart from this page.
        from assembly.ui.dialogs.import_dialog import ImportDialog

        ImportDialog(self.services, self.operations, self).exec()

    def export_members(self) -> None:
        """Ask where to write the register, then write it."""
        path, chosen = QFileDialog.getSaveFileName(
            self,
            tr("Ekspor buku daftar anggota"),
            str(Path.home() / tr("buku-daftar-anggota.xlsx")),
            tr("Excel (*.xlsx);;CSV (*.csv);;PDF untuk dicetak (*.pdf)"),
        )
        if not path:
            return
        target = Path(path)
        if target.suffix.lower() not in (".csv", ".xlsx", ".pdf"):
            suffix = ".csv" if "csv" in chosen.lower() else ".pdf" if "pdf" in chosen else ".xlsx"
            target = target.with_suffix(suffix)
        self.export_to(target)

    def export_to(self, path: Path) -> Background:
        """Write the register to ``path`` on the door's worker thread, with a progress bar and
        a cancel button; when it is written the status bar says how many members. The work
        is returned (its ``result`` is the number written)."""
        work = self.operations.start(
            lambda progress: self.services.exporter.export(path, progress=progress)
        )
        dialog = progress_window(self, work, tr("Mengekspor buku daftar anggota…"))
        dialog.setWindowTitle(tr("Ekspor"))
        work.succeeded.connect(
            lambda count: self._tell(
                trn(
                    "{n} anggota diekspor ke {path}",
                    "{n} anggota diekspor ke {path}",
                    int(count),
                    n=thousands(int(count)),
                    path=path,
                )
            )
        )
        work.failed.connect(lambda message, cancelled: cancelled or show_refusal(self, message))
        return work

    # --- keeping the screen up to date -------------------------------------------------------

    def _changed(self, changes: Changes) -> None:
        if not changes.touches(Area.MEMBERS):
            return
        self._register_total = self.services.search.count(RegisterQuery())
        self.model.refresh()
        self._current_changed(self.table.currentIndex())

    def _show_count(self, shown: int) -> None:
        total = shown if not self.model.query.is_filtered else self._register_total
        self.count_label.setText(count_text(shown, total, more=self.model.more))

    def _select_member(self, member_id: int) -> None:
        row = self.model.row_of(member_id)
        if row is not None:
            self.select_row(row)

    def _current_changed(self, index: QModelIndex) -> None:
        member_id = self.model.member_id(index.row()) if index.isValid() else None
        self.detail.show_detail(
            self.services.search.member(member_id) if member_id is not None else None
        )
        self._update_buttons()

    def _rows_fetched(self, top: QModelIndex, bottom: QModelIndex) -> None:
        # The current row may have been "…" until its page arrived.
        current = self.table.currentIndex()
        if current.isValid() and top.row() <= current.row() <= bottom.row():
            self._current_changed(current)

    def _update_buttons(self) -> None:
        chosen = self.current_member_id() is not None
        self.edit_button.setEnabled(chosen)
        self.exit_button.setEnabled(chosen)

    def _keep_sort_indicator(self, section: int, order: Qt.SortOrder) -> None:
        # Columns without a sort of their own keep the indicator where the sort really is.
        if self.model.sort_column(section) is None:
            query = self.model.query
            header = self.table.horizontalHeader()
            header.blockSignals(True)
            header.setSortIndicator(
                self.model.column_of(query.sort),
                Qt.SortOrder.DescendingOrder if query.descending else Qt.SortOrder.AscendingOrder,
            )
            header.blockSignals(False)

    def _tell(self, message: str) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Information,
            tr("Buku Daftar Anggota"),
            message,
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
