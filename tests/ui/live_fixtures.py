"""The door's ear in widget tests: a real :class:`ChangeWatcher` on its own thread, stopped
(and its connection closed) when the test ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from pytestqt.qtbot import QtBot

from assembly.services.bundle import Services
from assembly.ui.background import Background
from assembly.ui.live import ChangeWatcher
from assembly.ui.operation import Operations


@contextmanager
def watching(services: Services, operations: Operations) -> Iterator[ChangeWatcher]:
    """What other windows and desks commit to ``services``' database reaches ``operations``."""
    watcher = ChangeWatcher(services.live.listen(), operations)
    watcher.start()
    try:
        yield watcher
    finally:
        watcher.stop()


def finished(qtbot: QtBot, work: Background | None, timeout: int = 60_000) -> object:
    """Wait for long work from the door's worker thread to end; its result (None when it
    was refused or cancelled)."""
    assert work is not None
    if work.running:
        with qtbot.waitSignal(work.ended, timeout=timeout):
            pass
    return work.result
