"""What the booth shows once the voter confirmed (or was refused at the scan): the thank-you,
or why the vote was not recorded, large, until the time runs out or a key is pressed."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QVBoxLayout, QWidget

from assembly.i18n import tr
from assembly.ui.kiosk.identify import booth_label


class ThanksPage(QWidget):
    """ "Terima kasih, suara Anda sudah tercatat"."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.thanks = booth_label("thanks", self, tr("Terima kasih, suara Anda sudah tercatat"))
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self).addWidget(self.thanks)


class RefusedPage(QWidget):
    """Why the vote was not recorded, and how to go back."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        self.title = booth_label("refused_title", self, tr("Suara tidak dicatat"))
        self.refusal = booth_label("refusal", self)
        self.hint = booth_label("refused_hint", self, tr("Tekan tombol apa saja untuk kembali."))
        layout = QVBoxLayout(self)
        for widget in (self.title, self.refusal, self.hint):
            layout.addWidget(widget)
        layout.addStretch(1)

    def say(self, message: str, title: str = "") -> None:
        """Show ``message`` under ``title`` (by default "Suara tidak dicatat")."""
        self.title.setText(title or tr("Suara tidak dicatat"))
        self.refusal.setText(message)
