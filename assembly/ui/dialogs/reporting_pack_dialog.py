"""The reporting pack dialog (issue 5, item 7): choose the pack's folder and, optionally, the
signed berita acara; write the pack with a progress bar; show what was written with each
file's SHA-256. A refusal (a broken signature, a folder that is not empty) is shown and the
dialog stays open with what was typed."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.reporting_pack import ReportingPack
from assembly.ui.background import Background
from assembly.ui.operation import Operations, show_refusal


class ReportingPackDialog(QDialog):
    """Writes the reporting pack of one meeting into a new folder."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        meeting_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Paket laporan"))
        self.services = services
        self.operations = operations
        self.meeting_id = meeting_id
        self.pack: ReportingPack | None = None
        self.work: Background | None = None  # the pack being written

        intro = QLabel(
            tr(
                "Paket laporan untuk sistem kementerian: berita acara, daftar hadir dan "
                "ringkasan keputusan (keputusan.csv), dengan README berisi SHA-256 setiap "
                "berkas. Pilih berita acara yang sudah ditandatangani bila ada; tanpa itu "
                "paket memuat berita acara yang belum ditandatangani."
            )
        )
        intro.setWordWrap(True)
        self.folder = QLineEdit(str(Path.home() / f"paket-laporan-rapat-{meeting_id}"))
        self.folder.setObjectName("pack_folder")
        self.folder.setMinimumWidth(380)
        self.signed = QLineEdit()
        self.signed.setObjectName("pack_signed")
        self.signed.setPlaceholderText(tr("kosong: berita acara belum ditandatangani"))
        # The signed berita acara the app recorded at the lock, when it is still in place.
        known = services.reporting.signed_file(meeting_id)
        if known is not None:
            self.signed.setText(str(known))
        choose_folder = QPushButton(tr("Pilih &folder…"))
        choose_signed = QPushButton(tr("Pilih &PDF…"))
        choose_folder.clicked.connect(self._choose_folder)
        choose_signed.clicked.connect(self._choose_signed)

        form = QFormLayout()
        form.addRow(tr("Folder &paket:"), _row(self.folder, choose_folder))
        form.addRow(tr("Berita acara &bertanda tangan:"), _row(self.signed, choose_signed))
        for field in (self.folder, self.signed):
            label = form.labelForField(field.parentWidget())
            if isinstance(label, QLabel):
                label.setBuddy(field)

        self.progress = QProgressBar()
        self.progress.setObjectName("pack_progress")
        self.progress.hide()
        self.result = QLabel()
        self.result.setObjectName("pack_result")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.result.hide()

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Close
        )
        self.write_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.write_button.setText(tr("&Buat paket"))
        self.buttons.accepted.connect(self.write)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.result)
        layout.addWidget(self.buttons)
        self.folder.setFocus()

    def _choose_folder(self) -> None:
        current = Path(self.folder.text().strip() or Path.home())
        chosen = QFileDialog.getExistingDirectory(
            self, tr("Folder tempat paket dibuat"), str(current.parent)
        )
        if chosen:
            self.folder.setText(str(Path(chosen) / current.name))

    def _choose_signed(self) -> None:
        chosen, _filter = QFileDialog.getOpenFileName(
            self, tr("Berita acara bertanda tangan"), str(Path.home()), tr("PDF (*.pdf)")
        )
        if chosen:
            self.signed.setText(chosen)

    def write(self) -> Background | None:
        """Write the pack on the door's worker thread with the bar; on success show the files,
        on refusal say why and keep the dialog as it is. Close (Esc) while it runs cancels it
        and nothing of the pack stays. The work is returned (None when no folder is typed)."""
        folder_text = self.folder.text().strip()
        if not folder_text:
            self.folder.setFocus()
            return None
        signed_text = self.signed.text().strip()
        meeting_id, reporting = self.meeting_id, self.services.reporting
        work = self.work = self.operations.start(
            lambda progress: reporting.write(
                meeting_id,
                Path(folder_text).expanduser(),
                Path(signed_text).expanduser() if signed_text else None,
                progress=progress,
            )
        )
        self.progress.setRange(0, 0)
        self.progress.show()
        self.write_button.setEnabled(False)
        work.progressed.connect(self._progressed)
        work.succeeded.connect(self._written)
        work.failed.connect(self._failed)
        return work

    def _progressed(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)

    def _failed(self, message: str, cancelled: bool) -> None:
        self.work = None
        self.progress.hide()
        self.write_button.setEnabled(True)
        if not cancelled:
            show_refusal(self, message)

    def _written(self, pack: ReportingPack) -> None:
        self.work = None
        self.progress.hide()
        self.pack = pack
        lines = [tr("Paket laporan ditulis ke {path}:", path=pack.folder)]
        lines += [f"• {f.name} — SHA-256 {f.sha256[:16]}…" for f in pack.files]
        if not pack.signed:
            lines.append(tr("Catatan: berita acara dalam paket ini belum ditandatangani."))
        self.result.setText("\n".join(lines))
        self.result.show()
        self.write_button.setEnabled(False)

    def reject(self) -> None:
        """Close; while the pack is being written, cancel it first (nothing of it stays)."""
        if self.work is not None:
            self.work.cancel()
        super().reject()


def _row(field: QLineEdit, button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QHBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(field, 1)
    layout.addWidget(button)
    return box
