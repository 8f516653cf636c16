"""The meetings page as the secretary uses it: a new RAT from the template, its agenda
reordered with Alt+Up/Alt+Down, saved; the agenda of a saved meeting edited; check-in opened;
a finished meeting read-only; the list model through qtmodeltester."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ItemKind
from assembly.domain.meeting import MeetingState, MeetingType, OfficerRole
from assembly.ui.dialogs.meeting_dialog import MeetingDialog
from assembly.ui.models.meeting_list_model import MeetingListModel
from assembly.ui.operation import Operations
from assembly.ui.pages.meetings_page import MeetingsPage
from tests.meeting_fixtures import draft_meeting, register_members
from tests.ui.live_fixtures import finished

ALT = Qt.KeyboardModifier.AltModifier


@pytest.fixture
def page(qtbot: QtBot, cooperative: Any) -> MeetingsPage:
    register_members(cooperative)
    widget = MeetingsPage(cooperative, Operations())
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def save(qtbot: QtBot, dialog: MeetingDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_a_new_rat_from_the_template_reordered_and_saved(qtbot: QtBot, page: MeetingsPage) -> None:
    services = page.services
    dialog = page.new_meeting()
    assert dialog is not None
    template = [item.title for item in dialog.agenda]
    assert len(template) >= 6 and template[-1] == "Lain-lain"
    qtbot.keyClicks(dialog.venue, "Aula Koperasi")
    qtbot.keyClicks(dialog.chair, "Budi Santoso")
    qtbot.keyClicks(dialog.secretary, "Siti Aminah")
    qtbot.keyClicks(dialog.witnesses, "Agus, Dewi")
    dialog.items.setFocus()
    dialog.items.setCurrentRow(1)
    qtbot.keyClick(dialog.items, Qt.Key.Key_Down, ALT)
    qtbot.keyClick(dialog.items, Qt.Key.Key_Down, ALT)
    assert dialog.items.currentRow() == 3
    qtbot.keyClick(dialog.items, Qt.Key.Key_Up, ALT)
    expected = template[:1] + template[2:3] + template[1:2] + template[3:]
    assert [item.title for item in dialog.agenda] == expected
    dialog.items.setCurrentRow(len(expected) - 1)
    qtbot.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    dialog.item_title.selectAll()
    qtbot.keyClicks(dialog.item_title, "Perubahan pasal 5 AD")
    dialog.item_kind.setCurrentIndex(dialog.item_kind.findData(ItemKind.AD_AMENDMENT.value))
    save(qtbot, dialog)
    assert dialog.saved is not None
    stored = services.meetings.get(dialog.saved.id)
    assert [i.title for i in stored.agenda] == [*expected, "Perubahan pasal 5 AD"]
    assert stored.agenda[-1].kind is ItemKind.AD_AMENDMENT
    assert stored.venue == "Aula Koperasi"
    assert stored.officer(OfficerRole.CHAIR).name == "Budi Santoso"
    assert [o.name for o in stored.officers if o.role is OfficerRole.WITNESS] == ["Agus", "Dewi"]
    assert page.meeting_id == stored.id
    assert "belum diatur di profil AD" in page.warnings.text()

    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    assert services.meetings.get(stored.id).state is MeetingState.CHECK_IN
    # 0012 joined before this meeting's later cut-off, so nine count here.
    assert page.quorum.minimum_label.text() == "minimal 5 dari 9"
    assert not page.check_in_button.isEnabled()


def test_editing_a_saved_meetings_agenda(qtbot: QtBot, page: MeetingsPage) -> None:
    services = page.services
    meeting = draft_meeting(services)
    page.load()
    page.select(meeting.id)
    dialog = page.edit_meeting()
    assert dialog is not None
    titles = [i.title for i in meeting.agenda]
    dialog.items.setCurrentRow(0)
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    dialog.items.setCurrentRow(0)
    dialog.item_title.setFocus()
    qtbot.keyClick(dialog.item_title, Qt.Key.Key_Down, ALT)
    dialog.item_title.selectAll()
    qtbot.keyClicks(dialog.item_title, "Laporan Pengurus")
    save(qtbot, dialog)
    stored = services.meetings.get(meeting.id)
    assert [i.title for i in stored.agenda] == [titles[2], "Laporan Pengurus", *titles[3:]]


def test_a_finished_meeting_is_read_only(qtbot: QtBot, page: MeetingsPage) -> None:
    services = page.services
    meeting = draft_meeting(services)
    services.meetings.open_check_in(meeting.id)
    services.checkin.record_quorum_check(meeting.id)
    services.checkin.postpone(meeting.id)
    page.load()
    page.select(meeting.id)
    assert page.edit_button.text() == "&Lihat…"
    dialog = page.edit_meeting()
    assert dialog is not None
    assert not dialog.venue.isEnabled() and not dialog.add_button.isEnabled()
    assert dialog.buttons.button(QDialogButtonBox.StandardButton.Save) is None


def test_the_list_model_passes_the_model_tester(
    qtmodeltester: ModelTester, cooperative: Any
) -> None:
    register_members(cooperative)
    draft_meeting(cooperative)
    draft_meeting(cooperative, kind=MeetingType.EXTRAORDINARY, financial_year=None)
    model = MeetingListModel()
    model.set_rows(cooperative.meetings.list())
    qtmodeltester.check(model)
    assert model.rowCount() == 2


def test_the_documents_are_written_from_the_page(
    qtbot: QtBot, page: MeetingsPage, tmp_path: Path
) -> None:
    services = page.services
    meeting = draft_meeting(services)
    page.load()
    page.select(meeting.id)
    assert page.attendance_button.isEnabled()  # the blank form, printed before the meeting
    assert finished(qtbot, page.write_invitation(tmp_path / "undangan.pdf")) == 1
    cards = finished(qtbot, page.write_member_cards(tmp_path / "kartu.pdf"))
    assert isinstance(cards, int) and cards >= 1
    qtbot.mouseClick(page.check_in_button, Qt.MouseButton.LeftButton)
    services.checkin.check_in(meeting.id, "0001")
    services.checkin.check_in(meeting.id, "0003")
    assert page.attendance_button.isEnabled()
    assert finished(qtbot, page.write_attendance_list(tmp_path / "hadir.pdf")) == 1
    text = "".join(p.extract_text() for p in PdfReader(tmp_path / "hadir.pdf").pages)
    assert "Anggota Nomor 1" in text and "Anggota Nomor 3" in text
    assert "Anggota Nomor 5" not in text
    for name in ("undangan.pdf", "kartu.pdf"):
        assert (tmp_path / name).read_bytes().startswith(b"%PDF")
