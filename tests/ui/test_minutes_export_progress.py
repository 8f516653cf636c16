"""The berita acara's export on the signing page shows its progress and can be cancelled
(issue 11, point 10): the secretary presses the export button, the dialog's Batal is pressed
while pages are being laid out, and no file is left behind; without a cancel the file is
written and the bar ends at its page count. The work runs on the door's worker thread."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QPushButton
from pytestqt.qtbot import QtBot

from assembly.ui.operation import Operations
from assembly.ui.pages.signing_page import SigningPage
from tests.services.voting_fixtures import opened_hall
from tests.ui.test_signing_page import answer_file_dialogs


@pytest.fixture
def page(qtbot: QtBot, cooperative: Any, db_path: Path) -> SigningPage:
    """The signing page over a meeting held and closed."""
    hall = opened_hall(cooperative, db_path)
    cooperative.meetings.close(hall.meeting_id)
    widget = SigningPage(cooperative, Operations())
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def test_the_export_can_be_cancelled_and_leaves_no_file(
    qtbot: QtBot, page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "keluar"
    folder.mkdir()
    target = folder / "berita-acara.pdf"
    answer_file_dialogs(monkeypatch, target)
    pressed = []

    def press_batal() -> None:
        """Batal, pressed once the dialog is up and taking events (a page being reported)."""
        dialog = page.progress_dialog
        if dialog is None:
            QTimer.singleShot(0, press_batal)
            return
        button = dialog.findChild(QPushButton)
        assert button is not None and button.text() == "Batal"
        button.click()
        pressed.append(True)

    QTimer.singleShot(0, press_batal)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not page.operations.busy(), timeout=60_000)
    assert pressed and not target.exists()
    assert list(folder.iterdir()) == []  # no half-written .part file either


def test_the_export_reports_every_page(
    qtbot: QtBot, page: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "berita-acara.pdf"
    answer_file_dialogs(monkeypatch, target)
    qtbot.mouseClick(page.export_button, Qt.MouseButton.LeftButton)
    reported: list[tuple[int, int]] = []
    assert page.export_work is not None
    page.export_work.progressed.connect(lambda done, total: reported.append((done, total)))
    qtbot.waitUntil(lambda: not page.operations.busy(), timeout=60_000)
    pages = len(PdfReader(target).pages)
    assert reported and reported[-1] == (pages, pages)
    assert [done for done, _total in reported] == sorted(done for done, _total in reported)
