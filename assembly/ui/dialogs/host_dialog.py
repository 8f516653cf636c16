"""This laptop as the host of several desks (DESIGN.md section 9): pick the LAN address, start
the server, and show how a desk joins (the address, the password, the connection string and
its QR code); copy the cooperative in before the meeting and out at its end, on a worker thread
with progress and cancel. Every button has its Alt letter."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QThreadPool, Signal
from PySide6.QtGui import QGuiApplication, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.host import HostService, HostState, qr_png
from assembly.services.host_copy import CopyResult, copy_between
from assembly.ui.widgets.import_task import Task


class HostDialog(QDialog):
    """Start or stop the host's server and show the desks how to join.
    ``join_requested`` carries the desk connection string when the secretary opens this
    laptop's own window on the host's database."""

    join_requested = Signal(str)

    def __init__(
        self, host: HostService, parent: QWidget | None = None, *, source: Path | None = None
    ) -> None:
        super().__init__(parent)
        self._host = host
        self._source = source  # the cooperative file open in this window, to copy in
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self.task: Task | None = None
        self.setWindowTitle(tr("Laptop induk untuk beberapa meja"))
        intro = QLabel(
            tr(
                "Laptop ini menjadi laptop induk: basis data rapat berjalan di sini, dan "
                "laptop meja pendaftaran, ketua dan proyektor bergabung lewat jaringan lokal "
                "(tanpa internet). Pilih alamat laptop ini di jaringan rapat."
            )
        )
        intro.setWordWrap(True)
        self.address = QComboBox()
        self._choices = host.addresses()
        for found in self._choices:
            label = tr(
                "{address} (jaringan {subnet}, {interface})",
                address=found.address,
                subnet=found.subnet,
                interface=found.interface,
            )
            self.address.addItem(label, found.address)
        address_label = QLabel(tr("&Alamat laptop ini"))
        address_label.setBuddy(self.address)
        self.start_button = QPushButton(tr("&Jalankan laptop induk"))
        self.stop_button = QPushButton(tr("&Hentikan"))
        self.start_button.clicked.connect(self.start)
        self.stop_button.clicked.connect(self.stop)
        row = QHBoxLayout()
        row.addWidget(address_label)
        row.addWidget(self.address, 1)
        row.addWidget(self.start_button)
        row.addWidget(self.stop_button)
        self.state_label = QLabel()
        self.state_label.setObjectName("host_state")
        self.state_label.setWordWrap(True)
        self.error = QLabel()
        self.error.setObjectName("host_error")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b3261e;")
        self.join_box = self._join_box()
        self.copy_box = self._copy_box()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(row)
        layout.addWidget(self.state_label)
        layout.addWidget(self.error)
        layout.addWidget(self.join_box)
        layout.addWidget(self.copy_box)
        layout.addStretch(1)  # a stopped server's few lines stay at the top
        layout.addWidget(buttons)
        self.setMinimumWidth(640)
        self._show(host.state())
        self.address.setFocus()

    def _join_box(self) -> QGroupBox:
        box = QGroupBox(tr("Cara meja bergabung"))
        steps = QLabel(
            tr(
                "Di laptop meja: buka Kuorum, pilih \u201cGabung ke laptop induk\u201d, lalu "
                "ketik alamat dan kata sandi ini, atau tempel string koneksinya, atau pindai "
                "kode QR."
            )
        )
        steps.setWordWrap(True)
        self.shown_address = QLabel()
        self.shown_address.setObjectName("join_address")
        self.shown_password = QLabel()
        self.shown_password.setObjectName("join_password")
        for label in (self.shown_address, self.shown_password):
            label.setStyleSheet("font-size: 16pt; font-weight: bold; font-family: monospace;")
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.url = QLineEdit()
        self.url.setObjectName("join_url")
        self.url.setReadOnly(True)
        url_label = QLabel(tr("String &koneksi"))
        url_label.setBuddy(self.url)
        self.copy_button = QPushButton(tr("&Salin"))
        self.copy_button.clicked.connect(self.copy_url)
        self.open_here = QPushButton(tr("&Buka rapat di laptop ini"))
        self.open_here.clicked.connect(lambda: self.join_requested.emit(self.url.text()))
        url_row = QHBoxLayout()
        url_row.addWidget(self.url, 1)
        url_row.addWidget(self.copy_button)
        form = QFormLayout()
        form.addRow(tr("Alamat:"), self.shown_address)
        form.addRow(tr("Kata sandi:"), self.shown_password)
        form.addRow(url_label, url_row)
        self.qr = QLabel()
        self.qr.setObjectName("join_qr")
        self.qr.setAlignment(Qt.AlignmentFlag.AlignCenter)
        body = QHBoxLayout()
        left = QVBoxLayout()
        left.addWidget(steps)
        left.addLayout(form)
        left.addWidget(self.open_here, 0, Qt.AlignmentFlag.AlignLeft)
        left.addStretch(1)
        body.addLayout(left, 1)
        body.addWidget(self.qr)
        box.setLayout(body)
        return box

    def _copy_box(self) -> QGroupBox:
        box = QGroupBox(tr("Salin koperasi"))
        self.copy_in_button = QPushButton(tr("Salin &masuk koperasi yang terbuka"))
        self.copy_in_button.setVisible(self._source is not None)
        self.copy_out_button = QPushButton(tr("Salin &keluar ke satu berkas…"))
        self.cancel_button = QPushButton(tr("&Batalkan salinan"))
        self.cancel_button.setEnabled(False)
        self.copy_in_button.clicked.connect(self.copy_in)
        self.copy_out_button.clicked.connect(self.choose_copy_out)
        self.cancel_button.clicked.connect(lambda: self.task and self.task.cancel())
        self.copy_bar = QProgressBar()
        self.copy_bar.setVisible(False)
        self.copy_note = QLabel(
            tr(
                "Sebelum rapat: salin koperasi dari berkasnya ke laptop induk. Sesudah rapat: "
                "salin seluruh koperasi ke satu berkas yang disimpan bersama berita acara."
            )
        )
        self.copy_note.setObjectName("copy_note")
        self.copy_note.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.copy_in_button)
        row.addWidget(self.copy_out_button)
        row.addStretch(1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(box)
        layout.addWidget(self.copy_note)
        layout.addLayout(row)
        layout.addWidget(self.copy_bar)
        return box

    def copy_in(self) -> None:
        """Copy the cooperative open in this window into the host's empty database."""
        if self._source is not None:
            self.run_copy(self._source, self._host.state().host_url)

    def choose_copy_out(self) -> None:
        """Ask where the final SQLite file goes, then copy the whole cooperative there."""
        path, _filter = QFileDialog.getSaveFileName(
            self,
            tr("Salin seluruh koperasi ke berkas"),
            str(Path.home() / "rat-salinan.sqlite"),
            tr("Basis data Kuorum (*.sqlite)"),
        )
        if path:
            self.run_copy(self._host.state().host_url, Path(path))

    def run_copy(self, source: Path | str, target: Path | str) -> Task:
        """Copy on a worker thread with a progress bar and cancel."""
        task = Task(lambda progress: copy_between(source, target, progress))
        task.signals.progress.connect(self._copy_progress)
        task.signals.finished.connect(self._copy_done)
        task.signals.failed.connect(self._copy_failed)
        self.task = task
        self.copy_bar.setVisible(True)
        self.copy_bar.setRange(0, 0)
        for button in (self.copy_in_button, self.copy_out_button):
            button.setEnabled(False)
        self.cancel_button.setEnabled(True)
        self.cancel_button.setFocus()
        self._pool.start(task)
        return task

    def _copy_progress(self, done: int, total: int) -> None:
        self.copy_bar.setRange(0, max(total, 1))
        self.copy_bar.setValue(done)

    def _copy_done(self, result: CopyResult) -> None:
        self._copy_ended()
        self.copy_note.setText("\n".join(result.lines()))

    def _copy_failed(self, message: str, _cancelled: bool) -> None:
        self._copy_ended()
        self.copy_note.setText(message)

    def _copy_ended(self) -> None:
        self.task = None
        self.copy_bar.setVisible(False)
        for button in (self.copy_in_button, self.copy_out_button):
            button.setEnabled(True)
        self.cancel_button.setEnabled(False)

    def done(self, result: int) -> None:
        """Closing waits for a copy under way to stop (it is cancelled: nothing is kept)."""
        if self.task is not None:
            self.task.cancel()
        self._pool.waitForDone()
        super().done(result)

    def start(self) -> None:
        """Start the server on the chosen address (created the first time)."""
        index = self.address.currentIndex()
        chosen = self._choices[index] if index >= 0 else None
        address, subnet = (chosen.address, chosen.subnet) if chosen else (None, None)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            state = self._host.start(address, subnet=subnet)
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        finally:
            QApplication.restoreOverrideCursor()
        self.error.clear()
        self._show(state)
        self.copy_button.setFocus()

    def stop(self) -> None:
        """Stop the server; the desks' committed work stays in it."""
        try:
            state = self._host.stop()
        except DomainError as exc:
            self.error.setText(exc.message)
            return
        self.error.clear()
        self._show(state)

    def copy_url(self) -> None:
        """Put the connection string on the clipboard."""
        QGuiApplication.clipboard().setText(self.url.text())

    def _show(self, state: HostState) -> None:
        self.state = state
        if state.created:
            index = self.address.findData(state.address)
            if index >= 0:
                self.address.setCurrentIndex(index)
        if state.running:
            self.state_label.setText(
                tr(
                    "Laptop induk berjalan di {address}, port {port}. Meja dari jaringan "
                    "{subnet} dapat bergabung.",
                    address=state.address,
                    port=state.port,
                    subnet=state.subnet,
                )
            )
        elif state.created:
            self.state_label.setText(
                tr("Laptop induk berhenti; meja tidak dapat bergabung.")
                + " "
                + (
                    tr("Tetap berhenti sampai Anda menjalankannya lagi.")
                    if state.stopped_on_purpose
                    else tr("Dijalankan lagi otomatis saat Kuorum dibuka di laptop ini.")
                )
            )
        else:
            self.state_label.setText(tr("Laptop induk belum pernah dijalankan di laptop ini."))
        self.start_button.setEnabled(not state.running)
        self.stop_button.setEnabled(state.running)
        self.join_box.setVisible(state.running)
        self.copy_box.setVisible(state.running)
        if state.running:
            self.shown_address.setText(f"{state.address}:{state.port}")
            self.shown_password.setText(state.desk_password)
            self.url.setText(state.desk_url)
            self.url.setCursorPosition(0)
            pixmap = QPixmap()
            pixmap.loadFromData(qr_png(state.desk_url))
            self.qr.setPixmap(pixmap)
        self.adjustSize()
