"""Making an officer's new signing key, or opening an existing one to import it.

New: name (as on the KTP), role, passphrase twice, the file to write. Import: the file and its
passphrase, only to show who holds it and its label ("TTE tersertifikasi" when a certification
authority issued it, "TTE tidak tersertifikasi" when self-made). Passphrases are never stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr
from assembly.ui.dialogs.sign_dialog import add_row, path_row
from assembly.ui.widgets.inline_problems import ERROR_STYLE

MIN_PASSPHRASE = 8


class KeyDialog(QDialog):
    """``new=True``: the form of a new key; else the form that opens an existing key file."""

    def __init__(
        self,
        parent: QWidget | None,
        roles: Sequence[tuple[str, str]],
        *,
        new: bool,
        folder: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.new = new
        self._folder = folder or Path.home()
        self.setWindowTitle(tr("Buat kunci tanda tangan baru") if new else tr("Impor kunci"))
        self.name = QLineEdit()
        self.name.setObjectName("key_name")
        self.name.setMaxLength(64)
        self.role = QComboBox()
        self.role.setObjectName("key_role")
        for key, title in roles:
            self.role.addItem(title, key)
        self.passphrase = QLineEdit()
        self.passphrase.setObjectName("key_passphrase")
        self.passphrase.setEchoMode(QLineEdit.EchoMode.Password)
        self.repeat = QLineEdit()
        self.repeat.setObjectName("key_repeat")
        self.repeat.setEchoMode(QLineEdit.EchoMode.Password)
        self.path = QLineEdit()
        self.path.setObjectName("key_path")
        choose = QPushButton(tr("&Pilih…"))
        choose.clicked.connect(self._choose)
        self.problem = QLabel()
        self.problem.setObjectName("key_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)

        form = QFormLayout()
        if new:
            add_row(form, tr("&Nama pemegang:"), self.name)
        add_row(form, tr("P&eran:"), self.role)
        add_row(form, tr("Berkas &kunci (.p12):"), self.path, path_row(self.path, choose))
        add_row(form, tr("Kata s&andi:"), self.passphrase)
        if new:
            add_row(form, tr("&Ulangi kata sandi:"), self.repeat)
        note = QLabel(
            tr(
                "Kunci buatan Kuorum berlabel \u201cTTE tidak tersertifikasi\u201d. Simpan kata "
                "sandinya baik-baik: Kuorum tidak menyimpannya dan tidak dapat memulihkannya."
            )
            if new
            else tr(
                "Kunci dari penyelenggara sertifikasi (PSrE) berlabel \u201cTTE tersertifikasi\u201d. "
                "Kata sandi hanya dipakai untuk membuka kunci sekarang dan tidak disimpan."
            )
        )
        note.setWordWrap(True)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(
            tr("&Buat kunci") if new else tr("&Impor")
        )
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(560, self.sizeHint().height())
        (self.name if new else self.role).setFocus()

    def values(self) -> tuple[str, str, Path, str]:
        """(name, role key, key file, passphrase)."""
        return (
            " ".join(self.name.text().split()),
            str(self.role.currentData()),
            Path(self.path.text().strip()),
            self.passphrase.text(),
        )

    def _accept(self) -> None:
        if self.new and not self.name.text().strip():
            self._refuse(tr("Nama pemegang kunci wajib diisi."), self.name)
        elif not self.path.text().strip():
            self._refuse(tr("Pilih berkas kunci (.p12)."), self.path)
        elif self.new and len(self.passphrase.text()) < MIN_PASSPHRASE:
            self._refuse(
                tr("Kata sandi kunci minimal {n} karakter.", n=MIN_PASSPHRASE), self.passphrase
            )
        elif self.new and self.repeat.text() != self.passphrase.text():
            self._refuse(tr("Kedua kata sandi tidak sama."), self.repeat)
        elif not self.passphrase.text():
            self._refuse(tr("Isi kata sandi kunci."), self.passphrase)
        else:
            self.accept()

    def _refuse(self, message: str, field: QWidget) -> None:
        self.problem.setText(message)
        field.setFocus()

    def _choose(self) -> None:
        if self.new:
            suggested = self._folder / f"{self.role.currentData()}.p12"
            path, _f = QFileDialog.getSaveFileName(
                self, tr("Simpan kunci baru"), str(suggested), tr("Kunci PKCS#12 (*.p12)")
            )
        else:
            path, _f = QFileDialog.getOpenFileName(
                self, tr("Pilih berkas kunci"), str(self._folder), tr("Kunci PKCS#12 (*.p12 *.pfx)")
            )
        if path:
            self.path.setText(path)
