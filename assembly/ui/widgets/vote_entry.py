"""Fast entry of a named (open) ballot at the chair's desk: scan the card or type the member
number and Enter, then one key: 1 setuju, 2 tidak setuju, 3 abstain (DESIGN.md section 3).
For a named election the candidates are picked with their list numbers (or the checkboxes) and
Enter records the choice. A proxy holder's vote for the grantor is entered with the grantor's
number in its own field (rule 13). A refusal is said inline; the cursor never leaves the
number field, so the next voter can be scanned at once."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import Ballot, BallotKind, Choice
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.vote_correction import CorrectedVote
from assembly.ui.models.candidate_model import CandidateModel
from assembly.ui.models.vote_log_model import VoteLogModel
from assembly.ui.operation import Operations, Refused

OK_STYLE = "color: #1b7a3a; font-size: 13pt; font-weight: bold;"
REFUSED_STYLE = "color: #b3261e; font-size: 13pt; font-weight: bold;"
CHOICE_KEYS = {Qt.Key.Key_1: Choice.YES, Qt.Key.Key_2: Choice.NO, Qt.Key.Key_3: Choice.ABSTAIN}
ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


@dataclass(frozen=True)
class Voter:
    """Who is voting now: the member at the desk, and the grantor when voting by proxy."""

    number: str
    name: str
    grantor: str | None = None
    grantor_name: str = ""


class VoteEntry(QWidget):
    """The vote desk of one open named ballot."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services, self.operations = services, operations
        self.ballot: Ballot | None = None
        self.voter: Voter | None = None
        self.last_number = ""  # the member whose vote was recorded last (to correct a slip)

        self.number = QLineEdit()
        self.number.setObjectName("vote_number")
        self.number.setPlaceholderText(tr("Pindai kartu atau ketik nomor"))  # fits at 1200 px
        self.number.setStyleSheet("font-size: 18pt; padding: 4px;")
        self.number.installEventFilter(self)
        self.grantor_label = QLabel(tr("Untuk pemberi kua&sa:"))
        self.grantor = QLineEdit()
        self.grantor.setObjectName("vote_grantor")
        self.grantor.setPlaceholderText(tr("nomor anggota pemberi kuasa (bila ada)"))
        self.grantor.installEventFilter(self)
        self.grantor_label.setBuddy(self.grantor)
        self.voter_label = QLabel()
        self.voter_label.setObjectName("vote_voter")
        self.voter_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.prompt = QLabel()
        self.prompt.setObjectName("vote_prompt")
        self.prompt.setWordWrap(True)
        self.choice_buttons: dict[Choice, QPushButton] = {}
        choices = QHBoxLayout()
        for key, choice in zip("123", (Choice.YES, Choice.NO, Choice.ABSTAIN), strict=True):
            button = QPushButton(f"{key}  {tr(choice.key)}")
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setMinimumHeight(36)
            button.clicked.connect(lambda _c=False, c=choice: self._clicked(c))
            self.choice_buttons[choice] = button
            choices.addWidget(button)
        self.candidates = CandidateModel(self, checkable=True)
        self.candidate_list = QListView()
        self.candidate_list.setObjectName("vote_candidates")
        self.candidate_list.setModel(self.candidates)
        self.candidate_list.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.candidate_list.setMaximumHeight(140)
        self.record_button = QPushButton(tr("Catat pilihan (Enter)"))
        self.record_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.record_button.clicked.connect(lambda: self._clicked(None))
        self.message = QLabel()
        self.message.setObjectName("vote_message")
        self.message.setWordWrap(True)
        self.log = VoteLogModel(self)
        self.log_view = QListView()
        self.log_view.setObjectName("vote_log")
        self.log_view.setModel(self.log)
        self.log_view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.log_view.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.log_view.setMaximumHeight(120)

        fields = QGridLayout()
        number_label = QLabel(tr("&Nomor anggota:"))
        number_label.setBuddy(self.number)
        fields.addWidget(number_label, 0, 0)
        fields.addWidget(self.number, 0, 1)
        fields.addWidget(self.grantor_label, 1, 0)
        fields.addWidget(self.grantor, 1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(fields)
        layout.addWidget(self.voter_label)
        layout.addWidget(self.prompt)
        layout.addLayout(choices)
        layout.addWidget(self.candidate_list)
        layout.addWidget(self.record_button)
        layout.addWidget(self.message)
        self.correct_button = QPushButton(tr("K&oreksi suara… (Ctrl+R)"))
        self.correct_button.setObjectName("vote_correct")
        self.correct_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        log_row = QHBoxLayout()
        log_row.addWidget(QLabel(tr("Suara terakhir dicatat:")), 1)
        log_row.addWidget(self.correct_button)
        layout.addLayout(log_row)
        layout.addWidget(self.log_view)
        layout.addStretch(1)
        self.set_ballot(None)

    # --- which ballot --------------------------------------------------------------------------

    @property
    def election(self) -> bool:
        """Whether the ballot is an election (candidates rather than setuju/tidak setuju)."""
        return self.ballot is not None and self.ballot.kind is BallotKind.ELECTION

    def set_ballot(
        self,
        ballot: Ballot | None,
        candidates: tuple[tuple[str, str], ...] = (),
        proxies: bool = False,
    ) -> None:
        """Take votes for ``ballot`` (None: no named ballot open). Setting the same ballot
        again keeps what is being typed."""
        if ballot is not None and self.ballot is not None and ballot.id == self.ballot.id:
            return
        self.ballot = ballot
        self.candidates.set_rows(list(candidates))
        self.log.clear()
        self.message.clear()
        self.last_number = ""
        for button in self.choice_buttons.values():
            button.setVisible(not self.election)
        self.candidate_list.setVisible(self.election)
        self.record_button.setVisible(self.election)
        self.grantor_label.setVisible(proxies)
        self.grantor.setVisible(proxies)
        self.number.setEnabled(ballot is not None)
        self.reset()

    # --- keys ----------------------------------------------------------------------------------

    def focus_number(self) -> None:
        """Give the cursor back to the number field."""
        self.number.setFocus(Qt.FocusReason.OtherFocusReason)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched in (self.number, self.grantor) and event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                return super().eventFilter(watched, event)  # the page's shortcuts
            key = Qt.Key(event.key())
            if key == Qt.Key.Key_Escape and self.voter is not None:
                self.reset()
                return True
            if self.voter is None:
                if key in ENTER_KEYS:
                    self.identify()
                    return True
                return super().eventFilter(watched, event)
            if key in ENTER_KEYS and self.election:
                self.cast(self.candidates.checked_numbers())
            elif key in CHOICE_KEYS and not self.election:
                self.cast(CHOICE_KEYS[key])
            elif self.election and Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
                self.candidates.toggle(key - Qt.Key.Key_1)
            return True  # while a voter waits for a choice, no key edits the fields
        return super().eventFilter(watched, event)

    def _clicked(self, choice: Choice | None) -> None:
        if self.voter is None:
            self.identify()
        if self.voter is not None:
            self.cast(choice if choice is not None else self.candidates.checked_numbers())
        self.focus_number()

    # --- one vote ------------------------------------------------------------------------------

    def identify(self) -> Voter | None:
        """Look up the member number typed (and the grantor's); then the desk waits for the
        choice."""
        number, grantor = self.number.text().strip(), self.grantor.text().strip()
        if self.ballot is None or not number:
            return None
        member = self.services.register.member_by_number(number)
        owner = self.services.register.member_by_number(grantor) if grantor else None
        missing = number if member is None else grantor if grantor and owner is None else None
        if missing is not None or member is None:
            self._say(tr("Nomor anggota {number} tidak ditemukan.", number=missing), False)
            self.reset()
            return None
        # Who may not vote (absent, not entitled, already voted) is told now, before the
        # choice is asked.
        ballot_id = self.ballot.id or 0
        allowed = self.operations.run_inline(
            lambda: self.services.ballots.may_vote(
                ballot_id, member.number, for_grantor=owner.number if owner else None
            )
        )
        if isinstance(allowed, Refused):
            self._say(allowed.message, False)
            self.reset()
            return None
        self.voter = Voter(member.number, member.name, owner.number if owner else None,
                           owner.name if owner else "")  # fmt: skip
        self.number.setReadOnly(True)
        self.grantor.setReadOnly(True)
        shown = tr("{name} ({number})", name=member.name, number=member.number)
        if owner is not None:
            shown = tr("{voter}, untuk {grantor}", voter=shown, grantor=owner.name)
        self.voter_label.setText(shown)
        self.voter_label.show()
        if self.election:
            seats = self.ballot.seats or 1
            self.prompt.setText(
                tr(
                    "Pilih paling banyak {seats} calon dengan angkanya (1–9) atau kotaknya, "
                    "lalu Enter. Esc: batal.",
                    seats=seats,
                )
            )
        else:
            self.prompt.setText(tr("Tekan 1 setuju · 2 tidak setuju · 3 abstain. Esc: batal."))
        return self.voter

    def cast(self, choice: Choice | list[str]) -> bool:
        """Record the waiting voter's ``choice``; whether it was recorded. Either way the
        fields are cleared for the next voter."""
        voter, ballot = self.voter, self.ballot
        if voter is None or ballot is None:
            return False
        ballot_id = ballot.id or 0
        done = self.operations.run_inline(
            lambda: self.services.ballots.cast(
                ballot_id, voter.number, choice, for_grantor=voter.grantor
            ),
        )
        recorded = done is not None and not isinstance(done, Refused)
        if isinstance(done, Refused):
            self._say(done.message, False)
        elif recorded:
            line = self._line(voter, choice)
            self.log.add(line, voter.grantor or voter.number)
            self.last_number = voter.grantor or voter.number
            self._say(tr("Tercatat: {line}", line=line), True)
        self.reset()
        return recorded

    def _line(self, voter: Voter, choice: Choice | list[str]) -> str:
        if isinstance(choice, Choice):
            what = tr(choice.key)
        else:
            what = ", ".join(choice) if choice else tr("tidak memilih")
        line = tr("{number} {name}: {what}", number=voter.number, name=voter.name, what=what)
        if voter.grantor:
            line += tr(" (untuk {grantor})", grantor=voter.grantor_name)
        return line

    def show_correction(self, corrected: CorrectedVote) -> None:
        """Log a correction made in the correction form, and say it."""
        line = tr("Dikoreksi: {number} {name}: {old} → {new}", number=corrected.number,
                  name=corrected.name, old=corrected.old, new=corrected.new)  # fmt: skip
        self.log.strike(corrected.number)  # the line keyed wrong, struck: "dikoreksi"
        self.log.add(line)
        self._say(line, True)
        self.focus_number()

    def _say(self, text: str, ok: bool) -> None:
        self.message.setText(("✔ " if ok else "✖ ") + text)
        self.message.setStyleSheet(OK_STYLE if ok else REFUSED_STYLE)

    def reset(self) -> None:
        """Clear the fields and the waiting voter; the cursor back in the number field."""
        self.voter = None
        self.number.setReadOnly(False)
        self.grantor.setReadOnly(False)
        self.number.clear()
        self.grantor.clear()
        self.candidates.clear_checks()
        self.voter_label.setText("")
        self.voter_label.hide()  # no empty line between the field and the prompt
        self.prompt.setText(
            tr("Pindai kartu atau ketik nomor anggota, lalu Enter.")
            if self.ballot is not None
            else tr("Tidak ada pemungutan suara per nama yang terbuka.")
        )
        self.focus_number()
