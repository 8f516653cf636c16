"""The meeting form and page as a new secretary met them (issue 12 point 6): the financial
year carries the template's titles with it (never the ones she wrote), the date carries the
register cut-off until she sets it, Enter in the agenda adds a line, the saved draft stays
visibly chosen, the blank Daftar Hadir prints in draft, and the roles that must sign the
berita acara are chosen here, stored, shown, and hold the lock back until they have signed."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from assembly.domain.meeting import MeetingState, Officer, OfficerRole
from assembly.ui.dialogs.meeting_dialog import MeetingDialog
from assembly.ui.operation import Operations
from assembly.ui.pages.meetings_page import MeetingsPage
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import draft_meeting, register_members
from tests.services.signing_fixtures import PASSPHRASE, make_keys
from tests.services.voting_fixtures import opened_hall
from tests.ui.live_fixtures import finished

CTRL = Qt.KeyboardModifier.ControlModifier


@pytest.fixture
def page(qtbot: QtBot, cooperative: Any) -> MeetingsPage:
    register_members(cooperative)
    widget = MeetingsPage(cooperative, Operations())
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def fill_leaders(qtbot: QtBot, dialog: MeetingDialog, witnesses: str = "") -> None:
    qtbot.keyClicks(dialog.venue, "Aula Koperasi")
    qtbot.keyClicks(dialog.chair, "Budi Santoso")
    qtbot.keyClicks(dialog.secretary, "Siti Aminah")
    if witnesses:
        qtbot.keyClicks(dialog.witnesses, witnesses)


def retype(qtbot: QtBot, field: Any, text: str) -> None:
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_A, CTRL)
    qtbot.keyClicks(field, text)


def save(qtbot: QtBot, dialog: MeetingDialog) -> None:
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )


def test_the_year_carries_the_template_titles_but_not_the_ones_she_wrote(
    qtbot: QtBot, page: MeetingsPage
) -> None:
    dialog = page.new_meeting()
    assert dialog is not None
    old = dialog.financial_year.value()
    titles = [item.title for item in dialog.agenda]
    assert f"Laporan pertanggungjawaban Pengurus tahun buku {old}" in titles
    # She rewrites the Pengawas' report title (keeping the year in it).
    dialog.items.setCurrentRow(2)
    retype(qtbot, dialog.item_title, f"Laporan Pengawas atas tahun {old}")
    fill_leaders(qtbot, dialog)
    new = old + 1
    retype(qtbot, dialog.financial_year, str(new))
    assert dialog.financial_year.value() == new
    shown = [dialog.items.item(r).text() for r in range(dialog.items.count())]
    assert f"2. Laporan pertanggungjawaban Pengurus tahun buku {new}" in shown
    assert f"3. Laporan Pengawas atas tahun {old}" in shown  # hers, untouched
    save(qtbot, dialog)
    assert dialog.saved is not None
    stored = [item.title for item in page.services.meetings.get(dialog.saved.id).agenda]
    assert stored[1] == f"Laporan pertanggungjawaban Pengurus tahun buku {new}"
    assert stored[2] == f"Laporan Pengawas atas tahun {old}"
    assert stored[5].endswith(f"tahun buku {new + 1}")  # the work plan is for the next year
    assert not any(f"tahun buku {old}" in t for t in stored)


def test_the_date_carries_the_cut_off_until_she_sets_it(qtbot: QtBot, page: MeetingsPage) -> None:
    dialog = page.new_meeting()
    assert dialog is not None
    fill_leaders(qtbot, dialog)
    retype(qtbot, dialog.date, "18-04-2026")
    assert dialog.cutoff.date() == dt.date(2026, 4, 4)  # 14 days' notice in the AD
    retype(qtbot, dialog.cutoff, "31-03-2026")
    retype(qtbot, dialog.date, "25-04-2026")
    assert dialog.cutoff.date() == dt.date(2026, 3, 31)  # hers now: it stays
    save(qtbot, dialog)
    assert dialog.saved is not None
    stored = page.services.meetings.get(dialog.saved.id)
    assert (stored.date, stored.cutoff_date) == (dt.date(2026, 4, 25), dt.date(2026, 3, 31))


def test_a_saved_meeting_set_by_hand_keeps_its_cut_off(qtbot: QtBot, page: MeetingsPage) -> None:
    meeting = draft_meeting(page.services)  # cut-off 1 March, set apart from the suggestion
    page.load()
    page.select(meeting.id)
    dialog = page.edit_meeting()
    assert dialog is not None
    retype(qtbot, dialog.date, "21-03-2026")
    save(qtbot, dialog)
    stored = page.services.meetings.get(meeting.id)
    assert (stored.date, stored.cutoff_date) == (dt.date(2026, 3, 21), dt.date(2026, 3, 1))


def test_enter_in_the_agenda_adds_a_line_and_never_closes(qtbot: QtBot, page: MeetingsPage) -> None:
    dialog = page.new_meeting()
    assert dialog is not None
    fill_leaders(qtbot, dialog)
    count = len(dialog.agenda)
    dialog.items.setCurrentRow(count - 1)
    dialog.item_title.setFocus()
    qtbot.keyClick(dialog.item_title, Qt.Key.Key_Return)
    assert dialog.isVisible() and dialog.saved is None
    assert len(dialog.agenda) == count + 1
    assert dialog.focusWidget() is dialog.item_title
    assert dialog.item_title.selectedText() == "Acara baru"  # typing replaces it
    qtbot.keyClicks(dialog.item_title, "Penetapan iuran wajib")
    qtbot.keyClick(dialog.item_title, Qt.Key.Key_Enter)
    assert dialog.isVisible() and len(dialog.agenda) == count + 2
    assert page.services.meetings.list() == []  # nothing saved by Enter
    assert dialog.items.currentRow() == len(dialog.agenda) - 1
    qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)  # the line not wanted
    save(qtbot, dialog)
    assert dialog.saved is not None
    titles = [i.title for i in page.services.meetings.get(dialog.saved.id).agenda]
    assert titles[-1] == "Penetapan iuran wajib"
    assert len(titles) == count + 1


def test_the_saved_draft_is_chosen_and_visibly_so(qtbot: QtBot, page: MeetingsPage) -> None:
    older = draft_meeting(page.services)
    page.load()
    page.select(older.id)
    dialog = page.new_meeting()
    assert dialog is not None
    fill_leaders(qtbot, dialog)
    save(qtbot, dialog)
    assert dialog.saved is not None
    new_id = dialog.saved.id
    assert page.meeting_id == new_id
    row = page.model.row_of(new_id)
    assert row is not None and page.table.selectionModel().isRowSelected(row)
    assert page.edit_button.isEnabled() and page.delete_button.isEnabled()
    palette = page.table.palette()
    for role in (QPalette.ColorRole.Highlight, QPalette.ColorRole.HighlightedText):
        assert palette.color(QPalette.ColorGroup.Inactive, role) == palette.color(
            QPalette.ColorGroup.Active, role
        )
    # The same after editing the older one: it is the chosen row then.
    page.select(older.id)
    edit = page.edit_meeting()
    assert edit is not None
    retype(qtbot, edit.venue, "Balai Desa")
    save(qtbot, edit)
    assert page.meeting_id == older.id
    assert page.services.meetings.get(older.id).venue == "Balai Desa"


def test_the_blank_daftar_hadir_prints_in_draft(
    qtbot: QtBot, page: MeetingsPage, tmp_path: Path
) -> None:
    meeting = draft_meeting(page.services)
    page.load()
    page.select(meeting.id)
    assert page.attendance_button.isEnabled()
    pages = finished(qtbot, page.write_attendance_list(tmp_path / "hadir-kosong.pdf"))
    assert isinstance(pages, int) and pages >= 2
    assert page.services.meetings.get(meeting.id).state is MeetingState.DRAFT
    text = "\n".join(p.extract_text() for p in PdfReader(tmp_path / "hadir-kosong.pdf").pages)
    assert "DAFTAR HADIR" in text.upper()
    assert "Anggota Nomor" not in text.replace("Anggota Nomor 1", "").replace(
        "Anggota Nomor 2", ""
    )  # no member on it: only the chair and secretary under the signatures
    assert "60." in text and "1." in text
    assert "........ orang" in text
    # Each signature line stands in the "Tanda Tangan" column, not over the times.
    first = PdfReader(tmp_path / "hadir-kosong.pdf").pages[0]
    where: dict[str, float] = {}

    def seen(text: str, _cm: Any, tm: Any, _font: Any, _size: Any) -> None:
        for key in ("Tanda Tangan", "1. ...", "2. ...", "Kembali"):
            if text.strip().startswith(key) and key not in where:
                where[key] = float(tm[4])

    first.extract_text(visitor_text=seen)
    assert where["1. ..."] >= where["Kembali"] + 10
    assert where["2. ..."] > where["1. ..."]
    assert where["Tanda Tangan"] > where["Kembali"]


def test_the_signers_are_chosen_stored_and_shown(qtbot: QtBot, page: MeetingsPage) -> None:
    dialog = page.new_meeting()
    assert dialog is not None
    assert dialog.signer_boxes["ketua"].isChecked() and not dialog.signer_boxes["ketua"].isEnabled()
    assert dialog.signer_boxes["sekretaris"].isChecked()
    fill_leaders(qtbot, dialog, witnesses="Agus")
    qtbot.mouseClick(dialog.signer_boxes["saksi1"], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.signer_boxes["saksi2"], Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    # Two witnesses required, one named: refused, said where, nothing stored.
    assert dialog.saved is None and dialog.isVisible()
    assert "Saksi Rapat 2 wajib menandatangani" in dialog.problems.text()
    assert page.services.meetings.list() == []
    qtbot.mouseClick(dialog.signer_boxes["saksi2"], Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.acknowledger, "Kepala Dinas Koperasi")
    qtbot.mouseClick(dialog.signer_boxes["mengetahui"], Qt.MouseButton.LeftButton)
    save(qtbot, dialog)
    assert dialog.saved is not None
    stored = page.services.meetings.get(dialog.saved.id)
    assert stored.signers == ("saksi1", "mengetahui")
    assert stored.required_signers == ("ketua", "sekretaris", "saksi1", "mengetahui")
    assert page.signers.text() == (
        "Wajib menandatangani berita acara: Ketua Rapat (Budi Santoso), Sekretaris Rapat "
        "(Siti Aminah), Saksi Rapat 1 (Agus), Mengetahui (Kepala Dinas Koperasi)"
    )
    again = page.edit_meeting()
    assert again is not None
    assert again.signer_boxes["saksi1"].isChecked() and again.signer_boxes["mengetahui"].isChecked()
    assert not again.signer_boxes["saksi2"].isChecked()


def test_the_lock_waits_for_the_roles_the_meeting_requires(
    cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    from assembly.pdf.keys import create_key

    services = cooperative
    hall = opened_hall(services, db_path)
    meeting = services.meetings.get(hall.meeting_id)
    services.meetings.edit(
        replace(
            meeting,
            officers=(*meeting.officers, Officer(OfficerRole.ACKNOWLEDGER, "Kepala Dinas")),
            signers=("mengetahui",),
        )
    )
    meeting_id = hall.meeting_id
    services.meetings.close(meeting_id)
    pdf = tmp_path / "berita-acara.pdf"
    services.minutes.export(meeting_id, pdf)
    keys = make_keys(tmp_path / "keys")
    services.minutes_signing.sign_minutes(meeting_id, pdf, keys.chair, PASSPHRASE, "ketua")
    second, _c = services.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris"
    )
    assert not second.completed and second.missing == ("TTD_Mengetahui",)
    assert services.meetings.get(meeting_id).state is MeetingState.CLOSED
    assert services.minutes_signing.status(meeting_id, pdf).missing == ("TTD_Mengetahui",)
    key = tmp_path / "mengetahui.p12"
    key.write_bytes(create_key("Kepala Dinas", "Dinas Koperasi", PASSPHRASE.encode(), FIXED_NOW))
    third, _c = services.minutes_signing.sign_minutes(
        meeting_id, pdf, key, PASSPHRASE, "mengetahui"
    )
    assert third.completed
    assert services.meetings.get(meeting_id).state is MeetingState.LOCKED
