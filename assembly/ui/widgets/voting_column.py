"""The console's voting column: the ballot panel (the open ballot, or the last result) over
the way the open ballot's votes come in: the named-vote entry, the counted totals' button or
the secret kiosk's button. Both scroll rather than squeeze when a result and a run-off are in
view on a small screen."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QPushButton, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from assembly.domain.ballots import Ballot, BallotMode
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.console import ConsoleSnapshot
from assembly.ui.operation import Operations
from assembly.ui.widgets.ballot_actions import console_button
from assembly.ui.widgets.ballot_panel import BallotPanel
from assembly.ui.widgets.vote_entry import VoteEntry

_ENTRY_PAGES = {BallotMode.NAMED: 1, BallotMode.COUNTED: 2, BallotMode.SECRET: 3}


def _wrapped(button: QPushButton) -> QWidget:
    box = QWidget()
    layout = QVBoxLayout(box)
    button.setMinimumHeight(44)
    layout.addWidget(button)
    layout.addStretch(1)
    return box


class VotingColumn(QScrollArea):
    """The ballot panel and the open ballot's entry; the page gives the acts."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        *,
        enter_counted: Callable[[], object],
        open_kiosk: Callable[[], object],
        correct_vote: Callable[[], object],
    ) -> None:
        super().__init__()
        self.counted_button = console_button(tr("Masukkan &jumlah suara… (Ctrl+J)"), enter_counted)
        self.kiosk_button = console_button(tr("Buka &kios suara rahasia (Ctrl+K)"), open_kiosk)
        self.ballot_panel = BallotPanel()
        self.vote_entry = VoteEntry(services, operations)
        self.vote_entry.correct_button.clicked.connect(lambda _c=False: correct_vote())
        self.entry_stack = QStackedWidget()
        self.entry_stack.addWidget(QWidget())
        self.entry_stack.addWidget(self.vote_entry)
        self.entry_stack.addWidget(_wrapped(self.counted_button))
        self.entry_stack.addWidget(_wrapped(self.kiosk_button))
        voting = QWidget()
        voting_layout = QVBoxLayout(voting)
        voting_layout.setContentsMargins(0, 0, 6, 0)
        voting_layout.addWidget(self.ballot_panel)
        voting_layout.addWidget(self.entry_stack, 1)
        self.setWidget(voting)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)

    def show_snapshot(self, snap: ConsoleSnapshot, latest: Ballot | None, proxies: bool) -> None:
        """Show ``snap`` (``latest``: the meeting's newest ballot) and the entry its open
        ballot takes; ``proxies``: whether proxy holders vote at this meeting."""
        self.ballot_panel.show_snapshot(snap, latest)
        ballot = snap.ballot
        if ballot is not None and ballot.mode is BallotMode.NAMED:
            self.vote_entry.set_ballot(ballot, snap.candidates, proxies)
        else:
            self.vote_entry.set_ballot(None)
        self.entry_stack.setCurrentIndex(_ENTRY_PAGES[ballot.mode] if ballot else 0)

    def update_buttons(self, running: bool, ballot: Ballot | None) -> None:
        """Enable the counted totals' button while the meeting runs and a ballot is open, the
        kiosk's whenever one is open."""
        self.counted_button.setEnabled(running and ballot is not None)
        self.kiosk_button.setEnabled(ballot is not None)

    def focus_entry(self) -> bool:
        """Put the cursor in the vote entry when it is in view; whether it was."""
        if self.entry_stack.currentWidget() is not self.vote_entry:
            return False
        self.vote_entry.focus_number()
        return True
