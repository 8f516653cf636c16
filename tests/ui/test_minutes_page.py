"""The minutes editor driven like the secretary does: type under an item, move on with
Ctrl+Down, pause typing, press Ctrl+S; the notes are in the database (and still there with
fresh services); a meeting signed meanwhile refuses with its message and keeps the text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.ui.dialogs.minutes_review import MinutesReviewDialog
from assembly.ui.operation import Operations
from assembly.ui.pages.minutes_page import MinutesPage
from tests.services.signing_fixtures import PASSPHRASE, make_keys
from tests.services.test_minutes_notes import Clock, timed_hall
from tests.services.voting_fixtures import Hall


@pytest.fixture
def hall(cooperative: Any, db_path: Path) -> Hall:
    return timed_hall(db_path, Clock())


@pytest.fixture
def page(qtbot: QtBot, hall: Hall) -> MinutesPage:
    page = MinutesPage(hall.services, Operations())
    qtbot.addWidget(page)
    page.resize(1300, 700)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    return page


def notes_of(services: Any, meeting_id: int) -> list[str]:
    return [i.notes for i in services.meetings.get(meeting_id).agenda]


def test_the_latest_meeting_opens_on_the_item_taken_up(page: MinutesPage, hall: Hall) -> None:
    assert page.meeting_id == hall.meeting_id
    assert page.item_id == hall.items[1]  # item 2 was the last taken up
    # The meeting is closed: no item is still "under discussion".
    assert not any(
        "sedang dibahas" in page.agenda.item(r).text() for r in range(page.agenda.count())
    )
    events = [page.events.item(r).text() for r in range(page.events.count())]
    assert events[0].startswith("Pemeriksaan kuorum atas permintaan pimpinan rapat pukul 09.40")
    assert events[-1] == "Selama pembahasan acara ini hadir 1 (satu) anggota lagi."


def test_typed_notes_are_saved_on_leaving_on_pause_and_on_ctrl_s(
    page: MinutesPage, hall: Hall, qtbot: QtBot
) -> None:
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.item_id == hall.items[0]
    events = [page.events.item(r).text() for r in range(page.events.count())]
    assert events == ["Keputusan (musyawarah untuk mufakat, pukul 09.20 WIB): Laporan diterima."]
    qtbot.keyClicks(page.editor, "Ketua pengurus membacakan laporan.")
    assert page.saved_label.text() == "Belum tersimpan…"
    qtbot.keyClick(page.editor, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert page.item_id == hall.items[1]
    assert notes_of(hall.services, hall.meeting_id)[0] == "Ketua pengurus membacakan laporan."
    qtbot.keyClicks(page.editor, "Usul SHU dibahas.")
    qtbot.waitUntil(lambda: page.saved_label.text() == "Tersimpan pukul 10.00 WIB", timeout=4000)
    assert notes_of(hall.services, hall.meeting_id)[1] == "Usul SHU dibahas."
    qtbot.keyClicks(page.editor, " Dua penanggap.")
    qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.toPlainText() == "Usul SHU dibahas. Dua penanggap."
    again = hall.reopen()
    assert notes_of(again, hall.meeting_id)[:2] == [
        "Ketua pengurus membacakan laporan.",
        "Usul SHU dibahas. Dua penanggap.",
    ]
    again.close()
    qtbot.keyClick(page.editor, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert page.editor.toPlainText() == "Ketua pengurus membacakan laporan."


def test_a_meeting_signed_meanwhile_refuses_and_keeps_the_text(
    page: MinutesPage, hall: Hall, qtbot: QtBot, tmp_path: Path
) -> None:
    services, meeting_id = hall.services, hall.meeting_id
    keys = make_keys(tmp_path / "keys")
    pdf = tmp_path / "ba.pdf"
    services.minutes.export(meeting_id, pdf)
    services.minutes_signing.sign_minutes(meeting_id, pdf, keys.chair, PASSPHRASE, "ketua")
    services.minutes_signing.sign_minutes(meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris")
    qtbot.keyClicks(page.editor, "Terlambat.")
    with qtbot.waitSignal(page.operations.refused) as refused:
        qtbot.keyClick(page.editor, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    assert "sudah ditandatangani" in refused.args[0]
    assert page.editor.toPlainText() == "Terlambat."
    assert page.saved_label.text() == "Tidak tersimpan: catatan masih di layar."
    assert notes_of(services, meeting_id)[1] == ""
    page.select_meeting(meeting_id)  # looked at again: the editor is read-only now
    assert page.editor.isReadOnly()
    assert "sudah ditandatangani" in page.saved_label.text()


def test_f7_shows_the_berita_acara(page: MinutesPage, qtbot: QtBot) -> None:
    page.editor.setFocus()
    qtbot.keyClick(page.editor, Qt.Key.Key_F7)
    dialog = page.findChild(MinutesReviewDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.pages >= 2 and dialog.document.pageCount() == dialog.pages
    dialog.close()
