"""The booth between ballots, and the chair's way out of it: the page that says the booth waits
for the next ballot (so a voter is never left on one that closed), and the confirmation before
the booth window closes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMessageBox, QVBoxLayout, QWidget

from assembly.i18n import tr


def _centred(name: str, text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    return label


class WaitingPage(QWidget):
    """ "Menunggu pemungutan suara berikutnya", with what happens next."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = _centred("waiting", tr("Menunggu pemungutan suara berikutnya"), self)
        self.hint = _centred(
            "waiting_hint",
            tr("Pemungutan suara sebelumnya sudah ditutup. Bilik ini terbuka lagi sendiri "
               "begitu ketua membuka pemungutan suara berikutnya."),
            self,
        )  # fmt: skip
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self.title)
        layout.addWidget(self.hint)
        layout.addStretch(1)


def confirm_close(booth: QWidget) -> QMessageBox:
    """Ask before ``booth`` closes; "Kembali" is the default, so a voter's stray Enter or Esc
    leaves the booth as it is. Window-modal, not blocking."""
    box = QMessageBox(
        QMessageBox.Icon.Question,
        tr("Tutup bilik suara"),
        tr("Tutup bilik suara ini?"),
        QMessageBox.StandardButton.NoButton,
        booth,
    )
    box.setObjectName("close_booth_box")
    # Light, like any message box: the booth's dark style would otherwise reach into it.
    box.setStyleSheet(
        "QMessageBox { background: #ffffff; }"
        "QLabel { color: #000000; background: transparent; font-size: 14pt; }"
        "QPushButton { background: #eeeeee; color: #000000; border: 1px solid #888888;"
        " border-radius: 4px; padding: 6px 16px; font-size: 13pt; }"
        "QPushButton:default { border: 2px solid #1b5fa8; }"
    )
    box.setInformativeText(tr("Pemungutan suara tidak ikut ditutup; ketua menutupnya di konsol."))
    yes = box.addButton(tr("Tutup bilik"), QMessageBox.ButtonRole.YesRole)
    yes.setObjectName("confirm_close_booth")
    back = box.addButton(tr("&Kembali"), QMessageBox.ButtonRole.NoRole)
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    yes.clicked.connect(lambda _c=False: booth.close())
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.setWindowModality(Qt.WindowModality.WindowModal)
    box.open()
    return box
