"""The door's ear: what other windows and desks commit reaches every page through the same
``changed`` signal as this window's own changes (STYLE.md habit 14, DESIGN.md section 9).

A :class:`ChangeWatcher` waits on its own thread, with its own database connection, for the
listener (``PRAGMA data_version`` and the change log on SQLite, ``LISTEN`` on PostgreSQL); each
thing it hears crosses to the GUI thread as a queued signal. No page polls on a timer. When the
host's server goes away the listener connects again by itself; the watcher says so
(:attr:`ChangeWatcher.link_lost`) and, once back, every page refreshes.
"""

from __future__ import annotations

import threading

from PySide6.QtCore import QThread, Signal

from assembly.services.live import LiveChanges
from assembly.ui.operation import Operations

WAIT_S = 0.5  # how long one wait lasts before the thread looks whether it should stop
# After telling the pages, the next news waits this long and comes as one: six desks scanning
# at once refresh the projector and the console at most four times a second, not per scan.
GATHER_S = 0.25


class ChangeWatcher(QThread):
    """Feeds :attr:`Operations.changed` with what others committed, until :meth:`stop`."""

    heard = Signal(object)
    # True when the listener lost the host's connection, False when it has it back (the
    # desk's banner shows and goes at once, without waiting for its next check).
    link_lost = Signal(bool)

    def __init__(self, live: LiveChanges, operations: Operations) -> None:
        super().__init__()
        self._live = live
        self._stopping = threading.Event()
        self.heard.connect(operations.changed)  # queued: emitted on the watcher's thread

    def run(self) -> None:
        lost = False
        try:
            while not self._stopping.is_set():
                changes = self._live.wait(WAIT_S)
                if self._live.lost != lost:
                    lost = self._live.lost
                    self.link_lost.emit(lost)
                if changes is not None and not self._stopping.is_set():
                    self.heard.emit(changes)
                    self._stopping.wait(GATHER_S)
        finally:
            self._live.release()

    def stop(self) -> None:
        """Stop listening and wait for the thread to end (its connection is then closed)."""
        self._stopping.set()
        self._live.stop()
        self.wait()
