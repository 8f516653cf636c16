"""The check-in desk driven by a person at the door: numbers typed (or scanned) with Enter for
a queue, someone scanned twice, an undo, a departure, a resigned member refused, a calon
admitted without a vote, a name search; the cursor never leaves the one field. What the
database holds is asserted through the services."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import AttendanceState, Channel, EventKind
from assembly.domain.attendance_query import AttendanceQuery, AttendanceSort
from assembly.domain.meeting import MeetingMode
from assembly.ui.dialogs.proxy_dialog import ProxyDialog
from assembly.ui.models.attendance_table_model import AttendanceTableModel
from assembly.ui.operation import Operations
from assembly.ui.pages.checkin_page import CheckInPage
from tests.meeting_fixtures import open_meeting, register_members, use_profile


@pytest.fixture
def desk(qtbot: QtBot, cooperative: Any) -> tuple[CheckInPage, Any, int, dict[str, int]]:
    ids = register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    page = CheckInPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.resize(1300, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    page.focus_entry()
    return page, cooperative, meeting_id, ids


def scan(qtbot: QtBot, page: CheckInPage, text: str) -> None:
    qtbot.keyClicks(page.entry, text)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)


def in_field(page: CheckInPage) -> bool:
    return QApplication.focusWidget() is page.entry or page.entry.hasFocus()


def test_a_queue_of_members_is_checked_in_at_once(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, _ids = desk
    for number in ("0001", "0002", "0003", "0004"):
        scan(qtbot, page, number)
        assert page.entry.text() == ""
        assert in_field(page)
    assert page.name_label.text() == "Anggota Nomor 4"
    assert "tunggakan" in page.detail_label.text()
    status = services.checkin.quorum(meeting_id)
    assert status.present == 4
    qtbot.waitUntil(lambda: page.model.total == 4)
    assert page.quorum.present_label.text() == "Hadir berhak suara: 4"
    assert page.quorum.minimum_label.text() == "minimal 5 dari 8"
    assert page.quorum.verdict_label.text() == "BELUM TERCAPAI"
    scan(qtbot, page, "0005")
    assert page.quorum.verdict_label.text() == "TERCAPAI"
    entries = services.checkin.attendance_entries(meeting_id)
    assert [e.number for e in entries] == ["0001", "0002", "0003", "0004", "0005"]
    assert all(e.channel is Channel.IN_PERSON for e in entries)


def test_scanning_twice_is_harmless(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, ids = desk
    scan(qtbot, page, "0002")
    scan(qtbot, page, "0002")
    assert "sudah hadir sejak" in page.headline.text()
    assert services.checkin.quorum(meeting_id).present == 1
    kinds = [e.kind for e in services.checkin.history(meeting_id, ids["0002"])]
    assert kinds == [EventKind.CHECK_IN]
    assert in_field(page)


def test_undo_takes_back_the_last_check_in_and_is_recorded(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, ids = desk
    scan(qtbot, page, "0001")
    scan(qtbot, page, "0003")
    qtbot.keyClick(page.entry, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "diurungkan" in page.headline.text()
    assert services.checkin.quorum(meeting_id).present == 1
    kinds = [e.kind for e in services.checkin.history(meeting_id, ids["0003"])]
    assert kinds == [EventKind.CHECK_IN, EventKind.UNDO]
    assert [e.number for e in services.checkin.attendance_entries(meeting_id)] == ["0001"]
    qtbot.waitUntil(lambda: page.model.total == 1)
    assert in_field(page)


def test_leaving_and_returning_update_the_quorum(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, _ids = desk
    scan(qtbot, page, "0001")
    scan(qtbot, page, "0002")
    assert page.quorum.present_label.text() == "Hadir berhak suara: 2"
    qtbot.keyClick(page.entry, Qt.Key.Key_F6)
    assert page.quorum.present_label.text() == "Hadir berhak suara: 1"
    left = [e for e in services.checkin.attendance_entries(meeting_id) if e.number == "0002"]
    assert left[0].state is AttendanceState.LEFT
    qtbot.keyClick(page.entry, Qt.Key.Key_F7)
    assert page.quorum.present_label.text() == "Hadir berhak suara: 2"
    assert services.checkin.quorum(meeting_id).present == 2
    assert in_field(page)


def test_a_resigned_member_is_refused(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, _ids = desk
    scan(qtbot, page, "0010")
    assert "tidak dapat hadir" in page.headline.text()
    assert "b3261e" in page.headline.styleSheet()
    assert services.checkin.attendance_entries(meeting_id) == []
    scan(qtbot, page, "9999")
    assert page.headline.text() == "Nomor 9999 tidak terdaftar."
    assert in_field(page)


def test_a_calon_is_admitted_without_a_vote(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, _ids = desk
    scan(qtbot, page, "0009")
    assert page.name_label.text() == "Calon Sembilan"
    assert page.vote_label.text().startswith("TIDAK BERHAK SUARA")
    assert "8a5a00" in page.vote_label.styleSheet()
    status = services.checkin.quorum(meeting_id)
    assert (status.present, status.attending) == (0, 1)
    entry = services.checkin.attendance_entries(meeting_id)[0]
    assert not entry.may_vote


def test_a_name_search_picks_with_down_and_enter(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, _ids = desk
    qtbot.keyClicks(page.entry, "nomor")
    qtbot.waitUntil(lambda: page.matches.isVisible() and page.matches.count() > 1)
    qtbot.keyClick(page.entry, Qt.Key.Key_Down)
    chosen = page.matches.currentItem().data(Qt.ItemDataRole.UserRole)
    qtbot.keyClick(page.entry, Qt.Key.Key_Return)
    assert [e.member_id for e in services.checkin.attendance_entries(meeting_id)] == [chosen]
    assert not page.matches.isVisible()
    assert in_field(page)


def test_online_channel_for_a_hybrid_meeting(qtbot: QtBot, desk: Any) -> None:
    page, services, meeting_id, _ids = desk
    assert [page.channel.itemText(i) for i in range(page.channel.count())] == [
        "Langsung",
        "Daring",
    ]
    assert not page.proxy_button.isVisibleTo(page)
    page.channel.setCurrentIndex(1)
    scan(qtbot, page, "0006")
    assert services.checkin.attendance_entries(meeting_id)[0].channel is Channel.ONLINE


def test_the_attendance_list_searches_and_sorts(qtbot: QtBot, desk: Any) -> None:
    page, _services, _meeting_id, _ids = desk
    for number in ("0003", "0001", "0002"):
        scan(qtbot, page, number)
    qtbot.waitUntil(lambda: page.model.total == 3)
    page.model.sort(2, Qt.SortOrder.DescendingOrder)
    names = [page.model.index(r, 2).data() for r in range(page.model.rowCount())]
    assert names == sorted(names, reverse=True)
    qtbot.keyClicks(page.search, "0002")
    page.apply_search()
    assert page.model.rowCount() == 1
    assert page.model.index(0, 1).data() == "0002"


def test_the_attendance_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, cooperative: Any
) -> None:
    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    for number in ("0001", "0002", "0009", "0005"):
        cooperative.checkin.check_in(meeting_id, number)
    model = AttendanceTableModel(cooperative.checkin)
    model.set_meeting(meeting_id)
    qtmodeltester.check(model)
    model.set_query(AttendanceQuery(sort=AttendanceSort.NAME))
    qtmodeltester.check(model)
    assert model.rowCount() == 4


def test_online_attendance_imported_from_the_desk(qtbot: QtBot, desk: Any, tmp_path: Path) -> None:
    page, services, meeting_id, _ids = desk
    assert page.import_button.isVisibleTo(page)
    bad = tmp_path / "bad.csv"
    bad.write_text("Nomor Anggota;Waktu Bergabung\n0002;08:55\n7777;08:56\n", encoding="utf-8")
    assert page.import_from(bad) is None
    assert services.checkin.attendance_entries(meeting_id) == []  # nothing half-applied
    good = tmp_path / "zoom.csv"
    good.write_text("Nomor Anggota;Waktu Bergabung\n0002;08:55\n0003;08:58\n", encoding="utf-8")
    assert page.import_from(good) == 2
    assert page.quorum.present_label.text() == "Hadir berhak suara: 2"
    assert "Daring: 2" in page.quorum.channel_label.text()
    qtbot.waitUntil(lambda: page.model.total == 2)


def test_proxies_from_the_desk_when_the_ad_allows(qtbot: QtBot, cooperative: Any) -> None:
    register_members(cooperative)
    use_profile(cooperative, ADProfile(proxies_enabled=True, proxy_cap=1))
    meeting_id = open_meeting(cooperative, MeetingMode.OFFLINE)
    page = CheckInPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.show()
    assert page.proxy_button.isVisibleTo(page)
    assert [page.channel.itemText(i) for i in range(page.channel.count())] == ["Langsung"]
    scan(qtbot, page, "0001")
    page.edit_proxies()
    dialog = page.findChild(ProxyDialog)
    assert dialog is not None
    qtbot.keyClicks(dialog.grantor, "0002")
    qtbot.keyClicks(dialog.holder, "0001")
    qtbot.keyClicks(dialog.reference, "SK-01/2026")
    qtbot.mouseClick(dialog.grant_button, Qt.MouseButton.LeftButton)
    assert dialog.table.rowCount() == 1
    assert page.quorum.present_label.text() == "Hadir berhak suara: 2"
    assert "Melalui kuasa: 1" in page.quorum.channel_label.text()
    dialog.table.selectRow(0)
    qtbot.mouseClick(dialog.withdraw_button, Qt.MouseButton.LeftButton)
    assert cooperative.checkin.quorum(meeting_id).present == 1
    dialog.close()


def test_the_desk_chooses_among_several_open_meetings(qtbot: QtBot, cooperative: Any) -> None:
    register_members(cooperative)
    first = open_meeting(cooperative)
    second = open_meeting(cooperative, MeetingMode.OFFLINE)
    page = CheckInPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.show()
    assert page.meeting.count() == 2 and page.meeting.isEnabled()
    page.select_meeting(second)
    scan(qtbot, page, "0004")
    assert [e.number for e in cooperative.checkin.attendance_entries(second)] == ["0004"]
    assert cooperative.checkin.attendance_entries(first) == []
