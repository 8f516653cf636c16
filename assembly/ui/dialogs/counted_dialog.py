"""Entering a counted vote (show of hands or paper ballots): the totals the tellers (saksi)
announce, and for paper the ballots issued and returned. The service reconciles them against
each other and against the entitled present at the snapshot (DESIGN.md section 3); what it
refuses is listed under the figures and nothing is stored until they agree."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import Ballot, CountedTotals
from assembly.domain.quorum import thousands
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.ui.operation import Operations, Refused
from assembly.ui.widgets.inline_problems import ERROR_STYLE

MAX_FIGURE = 10_000_000


def _spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setObjectName(name)
    spin.setRange(0, MAX_FIGURE)
    spin.setGroupSeparatorShown(True)
    spin.setMinimumWidth(120)
    return spin


class CountedDialog(QDialog):
    """The totals of one counted motion."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        ballot: Ballot,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.operations, self.ballot = services, operations, ballot
        self.setWindowTitle(tr("Jumlah suara dihitung"))
        heading = QLabel(
            tr(
                "{title}\n{eligible} anggota berhak suara hadir saat pemungutan suara dibuka.",
                title=ballot.title,
                eligible=thousands(ballot.eligible),
            )
        )
        heading.setWordWrap(True)
        self.yes = _spin("counted_yes")
        self.no = _spin("counted_no")
        self.abstain = _spin("counted_abstain")
        self.invalid = _spin("counted_invalid")
        self.blank = _spin("counted_blank")
        self.paper = QCheckBox(tr("Dengan surat suara ke&rtas"))
        self.paper.setObjectName("counted_paper")
        self.issued = _spin("counted_issued")
        self.returned = _spin("counted_returned")
        self.tellers = QLineEdit()
        self.tellers.setObjectName("counted_tellers")
        self.tellers.setPlaceholderText(tr("Nama saksi, dipisah koma"))
        self.total_label = QLabel()
        self.total_label.setObjectName("counted_total")
        self.problems = QLabel()
        self.problems.setObjectName("counted_problems")
        self.problems.setStyleSheet(ERROR_STYLE)
        self.problems.setWordWrap(True)
        self.problems.hide()
        form = QFormLayout()
        form.addRow(tr("&Setuju:"), self.yes)
        form.addRow(tr("&Tidak setuju:"), self.no)
        form.addRow(tr("&Abstain:"), self.abstain)
        form.addRow(tr("Tidak sa&h:"), self.invalid)
        form.addRow(tr("K&osong:"), self.blank)
        form.addRow("", self.total_label)
        form.addRow("", self.paper)
        form.addRow(tr("Surat suara &dibagikan:"), self.issued)
        form.addRow(tr("Surat suara k&embali:"), self.returned)
        form.addRow(tr("Sa&ksi penghitung:"), self.tellers)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problems)
        layout.addWidget(self.buttons)
        for spin in (self.yes, self.no, self.abstain, self.invalid, self.blank):
            spin.valueChanged.connect(lambda _v: self._show_total())
        self.paper.toggled.connect(self._paper_toggled)
        self._paper_toggled(False)
        self._show_total()
        self.yes.setFocus(Qt.FocusReason.OtherFocusReason)
        self.yes.selectAll()

    def totals(self) -> CountedTotals:
        """The figures as entered."""
        paper = self.paper.isChecked()
        return CountedTotals(
            self.yes.value(),
            self.no.value(),
            self.abstain.value(),
            self.invalid.value(),
            self.blank.value(),
            self.issued.value() if paper else None,
            self.returned.value() if paper else None,
            tuple(t.strip() for t in self.tellers.text().split(",") if t.strip()),
        )

    def _paper_toggled(self, on: bool) -> None:
        self.issued.setEnabled(on)
        self.returned.setEnabled(on)

    def _show_total(self) -> None:
        self.total_label.setText(
            tr(
                "Jumlah: {total} dari {eligible}",
                total=thousands(self.totals().total),
                eligible=thousands(self.ballot.eligible),
            )
        )

    def accept(self) -> None:
        """Store the totals once the service finds they reconcile; else list what is wrong."""
        ballot_id, totals = self.ballot.id or 0, self.totals()
        done = self.operations.run_inline(
            lambda: self.services.ballots.enter_counted(ballot_id, totals),
        )
        if isinstance(done, Refused):
            self.problems.setText("\n".join("✖ " + line for line in done.message.splitlines()))
            self.problems.show()
            return
        if done is not None:
            super().accept()
