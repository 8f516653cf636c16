"""Signing a PDF in a role: the file, the role, the key file and its passphrase.

The passphrase lives only in the field while the dialog is open; it is handed to the service
once and never stored. Keyboard-first: every field has a mnemonic and Enter signs."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr
from assembly.ui.background import Background
from assembly.ui.widgets.inline_problems import ERROR_STYLE


def path_row(edit: QLineEdit, choose: QPushButton) -> QWidget:
    """A path field with its "Pilih…" button beside it."""
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(edit, 1)
    layout.addWidget(choose)
    return row


def add_row(form: QFormLayout, text: str, field: QWidget, shown: QWidget | None = None) -> None:
    """A form row whose label's mnemonic focuses ``field`` (shown inside ``shown``)."""
    label = QLabel(text)
    label.setBuddy(field)
    form.addRow(label, shown or field)


class SignDialog(QDialog):
    """Asks what to sign, as whom and with which key; :meth:`values` after it is accepted.

    With ``submit``, Tandatangani signs at once: ``submit`` returns None when it signed (the
    dialog closes), the refusal to show here, once, with the dialog left open to try again
    (a mistyped passphrase is typed again, not the whole form), or the signing under way on
    the door's worker thread (``work``), which ends the same two ways."""

    def __init__(
        self,
        parent: QWidget | None,
        roles: Sequence[tuple[str, str]],
        pdf: Path | None = None,
        keys: dict[str, Path] | None = None,
        role: str | None = None,
        submit: Callable[[SignDialog], str | Background | None] | None = None,
    ) -> None:
        super().__init__(parent)
        self._submit = submit
        self.work: Background | None = None  # the signing under way
        self.setWindowTitle(tr("Tandatangani berita acara"))
        self._keys = dict(keys or {})
        self.pdf = QLineEdit(str(pdf) if pdf else "")
        self.pdf.setObjectName("sign_pdf")
        self.role = QComboBox()
        self.role.setObjectName("sign_role")
        for key, title in roles:
            self.role.addItem(title, key)
        if role is not None and self.role.findData(role) >= 0:
            self.role.setCurrentIndex(self.role.findData(role))
        self.key = QLineEdit()
        self.key.setObjectName("sign_key")
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("sign_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.problem = QLabel()
        self.problem.setObjectName("sign_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        choose_pdf = QPushButton(tr("Pilih &PDF…"))
        choose_pdf.clicked.connect(self._choose_pdf)
        choose_key = QPushButton(tr("Pilih &kunci…"))
        choose_key.clicked.connect(self._choose_key)

        form = QFormLayout()
        add_row(form, tr("&Berkas PDF:"), self.pdf, path_row(self.pdf, choose_pdf))
        add_row(form, tr("&Sebagai:"), self.role)
        add_row(form, tr("Berkas k&unci (.p12):"), self.key, path_row(self.key, choose_key))
        add_row(form, tr("Kata s&andi kunci:"), self.passphrase)
        note = QLabel(
            tr("Kata sandi tidak disimpan. Tanda tangan ditambahkan pada berkas PDF itu sendiri.")
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Tandatangani"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.role.currentIndexChanged.connect(self._role_changed)
        self._role_changed()
        self.resize(560, self.sizeHint().height())
        (self.passphrase if self.pdf.text() and self.key.text() else self.pdf).setFocus()

    def values(self) -> tuple[Path, str, Path, str]:
        """(pdf, role key, key file, passphrase)."""
        return (
            Path(self.pdf.text().strip()),
            str(self.role.currentData()),
            Path(self.key.text().strip()),
            self.passphrase.text(),
        )

    def _role_changed(self) -> None:
        known = self._keys.get(str(self.role.currentData()))
        if known is not None:
            self.key.setText(str(known))

    def _accept(self) -> None:
        if not self.pdf.text().strip():
            self._refuse(tr("Pilih berkas PDF yang ditandatangani."), self.pdf)
        elif not self.key.text().strip():
            self._refuse(tr("Pilih berkas kunci (.p12)."), self.key)
        elif not self.passphrase.text():
            self._refuse(tr("Isi kata sandi kunci."), self.passphrase)
        elif self._submit is None:
            self.accept()
        else:
            outcome = self._submit(self)
            self.passphrase.clear()  # the passphrase is typed again, never kept
            if outcome is None:
                self.accept()
            elif isinstance(outcome, str):
                self._refuse(outcome, self.passphrase)
            else:
                self._wait_for(outcome)

    def _wait_for(self, work: Background) -> None:
        """The signature is being made: say so, and take no second click meanwhile (a
        signature is added whole or not at all; it takes a moment, so Batal waits for it)."""
        self.work = work
        self.buttons.setEnabled(False)
        self.problem.setStyleSheet("")
        self.problem.setText(tr("Menandatangani…"))
        work.succeeded.connect(lambda _result: self._signed())
        work.failed.connect(lambda message, _cancelled: self._not_signed(message))

    def _signed(self) -> None:
        self.work = None
        self.buttons.setEnabled(True)
        self.accept()

    def _not_signed(self, message: str) -> None:
        self.work = None
        self.buttons.setEnabled(True)
        self._refuse(message, self.passphrase)

    def reject(self) -> None:
        """Close, unless a signature is being made (it finishes first)."""
        if self.work is None:
            super().reject()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setText(message)
        field.setFocus()

    def _choose_pdf(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, tr("Pilih berkas PDF"), self.pdf.text(), tr("PDF (*.pdf)")
        )
        if path:
            self.pdf.setText(path)

    def _choose_key(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, tr("Pilih berkas kunci"), self.key.text(), tr("Kunci PKCS#12 (*.p12 *.pfx)")
        )
        if path:
            self.key.setText(path)
