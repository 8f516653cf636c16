"""The correction text of an addendum and where to write it."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr
from assembly.ui.dialogs.sign_dialog import add_row, path_row
from assembly.ui.widgets.inline_problems import ERROR_STYLE


class AddendumDialog(QDialog):
    """Asks for the correction and the file; :meth:`values` after it is accepted."""

    def __init__(self, parent: QWidget | None, cited_sha256: str, suggested: Path) -> None:
        super().__init__(parent)
        self.setWindowTitle(tr("Buat adendum berita acara"))
        self.text = QPlainTextEdit()
        self.text.setObjectName("addendum_text")
        self.text.setTabChangesFocus(True)  # Tab leaves the text; the keyboard stays in charge
        self.path = QLineEdit(str(suggested))
        self.path.setObjectName("addendum_path")
        choose = QPushButton(tr("&Pilih…"))
        choose.clicked.connect(self._choose)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        cited = QLabel(
            tr("Mengutip berita acara bertanda tangan dengan SHA-256:\n{hash}", hash=cited_sha256)
        )
        cited.setWordWrap(True)
        form = QFormLayout()
        add_row(form, tr("&Perbaikan:"), self.text)
        add_row(form, tr("&Simpan ke:"), self.path, path_row(self.path, choose))
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(tr("&Buat adendum"))
        self.buttons.accepted.connect(self._accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(cited)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.resize(600, 380)
        self.text.setFocus()

    def values(self) -> tuple[str, Path]:
        """(correction text, target file)."""
        return self.text.toPlainText().strip(), Path(self.path.text().strip())

    def _accept(self) -> None:
        if not self.text.toPlainText().strip():
            self.problem.setText(tr("Isi perbaikan pada adendum wajib diisi."))
            self.text.setFocus()
        elif not self.path.text().strip():
            self.problem.setText(tr("Pilih berkas tujuan adendum."))
            self.path.setFocus()
        else:
            self.accept()

    def _choose(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self, tr("Simpan adendum"), self.path.text(), tr("PDF (*.pdf)")
        )
        if path:
            self.path.setText(path)
