"""Recording a decision reached by musyawarah untuk mufakat (UU 25/1992 Pasal 24(1)): the
text decided, and any dissent the meeting wants noted."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.meeting import AgendaItem
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.ui.operation import Operations
from assembly.ui.widgets.inline_problems import ERROR_STYLE


class ConsensusDialog(QDialog):
    """The consensus decision on one agenda item; stored when Simpan is pressed."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        meeting_id: int,
        item: AgendaItem,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.operations = services, operations
        self.meeting_id, self.item = meeting_id, item
        self.setWindowTitle(tr("Keputusan secara mufakat"))
        heading = QLabel(tr("Acara {n}: {title}", n=item.position, title=item.title))
        heading.setStyleSheet("font-weight: bold;")
        heading.setWordWrap(True)
        self.text = QPlainTextEdit()
        self.text.setObjectName("consensus_text")
        self.text.setTabChangesFocus(True)
        self.text.setMinimumSize(460, 100)
        self.dissent = QPlainTextEdit()
        self.dissent.setObjectName("consensus_dissent")
        self.dissent.setTabChangesFocus(True)
        self.dissent.setPlaceholderText(tr("Kosongkan bila tidak ada"))
        self.dissent.setMaximumHeight(70)
        self.problem = QLabel()
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.hide()
        form = QFormLayout()
        form.addRow(tr("&Yang disepakati:"), self.text)
        form.addRow(tr("&Catatan keberatan:"), self.dissent)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.text.setFocus(Qt.FocusReason.OtherFocusReason)

    def accept(self) -> None:
        """Store the decision; the dialog stays open with the reason when it is refused."""
        text = self.text.toPlainText().strip()
        if not text:
            self.problem.setText(tr("✖ Tuliskan isi keputusan yang disepakati."))
            self.problem.show()
            self.text.setFocus(Qt.FocusReason.OtherFocusReason)
            return
        item_id = self.item.id or 0
        done = self.operations.run(
            self,
            lambda: self.services.decisions.record_consensus(
                self.meeting_id, item_id, text, self.dissent.toPlainText()
            ),
        )
        if done is not None:
            super().accept()
