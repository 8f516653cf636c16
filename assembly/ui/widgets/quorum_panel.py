"""The live quorum, always in view on the desk and the meetings page: present members with a
vote, the minimum the AD's rule gives, reached or not, by channel; and the chair's buttons for
the recorded quorum check and the failed-quorum procedure (law.md rule 14)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from assembly.domain.attendance import Channel
from assembly.domain.meeting import MeetingState
from assembly.domain.quorum import thousands
from assembly.domain.quorum_check import CheckStep, Procedure, QuorumStatus
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.operation import Operations

REACHED_STYLE = "color: white; background: #1b7a3a; padding: 4px 10px; border-radius: 4px;"
PRESENT_STYLE = "font-size: 20pt; font-weight: bold;"
IDLE_STYLE = "font-size: 13pt;"  # no meeting to count: a sentence, not a figure
NOT_REACHED_STYLE = "color: white; background: #b3261e; padding: 4px 10px; border-radius: 4px;"


class QuorumPanel(QWidget):
    """The quorum of one meeting, refreshed whenever attendance or the meeting changes."""

    def __init__(self, services: Services, operations: Operations) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self.meeting_id: int | None = None
        self._stale = False
        self._until: dt.datetime | None = None
        self._idle: str | None = None

        self.present_label = QLabel()
        self.present_label.setObjectName("quorum_present")
        self.present_label.setStyleSheet(PRESENT_STYLE)
        self.minimum_label = QLabel()
        self.minimum_label.setObjectName("quorum_minimum")
        self.minimum_label.setStyleSheet("font-size: 13pt;")
        self.verdict_label = QLabel()
        self.verdict_label.setObjectName("quorum_verdict")
        self.verdict_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The figures wrap rather than widen the desk past 1200 px.
        self.minimum_label.setWordWrap(True)
        self.channel_label = QLabel()
        self.channel_label.setObjectName("quorum_channels")
        self.channel_label.setWordWrap(True)
        self.procedure_label = QLabel()
        self.procedure_label.setObjectName("quorum_procedure")
        self.procedure_label.setWordWrap(True)
        self.countdown_label = QLabel()
        self.countdown_label.setObjectName("quorum_countdown")
        self.countdown_label.setStyleSheet("font-size: 14pt; font-weight: bold; color: #8a5a00;")

        self.check_button = QPushButton(tr("&Periksa kuorum"))
        self.check_button.setToolTip(tr("Catat pemeriksaan kuorum sekarang"))
        self.open_button = QPushButton(tr("B&uka rapat"))
        self.suspend_button = QPushButton(tr("&Skors rapat"))
        self.postpone_button = QPushButton(tr("Tunda rapa&t"))
        self.check_button.clicked.connect(self.record_check)
        self.open_button.clicked.connect(self.open_meeting)
        self.suspend_button.clicked.connect(self.suspend)
        self.postpone_button.clicked.connect(self.postpone)

        # The verdict under the figures, not beside them: the desk keeps its width at 1200 px.
        figures = QGridLayout()
        figures.addWidget(self.present_label, 0, 0)
        figures.addWidget(self.minimum_label, 1, 0)
        figures.addWidget(self.verdict_label, 2, 0, Qt.AlignmentFlag.AlignLeft)
        figures.setColumnStretch(0, 1)
        buttons = QHBoxLayout()
        for button in (
            self.check_button,
            self.open_button,
            self.suspend_button,
            self.postpone_button,
        ):
            button.setFocusPolicy(Qt.FocusPolicy.TabFocus)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(figures)
        layout.addWidget(self.channel_label)
        layout.addWidget(self.procedure_label)
        layout.addWidget(self.countdown_label)
        layout.addLayout(buttons)
        layout.addStretch(1)

        # A clock for the suspension's countdown: it reads the time, never the database.
        self._tick = QTimer(self)
        self._tick.setObjectName("clock")
        self._tick.setInterval(1000)
        self._tick.timeout.connect(self._show_countdown)
        operations.changed.connect(self._changed)
        self.set_meeting(None)

    def set_meeting(self, meeting_id: int | None, idle: str | None = None) -> None:
        """Show the quorum of ``meeting_id`` (None: nothing to show, and ``idle`` says why)."""
        self.meeting_id = meeting_id
        self._idle = idle
        self.refresh()

    def refresh(self) -> None:
        """Read the quorum and the procedure again."""
        if self.meeting_id is None:
            self.present_label.setText(self._idle or tr("Belum ada rapat dipilih"))
            self.present_label.setStyleSheet(IDLE_STYLE)
            for label in (
                self.minimum_label,
                self.verdict_label,
                self.channel_label,
                self.procedure_label,
                self.countdown_label,
            ):
                label.clear()
            self.verdict_label.setStyleSheet("")
            for button in self._buttons():
                button.setEnabled(False)
            self._tick.stop()
            return
        self.present_label.setStyleSheet(PRESENT_STYLE)
        meeting = self.services.meetings.get(self.meeting_id)
        status = self.services.checkin.quorum(self.meeting_id)
        proc = self.services.checkin.quorum_procedure(self.meeting_id)
        self._show_status(status)
        running = meeting.state.takes_attendance
        opened = meeting.state is MeetingState.OPENED
        self.procedure_label.setText(
            tr("Rapat sudah dibuka.") if opened else proc.explain(meeting.zone) if running else ""
        )
        self._show_buttons(proc, running, opened)
        self._until = meeting.suspended_until if meeting.state is MeetingState.SUSPENDED else None
        if self._until is not None:
            self._until = self._until.astimezone(meeting.zone)
            self._tick.start()
        else:
            self._tick.stop()
        self._show_countdown()

    # --- the chair's steps ------------------------------------------------------------------

    def record_check(self) -> None:
        """Record a quorum check (at opening, a re-check, a second call, or on request)."""
        if self.meeting_id is not None:
            meeting_id = self.meeting_id
            self.operations.run(self, lambda: self.services.checkin.record_quorum_check(meeting_id))

    def open_meeting(self) -> None:
        """Open the meeting after a check that reached quorum."""
        if self.meeting_id is not None:
            meeting_id = self.meeting_id
            self.operations.run(self, lambda: self.services.checkin.open_meeting(meeting_id))

    def suspend(self) -> None:
        """Suspend the meeting as the AD says after a failed check."""
        if self.meeting_id is not None:
            meeting_id = self.meeting_id
            self.operations.run(self, lambda: self.services.checkin.suspend(meeting_id))

    def postpone(self) -> None:
        """Postpone the meeting: quorum was not reached."""
        if self.meeting_id is not None:
            meeting_id = self.meeting_id
            self.operations.run(self, lambda: self.services.checkin.postpone(meeting_id))

    # --- inside ----------------------------------------------------------------------------

    def _buttons(self) -> tuple[QPushButton, ...]:
        return (self.check_button, self.open_button, self.suspend_button, self.postpone_button)

    def _show_status(self, status: QuorumStatus) -> None:
        self.present_label.setText(tr("Hadir berhak suara: {n}", n=thousands(status.present)))
        self.minimum_label.setText(status.text)
        self.minimum_label.setToolTip(status.rule_text)
        if status.reached:
            self.verdict_label.setText(tr("TERCAPAI"))
            self.verdict_label.setStyleSheet(f"font-size: 18pt; font-weight: bold; {REACHED_STYLE}")
        else:
            self.verdict_label.setText(tr("BELUM TERCAPAI"))
            self.verdict_label.setStyleSheet(
                f"font-size: 18pt; font-weight: bold; {NOT_REACHED_STYLE}"
            )
        parts = [
            tr("{channel}: {n}", channel=tr(c.key), n=thousands(status.by_channel.get(c, 0)))
            for c in Channel
            if c is Channel.IN_PERSON or status.by_channel.get(c, 0)
        ]
        parts.append(tr("semua yang hadir: {n}", n=thousands(status.attending)))
        self.channel_label.setText(" · ".join(parts))

    def _show_buttons(self, proc: Procedure, running: bool, opened: bool) -> None:
        second = proc.next_check is CheckStep.SECOND_CALL
        self.check_button.setText(tr("Panggilan &kedua") if second else tr("&Periksa kuorum"))
        self.check_button.setEnabled(running and (opened or proc.next_check is not None))
        self.open_button.setEnabled(running and not opened and proc.may_open)
        self.suspend_button.setEnabled(running and not opened and proc.may_suspend)
        self.postpone_button.setEnabled(running and not opened and proc.may_postpone)

    def _show_countdown(self) -> None:
        if self._until is None:
            self.countdown_label.clear()
            self.countdown_label.hide()
            return
        left = self._until - self.services.ctx.now()
        seconds = max(0, int(left.total_seconds()))
        self.countdown_label.show()
        if seconds == 0:
            self.countdown_label.setText(tr("Skorsing selesai: periksa kuorum lagi."))
            self._tick.stop()
            return
        self.countdown_label.setText(
            tr(
                "Skorsing sampai pukul {time}: sisa {mm:02d}.{ss:02d}",
                time=self._until.strftime("%H.%M %Z"),
                mm=seconds // 60,
                ss=seconds % 60,
            )
        )

    def _changed(self, changes: Changes) -> None:
        if self.meeting_id is None:
            return
        ours = not changes.ids or self.meeting_id in changes.ids
        if ours and (changes.touches(Area.ATTENDANCE) or changes.touches(Area.MEETINGS)):
            if self.isVisible():
                self.refresh()
            else:
                self._stale = True  # a hidden page reads again when it is shown

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()
