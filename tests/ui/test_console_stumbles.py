"""The console's last stumbles from the day walk (issue 12 points 4 and 5), driven with keys
and clicks: the Mufakat buttons wait, saying why, while a tied election waits for its run-off;
the result panel shows the decision just taken, a consensus after a ballot too; the meeting
form never shows an error the form no longer has; a long backup name in the status bar is cut
in its middle, whole in its tooltip. Screenshots go to /tmp/console-shots/."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from assembly.domain.ballots import BallotMode, BallotState, Outcome
from assembly.services.backups import BackupResult
from assembly.services.bundle import Services
from assembly.ui.dialogs.consensus_dialog import ConsensusDialog
from assembly.ui.dialogs.meeting_dialog import MeetingDialog
from assembly.ui.main_window import MainWindow
from assembly.ui.operation import Operations
from assembly.ui.pages.decisions_page import DecisionsPage
from tests.meeting_fixtures import register_members
from tests.services.voting_fixtures import Hall, opened_hall
from tests.ui.test_console_day import _ctrl, _page, _scan, _tied_election, _visible

SHOTS = Path("/tmp/console-shots")


def _shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


@pytest.fixture
def hall(cooperative: Services, db_path: Path) -> Hall:
    return opened_hall(cooperative, db_path)


# --- (a) Mufakat waits for the run-off ---------------------------------------------------------


def test_mufakat_waits_with_its_reason_while_a_run_off_is_pending(qtbot: QtBot, hall: Hall) -> None:
    s = hall.services
    ballot_id = _tied_election(hall, BallotMode.NAMED)
    page = _page(qtbot, s)
    for voter, key in (("0001", Qt.Key.Key_1), ("0002", Qt.Key.Key_1), ("0003", Qt.Key.Key_2),
                       ("0004", Qt.Key.Key_2), ("0005", Qt.Key.Key_3)):  # fmt: skip
        _scan(qtbot, page, voter)
        qtbot.keyClick(page.vote_entry.number, key)
    assert page.consensus_button.isEnabled() is False  # a ballot is open: no consensus
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    page.prompt.findChild(QPushButton, "confirm_close").click()  # 5 of 6 voted: asked once
    assert s.decisions.decisions(hall.meeting_id)[-1].outcome is Outcome.RUNOFF

    assert page.runoff_button.isEnabled()
    for button in (page.consensus_button, page.no_consensus_button):
        assert not button.isEnabled()
        assert "buka dahulu pemilihan ulang" in button.toolTip()
    why = page.actions.why_label
    assert why.isVisible() and "sampai itu mufakat tidak dapat dicatat" in why.text()
    _shot(page, "a-runoff-pending")
    # The keys say it too, and record nothing.
    decisions = len(s.decisions.decisions(hall.meeting_id))
    for key in (Qt.Key.Key_M, Qt.Key.Key_T):
        page.prompt = None
        _ctrl(qtbot, page.agenda.table, key)
        assert not _visible(page, ConsensusDialog)
        assert isinstance(page.prompt, QMessageBox) and page.prompt.isVisible()
        assert "buka dahulu pemilihan ulang" in page.prompt.text()
        page.prompt.accept()
    assert len(s.decisions.decisions(hall.meeting_id)) == decisions

    # Once the run-off is open and closed with a winner, the item is decided: still no
    # consensus, for that reason now.
    page.runoff_button.click()
    runoff = s.ballots.ballots(hall.meeting_id)[-1]
    assert runoff.runoff_of == ballot_id and runoff.state is BallotState.OPEN
    assert not page.consensus_button.isEnabled()
    for voter in ("0001", "0002", "0003"):
        s.ballots.cast(runoff.id or 0, voter, ["0002"])
    page.refresh()
    if not page.close_ballot():  # voters missing: asked once
        page.prompt.findChild(QPushButton, "confirm_close").click()
    assert s.decisions.decisions(hall.meeting_id)[-1].outcome is Outcome.ELECTED
    assert not page.consensus_button.isEnabled()
    assert "sudah diputuskan" in page.consensus_button.toolTip()
    # The next item takes a consensus again.
    page.take_up(hall.items[1])
    assert page.consensus_button.isEnabled() and page.consensus_button.toolTip() == ""
    assert not page.actions.why_label.text().startswith("Suara sama")


# --- (b) the result panel shows the decision just taken ---------------------------------------


def test_the_result_panel_shows_the_consensus_taken_after_a_ballot(
    qtbot: QtBot, hall: Hall
) -> None:
    s = hall.services
    page = _page(qtbot, s)
    from tests.ui.test_console_day import _named_ballot

    _named_ballot(hall, page)
    for voter in ("0001", "0002", "0003", "0004", "0005", "0006"):
        _scan(qtbot, page, voter)
        qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_1)
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    panel = page.ballot_panel
    assert panel.result_heading.text() == "Hasil: SHU dibagi 40% menurut jasa"
    assert panel.tally_view.isVisible()

    # Item 3 is agreed by consensus, from the keyboard.
    page.take_up(hall.items[2])
    page.agenda.table.setFocus()
    _ctrl(qtbot, page.agenda.table, Qt.Key.Key_M)
    (dialog,) = _visible(page, ConsensusDialog)
    qtbot.keyClicks(dialog.text, "Rencana kerja 2027 disahkan tanpa perubahan")
    qtbot.keyClick(dialog.dissent, Qt.Key.Key_Tab)  # the dissent stays empty
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    row = s.decisions.decisions(hall.meeting_id)[-1]
    assert (row.outcome, row.ballot_id) == (Outcome.AGREED, None)

    title = s.meetings.get(hall.meeting_id).agenda[2].title
    assert panel.result_box.isVisible()
    assert panel.result_heading.text() == f"Mufakat: acara 3. {title}"
    assert panel.statement_label.text() == "Rencana kerja 2027 disahkan tanpa perubahan"
    assert panel.rule_label.text() == "disepakati secara musyawarah untuk mufakat"
    assert not panel.tally_view.isVisible() and not panel.board_label.isVisible()
    assert "SHU" not in panel.result_heading.text()
    _shot(page, "b-consensus-after-ballot")

    # A fresh console on the same meeting (another desk, a restart) shows the same.
    other = DecisionsPage(s, Operations())
    qtbot.addWidget(other)
    other.resize(1200, 800)
    other.show()
    qtbot.waitExposed(other)
    assert other.ballot_panel.result_heading.text() == f"Mufakat: acara 3. {title}"

    # A ballot opened after it takes the panel back: its progress, no stale consensus.
    from tests.services.voting_fixtures import no_consensus

    item = no_consensus(hall, 1)
    page.take_up(item)
    s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "Laporan disahkan")
    page.refresh()
    assert not panel.result_box.isVisible()


# --- (c) the meeting form shows no error it no longer has -------------------------------------


def test_the_meeting_form_drops_a_put_right_error_at_once(
    qtbot: QtBot, cooperative: Services
) -> None:
    from assembly.ui.pages.meetings_page import MeetingsPage

    register_members(cooperative)
    page = MeetingsPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.resize(1200, 800)
    page.show()
    qtbot.waitExposed(page)
    dialog = page.new_meeting()
    assert isinstance(dialog, MeetingDialog)
    assert "Tempat rapat wajib diisi" in dialog.problems.text()
    qtbot.keyClicks(dialog.venue, "Aula Koperasi")
    # At once, not after the pause in typing: the venue's error is gone, the rest stays.
    assert "Tempat rapat wajib diisi" not in dialog.problems.text()
    assert "Ketua Rapat belum ditetapkan" in dialog.problems.text()
    _shot(dialog, "c-venue-typed")
    qtbot.keyClicks(dialog.chair, "Budi Santoso")
    assert "Ketua Rapat" not in dialog.problems.text()
    # A new problem waits for the pause (no error flashing while a date is typed) ...
    dialog.invitation.setFocus()
    qtbot.keyClicks(dialog.invitation, "31/02")
    assert "Tanggal undangan" not in dialog.problems.text()
    # ... and then shows.
    qtbot.waitUntil(lambda: "Tanggal undangan" in dialog.problems.text())
    # Cancelled and opened again: the form's own problems from the first moment.
    dialog.reject()
    again = page.new_meeting()
    assert isinstance(again, MeetingDialog)
    assert "Tempat rapat wajib diisi" in again.problems.text()
    assert "Tanggal undangan" not in again.problems.text()
    _shot(again, "c-reopened")


# --- (d) a long backup name fits the status bar -----------------------------------------------


def test_a_long_backup_name_is_cut_in_its_middle_and_whole_in_its_tooltip(
    qtbot: QtBot, cooperative: Services, tmp_path: Path
) -> None:
    window = MainWindow(cooperative, Operations(), lambda s, o: [])
    qtbot.addWidget(window)
    window.resize(1200, 760)
    window.show()
    qtbot.waitExposed(window)
    name = (
        "kuorum-koperasi-simpan-pinjam-sejahtera-bersama-kabupaten-bandung-barat-"
        "20270313-091500WIB-keputusan.sqlite"
    )
    path = tmp_path / name
    status = window.backup_trigger.status
    window.backup_trigger.show_result(BackupResult(path, ""))
    qtbot.waitUntil(lambda: status.isVisible())
    shown = status.text()
    assert shown != "Cadangan terakhir: " + name and "…" in shown
    assert shown.startswith("Cadangan terakhir: kuorum-koperasi")
    assert shown.endswith("WIB-keputusan.sqlite")  # its end (time, reason) stays readable
    assert status.toolTip() == str(path)
    assert status.full_text == "Cadangan terakhir: " + name
    bar = window.statusBar()
    assert status.geometry().right() <= bar.width()
    assert window.width() <= 1200  # the name did not push the window wider
    _shot(window, "d-status-bar")
    # A short name is shown whole.
    short = tmp_path / "kuorum-ksp-20270313-091500WIB.sqlite"
    window.backup_trigger.show_result(BackupResult(short, ""))
    assert status.text() == "Cadangan terakhir: kuorum-ksp-20270313-091500WIB.sqlite"
