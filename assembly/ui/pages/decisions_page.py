"""The chair's console (Keputusan & Pemungutan Suara): the agenda with the item under
discussion, consensus recorded or its failure (UU 25/1992 Pasal 24(1)-(2)), ballots opened,
voted on, closed, cancelled and re-run, with the quorum, the live progress and the result the
moment a ballot closes. Everything from the keyboard as well as the mouse; the view refreshes
on every change and once a second, because the kiosk and other desks write too."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import Ballot, BallotMode, decided_items
from assembly.domain.meeting import AgendaItem, MeetingState
from assembly.i18n import tr, translator
from assembly.services.ballot_opening import OpeningRefusal
from assembly.services.ballot_repeat import RepeatChance
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.services.console import ConsoleSnapshot
from assembly.ui.dialogs.ballot_dialog import BallotDialog
from assembly.ui.dialogs.consensus_dialog import ConsensusDialog
from assembly.ui.dialogs.console_prompts import ask_to_close, explain, explain_no_ballot
from assembly.ui.dialogs.correction_dialog import CorrectionDialog
from assembly.ui.dialogs.counted_dialog import CountedDialog
from assembly.ui.dialogs.reason_dialog import ReasonDialog
from assembly.ui.dialogs.tie_dialog import TieDialog
from assembly.ui.models.decision_list_model import method_label
from assembly.ui.operation import Operations
from assembly.ui.pages.console_item import item_text, no_consensus_now, tie_waiting
from assembly.ui.widgets.agenda_panel import AgendaPanel
from assembly.ui.widgets.ballot_actions import BallotActions, console_button
from assembly.ui.widgets.meeting_selector import meeting_selector
from assembly.ui.widgets.quorum_panel import NOT_REACHED_STYLE, REACHED_STYLE
from assembly.ui.widgets.voting_column import VotingColumn

D = TypeVar("D", bound=QDialog)
SHOWN_STATES = (MeetingState.OPENED, MeetingState.SUSPENDED, MeetingState.CLOSED,
                MeetingState.LOCKED)  # fmt: skip


class DecisionsPage(QWidget):
    """The chair's console over one meeting (by default the newest opened one)."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services, self.operations = services, operations
        self.snapshot: ConsoleSnapshot | None = None
        self.latest: Ballot | None = None
        self.refusal: OpeningRefusal | None = None  # why no ballot may open now
        self.repeat: RepeatChance | None = None  # the item's vote that may be run again
        self.decided: frozenset[int] = frozenset()  # the agenda items decided
        self._windows: list[QWidget] = []  # projector and kiosk windows kept alive
        self.prompt: QMessageBox | None = None  # the last question or explanation shown

        self.meeting = meeting_selector("console_meeting")
        self.projector_button = self._button(tr("&Proyektor (Ctrl+P)"), self.open_projector)
        self.quorum_label = QLabel()
        self.quorum_label.setObjectName("console_quorum")
        self.quorum_label.setStyleSheet("font-size: 13pt;")
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("console_verdict")
        self.item_label = QLabel()
        self.item_label.setObjectName("console_item")
        self.item_label.setStyleSheet("font-size: 14pt; font-weight: bold;")
        self.item_label.setWordWrap(True)

        self.agenda = AgendaPanel()
        self.agenda.take_up.connect(self.take_up)
        self.consensus_button = self._button(tr("&Mufakat… (Ctrl+M)"), self.record_consensus)
        self.no_consensus_button = self._button(
            tr("Mufakat tidak tercapa&i… (Ctrl+T)"), self.record_no_consensus
        )
        self.actions = BallotActions(
            open_ballot=self.open_ballot,
            close_ballot=self.close_ballot,
            cancel_ballot=self.cancel_ballot,
            revote=self.revote,
            open_runoff=self.open_runoff,
            settle_tie=self.settle_tie,
        )
        self.open_button, self.close_button = self.actions.open_button, self.actions.close_button
        self.cancel_button, self.revote_button = (
            self.actions.cancel_button,
            self.actions.revote_button,
        )
        self.runoff_button, self.why_label = self.actions.runoff_button, self.actions.why_label
        self.tie_button = self.actions.tie_button
        self.voting_area = VotingColumn(
            services,
            operations,
            enter_counted=self.enter_counted,
            open_kiosk=self.open_kiosk,
            correct_vote=self.correct_vote,
        )
        self.ballot_panel, self.vote_entry = (
            self.voting_area.ballot_panel,
            self.voting_area.vote_entry,
        )
        self.entry_stack = self.voting_area.entry_stack
        self.counted_button = self.voting_area.counted_button
        self.kiosk_button = self.voting_area.kiosk_button

        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Rapat:")))
        top.addWidget(self.meeting, 1)
        top.addWidget(self.projector_button)
        status = QHBoxLayout()
        status.addWidget(self.quorum_label, 1)
        status.addWidget(self.verdict_label)
        self.agenda.action_row.addWidget(self.consensus_button)
        self.agenda.action_row.addWidget(self.no_consensus_button)
        right = QVBoxLayout()
        right.addWidget(self.item_label)
        right.addWidget(self.actions)
        right.addWidget(self.voting_area, 1)
        middle = QHBoxLayout()
        middle.addWidget(self.agenda, 1)  # the agenda's titles and the decisions get half
        middle.addLayout(right, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(status)
        layout.addLayout(middle, 1)

        shortcuts = {
            "Ctrl+M": self.record_consensus,
            "Ctrl+T": self.record_no_consensus,
            "Ctrl+B": self.open_ballot,
            "Ctrl+R": self.correct_vote,
            "Ctrl+Return": self.close_ballot,
            "Ctrl+Enter": self.close_ballot,
            "Ctrl+J": self.enter_counted,
            "Ctrl+K": self.open_kiosk,
            "Ctrl+P": self.open_projector,
        }
        for keys, slot in shortcuts.items():
            shortcut = QShortcut(QKeySequence(keys), self)
            shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            shortcut.activated.connect(slot)

        self.meeting.currentIndexChanged.connect(lambda _i: self._meeting_chosen())
        operations.changed.connect(self._changed)
        self.load_meetings()

    def _button(self, text: str, slot: Callable[[], object]) -> QPushButton:
        return console_button(text, slot)

    # --- which meeting -------------------------------------------------------------------------

    @property
    def meeting_id(self) -> int | None:
        """The meeting the console works on."""
        value = self.meeting.currentData()
        return int(value) if value is not None else None

    def load_meetings(self, keep: int | None = None) -> None:
        """List the meetings that have been opened, keeping ``keep`` (or the current one);
        at first the newest meeting in session, else the newest listed."""
        keep = keep if keep is not None else self.meeting_id
        shown = [m for m in self.services.meetings.list() if m.state in SHOWN_STATES]
        if keep is None:
            running = [m for m in shown if m.state is MeetingState.OPENED]
            keep = (running or shown)[0].id if shown else None
        self.meeting.blockSignals(True)
        self.meeting.clear()
        for summary in shown:
            self.meeting.addItem(
                f"{summary.choice(translator())} ({tr(summary.state.key)})",
                summary.id,
            )
        if not shown:
            self.meeting.addItem(tr("Belum ada rapat yang dibuka"), None)
        self.meeting.setCurrentIndex(max(self.meeting.findData(keep), 0))
        self.meeting.blockSignals(False)
        self._meeting_chosen()

    def select_meeting(self, meeting_id: int) -> None:
        """Work on ``meeting_id``."""
        self.load_meetings(meeting_id)

    def _meeting_chosen(self) -> None:
        meeting_id = self.meeting_id
        self.snapshot = None
        proxies = meeting_id is not None and self.services.proxies.enabled(meeting_id)
        self._proxies = proxies
        self.vote_entry.set_ballot(None)
        if self.isVisible():  # a hidden console reads when shown (showEvent): not at start-up
            self.refresh()

    # --- refreshing ----------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the console snapshot and show it (progress written by other desks too)."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            self.snapshot = None
            self.agenda.set_agenda((), None)
            self.quorum_label.setText(tr("Buka rapat di halaman Rapat."))
            self.verdict_label.hide()
            self.item_label.setText("")
            self._update_actions()
            return
        snap = self.services.console.snapshot(meeting_id)
        ballots = self.services.ballots.ballots(meeting_id)
        self.snapshot, self.latest = snap, (ballots[-1] if ballots else None)
        self.quorum_label.setText(
            tr("Kuorum: {summary} · {state}", summary=snap.quorum.summary,
               state=tr(snap.meeting.state.key))
        )  # fmt: skip
        reached = snap.quorum.reached
        self.verdict_label.setText(tr("TERCAPAI") if reached else tr("BELUM TERCAPAI"))
        self.verdict_label.setStyleSheet(REACHED_STYLE if reached else NOT_REACHED_STYLE)
        self.verdict_label.show()
        decisions = self.services.decisions.decisions(meeting_id)
        self.decided = decided_items((d.item_id, d.outcome) for d in decisions)
        self.agenda.set_agenda(
            snap.meeting.agenda, snap.item.id if snap.item else None, snap.meeting.zone,
            self.decided,
        )  # fmt: skip
        self.item_label.setText(item_text(snap, self.decided, self.agenda.model.next_open))
        positions = {i.id: str(i.position) for i in snap.meeting.agenda}
        self.agenda.decisions.set_rows(
            [(positions.get(d.item_id, ""), method_label(d.method, d.outcome), d.text, d.result)
             for d in decisions]
        )  # fmt: skip
        self.refusal = (
            self.services.ballots.may_open(meeting_id, snap.item.id if snap.item else None)
            if snap.ballot is None
            else None
        )
        self.repeat = (
            self.services.ballots.repeatable(meeting_id, snap.item.id or 0)
            if snap.ballot is None and snap.item is not None
            else None
        )
        self.voting_area.show_snapshot(snap, self.latest, self._proxies)
        self._update_actions()

    def _decided_now(self) -> str:
        """Why the item under discussion takes no consensus now (empty when it may)."""
        return no_consensus_now(self.snapshot, self.decided, self.latest)

    def _update_actions(self) -> None:
        snap = self.snapshot
        running = snap is not None and snap.meeting.state is MeetingState.OPENED
        item = snap.item if snap else None
        ballot = snap.ballot if snap else None
        decided = bool(self._decided_now())
        for button in (self.consensus_button, self.no_consensus_button):
            button.setEnabled(running and item is not None and ballot is None and not decided)
            button.setToolTip(self._decided_now())
        self.agenda.take_up_button.setEnabled(running)
        self.actions.update_for(snap, self.latest, self.refusal, self.repeat)
        waiting = tie_waiting(snap, self.latest) if running else ""
        if waiting:  # said in words under the buttons, not only in a tooltip
            self.actions.why_label.setText(waiting)
            self.actions.why_label.show()
        self.voting_area.update_buttons(running, ballot)
        self.projector_button.setEnabled(snap is not None)

    def _changed(self, changes: Changes) -> None:
        if changes.touches(Area.MEETINGS):
            self.load_meetings()
        elif changes.areas & {Area.DECISIONS, Area.ATTENDANCE} and self.isVisible():
            self.refresh()  # a hidden console reads again when shown (showEvent), not per scan

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()
        if self.focusWidget() is None:  # the console's keys work from the first moment
            self.agenda.table.setFocus(Qt.FocusReason.OtherFocusReason)

    # --- the chair's acts ----------------------------------------------------------------------

    def _item(self) -> AgendaItem | None:
        return self.snapshot.item if self.snapshot else None

    def take_up(self, item_id: int) -> AgendaItem | None:
        """Take up agenda item ``item_id``."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        done = self.operations.run(self, lambda: self.services.agenda.take_up(meeting_id, item_id))
        self.agenda.select_item(item_id)
        return done.value if done else None

    def _say_decided(self) -> bool:
        """When the item under discussion takes no consensus now (decided, or a tie waiting
        for its run-off), say so (a key pressed anyway); whether it was said."""
        why = self._decided_now()
        if why:
            decided = (
                self.snapshot is not None
                and self.snapshot.item is not None
                and (self.snapshot.item.id in self.decided)
            )
            title = tr("Acara sudah diputuskan") if decided else tr("Suara sama")
            self.prompt = explain(self, title, why)
        return bool(why)

    def record_consensus(self) -> ConsensusDialog | None:
        """Open the form for the consensus decision on the item under discussion."""
        item, meeting_id = self._item(), self.meeting_id
        if self._say_decided():
            return None
        if item is None or meeting_id is None or not self.consensus_button.isEnabled():
            return None
        dialog = ConsensusDialog(self.services, self.operations, meeting_id, item, self)
        return self._show(dialog)

    def record_no_consensus(self) -> ReasonDialog | None:
        """Record, with an optional note, that consensus was not reached (Pasal 24(2))."""
        item, meeting_id = self._item(), self.meeting_id
        if self._say_decided():
            return None
        if item is None or meeting_id is None or not self.no_consensus_button.isEnabled():
            return None
        item_id = item.id or 0
        dialog = ReasonDialog(
            tr("Mufakat tidak tercapai"),
            tr("Acara {n}: {title}\nCatatan (boleh kosong), misalnya pendapat yang berbeda:",
               n=item.position, title=item.title),
            lambda note: self._done(
                lambda: self.services.decisions.record_no_consensus(meeting_id, item_id, note)
            ),
            self,
            required=False,
        )  # fmt: skip
        return self._show(dialog)

    def open_ballot(self) -> BallotDialog | None:
        """Open the form for a ballot (motion or election) on the item under discussion; when
        none may open now, say why first (and offer to record that consensus failed)."""
        meeting_id = self.meeting_id
        if meeting_id is None or self.snapshot is None:
            return None
        item = self._item()
        refusal = (
            self.services.ballots.may_open(meeting_id, item.id if item else None)
            if self.snapshot.ballot is None
            else OpeningRefusal(
                tr("Masih ada pemungutan suara yang terbuka; tutup atau batalkan dahulu.")
            )
        )
        if refusal is not None or item is None:
            if refusal is not None:
                self.prompt = explain_no_ballot(self, refusal, self._no_consensus_then_ballot)
            return None
        return self._show(BallotDialog(self.services, self.operations, meeting_id, item, self))

    def _no_consensus_then_ballot(self) -> None:
        dialog = self.record_no_consensus()
        if dialog is not None:
            dialog.accepted.connect(lambda: QTimer.singleShot(0, self.open_ballot))

    def close_ballot(self) -> bool:
        """Close the open ballot: the result is shown at once. While voters are missing the
        chair is asked once ("10 dari 11 sudah memilih; tutup?"); False until confirmed."""
        snap = self.snapshot
        ballot = snap.ballot if snap else None
        if snap is None or ballot is None or not self.close_button.isEnabled():
            return False
        progress = snap.progress
        if ballot.mode is not BallotMode.COUNTED and progress is not None:
            progress = self.services.ballots.progress(ballot.id or 0)  # other desks too
            if progress.voted < progress.eligible:
                self.prompt = ask_to_close(
                    self, progress.voted, progress.eligible, lambda: self._close_now(ballot)
                )
                return False
        return self._close_now(ballot)

    def _close_now(self, ballot: Ballot) -> bool:
        closed = self._done(lambda: self.services.ballots.close(ballot.id or 0))
        self._refocus()
        return closed

    def correct_vote(self) -> CorrectionDialog | None:
        """Open the form to correct one mis-keyed vote of the open named ballot."""
        ballot = self.snapshot.ballot if self.snapshot else None
        if ballot is None or ballot.mode is not BallotMode.NAMED:
            return None
        dialog = CorrectionDialog(
            self.services,
            self.operations,
            ballot,
            self.snapshot.candidates if self.snapshot else (),
            self.vote_entry.last_number,
            self,
        )
        dialog.corrected.connect(self.vote_entry.show_correction)
        return self._show(dialog)

    def cancel_ballot(self) -> ReasonDialog | None:
        """Cancel the open ballot; a reason is required and kept."""
        ballot = self.snapshot.ballot if self.snapshot else None
        if ballot is None or not self.cancel_button.isEnabled():
            return None
        dialog = ReasonDialog(
            tr("Batalkan pemungutan suara"),
            tr(
                "Pemungutan suara \u201c{title}\u201d dibatalkan. Alasan (wajib):",
                title=ballot.title,
            ),
            lambda reason: self._done(lambda: self.services.ballots.cancel(ballot.id or 0, reason)),
            self,
        )
        return self._show(dialog)

    def revote(self) -> ReasonDialog | None:
        """Run the item's last closed or cancelled ballot again, when the rule allows
        (:attr:`repeat`); a reason is required and kept."""
        before = self.repeat.ballot if self.repeat else None
        item = self._item()
        if before is None or item is None or not self.revote_button.isEnabled():
            return None
        dialog = ReasonDialog(
            tr("Pemungutan suara ulang"),
            tr(
                "Acara {n}. {item}: \u201c{title}\u201d dipungut suara ulang. Alasan (wajib):",
                n=item.position,
                item=item.title,
                title=before.title,
            ),
            lambda reason: self._done(lambda: self.services.ballots.revote(before.id or 0, reason)),
            self,
        )
        return self._show(dialog)

    def open_runoff(self) -> bool:
        """Open the run-off between those tied for the last seat."""
        last = self.snapshot.last if self.snapshot else None
        if last is None or not self.runoff_button.isEnabled():
            return False
        return self._done(lambda: self.services.elections.open_runoff(last.ballot.id or 0))

    def settle_tie(self) -> TieDialog | None:
        """Open the form that records who takes the tied last seat when the AD breaks the tie
        by lot or by the chair (law.md rule 17)."""
        last = self.snapshot.last if self.snapshot else None
        if last is None or not self.tie_button.isEnabled():
            return None
        return self._show(TieDialog(self.services, self.operations, last.ballot.id or 0, self))

    def enter_counted(self) -> CountedDialog | None:
        """Open the form for a counted ballot's totals."""
        ballot = self.snapshot.ballot if self.snapshot else None
        if ballot is None or ballot.mode is not BallotMode.COUNTED:
            return None
        return self._show(CountedDialog(self.services, self.operations, ballot, self))

    def open_kiosk(self) -> QWidget | None:
        """Open the secret-ballot kiosk for the open ballot."""
        ballot = self.snapshot.ballot if self.snapshot else None
        if ballot is None:
            return None
        from assembly.ui.kiosk.window import open_kiosk

        return self._keep(open_kiosk(self.services, self.operations, ballot.id or 0, self))

    def open_projector(self) -> QWidget | None:
        """Open the projector window for the hall."""
        meeting_id = self.meeting_id
        if meeting_id is None:
            return None
        from assembly.ui.projector.window import open_projector

        return self._keep(open_projector(self.services, self.operations, meeting_id, self))

    def _keep(self, window: QWidget) -> QWidget:
        self._windows = [w for w in self._windows if w.isVisible()] + [window]
        return window

    def _done(self, call: object) -> bool:
        assert callable(call)
        return self.operations.run(self, call) is not None

    def _show(self, dialog: D) -> D:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.finished.connect(lambda _r: self._refocus())
        dialog.open()
        return dialog

    def _refocus(self) -> None:
        self.window().activateWindow()  # the console's keys work again at once
        if not self.voting_area.focus_entry():
            self.agenda.table.setFocus(Qt.FocusReason.OtherFocusReason)
