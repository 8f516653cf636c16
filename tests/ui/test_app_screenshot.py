"""``KUORUM_SCREENSHOT=FILE``: the app opens, saves its main window as a PNG and quits (the
smoke test of the built program uses it)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assembly.app import SCREENSHOT_VARIABLE, run_app
from assembly.ui.main_window import MainWindow


@pytest.fixture
def _close_windows(qtbot: QtBot) -> Iterator[None]:
    yield
    for widget in QApplication.topLevelWidgets():
        widget.close()
        widget.deleteLater()


@pytest.mark.usefixtures("_close_windows")
def test_the_main_window_is_saved_as_a_png_and_the_app_quits(
    cooperative: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "window.png"
    monkeypatch.setenv(SCREENSHOT_VARIABLE, str(target))
    # Windows of earlier tests may still wait for their deferred deletion: only this run's count.
    before = {id(w) for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)}
    assert run_app(["--db", str(db_path)]) == 0
    assert target.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(target))
    assert image.width() > 600 and image.height() > 400  # the whole window, not a widget
    # The window was closed and deleted before run_app returned (the frozen build's clean exit).
    left = [w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow)]
    assert not [w for w in left if id(w) not in before]
    # A drawn window, not an empty image: more than one colour on it.
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 200, 7)}
    assert len(colours) > 3


@pytest.mark.usefixtures("_close_windows")
def test_a_screenshot_that_cannot_be_written_ends_with_exit_code_1(
    cooperative: Any, db_path: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "no such folder" / "window.png"
    monkeypatch.setenv(SCREENSHOT_VARIABLE, str(target))
    assert run_app(["--db", str(db_path)]) == 1
    assert not target.exists()
