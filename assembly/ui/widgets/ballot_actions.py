"""The chair's ballot buttons on the console: open, close, cancel, re-run and the run-off, each
enabled only when it can act now, and under them, in words, why no ballot may open (consensus
not yet recorded as failed, a ballot still open, a tie waiting for its run-off)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assembly.domain.ballots import Ballot, Outcome
from assembly.domain.meeting import MeetingState
from assembly.i18n import tr
from assembly.services.ballot_opening import OpeningRefusal
from assembly.services.ballot_repeat import RepeatChance
from assembly.services.console import ConsoleSnapshot


def console_button(text: str, slot: Callable[[], object]) -> QPushButton:
    """A console button: reached with Tab, never left holding the focus after a click."""
    button = QPushButton(text)
    button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
    button.clicked.connect(lambda _c=False: slot())
    return button


def runoff_pending(snap: ConsoleSnapshot | None, latest: Ballot | None) -> bool:
    """Whether the last closed ballot was tied for the last seat and no ballot (so no run-off)
    was opened since."""
    last = snap.last if snap else None
    if last is None or last.outcome is not Outcome.RUNOFF or latest is None:
        return False
    return latest.id == last.ballot.id


def tie_pending(snap: ConsoleSnapshot | None, latest: Ballot | None) -> bool:
    """Whether the last closed election was tied for the last seat, the AD breaks the tie by
    lot or by the chair, and nothing was recorded or opened since."""
    last = snap.last if snap else None
    if last is None or last.outcome is not Outcome.TIE or latest is None:
        return False
    return latest.id == last.ballot.id


class BallotActions(QWidget):
    """The ballot buttons and the reason no ballot may open; the page gives the acts."""

    def __init__(
        self,
        *,
        open_ballot: Callable[[], object],
        close_ballot: Callable[[], object],
        cancel_ballot: Callable[[], object],
        revote: Callable[[], object],
        open_runoff: Callable[[], object],
        settle_tie: Callable[[], object],
    ) -> None:
        super().__init__()
        self.open_button = console_button(tr("&Buka pemungutan suara… (Ctrl+B)"), open_ballot)
        self.close_button = console_button(tr("&Tutup (Ctrl+Enter)"), close_ballot)
        self.cancel_button = console_button(tr("Bata&lkan…"), cancel_ballot)
        self.revote_button = console_button(tr("&Ulangi pemungutan suara…"), revote)
        self.runoff_button = console_button(tr("Buka pemilihan ulan&g"), open_runoff)
        self.tie_button = console_button(tr("Tentukan suara &sama…"), settle_tie)
        self.why_label = QLabel()  # why no ballot may open now, said before anyone asks
        self.why_label.setObjectName("console_why")
        self.why_label.setWordWrap(True)
        self.why_label.setStyleSheet("color: #8a5a00;")
        grid = QGridLayout()
        grid.addWidget(self.open_button, 0, 0)
        grid.addWidget(self.close_button, 0, 1)
        grid.addWidget(self.cancel_button, 0, 2)
        grid.addWidget(self.revote_button, 1, 0)
        grid.addWidget(self.runoff_button, 1, 1)
        grid.addWidget(self.tie_button, 1, 2)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(grid)
        layout.addWidget(self.why_label)

    def update_for(
        self,
        snap: ConsoleSnapshot | None,
        latest: Ballot | None,
        refusal: OpeningRefusal | None,
        repeat: RepeatChance | None = None,
    ) -> None:
        """Enable what can act on ``snap`` (``latest``: the meeting's newest ballot;
        ``refusal``: why none may open now; ``repeat``: the vote on the item under discussion
        that may be run again, or why none may) and say why no ballot may open."""
        running = snap is not None and snap.meeting.state is MeetingState.OPENED
        ballot = snap.ballot if snap else None
        item = snap.item if snap else None
        self.open_button.setEnabled(running and ballot is None and refusal is None)
        why = refusal.reason if refusal and running and item is not None else ""
        self.open_button.setToolTip(why)
        self.why_label.setText(why)
        self.why_label.setVisible(bool(why))
        self.close_button.setEnabled(running and ballot is not None)
        self.cancel_button.setEnabled(running and ballot is not None)
        # A re-vote concerns the item the chair sees, never the meeting's last ballot on
        # another item; the tooltip says why it cannot be run again.
        repeatable = repeat.ballot if repeat is not None else None
        self.revote_button.setEnabled(running and ballot is None and repeatable is not None)
        self.revote_button.setToolTip(repeat.refusal if running and repeat is not None else "")
        self.runoff_button.setEnabled(running and ballot is None and runoff_pending(snap, latest))
        self.tie_button.setEnabled(running and ballot is None and tie_pending(snap, latest))
