"""The door's ear in widget tests: a real :class:`ChangeWatcher` on its own thread, stopped
(and its connection closed) when the test ends."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from assembly.services.bundle import Services
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
