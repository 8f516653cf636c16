"""Progress and cancel for long work (imports, exports, the demo): the screens show a bar and
a cancel button; the command line prints a counter."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field

from assembly.domain.errors import DomainError
from assembly.i18n import tr


class Cancelled(DomainError):
    """The user cancelled; the work left nothing behind."""

    def __init__(self, *_annotation: object) -> None:
        # ReportLab re-raises an exception from inside a build as ``type(e)(annotated text)``
        # (``annotateException``): a cancel during a PDF build stays a plain cancel.
        super().__init__(tr("Dibatalkan; tidak ada yang diubah."))


def _ignore(_done: int, _total: int) -> None:
    return None


@dataclass
class Progress:
    """Reports how far long work has come and carries the user's request to cancel.

    ``report(done, total)`` may be called from a worker thread; ``cancel`` is a thread-safe
    flag the screen sets."""

    report: Callable[[int, int], None] = _ignore
    cancel: threading.Event = field(default_factory=threading.Event)

    def step(self, done: int, total: int) -> None:
        """Report progress; raises :class:`Cancelled` once the user asked to cancel."""
        if self.cancel.is_set():
            raise Cancelled()
        self.report(done, total)
