"""Python's cycle collector runs on the GUI thread only.

Left to itself, Python collects reference cycles in whichever thread happens to allocate
past the threshold: an import, an export or the change watcher on a worker thread. A cycle
that holds a Qt object (a closed dialog, a page's lambda) is then destroyed off the GUI
thread, and Qt crashes the whole program (a segmentation fault in the middle of a meeting,
with nothing saved since the last commit). Automatic collection is therefore switched off
while the window runs, and a timer on the GUI thread collects with the same generation
thresholds Python would use (the well-kept pattern of pyqtgraph's ``GarbageCollector``).
Plain reference counting, which frees almost everything, is not affected.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer

INTERVAL_MS = 250  # often enough that a busy worker's cycles do not pile up


class MainThreadCollector(QObject):
    """Owns the cycle collector while it lives: automatic collection off, a GUI-thread timer
    collecting by generation. ``stop()`` gives collection back to Python."""

    def __init__(self, parent: QObject | None = None, interval_ms: int = INTERVAL_MS) -> None:
        super().__init__(parent)
        self._thresholds = gc.get_threshold()
        self._was_enabled = gc.isenabled()
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.check)
        self._timer.start(interval_ms)

    def check(self) -> None:
        """Collect the generations whose counts passed Python's own thresholds (GUI thread)."""
        young, middle, old = gc.get_count()
        if young > self._thresholds[0]:
            gc.collect(0)
            if middle > self._thresholds[1]:
                gc.collect(1)
                if old > self._thresholds[2]:
                    gc.collect(2)

    def stop(self) -> None:
        """Stop the timer and let Python collect by itself again."""
        self._timer.stop()
        if self._was_enabled:
            gc.enable()
