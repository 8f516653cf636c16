"""The composition root wires the door's ear: each open window hears what another window on
the same file commits, and closing stops the listener's thread. The demo is filled on the
door's worker thread under a modal bar (no ``processEvents``)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assembly.app import DEMO_MEMBERS, Kuorum
from assembly.domain.register_query import RegisterQuery
from assembly.services.changes import Area


@pytest.fixture
def app(qtbot: QtBot) -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance


def test_two_windows_on_one_file_hear_each_other(
    qtbot: QtBot, app: QApplication, cooperative: Any, db_path: Path
) -> None:
    first, second = Kuorum(app), Kuorum(app)
    try:
        assert first.open(db_path) and second.open(db_path)
        assert second.watcher is not None and second.watcher.isRunning()
        assert first.services is not None and second.window is not None
        heard = []
        second.watcher.heard.connect(heard.append)
        coop = first.services.cooperative.cooperative()
        assert coop is not None
        first.services.cooperative.save_cooperative(replace(coop, city="Cimahi"))
        qtbot.waitUntil(lambda: bool(heard), timeout=1000)
        assert heard[0].touches(Area.COOPERATIVE)
        watcher = second.watcher
    finally:
        first.close()
        second.close()
    assert watcher.isFinished()  # the listener's thread stopped with the window


def test_the_demo_is_made_on_the_worker_thread(
    qtbot: QtBot, app: QApplication, db_path: Path
) -> None:
    kuorum = Kuorum(app)
    try:
        assert kuorum.open(db_path, demo=True)
        assert kuorum.services is not None
        found = kuorum.services.search.count(RegisterQuery())
        assert found >= DEMO_MEMBERS
    finally:
        kuorum.close()
