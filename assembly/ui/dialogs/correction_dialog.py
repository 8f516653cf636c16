"""Correcting one mis-keyed named vote while the ballot is open: the member (the last voter
is proposed, the usual slip) with the vote stored for them, the right choice and the reason,
which is required. The
correction is audited and listed in the berita acara; a refusal is said in the dialog, which
stays open with everything typed."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import Ballot, BallotKind, Choice
from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.ballots import VoteChoice
from assembly.services.bundle import Services
from assembly.ui.models.candidate_model import CandidateModel
from assembly.ui.operation import Operations, Refused
from assembly.ui.widgets.inline_problems import ERROR_STYLE

MOTION_CHOICES = (Choice.YES, Choice.NO, Choice.ABSTAIN)


class CorrectionDialog(QDialog):
    """Correct a vote of ``ballot``; ``corrected`` carries the service's
    :class:`~assembly.services.vote_correction.CorrectedVote` once stored."""

    corrected = Signal(object)

    def __init__(
        self,
        services: Services,
        operations: Operations,
        ballot: Ballot,
        candidates: tuple[tuple[str, str], ...],
        number: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.services, self.operations, self.ballot = services, operations, ballot
        self.setWindowTitle(tr("Koreksi suara"))
        heading = QLabel(tr("Koreksi satu suara yang salah dicatat pada \u201c{title}\u201d.",
                            title=ballot.title))  # fmt: skip
        heading.setWordWrap(True)
        self.number = QLineEdit(number)
        self.number.setObjectName("correction_number")
        self.number.setPlaceholderText(tr("nomor anggota yang suaranya dikoreksi"))
        self.stored = QLabel()  # the vote stored for the member, as the desk says it
        self.stored.setObjectName("correction_stored")
        self.stored.setWordWrap(True)
        self.number.textChanged.connect(lambda _t: self._show_stored())
        self.choices = QButtonGroup(self)
        choice_row = QHBoxLayout()
        for key, choice in enumerate(MOTION_CHOICES, start=1):
            radio = QRadioButton(f"&{key}  {tr(choice.key)}")
            radio.setObjectName(f"correction_choice_{key}")
            self.choices.addButton(radio, key - 1)
            choice_row.addWidget(radio)
        choice_row.addStretch(1)
        self.candidates = CandidateModel(self, checkable=True)
        self.candidates.set_rows(list(candidates))
        self.candidate_list = QListView()
        self.candidate_list.setObjectName("correction_candidates")
        self.candidate_list.setModel(self.candidates)
        self.candidate_list.setMaximumHeight(140)
        self.candidate_list.clicked.connect(lambda index: self.candidates.toggle(index.row()))
        self.reason = QLineEdit()
        self.reason.setObjectName("correction_reason")
        self.reason.setPlaceholderText(tr("misalnya: salah tekan, anggota menyatakan setuju"))
        self.problem = QLabel()
        self.problem.setObjectName("correction_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(tr("Simpan koreksi"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        election = ballot.kind is BallotKind.ELECTION
        choice_box = QWidget()
        choice_box.setLayout(choice_row)
        choice_row.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.addRow(tr("&Nomor anggota:"), self.number)
        form.addRow(tr("Suara tercatat:"), self.stored)
        if election:
            form.addRow(tr("Pilihan yang &benar:"), self.candidate_list)
        else:
            form.addRow(tr("Pilihan yang benar:"), choice_box)
        form.addRow(tr("&Alasan (wajib):"), self.reason)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)
        self._show_stored()
        (self.reason if number else self.number).setFocus(Qt.FocusReason.OtherFocusReason)

    def _show_stored(self) -> None:
        """Show the vote stored for the member typed (or why there is none)."""
        number = self.number.text().strip()
        if not number:
            self.stored.setText(tr("(isi nomor anggota)"))
            self.stored.setStyleSheet("color: #666;")
            return
        try:  # a look-up while typing: said next to the field, never as a refusal
            stored = self.services.vote_corrections.stored_vote(self.ballot.id or 0, number)
        except DomainError as exc:
            self.stored.setText(exc.message)
            self.stored.setStyleSheet("color: #8a5a00;")
            return
        self.stored.setText(stored)
        self.stored.setStyleSheet("font-weight: bold;")

    def choice(self) -> VoteChoice | None:
        """The right choice picked (None: none picked on a motion)."""
        if self.ballot.kind is BallotKind.ELECTION:
            return self.candidates.checked_numbers()
        index = self.choices.checkedId()
        return MOTION_CHOICES[index] if index >= 0 else None

    def accept(self) -> None:
        """Store the correction; stay open with the refusal shown when it is refused."""
        choice = self.choice()
        if choice is None:
            self._problem(tr("Pilih pilihan yang benar: 1, 2 atau 3."))
            return
        number, reason = self.number.text(), self.reason.text()
        done = self.operations.run_inline(
            lambda: self.services.vote_corrections.correct_named_vote(
                self.ballot.id or 0, number, choice, reason
            )
        )
        if isinstance(done, Refused):
            self._problem(done.message)
            return
        self.corrected.emit(done.value)
        super().accept()

    def _problem(self, message: str) -> None:
        self.problem.setText("✖ " + message)
        self.problem.show()
