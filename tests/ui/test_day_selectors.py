"""Two meetings on one day (issue 12 point 11): every selector tells them apart by type, time
and number, and the desk's quorum and counts always belong to the meeting its selector shows,
however it was chosen (the selector by keyboard, another page asking, a refresh)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.domain.meeting import MeetingType
from assembly.services.changes import Area, Changes
from assembly.ui.operation import Operations
from assembly.ui.pages.checkin_page import CheckInPage
from assembly.ui.pages.meetings_page import MeetingsPage
from assembly.ui.pages.minutes_page import MinutesPage
from tests.meeting_fixtures import draft_meeting, register_members


@pytest.fixture
def two(cooperative: Any) -> tuple[Any, int, int]:
    """A RAT at 09.00 and an RALB at 13.00 on the same day, both open for check-in; three
    members in at the RAT, one at the RALB."""
    register_members(cooperative)
    rat = draft_meeting(cooperative)
    ralb = draft_meeting(
        cooperative,
        kind=MeetingType.EXTRAORDINARY,
        financial_year=None,
        start=dt.time(13, 0),
        subject="Perubahan AD",
    )
    assert rat.id is not None and ralb.id is not None and rat.date == ralb.date
    for meeting in (rat, ralb):
        cooperative.meetings.open_check_in(meeting.id)
    for number in ("0001", "0002", "0003"):
        cooperative.checkin.check_in(rat.id, number)
    cooperative.checkin.check_in(ralb.id, "0005")
    return cooperative, rat.id, ralb.id


def combo_texts(combo: Any) -> list[str]:
    return [combo.itemText(i) for i in range(combo.count())]


def test_every_selector_tells_the_two_apart(qtbot: QtBot, two: tuple[Any, int, int]) -> None:
    services, rat, ralb = two
    operations = Operations()
    desk = CheckInPage(services, operations)
    minutes = MinutesPage(services, operations)
    meetings = MeetingsPage(services, operations)
    for page in (desk, minutes, meetings):
        qtbot.addWidget(page)
    numbers = {m.id: services.meetings.get(m.id).document_number for m in services.meetings.list()}
    assert len(set(numbers.values())) == 2
    for combo in (desk.meeting, minutes.meeting):
        texts = combo_texts(combo)
        assert len(texts) == 2 and len(set(texts)) == 2
        rat_text = texts[combo.findData(rat)]
        ralb_text = texts[combo.findData(ralb)]
        assert rat_text.startswith("RAT — ") and "14-03-2026 pukul 09.00 WIB" in rat_text
        assert f"No. {numbers[rat]}" in rat_text
        assert ralb_text.startswith("RALB — ") and "14-03-2026 pukul 13.00 WIB" in ralb_text
        assert f"No. {numbers[ralb]}" in ralb_text
    dates = {meetings.model.index(r, 2).data() for r in range(meetings.model.rowCount())}
    assert dates == {"14/03/2026 09.00 WIB", "14/03/2026 13.00 WIB"}


def test_the_desk_shows_the_quorum_of_the_meeting_its_selector_shows(
    qtbot: QtBot, two: tuple[Any, int, int]
) -> None:
    services, rat, ralb = two
    operations = Operations()
    desk = CheckInPage(services, operations)
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)

    def shows(meeting_id: int, present: int) -> None:
        assert desk.meeting_id == meeting_id
        assert desk.quorum.meeting_id == meeting_id
        assert desk.model.meeting_id == meeting_id
        assert desk.quorum.present_label.text() == f"Hadir berhak suara: {present}"
        qtbot.waitUntil(lambda: desk.count_label.text() == f"{present} tercatat")

    first = desk.meeting_id
    shows(first, 3 if first == rat else 1)
    # The secretary picks the other one in the selector, by keyboard.
    other = ralb if first == rat else rat
    desk.meeting.setFocus()
    qtbot.keyClick(
        desk.meeting, Qt.Key.Key_Down if desk.meeting.currentIndex() == 0 else Qt.Key.Key_Up
    )
    shows(other, 3 if other == rat else 1)
    # Another page asks the desk to show the first one again.
    desk.select_meeting(first)
    shows(first, 3 if first == rat else 1)
    desk.select_meeting(other)
    shows(other, 3 if other == rat else 1)
    # A scan at the desk counts for the meeting shown, and only there.
    desk.entry.setFocus()
    qtbot.keyClicks(desk.entry, "0006")
    qtbot.keyClick(desk.entry, Qt.Key.Key_Return)
    shows(other, 4 if other == rat else 2)
    assert services.checkin.quorum(first).present == (3 if first == rat else 1)
    # A change elsewhere (the meetings list refreshed) keeps selector and figures together.
    operations.changed.emit(Changes.of(Area.MEETINGS))
    shows(other, 4 if other == rat else 2)
