"""Tanda Tangan & Verifikasi: the berita acara exported for signing, officers' keys made or
imported, signatures placed role by role, the meeting's signature status (locked once complete,
with the recorded SHA-256), any PDF verified signature by signature, and addenda to a locked
meeting.

Signing and verifying take half a second; they run on the spot under a wait cursor, short
enough not to need a worker (stack.md section 5, pitfall 5 is about event loops, not this).
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QProgressDialog,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.cooperative import TimeZone
from assembly.domain.meeting import MeetingState
from assembly.i18n import tr, translator
from assembly.services.anchor_check import FileVerdict
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.services.minutes_signing import MinutesSigned, SigningStatus, role_choices
from assembly.ui.background import Background, progress_window
from assembly.ui.dialogs.addendum_dialog import AddendumDialog
from assembly.ui.dialogs.key_dialog import KeyDialog
from assembly.ui.dialogs.sign_dialog import SignDialog
from assembly.ui.operation import Operations, show_refusal
from assembly.ui.widgets.meeting_selector import meeting_selector
from assembly.ui.widgets.verification_box import GOOD_STYLE, VerificationBox

if TYPE_CHECKING:  # pyHanko comes with it: loaded when a PDF is first checked
    from assembly.services.signature_report import VerificationReport

T = TypeVar("T")


class SigningPage(QWidget):
    """Signing the berita acara of a finished meeting, and verifying signed PDFs."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self.progress_dialog: QProgressDialog | None = None  # while the berita acara is written
        self.export_work: Background | None = None  # the latest export of the berita acara
        self.setWindowTitle(tr("Tanda Tangan & Verifikasi"))
        self._files: dict[int, Path] = {}  # the berita acara last exported/signed per meeting
        self._keys: dict[str, Path] = {}  # key file per role, made or imported this session
        self._status: SigningStatus | None = None
        self.dialog: SignDialog | KeyDialog | AddendumDialog | None = None

        self.meeting = meeting_selector("signing_meeting")
        meeting_label = QLabel(tr("&Rapat:"))
        meeting_label.setBuddy(self.meeting)
        self.export_button = QPushButton(tr("&Ekspor berita acara untuk ditandatangani…"))
        self.sign_button = QPushButton(tr("&Tandatangani…"))
        self.new_key_button = QPushButton(tr("Buat &kunci baru…"))
        self.import_key_button = QPushButton(tr("&Impor kunci…"))
        self.addendum_button = QPushButton(tr("Buat &adendum…"))

        self.state_label = QLabel()
        self.state_label.setObjectName("signing_state")
        self.fields_label = QLabel()
        self.fields_label.setObjectName("signing_fields")
        self.fields_label.setWordWrap(True)
        self.hash_label = QLabel()
        self.hash_label.setObjectName("signing_hash")
        self.hash_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.keys_label = QLabel()
        self.keys_label.setObjectName("signing_keys")
        self.keys_label.setWordWrap(True)

        self.verification = VerificationBox()
        self.verify_button = self.verification.verify_button
        self.model, self.table = self.verification.model, self.verification.table
        self.checked_label = self.verification.checked_label
        self.summary, self.anchor_label = self.verification.summary, self.verification.anchor_label
        self.backup_label = self.verification.backup_label

        top = QHBoxLayout()
        top.addWidget(meeting_label)
        top.addWidget(self.meeting, 1)
        actions = QHBoxLayout()
        for button in (
            self.export_button,
            self.sign_button,
            self.new_key_button,
            self.import_key_button,
            self.addendum_button,
        ):
            actions.addWidget(button)
        actions.addStretch(1)
        status_box = QGroupBox(tr("Status tanda tangan rapat ini"))
        status_layout = QVBoxLayout(status_box)
        for label in (self.state_label, self.fields_label, self.hash_label, self.keys_label):
            status_layout.addWidget(label)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(actions)
        layout.addWidget(status_box)
        layout.addWidget(self.verification, 1)

        self.meeting.currentIndexChanged.connect(self.refresh_status)
        self.export_button.clicked.connect(self.export_minutes)
        self.sign_button.clicked.connect(self.open_sign_dialog)
        self.new_key_button.clicked.connect(lambda: self.open_key_dialog(new=True))
        self.import_key_button.clicked.connect(lambda: self.open_key_dialog(new=False))
        self.verify_button.clicked.connect(self.choose_and_verify)
        self.addendum_button.clicked.connect(self.open_addendum_dialog)
        operations.changed.connect(self._changed)
        self.reload()

    # --- the meeting and its status ------------------------------------------------------

    def reload(self) -> None:
        """Fill the meeting chooser with the finished meetings, keeping the choice."""
        current = self.meeting_id()
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for summary in self.services.meetings.list():
            if summary.state in (MeetingState.CLOSED, MeetingState.LOCKED):
                text = f"{summary.choice(translator())} ({tr(summary.state.key)})"
                self.meeting.addItem(text, summary.id)
        index = self.meeting.findData(current) if current is not None else 0
        self.meeting.setCurrentIndex(max(index, 0))
        self.meeting.blockSignals(False)
        self.refresh_status()

    def meeting_id(self) -> int | None:
        """The chosen meeting, or None when no meeting is finished yet."""
        data = self.meeting.currentData()
        return int(data) if data is not None else None

    def refresh_status(self) -> None:
        """Show where the chosen meeting's signing stands."""
        meeting_id = self.meeting_id()
        self._status = None
        if meeting_id is None:
            self.state_label.setText(tr("Belum ada rapat yang ditutup."))
            self.fields_label.clear()
            self.hash_label.clear()
        else:
            file = self._files.get(meeting_id)
            try:
                self._status = self.services.minutes_signing.status(
                    meeting_id, file if file and file.is_file() else None
                )
            except Exception:  # a file moved away or broken: show the record only
                self._status = self.services.minutes_signing.status(meeting_id)
            self._show_status(self._status, file)
        self._update_buttons()
        self._show_keys()

    def _show_status(self, status: SigningStatus, file: Path | None) -> None:
        titles = dict(role_choices())
        if status.locked:
            self.state_label.setText(
                tr("Ditandatangani lengkap — rapat terkunci; perbaikan hanya dengan adendum.")
            )
            self.state_label.setStyleSheet(GOOD_STYLE)
        else:
            self.state_label.setText(
                tr("Rapat ditutup — berita acara belum ditandatangani lengkap (belum terkunci).")
            )
            self.state_label.setStyleSheet("")

        def names(fields: tuple[str, ...]) -> str:
            return ", ".join(titles.get(f.removeprefix("TTD_").lower(), f) for f in fields) or "-"

        lines = [
            tr("Sudah ditandatangani: {roles}", roles=names(status.signed)),
            tr("Belum ditandatangani: {roles}", roles=names(status.missing)),
        ]
        if file is not None and not status.locked:
            lines.append(tr("Berkas yang sedang ditandatangani: {path}", path=file))
        self.fields_label.setText("\n".join(lines))
        if status.minutes is not None:
            text = tr(
                "Berkas bertanda tangan tercatat: {file}\nSHA-256: {hash}",
                file=status.minutes.file_name,
                hash=status.minutes.sha256,
            )
            if status.addenda:
                text += "\n" + tr("Adendum tercatat: {n}", n=len(status.addenda))
            self.hash_label.setText(text)
        else:
            self.hash_label.setText(tr("SHA-256 dicatat ketika tanda tangan terakhir dibubuhkan."))

    def _show_keys(self) -> None:
        if not self._keys:
            self.keys_label.setText(tr("Belum ada kunci dipilih pada sesi ini."))
            return
        titles = dict(role_choices())
        parts = [f"{titles.get(role, role)}: {path.name}" for role, path in self._keys.items()]
        self.keys_label.setText(tr("Kunci: {keys}", keys="; ".join(parts)))

    def _update_buttons(self) -> None:
        status = self._status
        self.export_button.setEnabled(status is not None and not status.locked)
        self.sign_button.setEnabled(status is not None)
        self.addendum_button.setEnabled(status is not None and status.locked)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.MEETINGS) or changes.touches(Area.MINUTES):
            self.reload()

    # --- actions -------------------------------------------------------------------------

    def export_minutes(self) -> Background | None:
        """Ask where, then write the chosen meeting's berita acara with empty fields."""
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return None
        suggested = Path.home() / f"berita-acara-rapat-{meeting_id}.pdf"
        path, _f = QFileDialog.getSaveFileName(
            self, tr("Ekspor berita acara"), str(suggested), tr("PDF (*.pdf)")
        )
        if not path:
            return None
        return self.write_minutes(meeting_id, Path(path))

    def write_minutes(self, meeting_id: int, target: Path) -> Background:
        """Write the berita acara on the door's worker thread with a progress bar and a
        cancel button (150,000 present take minutes); a cancel leaves no file."""
        work = self.operations.start(
            lambda progress: self.services.minutes.export(meeting_id, target, progress=progress)
        )
        dialog = progress_window(self, work, tr("Menyusun berita acara…"))
        dialog.setWindowTitle(tr("Ekspor berita acara"))
        self.progress_dialog = dialog  # for the tests, which cancel through it
        self.export_work = work
        work.succeeded.connect(lambda _result: self._exported(meeting_id, target))
        work.failed.connect(lambda message, cancelled: cancelled or show_refusal(self, message))
        return work

    def _exported(self, meeting_id: int, target: Path) -> None:
        self._files[meeting_id] = target
        self.refresh_status()

    def open_sign_dialog(self) -> SignDialog:
        """The signing dialog, for the next missing role by default."""
        meeting_id = self.meeting_id()
        status = self._status
        role = None
        if status is not None and status.missing:
            role = status.missing[0].removeprefix("TTD_").lower()
        pdf = self._files.get(meeting_id) if meeting_id is not None else None
        dialog = SignDialog(self, role_choices(), pdf, self._keys, role, submit=self._sign)
        self._open(dialog)
        return dialog

    def _sign(self, dialog: SignDialog) -> str | Background:
        """Sign as the dialog says, on the door's worker thread (pyHanko and the PDF checks
        take a moment; the window stays responsive). A refusal goes back to the dialog, which
        stays open: a wrong passphrase is one message and another try."""
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return tr("Pilih rapat lebih dahulu.")
        pdf, role, key, passphrase = dialog.values()
        dialog.passphrase.clear()  # the passphrase leaves memory with the attempt
        signing = self.services.minutes_signing
        work = self.operations.start(
            lambda _progress: signing.sign_minutes(meeting_id, pdf, key, passphrase, role)
        )
        work.succeeded.connect(lambda done: self._signed(meeting_id, role, key, done.value))
        return work

    def _signed(self, meeting_id: int, role: str, key: Path, signed: MinutesSigned) -> None:
        self._keys[role] = key
        if signed.kind == "berita_acara":
            self._files[meeting_id] = signed.signed.path
        self.show_report(signed.report)
        self.verification.show_backup(signed.backup)
        self.refresh_status()

    def open_key_dialog(self, *, new: bool) -> KeyDialog:
        """The dialog that makes a new key or imports an existing one."""
        folder = next(iter(self._keys.values())).parent if self._keys else None
        dialog = KeyDialog(self, role_choices(), new=new, folder=folder)
        dialog.accepted.connect(lambda: self._key(dialog))
        self._open(dialog)
        return dialog

    def _key(self, dialog: KeyDialog) -> None:
        name, role, path, passphrase = dialog.values()
        dialog.passphrase.clear()
        dialog.repeat.clear()
        if dialog.new:
            created = self._busy(
                lambda: self.operations.run(
                    self,
                    lambda: self.services.signing.new_key(name, path, passphrase, role=role),
                )
            )
            info = created.certificate if created is not None else None
        else:
            info = self._busy(
                lambda: self.operations.run(
                    self, lambda: self.services.signing.inspect_key(path, passphrase)
                )
            )
        if info is None:
            return
        self._keys[role] = path
        self._show_keys()
        self.keys_label.setText(
            self.keys_label.text()
            + "\n"
            + tr(
                "{name} — {label}, berlaku sampai {date}; sidik jari {fingerprint}",
                name=info.name,
                label=info.label.value,
                date=f"{info.not_after:%d-%m-%Y}",
                fingerprint=info.fingerprint,
            )
        )

    def choose_and_verify(self) -> VerificationReport | None:
        """Ask for any PDF and show its signatures."""
        start = next(iter(self._files.values()), Path.home())
        path, _f = QFileDialog.getOpenFileName(
            self, tr("Periksa PDF"), str(start), tr("PDF (*.pdf)")
        )
        if not path:
            return None
        return self.verify(Path(path))

    def verify(self, path: Path) -> VerificationReport | None:
        """Verify ``path`` and show the table and the verdict."""
        report = self._busy(
            lambda: self.operations.run(self, lambda: self.services.signing.verify(path))
        )
        if report is not None:
            verdict = self._busy(
                lambda: self.operations.run(self, lambda: self.services.anchors.verify_file(path))
            )
            self.show_report(report, verdict)
        return report

    def show_report(self, report: VerificationReport, verdict: FileVerdict | None = None) -> None:
        """Show each signature of ``report`` and the one-line verdict; with ``verdict``, also
        the required signers missing and whether the open database still matches the file."""
        self.verification.show_report(report, verdict, self._zone())

    @property
    def verdict(self) -> FileVerdict | None:
        """What the last file checked says against the open database, when asked."""
        return self.verification.verdict

    def open_addendum_dialog(self) -> AddendumDialog | None:
        """The addendum dialog, for a locked meeting."""
        meeting_id = self.meeting_id()
        status = self._status
        if meeting_id is None or status is None or status.minutes is None:
            return None
        suggested = Path(
            self._files.get(meeting_id, Path.home() / "x").parent
            / f"adendum-{len([a for a in status.addenda if a.kind == 'addendum']) + 1}"
            f"-rapat-{meeting_id}.pdf"
        )
        dialog = AddendumDialog(self, status.minutes.sha256, suggested)
        dialog.accepted.connect(lambda: self._addendum(dialog))
        self._open(dialog)
        return dialog

    def _addendum(self, dialog: AddendumDialog) -> None:
        meeting_id = self.meeting_id()
        if meeting_id is None:
            return
        text, path = dialog.values()
        result = self.operations.run(
            self, lambda: self.services.addenda.create(meeting_id, text, path)
        )
        if result is not None:
            self.checked_label.setText(
                tr(
                    "Adendum ditulis ke {path}; tandatangani dengan \u201cTandatangani…\u201d.",
                    path=result.value.path,
                )
            )

    # --- helpers ---------------------------------------------------------------------------

    def _open(self, dialog: SignDialog | KeyDialog | AddendumDialog) -> None:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog = dialog
        dialog.open()

    def _zone(self) -> TimeZone | None:
        coop = self.services.cooperative.cooperative()
        return coop.time_zone if coop else None

    def _busy(self, call: Callable[[], T]) -> T:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            return call()
        finally:
            QApplication.restoreOverrideCursor()
