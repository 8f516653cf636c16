"""The booth's first page: scan a card or type the member number; a proxy holder ticks the
toggle and types the grantor's number too (the toggle shows only where the meeting takes
proxies). The message line under it says what is missing or unknown."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QLabel, QLineEdit, QVBoxLayout, QWidget

from assembly.i18n import tr


def booth_label(name: str, parent: QWidget, text: str = "") -> QLabel:
    """A booth label named ``name`` (its style and size follow the name): plain text,
    wrapped."""
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class IdentifyPage(QWidget):
    """The member number, and the grantor's when voting by proxy; ``proxies``: whether the
    meeting takes proxies."""

    def __init__(self, proxies: bool, parent: QWidget) -> None:
        super().__init__(parent)
        self.instruction = booth_label(
            "instruction", self, tr("Pindai kartu atau ketik nomor anggota")
        )
        self.number = QLineEdit(self)
        self.number.setObjectName("number")
        self.proxy_toggle = QCheckBox(tr("Memberikan suara untuk pemberi kuasa"), self)
        self.proxy_toggle.setObjectName("proxy_toggle")
        self.proxy_toggle.setVisible(proxies)
        self.proxy_hint = booth_label(
            "proxy_hint", self, tr("Nomor anggota pemberi kuasa (sesuai surat kuasa)")
        )
        self.grantor = QLineEdit(self)
        self.grantor.setObjectName("grantor")
        self.proxy_toggle.toggled.connect(self._proxy_toggled)
        self.message = booth_label("message", self)
        layout = QVBoxLayout(self)
        for widget in (self.instruction, self.number, self.proxy_toggle, self.proxy_hint):
            layout.addWidget(widget)
        layout.addWidget(self.grantor)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._proxy_toggled(False)

    def forget(self) -> None:
        """Clear the numbers and the message, and untick the proxy toggle."""
        self.number.clear()
        self.grantor.clear()
        self.message.clear()
        self.proxy_toggle.setChecked(False)

    def _proxy_toggled(self, on: bool) -> None:
        self.proxy_hint.setVisible(on)
        self.grantor.setVisible(on)
        if on:
            self.grantor.setFocus()
        else:
            self.number.setFocus()
