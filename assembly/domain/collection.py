"""Python's cycle collector paused while many objects are built at once.

Reading a register file or 150,000 attendees builds hundreds of thousands of containers,
none of them garbage in a cycle (reference counting frees what is dropped); the collector
would walk the growing heap again and again as they pile up (a third of a 100,000-row
import's time). The state before is restored, so in the window, where the collector is
already off and runs on the GUI thread only (``assembly/ui/collector.py``), it stays off.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collection_paused() -> Iterator[None]:
    """No automatic cycle collection for the block; as it was after."""
    was = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was:
            gc.enable()
