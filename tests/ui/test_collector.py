"""The cycle collector runs on the GUI thread only (assembly.ui.collector): a worker that
allocates heavily (an import, an export) never triggers a collection on its own thread,
where destroying a Qt object held in a cycle crashes the program."""

from __future__ import annotations

import gc
import threading

from PySide6.QtCore import QObject, QThreadPool

from assembly.services.progress import Progress
from assembly.ui.collector import MainThreadCollector
from assembly.ui.widgets.import_task import Task


def _allocate(progress: Progress) -> int:
    """What an import does to the collector: many container objects, some in cycles."""
    kept = []
    for number in range(200_000):
        row: list[object] = [number]
        row.append(row)  # a cycle, as parsed rows holding their own frame can make
        kept.append(row)
    return len(kept)


def test_a_busy_worker_never_collects_on_its_own_thread(qtbot, qapp) -> None:
    collector = MainThreadCollector()
    threads: list[int] = []

    def seen(phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            threads.append(threading.get_ident())

    gc.callbacks.append(seen)
    try:
        task = Task(_allocate)
        with qtbot.waitSignal(task.signals.finished, timeout=30_000):
            QThreadPool.globalInstance().start(task)
        QThreadPool.globalInstance().waitForDone()
        assert gc.isenabled() is False
        assert set(threads) <= {threading.main_thread().ident}

        # A Qt object in a cycle is collected, on the GUI thread, by the collector's timer.
        holder = QObject()
        holder.cycle = holder  # type: ignore[attr-defined]
        del holder
        threads.clear()
        garbage = [[n] for n in range(5_000)]  # past generation 0's threshold, kept meanwhile
        qtbot.waitUntil(lambda: bool(threads), timeout=5_000)
        del garbage
        assert set(threads) == {threading.main_thread().ident}
    finally:
        gc.callbacks.remove(seen)
        collector.stop()
        collector.deleteLater()
    assert gc.isenabled() is False  # the session's own collector still owns it
