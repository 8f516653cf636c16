"""A short text the chair must (or may) give before an act: the reason a ballot is cancelled
or re-run, the note that consensus was not reached. The act itself is ``submit``: the dialog
stays open when it is refused, so nothing typed is lost."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr
from assembly.ui.widgets.inline_problems import ERROR_STYLE


class ReasonDialog(QDialog):
    """Ask for a reason (``required``) or a note; ``submit(text)`` acts and returns whether
    it was done."""

    def __init__(
        self,
        title: str,
        prompt: str,
        submit: Callable[[str], bool],
        parent: QWidget | None = None,
        *,
        required: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self._submit = submit
        self._required = required
        label = QLabel(prompt)
        label.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("reason_text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumSize(420, 90)
        label.setBuddy(self.text)
        self.problem = QLabel()
        self.problem.setObjectName("reason_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.text)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Check the reason is there when required, then act; close only once done."""
        text = self.text.toPlainText().strip()
        if self._required and not text:
            self.problem.setText(tr("✖ Alasan wajib diisi."))
            self.problem.show()
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.problem.hide()
        if self._submit(text):
            super().accept()
