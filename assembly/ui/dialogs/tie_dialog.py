"""Recording who takes a tied last seat when the AD breaks a tie by lot or by the chair
(law.md rule 17): the tied candidates listed, the secretary ticks the one(s) drawn or chosen,
and the decision is recorded. A refusal leaves the dialog open with the ticks kept."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.decisions import DecisionRow
from assembly.ui.operation import Operations, Refused
from assembly.ui.widgets.inline_problems import ERROR_STYLE


class TieDialog(QDialog):
    """Settle the tie of closed election ``ballot_id``; ``decision`` holds it once recorded."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        ballot_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.operations, self.ballot_id = services, operations, ballot_id
        self.decision: DecisionRow | None = None
        tied, self.seats, how = services.elections.tied(ballot_id)
        self.setWindowTitle(tr("Suara sama untuk kursi terakhir"))
        intro = QLabel(
            tr(
                "Menurut profil AD suara sama {how}. Centang {n} calon yang terpilih.",
                how=tr(how.key),
                n=self.seats,
            )
        )
        intro.setWordWrap(True)
        self.boxes: list[tuple[str, QCheckBox]] = []
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        for number, name in tied:
            box = QCheckBox(f"{number}  {name}")
            self.boxes.append((number, box))
            layout.addWidget(box)
        self.problem = QLabel()
        self.problem.setObjectName("tie_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def chosen(self) -> list[str]:
        """The member numbers ticked."""
        return [number for number, box in self.boxes if box.isChecked()]

    def accept(self) -> None:
        """Record the decision; stay open with the refusal shown when it is refused."""
        numbers = self.chosen()
        done = self.operations.run_inline(
            lambda: self.services.elections.settle_tie(self.ballot_id, numbers)
        )
        if isinstance(done, Refused):
            self.problem.setText("✖ " + done.message)
            self.problem.show()
            self.adjustSize()
            return
        self.decision = done.value
        super().accept()
