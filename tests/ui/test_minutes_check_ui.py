"""The reconciliation check where the secretary meets it: over the berita acara on the review
screen, and when the meeting is closed (a reason asked when figures do not reconcile)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QDialogButtonBox
from pytestqt.qtbot import QtBot

from assembly.domain.meeting import MeetingState
from assembly.ui.dialogs.close_check import close_meeting_checked
from assembly.ui.dialogs.minutes_review import MinutesReviewDialog
from assembly.ui.dialogs.reason_dialog import ReasonDialog
from assembly.ui.operation import Operations
from tests.behind_the_back import tamper
from tests.services.test_minutes_check import PRESENT, _run
from tests.services.voting_fixtures import opened_hall

SHOTS = Path(os.environ.get("KUORUM_SHOTS", "/tmp/reconcile-shots"))


def _shot(widget: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    widget.grab().save(str(SHOTS / f"{name}.png"))


def test_the_review_screen_shows_the_check_and_each_mismatch_by_page(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    services = _run(hall, close=False)
    dialog = MinutesReviewDialog(services, Operations(), hall.meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.rebuild() >= 2
    assert dialog.check.text().startswith("✔ Semua ")
    assert dialog.mismatches.isHidden()
    _shot(dialog, "review-ok")

    tamper(db_path, f"DELETE FROM attendance WHERE member_id = {hall.ids['0003']}")
    dialog.rebuild()
    assert dialog.check.text().startswith("✖ ")
    assert not dialog.mismatches.isHidden()
    lines = [dialog.mismatches.item(i).text() for i in range(dialog.mismatches.count())]
    assert any(line.startswith("Halaman 1 (I.2), anggota hadir selama rapat") for line in lines)
    _shot(dialog, "review-mismatch")


def test_closing_with_unreconciled_figures_asks_a_reason(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    _run(hall, close=False).close()
    tamper(db_path, f"DELETE FROM attendance WHERE member_id = {hall.ids['0003']}")
    services = hall.reopen(25)
    seen: list[str] = []

    def answer(first_try: bool) -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, ReasonDialog):
            QTimer.singleShot(20, lambda: answer(first_try))
            return
        _shot(dialog, "close-reason")
        seen.append(dialog.findChildren(type(dialog.problem))[0].text())
        ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if first_try:  # no reason: refused in place, nothing typed lost
            ok.click()
            seen.append(dialog.problem.text())
            QTimer.singleShot(0, lambda: answer(False))
            return
        dialog.text.setPlainText("Daftar hadir kertas akan dicocokkan")
        ok.click()

    QTimer.singleShot(0, lambda: answer(True))
    assert close_meeting_checked(None, services, Operations(), hall.meeting_id)
    assert "angka berita acara tidak sesuai dengan catatan rapat" in seen[0]
    assert "• Bagian I.2, anggota hadir selama rapat (hadir.jumlah): berita acara 6" in seen[0]
    assert seen[1] == "✖ Alasan wajib diisi."
    assert services.meetings.get(hall.meeting_id).state is MeetingState.CLOSED


def test_closing_a_meeting_that_reconciles_asks_nothing(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path, PRESENT)
    services = _run(hall, close=False)
    assert close_meeting_checked(None, services, Operations(), hall.meeting_id)
    assert services.meetings.get(hall.meeting_id).state is MeetingState.CLOSED
