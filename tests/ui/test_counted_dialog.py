"""The counted-vote form: totals above the entitled present and unreconciled paper ballots are
refused inline by the service and nothing is stored; corrected, they are stored and the ballot
closes into its result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.domain.ballots import BallotMode, Outcome
from assembly.services.bundle import Services
from assembly.ui.dialogs.counted_dialog import CountedDialog
from assembly.ui.operation import Operations
from tests.services.voting_fixtures import no_consensus, opened_hall


def put(qtbot: QtBot, spin: object, value: int) -> None:
    from PySide6.QtWidgets import QSpinBox

    assert isinstance(spin, QSpinBox)
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))


def test_a_bad_total_is_refused_then_corrected(
    qtbot: QtBot, cooperative: Services, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    s = cooperative
    ballot, _ = s.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 3), BallotMode.COUNTED, "Rencana kerja 2026"
    )
    dialog = CountedDialog(s, Operations(), ballot)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.activateWindow()
    qtbot.waitUntil(dialog.isActiveWindow)
    assert dialog.yes.hasFocus()
    put(qtbot, dialog.yes, 5)
    put(qtbot, dialog.no, 2)
    assert dialog.total_label.text() == "Jumlah: 7 dari 6"
    dialog.buttons.button(dialog.buttons.StandardButton.Save).click()
    problems = dialog.problems.text()
    assert "✖ Jumlah suara 7 melebihi 6 anggota berhak suara" in problems
    assert "✖ Sebutkan paling sedikit satu saksi" in problems
    assert dialog.isVisible()
    assert s.ballots.progress(ballot.id).voted == 0  # nothing stored

    # Paper ballots that do not reconcile.
    put(qtbot, dialog.yes, 3)
    put(qtbot, dialog.blank, 1)
    qtbot.mouseClick(dialog.paper, Qt.MouseButton.LeftButton)
    put(qtbot, dialog.issued, 6)
    put(qtbot, dialog.returned, 5)
    qtbot.keyClicks(dialog.tellers, "Budi, Sari")
    dialog.accept()
    assert "Surat suara kembali (5) harus sama" in dialog.problems.text()
    dialog.grab().save("/tmp/shots/console/counted-refused.png")
    assert s.ballots.progress(ballot.id).voted == 0

    put(qtbot, dialog.returned, 6)
    qtbot.keyClick(dialog.tellers, Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert s.ballots.progress(ballot.id).voted == 6
    result, _ = s.ballots.close(ballot.id)
    assert result.outcome is Outcome.ADOPTED
    assert result.tally == {"setuju": 3, "tidak_setuju": 2, "abstain": 0, "tidak_sah": 1}
