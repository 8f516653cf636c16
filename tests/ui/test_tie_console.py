"""A tie for the last seat under an AD that breaks it by lot (law.md rule 17): the console
closes the election, keeps the tie in view with its colour, offers the tie button (not the
run-off), and the secretary records the one drawn through the tie dialog; a wrong tick is
refused in the dialog and changes nothing. Screenshots go to /tmp/shots/console/."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from assembly.domain.ad_profile import ADProfile, TieBreak
from assembly.domain.ballots import BallotMode, BallotState, Outcome
from assembly.services.bundle import Services
from assembly.ui.dialogs.tie_dialog import TieDialog
from assembly.ui.operation import Operations
from assembly.ui.pages.decisions_page import DecisionsPage
from tests.services.voting_fixtures import no_consensus, opened_hall

SHOTS = Path("/tmp/shots/console")


def test_a_tie_is_settled_by_lot_through_the_dialog(
    qtbot: QtBot, cooperative: Services, db_path: Path
) -> None:
    profile = replace(ADProfile(), tie_break=TieBreak.LOT, articles={"tie_break": "Pasal 25"})
    hall = opened_hall(cooperative, db_path, profile=profile)
    s = cooperative
    page = DecisionsPage(s, Operations())
    qtbot.addWidget(page)
    page.resize(1280, 820)
    page.show()
    qtbot.waitExposed(page)
    item = no_consensus(hall, 4)
    page.take_up(item)
    ballot, _ = s.elections.open_election(
        hall.meeting_id, item, "Pengawas", 1, ["0001", "0002"], BallotMode.NAMED
    )
    s.ballots.cast(ballot.id, "0003", ["0001"])
    s.ballots.cast(ballot.id, "0004", ["0002"])
    page.refresh()
    assert not page.tie_button.isEnabled()  # nothing to settle while the ballot is open
    assert not page.close_ballot()  # 2 of 6 voted: asked once
    page.prompt.findChild(QPushButton, "confirm_close").click()

    assert s.decisions.decisions(hall.meeting_id)[-1].outcome is Outcome.TIE
    assert "diundi di hadapan rapat" in page.ballot_panel.statement_label.text()
    assert "#8a5a00" in page.ballot_panel.statement_label.styleSheet()
    assert page.tie_button.isEnabled() and not page.runoff_button.isEnabled()
    assert [b.state for b in s.ballots.ballots(hall.meeting_id)] == [BallotState.CLOSED]
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.grab().save(str(SHOTS / "tie-lot.png"))

    page.tie_button.click()
    (dialog,) = [d for d in page.findChildren(TieDialog) if d.isVisible()]
    assert [number for number, _box in dialog.boxes] == ["0001", "0002"]
    head = s.audit.head_hash()
    dialog.boxes[0][1].setChecked(True)
    dialog.boxes[1][1].setChecked(True)  # two ticks for one seat
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    assert dialog.isVisible() and "Pilih 1 calon" in dialog.problem.text()
    assert s.audit.head_hash() == head  # the refusal changed nothing
    dialog.boxes[0][1].setChecked(False)
    dialog.grab().save(str(SHOTS / "tie-dialog.png"))
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()

    assert not dialog.isVisible()
    row = s.decisions.decisions(hall.meeting_id)[-1]
    assert (row.outcome, row.result) == (
        Outcome.ELECTED,
        "diundi di hadapan rapat: terpilih Anggota Nomor 2",
    )
    assert not page.tie_button.isEnabled()  # settled once
    # The board elected, in one line: the seat given by lot.
    assert page.ballot_panel.board_label.isVisible()
    assert page.ballot_panel.board_label.text() == "Pengawas \u2014 terpilih: Anggota Nomor 2"
    page.grab().save(str(SHOTS / "tie-settled.png"))
