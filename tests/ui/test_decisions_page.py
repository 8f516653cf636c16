"""The chair's console driven like a person: take an item up with Enter, record consensus and
its failure, open a named ballot, enter votes with number + key, watch the progress, close
with Ctrl+Enter and read the result; cancel needs a reason; an election ends in a run-off.
What the database holds is asserted through the services; screenshots go to
/tmp/shots/console/."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QPushButton
from pytestqt.qtbot import QtBot

from assembly.domain.ballots import BallotMode, BallotState, Choice, DecisionMethod, Outcome
from assembly.services.bundle import Services
from assembly.ui.dialogs.ballot_dialog import BallotDialog
from assembly.ui.dialogs.consensus_dialog import ConsensusDialog
from assembly.ui.dialogs.reason_dialog import ReasonDialog
from assembly.ui.operation import Operations
from assembly.ui.pages.decisions_page import DecisionsPage
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall
from tests.ui.live_fixtures import watching

SHOTS = Path("/tmp/shots/console")


@pytest.fixture
def console(
    qtbot: QtBot, cooperative: Services, db_path: Path
) -> Iterator[tuple[DecisionsPage, Hall]]:
    hall = opened_hall(cooperative, db_path)
    operations = Operations()
    page = DecisionsPage(cooperative, operations)
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    with watching(cooperative, operations):  # other desks' writes reach the console
        yield page, hall


def shoot(page: DecisionsPage, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    QApplication.processEvents()  # the layout settles as it would before the next paint
    page.grab().save(str(SHOTS / f"{name}.png"))


def take_up_with_enter(qtbot: QtBot, page: DecisionsPage, position: int) -> None:
    page.agenda.table.setFocus()
    page.agenda.table.selectRow(position - 1)
    qtbot.keyClick(page.agenda.table, Qt.Key.Key_Return)


def vote(qtbot: QtBot, page: DecisionsPage, number: str, key: Qt.Key) -> None:
    field = page.vote_entry.number
    qtbot.keyClicks(field, number)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    qtbot.keyClick(field, key)


def scan(qtbot: QtBot, page: DecisionsPage, number: str) -> None:
    qtbot.keyClicks(page.vote_entry.number, number)
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return)


def dialog_of(page: DecisionsPage, kind: type[QDialog]) -> Any:
    found = [w for w in page.findChildren(kind) if w.isVisible()]
    assert len(found) == 1, found
    return found[0]


def test_a_named_vote_from_the_keyboard(qtbot: QtBot, console: Any) -> None:
    page, hall = console
    services = hall.services
    assert page.meeting_id == hall.meeting_id
    assert "6 hadir, minimal 5 dari 8: kuorum tercapai" in page.quorum_label.text()
    assert not page.open_button.isEnabled()  # nothing under discussion yet

    take_up_with_enter(qtbot, page, 2)
    assert services.agenda.current(hall.meeting_id).id == hall.items[1]
    assert page.item_label.text() == "Sedang dibahas: acara 2. Pembagian SHU"
    assert page.agenda.model.index(1, 0).data().startswith("▶")

    # Consensus fails (Ctrl+T), with a note.
    qtbot.keyClick(page, Qt.Key.Key_T, Qt.KeyboardModifier.ControlModifier)
    note = dialog_of(page, ReasonDialog)
    qtbot.keyClicks(note.text, "pendapat terbagi dua")
    note.buttons.button(note.buttons.StandardButton.Ok).click()
    rows = services.decisions.decisions(hall.meeting_id)
    assert [(r.outcome, r.text) for r in rows] == [(Outcome.NO_CONSENSUS, "pendapat terbagi dua")]

    # Open a named ballot (Ctrl+B): one dialog.
    qtbot.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(page, BallotDialog)
    assert dialog.motion_radio.isChecked()
    dialog.title.clear()
    qtbot.keyClicks(dialog.title, "SHU dibagi 40% menurut jasa")
    dialog.mode.setCurrentIndex(dialog.mode.findData(BallotMode.NAMED.value))
    qtbot.keyClick(dialog.title, Qt.Key.Key_Return)
    assert dialog.ballot is not None
    assert page.ballot_panel.title_label.text() == "Pemungutan suara: SHU dibagi 40% menurut jasa"
    assert page.ballot_panel.progress_label.text() == "0 dari 6 sudah memberikan suara"
    assert page.entry_stack.currentWidget() is page.vote_entry
    assert page.vote_entry.number.hasFocus()

    for number, key in (("0001", Qt.Key.Key_1), ("0002", Qt.Key.Key_1), ("0003", Qt.Key.Key_2),
                        ("0004", Qt.Key.Key_3)):  # fmt: skip
        vote(qtbot, page, number, key)
        assert page.vote_entry.number.text() == ""
        assert page.vote_entry.number.hasFocus()
    assert page.ballot_panel.progress_label.text() == "4 dari 6 sudah memberikan suara"
    assert page.vote_entry.log.lines()[0] == "0004 Anggota Nomor 4: Abstain"
    assert page.vote_entry.message.text() == "✔ Tercatat: 0004 Anggota Nomor 4: Abstain"

    # Twice the same member: refused at the scan, before any choice is asked; nothing
    # stored, the field ready again.
    scan(qtbot, page, "0001")
    assert "sudah memberikan suara" in page.vote_entry.message.text()
    assert page.vote_entry.message.text().startswith("✖")
    assert page.vote_entry.voter is None and "1 setuju" not in page.vote_entry.prompt.text()
    assert page.vote_entry.number.text() == "" and page.vote_entry.number.hasFocus()
    # A calon has no vote; an unknown number is said so.
    scan(qtbot, page, "0009")
    assert "Calon Sembilan tidak berhak" in page.vote_entry.message.text()
    assert page.vote_entry.voter is None
    qtbot.keyClicks(page.vote_entry.number, "9999")
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return)
    assert page.vote_entry.message.text() == "✖ Nomor anggota 9999 tidak ditemukan."
    ballot_id = dialog.ballot.id
    assert services.ballots.progress(ballot_id).voted == 4

    # Another desk writes too: the door's watcher brings it, no timer.
    hall.reopen().ballots.cast(ballot_id, "0005", Choice.YES)
    qtbot.waitUntil(
        lambda: page.ballot_panel.progress_label.text() == "5 dari 6 sudah memberikan suara",
        timeout=1000,
    )
    shoot(page, "ballot-open")

    # Close with the keyboard: one voter is missing, so the chair is asked once.
    qtbot.keyClick(page.vote_entry.number, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert page.prompt is not None and page.prompt.isVisible()
    assert page.prompt.text() == "5 dari 6 sudah memilih; tutup?"
    assert services.ballots.get(ballot_id).state is BallotState.OPEN
    page.prompt.findChild(QPushButton, "confirm_close").click()
    # The tally, statement and rule at once.
    assert services.ballots.get(ballot_id).state is BallotState.CLOSED
    panel = page.ballot_panel
    assert panel.result_box.isVisible()
    assert panel.statement_label.text() == "disetujui: 3 dari 4 suara sah, lebih dari 1/2"
    assert panel.rule_label.text().startswith("Aturan: ")
    tally = [(panel.tally.index(r, 0).data(), panel.tally.index(r, 1).data()) for r in range(4)]
    assert tally == [("Setuju", "3"), ("Tidak setuju", "1"), ("Abstain", "1"),
                     ("Tidak sah", "0")]  # fmt: skip
    assert not page.vote_entry.isVisible()
    assert page.revote_button.isEnabled()
    assert page.agenda.decisions.rowCount() == 2
    shoot(page, "ballot-closed")


def test_consensus_is_recorded_with_dissent(qtbot: QtBot, console: Any) -> None:
    page, hall = console
    take_up_with_enter(qtbot, page, 1)
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    dialog = dialog_of(page, ConsensusDialog)
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.problem.text() == "✖ Tuliskan isi keputusan yang disepakati."
    assert hall.services.decisions.decisions(hall.meeting_id) == []
    qtbot.keyClicks(dialog.text, "Laporan pertanggungjawaban pengurus disahkan")
    qtbot.keyClicks(dialog.dissent, "Anggota 0004 minta catatan audit")
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    (row,) = hall.services.decisions.decisions(hall.meeting_id)
    assert (row.method, row.outcome) == (DecisionMethod.CONSENSUS, Outcome.AGREED)
    assert row.dissent == "Anggota 0004 minta catatan audit"
    assert page.agenda.decisions.index(0, 1).data() == "Mufakat"
    # The item is decided: no ballot opens on it, said before any form (a re-vote has its
    # own button), and the consensus keys say so too.
    assert not page.open_button.isEnabled()
    assert "sudah diputuskan" in page.open_button.toolTip()
    qtbot.keyClick(page, Qt.Key.Key_B, Qt.KeyboardModifier.ControlModifier)
    assert [w for w in page.findChildren(BallotDialog) if w.isVisible()] == []
    assert page.prompt is not None and page.prompt.isVisible()
    assert "sudah diputuskan" in page.prompt.text()
    assert hall.services.ballots.ballots(hall.meeting_id) == []
    page.prompt.reject()


def test_cancel_needs_a_reason_then_a_revote(qtbot: QtBot, console: Any) -> None:
    page, hall = console
    s = hall.services
    item = no_consensus(hall, 3)
    page.take_up(item)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "Rencana kerja")
    page.refresh()
    page.cancel_button.click()
    reason = dialog_of(page, ReasonDialog)
    reason.buttons.button(reason.buttons.StandardButton.Ok).click()
    assert reason.problem.text() == "✖ Alasan wajib diisi."
    assert s.ballots.get(ballot.id).state is BallotState.OPEN
    qtbot.keyClicks(reason.text, "salah judul usul")
    reason.buttons.button(reason.buttons.StandardButton.Ok).click()
    assert s.ballots.get(ballot.id).cancel_reason == "salah judul usul"
    assert page.ballot_panel.statement_label.text() == "Alasan: salah judul usul"
    page.revote_button.click()
    again = dialog_of(page, ReasonDialog)
    qtbot.keyClicks(again.text, "judul diperbaiki")
    again.accept()
    latest = s.ballots.ballots(hall.meeting_id)[-1]
    assert (latest.revote_of, latest.state) == (ballot.id, BallotState.OPEN)
    assert "Pemungutan suara ulang: judul diperbaiki" in page.ballot_panel.detail_label.text()


def test_a_named_election_ends_in_a_runoff(qtbot: QtBot, console: Any) -> None:
    page, hall = console
    s = hall.services
    item = no_consensus(hall, 4)
    page.take_up(item)
    page.open_ballot()
    dialog = dialog_of(page, BallotDialog)
    assert dialog.election_radio.isChecked()
    assert dialog.mode.currentText() == "Sesuai AD (Rahasia)"
    dialog.mode.setCurrentIndex(dialog.mode.findData(BallotMode.NAMED.value))
    for number in ("0002", "0003", "0777", "0005"):
        qtbot.keyClicks(dialog.candidate_number, number)
        qtbot.keyClick(dialog.candidate_number, Qt.Key.Key_Return)
    assert dialog.problem.text() == "✖ Nomor anggota 0777 tidak ditemukan."
    assert dialog.candidates.rows() == [("0002", "Anggota Nomor 2"), ("0003", "Anggota Nomor 3"),
                                        ("0005", "Anggota Nomor 5")]  # fmt: skip
    dialog.grab().save(str(SHOTS / "ballot-dialog.png"))
    dialog.accept()
    assert dialog.ballot is not None and dialog.ballot.seats == 1
    entry = page.vote_entry
    assert entry.candidates.rowCount() == 3
    # 0001 and 0002 for candidate 1, 0003 and 0004 for candidate 2: a tie for the seat.
    for number, pick in (("0001", Qt.Key.Key_1), ("0002", Qt.Key.Key_1),
                         ("0003", Qt.Key.Key_2), ("0004", Qt.Key.Key_2)):  # fmt: skip
        qtbot.keyClicks(entry.number, number)
        qtbot.keyClick(entry.number, Qt.Key.Key_Return)
        qtbot.keyClick(entry.number, pick)
        qtbot.keyClick(entry.number, Qt.Key.Key_Return)
    assert entry.log.lines()[0] == "0004 Anggota Nomor 4: 0003"
    # Two choices for one seat: refused.
    qtbot.keyClicks(entry.number, "0005")
    qtbot.keyClick(entry.number, Qt.Key.Key_Return)
    qtbot.keyClick(entry.number, Qt.Key.Key_1)
    qtbot.keyClick(entry.number, Qt.Key.Key_2)
    qtbot.keyClick(entry.number, Qt.Key.Key_Return)
    assert "paling banyak 1 calon" in entry.message.text()
    assert not page.close_ballot()  # 4 of 6 voted: asked once
    page.prompt.findChild(QPushButton, "confirm_close").click()
    assert "pemilihan ulang antara" in page.ballot_panel.statement_label.text()
    # The tie stays in view until the chair opens the run-off.
    assert [b.state for b in s.ballots.ballots(hall.meeting_id)] == [BallotState.CLOSED]
    assert page.ballot_panel.result_box.isVisible() and page.runoff_button.isEnabled()
    shoot(page, "tie")
    page.runoff_button.click()
    runoff = s.ballots.ballots(hall.meeting_id)[-1]
    assert runoff.runoff_of == dialog.ballot.id and runoff.state is BallotState.OPEN
    assert page.vote_entry.candidates.rowCount() == 2  # the run-off between the tied
    assert page.ballot_panel.result_box.isVisible()  # the result that called it stays in view
    shoot(page, "runoff-open")


def test_the_revote_button_follows_the_item_on_screen(qtbot: QtBot, console: Any) -> None:
    page, hall = console
    s = hall.services
    shu, plan = no_consensus(hall, 2), hall.items[2]
    take_up_with_enter(qtbot, page, 2)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, shu, BallotMode.NAMED, "SHU dibagi rata")
    page.refresh()
    for number in ("0001", "0002", "0003", "0004", "0005", "0006"):
        vote(qtbot, page, number, Qt.Key.Key_1)
    assert page.close_ballot()
    assert page.revote_button.isEnabled()  # item 2's own vote, just closed
    # Item 3 is agreed by consensus, from the console's form.
    take_up_with_enter(qtbot, page, 3)
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.ControlModifier)
    consensus = dialog_of(page, ConsensusDialog)
    qtbot.keyClicks(consensus.text, "Rencana kerja 2026 disahkan")
    consensus.accept()
    assert s.decisions.decisions(hall.meeting_id)[-1].item_id == plan
    # The button no longer offers item 2's vote while item 3 is on screen, and says why.
    assert not page.revote_button.isEnabled()
    assert page.revote_button.toolTip() == (
        "Belum ada pemungutan suara atas acara 3. Rencana kerja 2026; tidak ada yang dapat diulang."
    )
    page.revote_button.click()
    assert [w for w in page.findChildren(ReasonDialog) if w.isVisible()] == []
    # Nor does the line under the buttons send the chair to it.
    assert page.why_label.text() == (
        "Acara \u201cRencana kerja 2026\u201d sudah diputuskan; pilih acara berikutnya lalu Enter."
    )
    shoot(page, "revote-greyed-after-consensus")
    # Back on item 2 the rule allows its vote to run again, and the re-vote is item 2's.
    take_up_with_enter(qtbot, page, 2)
    assert page.revote_button.isEnabled() and page.revote_button.toolTip() == ""
    page.revote_button.click()
    again = dialog_of(page, ReasonDialog)
    assert "Acara 2. Pembagian SHU: \u201cSHU dibagi rata\u201d dipungut suara ulang" in " ".join(
        label.text() for label in again.findChildren(QLabel)
    )
    qtbot.keyClicks(again.text, "ada keberatan atas penghitungan")
    again.accept()
    latest = s.ballots.ballots(hall.meeting_id)[-1]
    assert (latest.revote_of, latest.item_id, latest.state) == (ballot.id, shu, BallotState.OPEN)


def test_the_result_frame_is_as_tall_as_a_consensus(
    qtbot: QtBot, cooperative: Services, db_path: Path
) -> None:
    # One desk, no other window writing: each view is read once, when the chair acts.
    hall = opened_hall(cooperative, db_path)
    page = DecisionsPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitExposed(page)
    s = hall.services
    shu = no_consensus(hall, 2)
    page.take_up(shu)
    ballot, _ = s.ballots.open_motion(hall.meeting_id, shu, BallotMode.NAMED, "SHU")
    for number in ("0001", "0002", "0003"):
        s.ballots.cast(ballot.id, number, Choice.YES)
    s.ballots.close(ballot.id)
    page.refresh()
    shoot(page, "result-frame-after-vote")
    box = page.ballot_panel.result_box
    after_vote = box.height()
    assert page.ballot_panel.tally_view.isVisible()
    page.take_up(hall.items[2])
    s.decisions.record_consensus(hall.meeting_id, hall.items[2], "Rencana kerja disahkan")
    page.refresh()
    shoot(page, "result-frame-after-consensus")
    assert not page.ballot_panel.tally_view.isVisible()
    assert page.ballot_panel.statement_label.text() == "Rencana kerja disahkan"
    # No room kept for the vote's tally: the frame is what its three lines need.
    needed = box.layout().totalHeightForWidth(box.width())
    assert box.height() <= needed + 2 < after_vote - page.ballot_panel.tally_view.height() // 2
