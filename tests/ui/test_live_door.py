"""Two windows on one laptop (two open databases on one file) see each other's changes within
1 s through the door: a check-in typed at one desk reaches the other desk's quorum panel, its
chair's console and its projector, whose pages have no timer reading the database."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from assembly.ui.operation import Operations
from assembly.ui.pages.checkin_page import CheckInPage
from assembly.ui.pages.decisions_page import DecisionsPage
from assembly.ui.projector import ProjectorWindow
from tests.services.voting_fixtures import opened_hall
from tests.ui.live_fixtures import watching

SHOTS = Path(os.environ.get("KUORUM_SHOTS", "/tmp/live-shots"))
WITHIN_MS = 1000  # the promise of DESIGN.md section 9


def _database_timers(widget: QWidget) -> list[QTimer]:
    """Repeating timers under ``widget``: the debounce timers of typing are single-shot, and
    the suspension countdown's clock (named so) reads only the time."""
    return [
        t for t in widget.findChildren(QTimer) if not t.isSingleShot() and t.objectName() != "clock"
    ]


def _show(qtbot: QtBot, widget: QWidget, width: int, height: int) -> None:
    qtbot.addWidget(widget)
    widget.resize(width, height)
    widget.show()
    qtbot.waitExposed(widget)


def test_a_check_in_at_one_desk_reaches_the_other_desks_screens(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    here = Operations()
    desk = CheckInPage(hall.services, here)
    _show(qtbot, desk, 1300, 800)

    there_services = hall.reopen()
    there = Operations()
    other_desk = CheckInPage(there_services, there)
    console = DecisionsPage(there_services, there)
    projector = ProjectorWindow(there_services, there, hall.meeting_id)
    for widget, size in ((other_desk, (1300, 800)), (console, (1280, 820)),
                         (projector, (1280, 720))):  # fmt: skip
        _show(qtbot, widget, *size)
    assert other_desk.quorum.present_label.text() == "Hadir berhak suara: 6"
    assert "6 hadir" in console.quorum_label.text()
    assert projector.quorum.text().startswith("Hadir 6 dari 8")
    heard: list[object] = []
    there.changed.connect(heard.append)
    try:
        with watching(there_services, there):
            desk.focus_entry()
            qtbot.keyClicks(desk.entry, "0007")
            qtbot.keyClick(desk.entry, Qt.Key.Key_Return)
            assert hall.services.checkin.quorum(hall.meeting_id).present == 7
            qtbot.waitUntil(
                lambda: (
                    other_desk.quorum.present_label.text() == "Hadir berhak suara: 7"
                    and "7 hadir" in console.quorum_label.text()
                    and projector.quorum.text().startswith("Hadir 7 dari 8")
                ),
                timeout=WITHIN_MS,
            )
            # The other desk's attendance list follows once its typing pause has passed.
            qtbot.waitUntil(
                lambda: other_desk.count_label.text() == "8 tercatat", timeout=WITHIN_MS
            )
            SHOTS.mkdir(parents=True, exist_ok=True)
            for name, widget in (("desk-a", desk), ("desk-b", other_desk),
                                 ("console-b", console), ("projector-b", projector)):  # fmt: skip
                widget.grab().save(str(SHOTS / f"{name}.png"))
    finally:
        there_services.close()
    assert heard, "the other window's own Operations carried the change"
    for widget in (other_desk, console, projector):
        assert _database_timers(widget) == [], widget  # no page polls on a timer


def test_a_window_is_not_told_twice_about_its_own_change(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    here = Operations()
    desk = CheckInPage(hall.services, here)
    _show(qtbot, desk, 1300, 800)
    told: list[object] = []
    here.changed.connect(told.append)
    with watching(hall.services, here) as watcher:
        desk.focus_entry()
        qtbot.keyClicks(desk.entry, "0007")
        qtbot.keyClick(desk.entry, Qt.Key.Key_Return)
        assert len(told) == 1  # the door's own signal, at once
        other = hall.reopen()
        try:
            other.checkin.check_in(hall.meeting_id, "0008")  # so the watcher has spoken
            with qtbot.waitSignal(watcher.heard, timeout=WITHIN_MS):
                pass
        finally:
            other.close()
    assert len(told) == 2  # its own check-in once, the other desk's once
    assert desk.quorum.present_label.text() == "Hadir berhak suara: 8"
