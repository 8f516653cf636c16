"""The chair's console as a new chair lives it (issue 12, points 4 and 5), driven with keys
and clicks: long agenda titles stay readable at 1200 px; Ctrl+B says why no ballot may open and
offers to record that consensus failed; a voter who may not vote is refused at the scan;
closing with voters missing asks once; a mis-keyed vote is corrected in a form; after a tied
election the console and the projector show the tie until the chair opens the run-off, and the
booth follows the ballot open now and can be closed by the chair. What the database holds is
asserted through the services."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton, QRadioButton, QWidget
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ItemKind
from assembly.domain.ballots import BallotMode, BallotState, Choice, Outcome
from assembly.domain.meeting import AgendaItem
from assembly.persistence import audit_log
from assembly.services.bundle import Services
from assembly.ui.dialogs.ballot_dialog import BallotDialog
from assembly.ui.dialogs.correction_dialog import CorrectionDialog
from assembly.ui.dialogs.reason_dialog import ReasonDialog
from assembly.ui.kiosk import KioskWindow
from assembly.ui.operation import Operations
from assembly.ui.pages.decisions_page import DecisionsPage
from assembly.ui.projector import ProjectorWindow
from tests.meeting_fixtures import draft_meeting, register_members
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall
from tests.ui.live_fixtures import watching

LONG_TITLE = (
    "Pengesahan laporan pertanggungjawaban pengurus dan pengawas tahun buku 2025 beserta neraca "
    "dan perhitungan hasil usaha yang telah diaudit akuntan publik"
)


def _page(qtbot: QtBot, services: Services, operations: Operations | None = None) -> DecisionsPage:
    page = DecisionsPage(services, operations or Operations())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


@pytest.fixture
def hall(cooperative: Services, db_path: Path) -> Hall:
    return opened_hall(cooperative, db_path)


def _visible(page: Any, kind: type) -> list[Any]:
    return [w for w in page.findChildren(kind) if w.isVisible()]


def _scan(qtbot: QtBot, page: DecisionsPage, number: str) -> None:
    qtbot.keyClicks(page.vote_entry.number, number)
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return)


def _ctrl(qtbot: QtBot, page: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(page, key, Qt.KeyboardModifier.ControlModifier)


# --- point 4 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("width", [1200, 1920])
def test_a_long_agenda_title_stays_readable(
    qtbot: QtBot, cooperative: Services, width: int
) -> None:
    register_members(cooperative)
    meeting = draft_meeting(
        cooperative,
        agenda=(AgendaItem(LONG_TITLE), AgendaItem("Pemilihan pengawas", ItemKind.ELECTION)),
    )
    assert meeting.id is not None
    cooperative.meetings.open_check_in(meeting.id)
    for number in ("0001", "0002", "0003", "0004", "0005"):
        cooperative.checkin.check_in(meeting.id, number)
    cooperative.checkin.record_quorum_check(meeting.id)
    cooperative.checkin.open_meeting(meeting.id)
    page = _page(qtbot, cooperative)
    page.resize(width, 800 if width == 1200 else 1080)
    qtbot.waitUntil(lambda: page.agenda.table.viewport().width() > 300)
    page.agenda.fit_columns()
    table = page.agenda.table
    header = table.horizontalHeader()
    room = table.viewport().width()
    assert header.length() <= room  # nothing runs off to the right
    assert not table.horizontalScrollBar().isVisible()
    assert header.sectionSize(1) >= room // 2  # the title column takes the room
    # The whole title is on screen: its wrapped height fits in its row.
    metrics = table.fontMetrics()
    needed = metrics.boundingRect(
        0, 0, header.sectionSize(1) - 8, 10_000, Qt.TextFlag.TextWordWrap, LONG_TITLE
    ).height()
    assert table.rowHeight(0) >= needed


def test_ctrl_b_says_why_and_offers_to_record_that_consensus_failed(
    qtbot: QtBot, hall: Hall
) -> None:
    s = hall.services
    page = _page(qtbot, s)
    # Nothing under discussion: said, no form.
    _ctrl(qtbot, page, Qt.Key.Key_B)
    assert not _visible(page, BallotDialog)
    assert page.prompt is not None and "Belum ada acara yang dibahas" in page.prompt.text()
    assert page.prompt.findChild(QPushButton, "record_no_consensus") is None
    page.prompt.reject()

    page.take_up(hall.items[1])
    assert not page.open_button.isEnabled()
    _ctrl(qtbot, page, Qt.Key.Key_B)
    assert not _visible(page, BallotDialog)
    box = page.prompt
    assert box is not None and box.isVisible()
    assert "Catat dahulu bahwa musyawarah untuk mufakat tidak tercapai" in box.text()
    assert "Pasal 24 ayat 2" in box.text()
    box.findChild(QPushButton, "record_no_consensus").click()
    (note,) = _visible(page, ReasonDialog)
    qtbot.keyClicks(note.text, "pendapat terbagi dua")
    note.buttons.button(note.buttons.StandardButton.Ok).click()
    (row,) = s.decisions.decisions(hall.meeting_id)
    assert (row.outcome, row.text) == (Outcome.NO_CONSENSUS, "pendapat terbagi dua")
    # ... and the ballot form follows, the item's title proposed.
    qtbot.waitUntil(lambda: len(_visible(page, BallotDialog)) == 1)
    (dialog,) = _visible(page, BallotDialog)
    assert dialog.title.text() == "Pembagian SHU"
    dialog.mode.setCurrentIndex(dialog.mode.findData(BallotMode.NAMED.value))
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert [b.state for b in s.ballots.ballots(hall.meeting_id)] == [BallotState.OPEN]
    # With a ballot open, Ctrl+B says so.
    qtbot.waitUntil(page.isActiveWindow)
    qtbot.waitUntil(page.vote_entry.number.hasFocus)
    _ctrl(qtbot, page.vote_entry.number, Qt.Key.Key_B)
    assert "Masih ada pemungutan suara yang terbuka" in page.prompt.text()
    assert len(s.ballots.ballots(hall.meeting_id)) == 1


def _named_ballot(hall: Hall, page: DecisionsPage) -> int:
    item = no_consensus(hall, 2)
    page.take_up(item)
    ballot, _ = hall.services.ballots.open_motion(
        hall.meeting_id, item, BallotMode.NAMED, "SHU dibagi 40% menurut jasa"
    )
    page.refresh()
    assert ballot.id is not None
    return ballot.id


def test_who_may_not_vote_is_refused_at_the_scan(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    page = _page(qtbot, s)
    ballot_id = _named_ballot(hall, page)
    entry = page.vote_entry
    for number, why in (
        ("0007", "tidak hadir atau tidak berhak"),  # registered, not checked in
        ("0009", "tidak berhak"),  # a calon anggota, present
    ):
        _scan(qtbot, page, number)
        assert why in entry.message.text() and entry.message.text().startswith("✖")
        assert entry.voter is None and entry.prompt.text().startswith("Pindai kartu")
        qtbot.keyClick(entry.number, Qt.Key.Key_1)  # a reflex: it records nothing
        qtbot.keyClick(entry.number, Qt.Key.Key_Backspace)
    _scan(qtbot, page, "0001")
    qtbot.keyClick(entry.number, Qt.Key.Key_1)
    _scan(qtbot, page, "0001")  # again
    assert "sudah memberikan suara" in entry.message.text() and entry.voter is None
    assert s.ballots.progress(ballot_id).voted == 1


def test_closing_with_voters_missing_asks_once(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    page = _page(qtbot, s)
    ballot_id = _named_ballot(hall, page)
    for number in ("0001", "0002", "0003", "0004", "0005"):
        _scan(qtbot, page, number)
        qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_1)
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    box = page.prompt
    assert box is not None and box.isVisible()
    assert box.text() == "5 dari 6 sudah memilih; tutup?"
    assert "1 anggota yang berhak belum memberikan suara" in box.informativeText()
    # Enter takes the default, "Kembali": nothing closes.
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert not box.isVisible()
    assert s.ballots.get(ballot_id).state is BallotState.OPEN
    # The last voter votes: closing no longer asks.
    _scan(qtbot, page, "0006")
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_2)
    page.prompt = None
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.prompt is None
    assert s.ballots.get(ballot_id).state is BallotState.CLOSED


def test_a_mis_keyed_vote_is_corrected_in_the_form(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    page = _page(qtbot, s)
    ballot_id = _named_ballot(hall, page)
    _scan(qtbot, page, "0003")
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_2)  # the member said setuju
    _ctrl(qtbot, page, Qt.Key.Key_R)
    (dialog,) = _visible(page, CorrectionDialog)
    assert dialog.number.text() == "0003"  # the last voter proposed
    qtbot.waitUntil(dialog.reason.hasFocus)
    # No choice and no reason: said in the form, which stays open; nothing changes.
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "Pilih pilihan yang benar" in dialog.problem.text()
    right = dialog.findChild(QRadioButton, "correction_choice_1")
    assert right.text() == "&1  Setuju"
    qtbot.mouseClick(right, Qt.MouseButton.LeftButton)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "Sebutkan alasan koreksi suara" in dialog.problem.text()
    assert s.vote_corrections.corrections(ballot_id) == []
    qtbot.keyClicks(dialog.reason, "salah tekan, anggota menyatakan setuju")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    (fixed,) = s.vote_corrections.corrections(ballot_id)
    assert (fixed.number, fixed.old, fixed.new) == ("0003", "Tidak setuju", "Setuju")
    with s.ctx.db.read() as conn:
        kinds = [json.loads(e.payload) for e in audit_log.events(conn)
                 if e.kind == "ballot.vote_corrected"]  # fmt: skip
    assert kinds[0]["reason"] == "salah tekan, anggota menyatakan setuju"
    assert page.vote_entry.log.lines()[0] == (
        "Dikoreksi: 0003 Anggota Nomor 3: Tidak setuju \u2192 Setuju"
    )
    qtbot.waitUntil(page.vote_entry.number.hasFocus)
    # Once closed, the form does not open and the service refuses.
    s.ballots.close(ballot_id)
    page.refresh()
    assert page.correct_vote() is None


# --- point 5 -------------------------------------------------------------------------------------


def _tied_election(hall: Hall, mode: BallotMode) -> int:
    s = hall.services
    item = no_consensus(hall, 4)
    s.agenda.take_up(hall.meeting_id, item)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pemilihan pengawas", 1, ["0002", "0003", "0005"], mode
    )
    assert ballot.id is not None
    return ballot.id


def test_the_tie_stays_on_console_and_projector_until_the_run_off(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    ballot_id = _tied_election(hall, BallotMode.SECRET)
    for voter, chosen in (("0001", "0002"), ("0002", "0002"), ("0003", "0003"),
                          ("0004", "0003"), ("0005", "0005")):  # fmt: skip
        s.ballots.cast(ballot_id, voter, [chosen])
    operations = Operations()
    page = _page(qtbot, s, operations)
    projector = ProjectorWindow(s, operations, hall.meeting_id)
    qtbot.addWidget(projector)
    projector.resize(1920, 1080)
    projector.show()
    assert page.close_ballot() is False  # 5 of 6: asked
    page.prompt.findChild(QPushButton, "confirm_close").click()

    tie = "suara sama untuk kursi terakhir: pemilihan ulang antara Anggota Nomor 2, Anggota Nomor 3"
    assert [b.state for b in s.ballots.ballots(hall.meeting_id)] == [BallotState.CLOSED]
    assert page.ballot_panel.result_box.isVisible()
    assert tie in page.ballot_panel.statement_label.text()
    assert page.runoff_button.isEnabled()
    projector.refresh()
    assert projector.stage.currentWidget() is projector.result_page
    assert tie in projector.statement.text()
    bars = {b.label: b.value for b in projector.view.bars}
    assert bars == {"Anggota Nomor 2": 2, "Anggota Nomor 3": 2, "Anggota Nomor 5": 1}
    assert [b.role for b in projector.view.bars] == ["tied", "tied", "candidate"]
    # A new election instead of the run-off is not offered: the chair is told what to do.
    assert not page.open_button.isEnabled()
    assert "buka dahulu pemilihan ulang" in page.why_label.text() and page.why_label.isVisible()
    # Seconds pass: still the tie.
    qtbot.wait(1200)
    assert tie in projector.statement.text() and tie in page.ballot_panel.statement_label.text()

    page.runoff_button.click()
    runoff = s.ballots.ballots(hall.meeting_id)[-1]
    assert (runoff.runoff_of, runoff.state) == (ballot_id, BallotState.OPEN)
    assert [n for n, _ in s.elections.candidates(runoff.id)] == ["0002", "0003"]
    projector.refresh()
    assert projector.stage.currentWidget() is projector.voting_page
    assert projector.ballot_title.text() == "Pemilihan ulang: Pemilihan pengawas"


def test_the_booth_follows_the_ballot_open_now(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    operations = Operations()
    ballot_id = _tied_election(hall, BallotMode.SECRET)
    page = _page(qtbot, s, operations)
    booth = KioskWindow(s, operations, ballot_id)
    qtbot.addWidget(booth)
    booth.resize(1280, 800)
    booth.show()
    for voter, pick in (("0001", Qt.Key.Key_1), ("0002", Qt.Key.Key_2)):
        qtbot.keyClicks(booth.number, voter)
        qtbot.keyClick(booth.number, Qt.Key.Key_Return)
        qtbot.keyClick(booth, pick)
        qtbot.keyClick(booth, Qt.Key.Key_Return)
        qtbot.keyClick(booth, Qt.Key.Key_Space)
    # A voter is choosing when the chair closes the ballot: the booth does not keep them there.
    qtbot.keyClicks(booth.number, "0003")
    qtbot.keyClick(booth.number, Qt.Key.Key_Return)
    assert booth.pages.currentWidget() is booth.choose_page
    page.close_ballot()
    page.prompt.findChild(QPushButton, "confirm_close").click()
    assert s.ballots.get(ballot_id).state is BallotState.CLOSED
    assert booth.pages.currentWidget() is booth.waiting_page
    assert booth.waiting_label.text() == "Menunggu pemungutan suara berikutnya"
    qtbot.keyClicks(booth, "0003")
    qtbot.keyClick(booth, Qt.Key.Key_Return)
    assert booth.pages.currentWidget() is booth.waiting_page  # keys do nothing while waiting

    # The run-off opens at the console: the booth takes it up by itself.
    page.runoff_button.click()
    runoff = s.ballots.ballots(hall.meeting_id)[-1]
    assert booth.ballot_id == runoff.id
    assert booth.pages.currentWidget() is booth.identify_page
    assert booth.title.text() == "Pemilihan ulang: Pemilihan pengawas"
    assert [n for n, _ in booth.choices.candidates] == ["0002", "0003"]
    qtbot.keyClicks(booth.number, "0003")
    qtbot.keyClick(booth.number, Qt.Key.Key_Return)
    qtbot.keyClick(booth, Qt.Key.Key_2)
    qtbot.keyClick(booth, Qt.Key.Key_Return)
    assert booth.pages.currentWidget() is booth.thanks_page
    assert s.ballots.progress(runoff.id).voted == 1
    assert s.elections.ranking(runoff.id) == [("Anggota Nomor 3", 1), ("Anggota Nomor 2", 0)]

    # Another desk cancels the run-off: the door's watcher hears it (no timer in the booth).
    with watching(s, operations):
        hall.reopen().ballots.cancel(runoff.id or 0, "salah daftar calon")
        qtbot.keyClick(booth, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: booth.pages.currentWidget() is booth.waiting_page, timeout=1000)


def test_the_chair_closes_the_booth_after_a_confirmation(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    item = no_consensus(hall, 2)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.SECRET, "Usul SHU")
    operations = Operations()
    booth = KioskWindow(s, operations, ballot.id or 0)
    booth.resize(1280, 800)
    booth.show()
    assert booth.close_button.isVisible()
    assert booth.close_button.text() == "Tutup bilik suara (Ctrl+W)"
    qtbot.mouseClick(booth.close_button, Qt.MouseButton.LeftButton)
    box = booth.prompt
    assert box is not None and box.isVisible() and box.text() == "Tutup bilik suara ini?"
    qtbot.keyClick(box, Qt.Key.Key_Escape)  # a stray key: the booth stays
    assert booth.isVisible() and not box.isVisible()
    booth.activateWindow()
    qtbot.waitUntil(booth.isActiveWindow)
    qtbot.keyClick(booth, Qt.Key.Key_W, Qt.KeyboardModifier.ControlModifier)
    box = booth.prompt
    assert isinstance(box, QMessageBox) and box.isVisible()
    box.findChild(QPushButton, "confirm_close_booth").click()
    assert not booth.isVisible()
    assert s.ballots.get(ballot.id or 0).state is BallotState.OPEN  # the ballot is the console's
    # Gone for good, the booth no longer listens: the next change elsewhere raises nothing.
    with qtbot.waitSignal(booth.destroyed):
        booth.deleteLater()
    assert operations.run(None, lambda: s.ballots.cast(ballot.id or 0, "0001", Choice.YES))
    assert operations.run(None, lambda: s.ballots.cancel(ballot.id or 0, "salah judul"))
    assert s.ballots.get(ballot.id or 0).state is BallotState.CANCELLED
