"""The reporting pack dialog driven like a person: the button on the meetings page opens it
for the chosen held meeting; a folder typed, Enter pressed, the pack is written and listed; a
folder that already holds files is refused and the dialog stays as it was."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from assembly.services.bundle import Services
from assembly.ui.dialogs.reporting_pack_dialog import ReportingPackDialog
from assembly.ui.operation import Operations
from assembly.ui.pages.meetings_page import MeetingsPage


@pytest.fixture(scope="module")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    services = Services.open(tmp_path_factory.mktemp("demo") / "demo.sqlite")
    services.demo.create(members=150)
    yield services
    services.close()


@pytest.fixture
def page(qtbot: QtBot, demo: Services) -> MeetingsPage:
    widget = MeetingsPage(demo, Operations())
    qtbot.addWidget(widget)
    widget.resize(1300, 760)
    widget.show()
    qtbot.waitExposed(widget)
    widget.select(1)
    return widget


def test_the_button_writes_a_pack(qtbot: QtBot, page: MeetingsPage, tmp_path: Path) -> None:
    assert page.pack_button.isEnabled()
    qtbot.mouseClick(page.pack_button, Qt.MouseButton.LeftButton)
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, ReportingPackDialog) and w.isVisible()
    )
    qtbot.waitExposed(dialog)
    target = tmp_path / "paket laporan"
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(target))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.result.isVisible())
    assert (target / "README.txt").is_file()
    assert "keputusan.csv" in dialog.result.text()
    assert "belum ditandatangani" in dialog.result.text()
    assert not dialog.write_button.isEnabled()
    dialog.close()


def test_a_folder_with_files_is_refused(qtbot: QtBot, page: MeetingsPage, tmp_path: Path) -> None:
    dialog = page.reporting_pack()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    (tmp_path / "lain.txt").write_text("x")
    dialog.folder.setText(str(tmp_path))
    refused: list[str] = []
    page.operations.refused.connect(refused.append)
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: bool(refused))  # from the door's worker thread
    assert "sudah berisi berkas" in refused[0]
    assert dialog.isVisible() and not dialog.result.isVisible()
    assert dialog.write_button.isEnabled()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["lain.txt"]
    for box in dialog.findChildren(QMessageBox):
        box.close()
    dialog.close()


def test_closing_while_the_pack_is_written_cancels_it_and_leaves_nothing(
    qtbot: QtBot, page: MeetingsPage, tmp_path: Path
) -> None:
    dialog = page.reporting_pack()
    assert dialog is not None
    qtbot.waitExposed(dialog)
    target = tmp_path / "paket"
    dialog.folder.setText(str(target))
    qtbot.mouseClick(dialog.write_button, Qt.MouseButton.LeftButton)
    work = dialog.work
    assert work is not None and work.running  # the screen is free while the PDFs are made
    with qtbot.waitSignal(work.ended, timeout=60_000):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)  # Close while it runs
    assert work.cancelled and work.result is None
    assert list(tmp_path.iterdir()) == []  # no pack, no .part folder
