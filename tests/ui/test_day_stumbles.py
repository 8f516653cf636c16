"""The stumbles of the last walk through the meeting day (branch dayfix), each driven the way
the chair or the secretary meets it: the decisions table readable at 1200 and 1920 px; a
decided item is said to be decided, its keys say why, and the next item is offered; the
correction form shows the vote stored and the corrected line is struck; the elected board in
one line on console and projector; an election opens without a consensus record; the RAT
deadline as a calm notice and the signers as set; the status bar names every new backup."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QTableView, QWidget
from pytestqt.qtbot import QtBot

from assembly.app import pages
from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import BallotMode, BallotState, Choice
from assembly.domain.meeting import Officer, OfficerRole
from assembly.domain.members import Member
from assembly.services.bundle import Services
from assembly.ui.dialogs.ballot_dialog import BallotDialog
from assembly.ui.dialogs.consensus_dialog import ConsensusDialog
from assembly.ui.dialogs.correction_dialog import CorrectionDialog
from assembly.ui.dialogs.reason_dialog import ReasonDialog
from assembly.ui.main_window import MainWindow
from assembly.ui.operation import Operations
from assembly.ui.pages.decisions_page import DecisionsPage
from assembly.ui.pages.meetings_page import MeetingsPage
from assembly.ui.projector import ProjectorWindow
from assembly.ui.widgets.inline_problems import WARNING_STYLE
from tests.meeting_fixtures import draft_meeting, open_meeting, register_members, use_profile
from tests.services.signing_fixtures import PASSPHRASE, closed_meeting, make_keys
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall

LONG = (
    "Laporan pertanggungjawaban pengurus tahun buku 2026 diterima dengan catatan pengawas "
    "tentang piutang macet"
)


@pytest.fixture
def hall(cooperative: Services, db_path: Path) -> Hall:
    return opened_hall(cooperative, db_path)


def _page(qtbot: QtBot, services: Services, width: int = 1200) -> DecisionsPage:
    page = DecisionsPage(services, Operations())
    qtbot.addWidget(page)
    page.resize(width, 800 if width == 1200 else 1080)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    return page


def _visible(page: QWidget, kind: type) -> list[Any]:
    return [w for w in page.findChildren(kind) if w.isVisible()]


def _ctrl(qtbot: QtBot, widget: QWidget, key: Qt.Key) -> None:
    qtbot.keyClick(widget, key, Qt.KeyboardModifier.ControlModifier)


def _agree(qtbot: QtBot, page: DecisionsPage, text: str) -> None:
    _ctrl(qtbot, page, Qt.Key.Key_M)
    (dialog,) = _visible(page, ConsensusDialog)
    qtbot.keyClicks(dialog.text, text)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()


# --- 1. the decisions table ------------------------------------------------------------------


@pytest.mark.parametrize("width", [1200, 1920])
def test_the_decisions_table_keeps_its_words_at(qtbot: QtBot, hall: Hall, width: int) -> None:
    page = _page(qtbot, hall.services, width)
    page.take_up(hall.items[0])
    _agree(qtbot, page, LONG)
    qtbot.waitUntil(lambda: page.agenda.decisions.rowCount() == 1)
    table = page.agenda.decision_table
    header = table.horizontalHeader()
    room = table.viewport().width()
    assert header.length() <= room and not table.horizontalScrollBar().isVisible()
    # The item is named by its number; what was decided takes the room and wraps whole.
    assert table.model().index(0, 0).data() == "1"
    assert header.sectionSize(0) < room // 6
    assert header.sectionSize(2) >= room // 4
    metrics = table.fontMetrics()
    needed = metrics.boundingRect(
        0, 0, header.sectionSize(2) - 8, 10_000, Qt.TextFlag.TextWordWrap, LONG
    ).height()
    assert table.rowHeight(0) >= needed
    # Every word of the method fits on its line (no "Pemungutan su…").
    assert header.sectionSize(1) >= metrics.horizontalAdvance("Mufakat")
    # The agenda beside it has half the console.
    assert page.agenda.width() >= page.width() * 0.4
    # More decisions than the table shows: its scroll bar takes room, the columns share
    # what is left and still run off nowhere.
    for position in (2, 3, 4, 2, 3, 4, 2, 3, 4):
        item = no_consensus(hall, position)
        hall.services.decisions.record_consensus(hall.meeting_id, item, LONG)
    page.refresh()
    qtbot.waitUntil(lambda: table.verticalScrollBar().isVisible())
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())


# --- 2. a decided item -----------------------------------------------------------------------


def test_a_closed_ballot_decides_the_item_and_offers_the_next(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    page = _page(qtbot, s)
    item = no_consensus(hall, 2)
    page.take_up(item)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU 40% jasa")
    for number in ("0001", "0002", "0003", "0004", "0005", "0006"):
        s.ballots.cast(ballot.id or 0, number, Choice.YES)
    page.refresh()
    assert page.close_ballot()
    assert s.ballots.get(ballot.id or 0).state is BallotState.CLOSED
    # The item is decided, not "sedang dibahas"; the next one is offered and selected.
    assert page.agenda.model.index(1, 3).data() == "diputuskan"
    assert "Acara 2 sudah diputuskan. Berikutnya: acara 3. Rencana kerja 2026" in (
        page.item_label.text()
    )
    assert page.agenda.chosen().id == hall.items[2]
    # The keys that cannot apply are off, and pressed anyway they say why; nothing changes.
    for button in (page.consensus_button, page.no_consensus_button, page.open_button):
        assert not button.isEnabled()
        assert "sudah diputuskan" in button.toolTip()
    assert "sudah diputuskan" in page.why_label.text()
    before = len(s.decisions.decisions(hall.meeting_id))
    for key in (Qt.Key.Key_M, Qt.Key.Key_T, Qt.Key.Key_B):
        _ctrl(qtbot, page.agenda.table, key)
        assert page.prompt is not None and page.prompt.isVisible()
        assert "sudah diputuskan" in page.prompt.text()
        assert not _visible(page, ConsensusDialog) and not _visible(page, ReasonDialog)
        assert not _visible(page, BallotDialog)
        page.prompt.reject()
    assert len(s.decisions.decisions(hall.meeting_id)) == before
    # A re-vote stays possible, and Enter takes up the item offered.
    assert page.revote_button.isEnabled()
    page.agenda.table.setFocus()
    qtbot.keyClick(page.agenda.table, Qt.Key.Key_Return)
    assert s.agenda.current(hall.meeting_id).id == hall.items[2]
    assert page.consensus_button.isEnabled()
    assert page.item_label.text() == "Sedang dibahas: acara 3. Rencana kerja 2026"


def test_a_consensus_decides_the_item_too(qtbot: QtBot, hall: Hall) -> None:
    page = _page(qtbot, hall.services)
    page.take_up(hall.items[0])
    _agree(qtbot, page, "LPJ diterima")
    assert page.agenda.model.index(0, 3).data() == "diputuskan"
    assert not page.consensus_button.isEnabled()
    assert page.agenda.chosen().id == hall.items[1]


# --- 3. the correction form and the struck line -----------------------------------------------


def test_the_correction_shows_the_stored_vote_and_strikes_the_old_line(
    qtbot: QtBot, hall: Hall
) -> None:
    s = hall.services
    page = _page(qtbot, s)
    item = no_consensus(hall, 2)
    page.take_up(item)
    s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU 40% jasa")
    page.refresh()
    for number, key in (("0003", Qt.Key.Key_2), ("0004", Qt.Key.Key_1)):
        qtbot.keyClicks(page.vote_entry.number, number)
        qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return)
        qtbot.keyClick(page.vote_entry.number, key)
    _ctrl(qtbot, page.vote_entry.number, Qt.Key.Key_R)
    (dialog,) = _visible(page, CorrectionDialog)
    # The last voter proposed, with the vote stored for them.
    assert dialog.number.text() == "0004"
    assert dialog.stored.text() == "0004 Anggota Nomor 4: Setuju"
    # The chair means 0003: the stored vote follows the number typed.
    dialog.number.selectAll()
    qtbot.keyClicks(dialog.number, "0003")
    assert dialog.stored.text() == "0003 Anggota Nomor 3: Tidak setuju"
    dialog.number.selectAll()
    qtbot.keyClicks(dialog.number, "0005")
    assert "belum memberikan suara" in dialog.stored.text()
    dialog.number.selectAll()
    qtbot.keyClicks(dialog.number, "0003")
    qtbot.mouseClick(dialog.findChild(QWidget, "correction_choice_1"), Qt.MouseButton.LeftButton)
    qtbot.keyClicks(dialog.reason, "salah tekan")
    qtbot.keyClick(dialog.reason, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    log = page.vote_entry.log
    assert log.lines() == [
        "Dikoreksi: 0003 Anggota Nomor 3: Tidak setuju \u2192 Setuju",
        "0004 Anggota Nomor 4: Setuju",
        "0003 Anggota Nomor 3: Tidak setuju (dikoreksi)",
    ]
    assert log.index(2).data(Qt.ItemDataRole.FontRole).strikeOut()
    assert log.index(1).data(Qt.ItemDataRole.FontRole) is None


# --- 4 and 5. an election: opened directly, the board in one line ----------------------------


def test_an_election_opens_without_a_consensus_record_and_ends_with_the_board(
    qtbot: QtBot, hall: Hall
) -> None:
    s = hall.services
    page = _page(qtbot, s)
    election = hall.items[3]
    page.take_up(election)
    # No "mufakat tidak tercapai" first: the form opens at once on Ctrl+B.
    assert page.open_button.isEnabled() and not page.why_label.isVisible()
    _ctrl(qtbot, page.agenda.table, Qt.Key.Key_B)
    assert page.prompt is None
    (dialog,) = _visible(page, BallotDialog)
    dialog.reject()
    # Two seats: 0002 elected in round 1, 0003 and 0005 tied for the second.
    ballot, _ = s.elections.open_election(
        hall.meeting_id, election, "Pemilihan pengawas", 2, ["0002", "0003", "0005"],
        BallotMode.SECRET,
    )  # fmt: skip
    assert not any(r.item_id == election for r in s.decisions.decisions(hall.meeting_id))
    for voter, chosen in (("0001", ["0002", "0003"]), ("0002", ["0002", "0005"]),
                          ("0003", ["0002"]), ("0004", ["0003"]), ("0005", ["0005"])):  # fmt: skip
        s.ballots.cast(ballot.id or 0, voter, chosen)
    s.ballots.close(ballot.id or 0)
    page.refresh()
    assert not page.ballot_panel.board_label.isVisible()  # a seat is still open
    page.runoff_button.click()
    runoff = s.ballots.ballots(hall.meeting_id)[-1]
    for voter, chosen in (("0001", "0003"), ("0002", "0003"), ("0003", "0005")):
        s.ballots.cast(runoff.id or 0, voter, [chosen])
    s.ballots.close(runoff.id or 0)
    page.refresh()
    board = "Pemilihan pengawas \u2014 terpilih: Anggota Nomor 2, Anggota Nomor 3"
    assert page.ballot_panel.board_label.isVisible()
    assert page.ballot_panel.board_label.text() == board
    assert page.agenda.model.index(3, 3).data() == "diputuskan"
    projector = ProjectorWindow(s, Operations(), hall.meeting_id)
    qtbot.addWidget(projector)
    projector.resize(1280, 720)
    projector.show()
    projector.refresh()
    assert board in projector.statement.text()


def test_a_motion_still_needs_the_consensus_record(qtbot: QtBot, hall: Hall) -> None:
    page = _page(qtbot, hall.services)
    page.take_up(hall.items[1])
    _ctrl(qtbot, page.agenda.table, Qt.Key.Key_B)
    assert page.prompt is not None and "Pasal 24 ayat 2" in page.prompt.text()
    assert page.prompt.findChild(QPushButton, "record_no_consensus") is not None
    page.prompt.reject()


# --- 6. the meetings page: a calm deadline notice, the signers as set --------------------------


def test_the_deadline_is_a_calm_notice_and_the_signers_are_those_set(
    qtbot: QtBot, cooperative: Services
) -> None:
    register_members(cooperative)
    # Today is 14 March 2026; the RAT on financial year 2025 is due by 31 March.
    meeting = draft_meeting(cooperative, signers=())
    witnessed, _c = cooperative.meetings.create(
        replace(
            meeting,
            id=None,
            start=dt.time(13, 0),
            signers=("saksi1",),
            officers=(*meeting.officers, Officer(OfficerRole.WITNESS, "Budi Santoso")),
        )
    )
    page = MeetingsPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    qtbot.waitExposed(page)
    page.select(meeting.id)
    assert page.deadline.isVisible()
    assert page.deadline.text().startswith(
        "Batas waktu RAT tahun buku 2025: 31/03/2026, 17 hari lagi; rapat ini dijadwalkan "
        "14/03/2026"
    )
    assert page.deadline.styleSheet() == ""  # the page's own colour: no error, no warning
    assert "Batas waktu" not in page.warnings.text()
    assert page.signers.text() == (
        "Wajib menandatangani berita acara: Ketua Rapat (Anggota Nomor 1), "
        "Sekretaris Rapat (Anggota Nomor 2)"
    )
    page.select(witnessed.id)
    assert page.signers.text() == (
        "Wajib menandatangani berita acara: Ketua Rapat (Anggota Nomor 1), "
        "Sekretaris Rapat (Anggota Nomor 2), Saksi Rapat 1 (Budi Santoso)"
    )
    assert "tercantum" not in page.signers.text()


def test_a_deadline_too_near_for_the_notice_period_is_a_warning(
    qtbot: QtBot, cooperative: Services
) -> None:
    register_members(cooperative)
    use_profile(cooperative, replace(ADProfile(), notice_days=21))
    late = draft_meeting(cooperative, date=dt.date(2026, 3, 30), invitation_date=None)
    page = MeetingsPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.resize(1200, 760)
    page.show()
    page.select(late.id)
    assert "tinggal 17 hari lagi, kurang dari 21 hari" in page.warnings.text()
    assert WARNING_STYLE in page.warnings.text()


# --- 7. the status bar's last backup -----------------------------------------------------------


def test_the_status_bar_names_each_new_backup(
    qtbot: QtBot, cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    keys = make_keys(tmp_path / "keys")
    operations = Operations()
    window = MainWindow(cooperative, operations, lambda _s, _o: [])
    qtbot.addWidget(window)
    window.show()
    status = window.backup_trigger.status
    assert not status.isVisible()  # no backup yet
    # A backup made in the backups dialog.
    dialog = window.open_backups()
    qtbot.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.busy, timeout=10_000)
    (manual,) = usb.glob("*-manual.sqlite")
    qtbot.waitUntil(lambda: status.full_text == "Cadangan terakhir: " + manual.name)
    dialog.reject()
    # The backups the signing service takes after a signature and at the lock.
    for role, key in (("ketua", keys.chair), ("sekretaris", keys.secretary)):
        done = operations.run(
            window,
            lambda role=role, key=key: cooperative.minutes_signing.sign_minutes(
                meeting_id, pdf, key, PASSPHRASE, role
            ),
        )
        assert done is not None
        latest = cooperative.backups.latest()
        assert latest is not None and latest != manual
        assert status.full_text == "Cadangan terakhir: " + latest.name
    assert window.backup_trigger.wait()


# --- 8. every page at 1200 px ------------------------------------------------------------------


def test_every_page_at_1200_px_keeps_names_and_titles_whole(
    qtbot: QtBot, cooperative: Services
) -> None:
    register_members(cooperative)
    long_name = "Sitti Rahmah Sulaiman Nurhayati Wulandari"
    cooperative.register.save(Member("0013", long_name))
    open_meeting(cooperative)
    window = MainWindow(cooperative, Operations(), pages)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    for index in range(window.stack.count()):
        window.show_page(index)
        qtbot.wait(10)
        for table in window.page(index).findChildren(QTableView):
            if table.isVisible() and table.model() is not None:
                assert _cut_titles(table) == [], f"page {index}: {table.objectName()}"
                assert not table.horizontalScrollBar().isVisible()
    window.show_page(0)
    register: Any = window.page(0)
    qtbot.wait(10)
    name_width = register.table.horizontalHeader().sectionSize(1)
    assert name_width >= register.table.fontMetrics().horizontalAdvance(long_name) + 8


def _cut_titles(table: QTableView) -> list[str]:
    """The column titles cut at the table's width (with room for the sort arrow where the
    table sorts)."""
    header = table.horizontalHeader()
    metrics = header.fontMetrics()
    arrow = 12 if table.isSortingEnabled() else 4
    return [
        title
        for column in range(header.count())
        if not header.isSectionHidden(column)
        and header.sectionSize(column)
        < metrics.horizontalAdvance(
            title := str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        )
        + arrow
    ]


def test_the_signatures_table_keeps_every_column_at_1200_px(
    qtbot: QtBot, cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    keys = make_keys(tmp_path / "keys")
    for role, key in (("ketua", keys.chair), ("sekretaris", keys.secretary)):
        cooperative.minutes_signing.sign_minutes(meeting_id, pdf, key, PASSPHRASE, role)
    window = MainWindow(cooperative, Operations(), pages)
    qtbot.addWidget(window)
    window.resize(1200, 800)
    window.show()
    qtbot.waitExposed(window)
    index = next(i for i in range(window.stack.count())
                 if type(window.page(i)).__name__ == "SigningPage")  # fmt: skip
    window.show_page(index)
    signing: Any = window.page(index)
    report = signing.verify(pdf)
    assert report is not None
    signing.show_report(report)
    table = signing.table
    header = table.horizontalHeader()
    qtbot.waitUntil(lambda: header.length() <= table.viewport().width())
    assert not table.horizontalScrollBar().isVisible()
    after = "Hanya ditambah tanda tangan"
    assert table.model().index(0, 5).data() == after
    # The words of "Sesudahnya" wrap in their row rather than being cut.
    metrics = table.fontMetrics()
    needed = metrics.boundingRect(
        0, 0, header.sectionSize(5) - 8, 1000, Qt.TextFlag.TextWordWrap, after
    ).height()
    assert table.rowHeight(0) >= needed
    assert _cut_titles(table) == []
