"""The backups of the open database: where they go (a USB stick), how many are kept, a backup
now, the list with a preview of what the selected one holds, and restoring it.

After a restore the open services are stale: :attr:`BackupDialog.restored` carries the
database's path so that the app opens it anew (``MainWindow.open_requested``)."""

from __future__ import annotations

import datetime as dt
from html import escape
from pathlib import Path

from PySide6.QtCore import QItemSelection, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.domain.local_time import shown
from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.services.backups import MAX_KEEP, BackupInfo, BackupResult, Reason, meeting_line
from assembly.services.bundle import Services
from assembly.ui.models.backup_list_model import BackupListModel
from assembly.ui.operation import Operations


class BackupDialog(QDialog):
    """Backup settings, the list of backups with a preview, backup now and restore."""

    restored = Signal(str)
    made = Signal(object)  # the BackupResult of a backup taken here

    def __init__(
        self, services: Services, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._services = services
        self._operations = operations
        self.confirmation: QMessageBox | None = None
        self.confirm_meeting: QLineEdit | None = None  # asked for when a lock would be undone
        self._zone = TimeZone.WIB  # the cooperative's, read with the list
        self.setWindowTitle(tr("Cadangan basis data"))
        self.resize(1000, 600)

        self.folder = QLineEdit()
        self.choose_button = QPushButton(tr("&Pilih folder…"))
        self.choose_button.clicked.connect(self._choose_folder)
        self.folder.returnPressed.connect(lambda: self.use_folder(self.folder.text()))
        folder_row = QHBoxLayout()
        folder_row.addWidget(self.folder, 1)
        folder_row.addWidget(self.choose_button)
        self.folder_hint = QLabel()
        self.folder_hint.setWordWrap(True)
        self.keep = QSpinBox()
        self.keep.setRange(1, MAX_KEEP)
        # Saved a moment after the last keystroke or arrow press: one audit entry per change,
        # not one per digit.
        self._keep_timer = QTimer(self)
        self._keep_timer.setSingleShot(True)
        self._keep_timer.setInterval(700)
        self._keep_timer.timeout.connect(self._keep_changed)
        self.keep.valueChanged.connect(lambda _v: self._keep_timer.start())
        self.keep.editingFinished.connect(self._keep_changed)
        self.backup_button = QPushButton(tr("&Cadangkan sekarang"))
        self.backup_button.clicked.connect(self.backup_now)
        self.outcome = QLabel()
        self.outcome.setWordWrap(True)

        form = QFormLayout()
        folder_label = QLabel(tr("&Folder cadangan"))
        folder_label.setBuddy(self.folder)
        form.addRow(folder_label, folder_row)
        form.addRow("", self.folder_hint)
        keep_label = QLabel(tr("&Simpan paling banyak"))
        keep_label.setBuddy(self.keep)
        keep_row = QHBoxLayout()
        keep_row.addWidget(self.keep)
        keep_row.addWidget(QLabel(tr("cadangan terbaru basis data ini")))
        keep_row.addStretch(1)
        keep_row.addWidget(self.backup_button)
        form.addRow(keep_label, keep_row)
        form.addRow("", self.outcome)

        self.model = BackupListModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.setWordWrap(False)  # a long cooperative name is elided, rows stay one line
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._selected)

        self.preview = QLabel()
        self.preview.setWordWrap(True)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.restore_button = QPushButton(tr("&Pulihkan…"))
        self.restore_button.clicked.connect(self.ask_restore)
        preview_box = QGroupBox(tr("Isi cadangan terpilih"))
        preview_layout = QVBoxLayout(preview_box)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.restore_button, 0, Qt.AlignmentFlag.AlignRight)
        preview_box.setMinimumWidth(400)
        lists = QHBoxLayout()
        lists.addWidget(self.table, 1)
        lists.addWidget(preview_box, 1)

        # Enter in the folder field applies the folder; it must not press a button too.
        for button in (self.choose_button, self.backup_button, self.restore_button):
            button.setAutoDefault(False)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addLayout(lists, 1)
        layout.addWidget(self.buttons)
        self.refresh()
        if services.host_link.remote:
            # The host's database is not replaced by a file: a backup is opened as a SQLite
            # cooperative of its own (Berkas → Buka basis data…).
            self.restore_button.setToolTip(
                tr(
                    "Cadangan di laptop induk tidak dipulihkan ke dalam basis datanya; buka "
                    "berkas cadangan dengan Berkas → Buka basis data…"
                )
            )
        if not services.backups.made_here():
            # A desk on the host's database: the host laptop makes and keeps the backups.
            for widget in (self.folder, self.choose_button, self.keep, self.backup_button):
                widget.setEnabled(False)
            self.outcome.setText(
                tr(
                    "Meja ini bekerja di basis data laptop induk. Cadangan dibuat oleh Kuorum di "
                    "laptop induk, otomatis setelah tiap keputusan, saat rapat ditutup dan saat "
                    "dikunci, ke folder cadangan laptop induk; buka Berkas → Cadangan di sana."
                )
            )

    def refresh(self) -> None:
        """Read the settings and the backups again, keeping the selected one when it is there."""
        settings = self._services.backups.settings()
        self.folder.setText(str(settings.folder))
        self.folder_hint.setText(
            tr("Cadangan dibuat otomatis setelah tiap keputusan dan saat rapat ditutup.")
            if settings.chosen
            else tr(
                "Belum dipilih: cadangan disimpan di disk yang sama dengan basis data. Pilih "
                "folder di flashdisk agar cadangan selamat bila laptop rusak."
            )
        )
        self.keep.blockSignals(True)
        self.keep.setValue(settings.keep)
        self.keep.blockSignals(False)
        before = self.selected()
        rows = self._services.backups.backups()
        self._zone = self._services.backups.zone()
        self.model.set_rows(rows, self._zone)
        paths = [r.path for r in rows]
        row = paths.index(before.path) if before and before.path in paths else 0
        if rows:
            self.table.selectRow(row)
        self._show_preview(self.selected())

    def selected(self) -> BackupInfo | None:
        """The backup selected in the list."""
        rows = self.table.selectionModel().selectedRows()
        return self.model.info(rows[0].row()) if rows else None

    def use_folder(self, path: str) -> None:
        """Make ``path`` the backup folder (what choosing or typing a folder does)."""
        if self._operations.run(self, lambda: self._services.backups.choose_folder(path)):
            self.outcome.setText(tr("Folder cadangan: {folder}", folder=path))
        self.refresh()

    def _choose_folder(self) -> None:
        path = QFileDialog.getExistingDirectory(
            self, tr("Pilih folder cadangan (mis. flashdisk)"), self.folder.text()
        )
        if path:
            self.use_folder(path)

    def _keep_changed(self) -> None:
        self._keep_timer.stop()
        if self.keep.value() != self._services.backups.settings().keep:
            self._operations.run(self, lambda: self._services.backups.set_keep(self.keep.value()))
            self.refresh()

    def backup_now(self) -> None:
        """Take a backup on the door's worker thread; the list refreshes when it is written."""
        self.backup_button.setEnabled(False)
        self.outcome.setStyleSheet("")
        self.outcome.setText(tr("Mencadangkan…"))
        backups = self._services.backups
        work = self._operations.start(lambda _progress: backups.backup_now(Reason.MANUAL))
        work.succeeded.connect(self._backup_done)
        work.failed.connect(
            lambda message, _cancelled: self._backup_done(
                BackupResult(None, tr("Cadangan gagal: {detail}", detail=message))
            )
        )

    @property
    def busy(self) -> bool:
        """Whether a backup started here is still running."""
        return not self.backup_button.isEnabled()

    def _backup_done(self, result: BackupResult | None) -> None:
        self.backup_button.setEnabled(True)
        if result is None:
            return
        self.made.emit(result)  # the status bar names it too
        if result.path is not None:
            self.outcome.setStyleSheet("color: #2f6b2f;")
            self.outcome.setText(tr("Cadangan dibuat: {path}", path=result.path))
        if result.warning:
            self.outcome.setStyleSheet("color: #a3231f; font-weight: bold;")
            self.outcome.setText(result.warning)
        self.refresh()
        if result.path is not None:
            row = self.model.row_of(result.path)
            if row is not None:
                self.table.selectRow(row)  # the backup just made, previewed

    def _selected(self, _new: QItemSelection, _old: QItemSelection) -> None:
        self._show_preview(self.selected())

    def _show_preview(self, info: BackupInfo | None) -> None:
        self.restore_button.setEnabled(
            info is not None and not info.problem and not self._services.host_link.remote
        )
        if info is None:
            self.preview.setText(tr("Belum ada cadangan di folder ini."))
            return
        if info.problem:
            self.preview.setText(
                tr(
                    "{name} tidak dapat dibaca: {problem}",
                    name=info.path.name,
                    problem=info.problem,
                )
            )
            return
        meetings = "<br>".join(escape(meeting_line(m)) for m in info.meetings)
        rows = [
            (tr("Koperasi"), escape(info.cooperative)),
            (tr("Anggota"), thousands(info.members)),
            (tr("Rapat"), meetings or tr("belum ada rapat")),
            (tr("Perubahan terakhir"), _last_change(info, self._zone)),
            (tr("Berkas"), escape(info.path.name)),
            (tr("Versi basis data"), info.revision),
        ]
        self.preview.setText(
            "<table cellspacing=4>"
            + "".join(
                f"<tr><td valign=top><b>{label}</b></td><td>{value}</td></tr>"
                for label, value in rows
            )
            + "</table>"
        )

    def ask_restore(self) -> QMessageBox | None:
        """Ask before restoring the selected backup (window-modal, not blocking)."""
        info = self.selected()
        if info is None or info.problem:
            return None
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Pulihkan cadangan?"),
            tr(
                "Basis data {path} akan diganti dengan cadangan {name} ({when}). Semua yang "
                "dicatat setelah cadangan itu tidak ada lagi di basis data yang dipulihkan.",
                path=self._services.path,
                name=info.path.name,
                when=shown(info.taken_at, self._zone),
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setInformativeText(
            tr(
                "Berkas saat ini tidak dihapus: disimpan di sampingnya sebagai "
                "{stem}.sebelum-pulih-….sqlite.",
                stem=self._services.path.stem,
            )
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.button(QMessageBox.StandardButton.Yes).setText(tr("Pulihkan"))
        yes = box.button(QMessageBox.StandardButton.Yes)
        self.confirm_meeting = self._ask_meeting_name(box, info.path)
        field = self.confirm_meeting
        box.buttonClicked.connect(
            lambda button: (
                button is yes
                and self.restore(info.path, field.text() if field is not None else None)
            )
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.confirmation = box
        box.open()
        return box

    def _ask_meeting_name(self, box: QMessageBox, path: Path) -> QLineEdit | None:
        """When the backup predates a lock held here, a field in ``box`` where the user types
        the meeting's name; "Pulihkan" stays disabled until it matches."""
        try:
            at_risk = self._services.backups.locks_at_risk(path)
        except DomainError:
            return None  # the restore itself refuses such a file, with the reason
        if not at_risk:
            return None
        names = "; ".join(r.name for r in at_risk)
        box.setIcon(QMessageBox.Icon.Critical)
        box.setText(
            box.text()
            + "\n\n"
            + tr(
                "PERHATIAN: cadangan ini dibuat sebelum {meetings} ditandatangani dan dikunci. "
                "Memulihkannya membatalkan kunci itu; pemulihan dicatat di log audit.",
                meetings="; ".join(r.title for r in at_risk),
            )
        )
        field = QLineEdit()
        field.setObjectName("confirmMeeting")
        field.setPlaceholderText(names)
        field.setAccessibleName(tr("Nama rapat untuk konfirmasi"))
        label = QLabel(tr('Ketik nama rapat "{names}" untuk memulihkan:', names=names))
        label.setBuddy(field)
        layout = box.layout()
        buttons = box.findChild(QDialogButtonBox)
        if isinstance(layout, QGridLayout) and buttons is not None:
            # Above the buttons: read, type, then press "Pulihkan".
            row, _col, _rows, _span = layout.getItemPosition(layout.indexOf(buttons))
            layout.removeWidget(buttons)
            layout.addWidget(label, row, 0, 1, layout.columnCount())
            layout.addWidget(field, row + 1, 0, 1, layout.columnCount())
            layout.addWidget(buttons, row + 2, 0, 1, layout.columnCount())
        yes = box.button(QMessageBox.StandardButton.Yes)
        yes.setEnabled(False)
        wanted = {" ".join(n.split()).casefold() for n in names.split(";")}
        field.textChanged.connect(
            lambda text: yes.setEnabled(
                {" ".join(p.split()).casefold() for p in text.split(";") if p.strip()} >= wanted
            )
        )
        return field

    def restore(self, path: Path, confirm_meeting: str | None = None) -> None:
        """Restore ``path`` (``confirm_meeting``: the name typed to undo a lock); on success
        tell the app to reopen the database and close."""
        result = self._operations.run(
            self, lambda: self._services.backups.restore(path, confirm_meeting)
        )
        if result is None:
            self.refresh()
            return
        self.restored.emit(str(result.restored))
        self.accept()


def _last_change(info: BackupInfo, zone: TimeZone) -> str:
    try:
        at = dt.datetime.fromisoformat(info.last_at)
    except ValueError:
        return tr("peristiwa audit #{seq}", seq=info.last_seq)
    return tr("{when} (peristiwa audit #{seq})", when=shown(at, zone), seq=info.last_seq)
