"""Opening a ballot on the item under discussion, in one dialog: a vote on a motion (named,
counted or secret) or an election (seats, candidates by member number with their names looked
up, secret by default when the AD says so, law.md rule 18). Opening re-checks quorum; a
refusal leaves the dialog open with everything typed."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ad_profile import ItemKind
from assembly.domain.ballots import Ballot, BallotMode
from assembly.domain.meeting import AgendaItem
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.ui.models.candidate_model import CandidateModel
from assembly.ui.operation import Operations
from assembly.ui.widgets.election_rules_box import ElectionRulesBox
from assembly.ui.widgets.inline_problems import ERROR_STYLE


class BallotDialog(QDialog):
    """Open a motion vote or an election on ``item``; ``ballot`` holds it once opened."""

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
        self.ballot: Ballot | None = None
        self.setWindowTitle(tr("Buka pemungutan suara"))
        heading = QLabel(tr("Acara {n}: {title}", n=item.position, title=item.title))
        heading.setStyleSheet("font-weight: bold;")
        heading.setWordWrap(True)

        self.motion_radio = QRadioButton(tr("&Usul (setuju / tidak setuju / abstain)"))
        self.election_radio = QRadioButton(tr("&Pemilihan calon"))
        kinds = QButtonGroup(self)
        kinds.addButton(self.motion_radio)
        kinds.addButton(self.election_radio)
        self.title = QLineEdit(item.title)
        self.title.setObjectName("ballot_title")
        self.mode = QComboBox()
        self.mode.setObjectName("ballot_mode")
        self.seats = QSpinBox()
        self.seats.setObjectName("ballot_seats")
        self.seats.setRange(1, 50)
        self.candidate_number = QLineEdit()
        self.candidate_number.setObjectName("ballot_candidate")
        self.candidate_number.setPlaceholderText(tr("Nomor anggota lalu Enter"))
        self.candidate_number.installEventFilter(self)
        self.add_button = QPushButton(tr("&Tambah"))
        self.add_button.setAutoDefault(False)
        self.add_button.clicked.connect(self.add_candidate)
        self.candidates = CandidateModel(self)
        self.candidate_list = QListView()
        self.candidate_list.setObjectName("ballot_candidates")
        self.candidate_list.setModel(self.candidates)
        self.candidate_list.setMaximumHeight(130)
        self.candidate_list.installEventFilter(self)
        self.candidate_list.setToolTip(tr("Delete menghapus calon yang dipilih"))
        self.problem = QLabel()
        self.problem.setObjectName("ballot_problem")
        self.problem.setStyleSheet(ERROR_STYLE)
        self.problem.setWordWrap(True)
        self.problem.hide()

        adding = QHBoxLayout()
        adding.addWidget(self.candidate_number, 1)
        adding.addWidget(self.add_button)
        self.election_box = QWidget()
        election_form = QFormLayout(self.election_box)
        election_form.setContentsMargins(0, 0, 0, 0)
        election_form.addRow(tr("&Kursi:"), self.seats)
        candidates_label = QLabel(tr("Ca&lon:"))
        candidates_label.setBuddy(self.candidate_number)
        election_form.addRow(candidates_label, adding)
        election_form.addRow("", self.candidate_list)
        self.rules = ElectionRulesBox(
            services.cooperative.ad_profile().profile,
            lambda office, declared: services.elections.check_candidates(
                meeting_id, office, self.seats.value(),
                [n for n, _ in self.candidates.rows()], declared,
            ),
        )  # fmt: skip
        election_form.addRow(self.rules)
        self.seats.valueChanged.connect(lambda _v: self.rules.refresh())
        self.candidates.rowsInserted.connect(lambda *_a: self.rules.refresh())
        self.candidates.rowsRemoved.connect(lambda *_a: self.rules.refresh())
        kind_row = QHBoxLayout()
        kind_row.addWidget(self.motion_radio)
        kind_row.addWidget(self.election_radio)
        kind_row.addStretch(1)
        form = QFormLayout()
        form.addRow(tr("Jenis:"), kind_row)
        form.addRow(tr("&Judul:"), self.title)
        form.addRow(tr("&Cara:"), self.mode)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addLayout(form)
        layout.addWidget(self.election_box)
        layout.addWidget(self.problem)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

        self.motion_radio.toggled.connect(lambda _on: self._kind_changed())
        election = item.kind is ItemKind.ELECTION
        (self.election_radio if election else self.motion_radio).setChecked(True)
        self._kind_changed()
        self.title.setFocus(Qt.FocusReason.OtherFocusReason)
        self.title.selectAll()

    @property
    def is_election(self) -> bool:
        """Whether an election (rather than a motion) is being opened."""
        return self.election_radio.isChecked()

    def _kind_changed(self) -> None:
        self.mode.clear()
        if self.is_election:
            secret = self.services.cooperative.ad_profile().profile.secret_ballot_for_persons
            default = BallotMode.SECRET if secret else BallotMode.NAMED
            self.mode.addItem(tr("Sesuai AD ({mode})", mode=tr(default.key)), None)
            modes: tuple[BallotMode, ...] = (BallotMode.NAMED, BallotMode.SECRET)
        else:
            modes = (BallotMode.NAMED, BallotMode.COUNTED, BallotMode.SECRET)
        for mode in modes:
            self.mode.addItem(tr(mode.key), mode.value)
        persons = not self.is_election and self.item.kind.is_about_persons
        if persons and self.services.cooperative.ad_profile().profile.secret_ballot_for_persons:
            # A vote on a dismissal is a vote on persons: secret unless chosen otherwise.
            self.mode.setCurrentIndex(self.mode.findData(BallotMode.SECRET.value))
        self.election_box.setVisible(self.is_election)
        self.adjustSize()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            key = event.key()
            enter = key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            if watched is self.candidate_number and enter and self.candidate_number.text().strip():
                self.add_candidate()
                return True  # Enter with a number adds it; on an empty field it opens
            if watched is self.candidate_list and key == Qt.Key.Key_Delete:
                self.candidates.remove(self.candidate_list.currentIndex().row())
                return True
        return super().eventFilter(watched, event)

    def add_candidate(self) -> None:
        """Look up the member number typed and add them to the candidates."""
        number = self.candidate_number.text().strip()
        if not number:
            return
        if number in [n for n, _ in self.candidates.rows()]:
            self._problem(tr("{number} sudah ada dalam daftar calon.", number=number))
        else:
            member = self.services.register.member_by_number(number)
            if member is None:
                self._problem(tr("Nomor anggota {number} tidak ditemukan.", number=number))
            else:
                self.candidates.append(member.number, member.name)
                self.problem.hide()
        self.candidate_number.clear()
        self.candidate_number.setFocus(Qt.FocusReason.OtherFocusReason)

    def _problem(self, message: str) -> None:
        self.problem.setText("✖ " + message)
        self.problem.show()

    def accept(self) -> None:
        """Open the ballot; stay open with the refusal shown when it is refused."""
        title = self.title.text()
        item_id = self.item.id or 0
        value = self.mode.currentData()
        mode = BallotMode(value) if value is not None else None
        if self.is_election:
            numbers = [n for n, _ in self.candidates.rows()]
            seats = self.seats.value()
            done = self.operations.run(
                self,
                lambda: self.services.elections.open_election(
                    self.meeting_id,
                    item_id,
                    title,
                    seats,
                    numbers,
                    mode,
                    office=self.rules.chosen_office(),
                    declared=self.rules.declarations(),
                ),
            )
        else:
            assert mode is not None
            done = self.operations.run(
                self,
                lambda: self.services.ballots.open_motion(self.meeting_id, item_id, mode, title),
            )
        if done is not None:
            self.ballot = done.value
            super().accept()
