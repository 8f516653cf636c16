"""The review screen shows the berita acara as exported: every page, in the chosen language
and paper, made again on request."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from pypdf import PdfReader
from pytestqt.qtbot import QtBot

from assembly.ui.dialogs.minutes_review import MinutesReviewDialog
from assembly.ui.operation import Operations
from tests.services.test_minutes_notes import Clock, timed_hall


def test_the_review_shows_every_page_and_switches_language_and_paper(
    qtbot: QtBot, cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    hall = timed_hall(db_path, Clock())
    dialog = MinutesReviewDialog(hall.services, Operations(), hall.meeting_id)
    qtbot.addWidget(dialog)
    dialog.show()
    pages = dialog.rebuild()
    exported = tmp_path / "ba.pdf"
    hall.services.minutes.export(hall.meeting_id, exported)
    assert pages == len(PdfReader(exported).pages) == dialog.document.pageCount() >= 2
    assert dialog.count.text() == f"{pages} halaman"
    assert "BERITA ACARA" in dialog.document.getAllText(0).text()
    dialog.language.setCurrentIndex(1)  # English: made again at once
    assert "MINUTES" in dialog.document.getAllText(0).text()
    a4 = dialog.document.pagePointSize(0)
    dialog.paper.setCurrentIndex(1)
    f4 = dialog.document.pagePointSize(0)
    assert (
        round(a4.width()) == 595 and round(f4.height()) == 935
    )  # F4: 215 x 330 mm and dialog.pages >= 2
