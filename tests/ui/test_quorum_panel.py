"""The live quorum panel: the figure follows every check-in and check-out, and the chair's
buttons record the quorum check, the suspension (with its countdown), the opening and the
postponement, as the AD profile's procedure says."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.domain.meeting import MeetingState
from assembly.domain.quorum_check import CheckStep
from assembly.ui.operation import Operations
from assembly.ui.widgets.quorum_panel import QuorumPanel
from tests.meeting_fixtures import open_meeting, register_members


@pytest.fixture
def panel(qtbot: QtBot, cooperative: Any) -> tuple[QuorumPanel, Any, int, Operations]:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    operations = Operations()
    widget = QuorumPanel(cooperative, operations)
    qtbot.addWidget(widget)
    widget.set_meeting(meeting_id)
    widget.show()
    return widget, cooperative, meeting_id, operations


def test_the_figure_follows_check_ins(qtbot: QtBot, panel: Any) -> None:
    widget, services, meeting_id, operations = panel
    assert widget.present_label.text() == "Hadir berhak suara: 0"
    assert widget.minimum_label.text() == "minimal 5 dari 8"
    assert widget.verdict_label.text() == "BELUM TERCAPAI"
    for number in ("0001", "0002", "0003", "0005", "0006"):
        operations.run(None, lambda n=number: services.checkin.check_in(meeting_id, n))
    assert widget.present_label.text() == "Hadir berhak suara: 5"
    assert widget.verdict_label.text() == "TERCAPAI"
    assert "Hadir langsung: 5" in widget.channel_label.text()
    result, _changes = services.checkin.check_in(meeting_id, "0006")
    assert result.member_id is not None
    operations.run(None, lambda: services.checkin.check_out(meeting_id, result.member_id))
    assert widget.present_label.text() == "Hadir berhak suara: 4"
    assert widget.verdict_label.text() == "BELUM TERCAPAI"


def test_a_reached_check_opens_the_meeting(qtbot: QtBot, panel: Any) -> None:
    widget, services, meeting_id, operations = panel
    for number in ("0001", "0002", "0003", "0005", "0006"):
        operations.run(None, lambda n=number: services.checkin.check_in(meeting_id, n))
    assert not widget.open_button.isEnabled()
    qtbot.mouseClick(widget.check_button, Qt.MouseButton.LeftButton)
    checks = services.checkin.quorum_checks(meeting_id)
    assert [(c.step, c.present, c.minimum, c.reached) for c in checks] == [
        (CheckStep.OPENING, 5, 5, True)
    ]
    assert widget.open_button.isEnabled()
    assert not widget.suspend_button.isEnabled()
    qtbot.mouseClick(widget.open_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get(meeting_id).state is MeetingState.OPENED
    assert widget.procedure_label.text() == "Rapat sudah dibuka."
    qtbot.mouseClick(widget.check_button, Qt.MouseButton.LeftButton)
    assert services.checkin.quorum_checks(meeting_id)[-1].step is CheckStep.ON_REQUEST


def test_a_failed_check_suspends_with_a_countdown_then_postpones(qtbot: QtBot, panel: Any) -> None:
    widget, services, meeting_id, operations = panel
    operations.run(None, lambda: services.checkin.check_in(meeting_id, "0001"))
    qtbot.mouseClick(widget.check_button, Qt.MouseButton.LeftButton)
    assert not services.checkin.quorum_checks(meeting_id)[-1].reached
    assert widget.suspend_button.isEnabled()
    assert not widget.open_button.isEnabled()
    qtbot.mouseClick(widget.suspend_button, Qt.MouseButton.LeftButton)
    meeting = services.meetings.get(meeting_id)
    assert meeting.state is MeetingState.SUSPENDED
    assert widget.countdown_label.text().startswith("Skorsing sampai pukul 09.30 WIB: sisa 30.00")
    assert widget.postpone_button.isEnabled()
    qtbot.mouseClick(widget.postpone_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get(meeting_id).state is MeetingState.POSTPONED
    steps = [c.step for c in services.checkin.quorum_checks(meeting_id)]
    assert steps == [CheckStep.OPENING, CheckStep.SUSPENSION, CheckStep.POSTPONEMENT]
    assert not any(b.isEnabled() for b in widget._buttons())
