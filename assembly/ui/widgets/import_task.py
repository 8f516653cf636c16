"""Long service work (reading and checking a register file, committing it) on a worker
thread, with progress and cancel reported back to the screen through Qt signals."""

from __future__ import annotations

import traceback
from collections.abc import Callable

from PySide6.QtCore import QObject, QRunnable, Signal

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.progress import Cancelled, Progress


class TaskSignals(QObject):
    """What a task tells the screen. Emitted on the worker thread; Qt queues them to the
    receivers' (GUI) thread."""

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(str, bool)  # message, cancelled


class Task(QRunnable):
    """Runs ``call(progress)`` once on a thread pool. ``cancel()`` asks the service to stop;
    a service that stops raises, rolls back, and the task reports ``failed`` with
    ``cancelled`` set."""

    def __init__(self, call: Callable[[Progress], object]) -> None:
        super().__init__()
        self.setAutoDelete(False)  # the dialog holds it until it reported
        self.signals = TaskSignals()
        self._call = call
        self.progress = Progress(self.signals.progress.emit)

    def cancel(self) -> None:
        """Ask the running work to stop; thread-safe."""
        self.progress.cancel.set()

    def run(self) -> None:
        """Qt calls this on a pool thread."""
        try:
            result = self._call(self.progress)
        except Cancelled as exc:
            self.signals.failed.emit(exc.message, True)
        except DomainError as exc:
            self.signals.failed.emit(exc.message, False)
        except Exception as exc:  # a bug must not die silently on a worker thread
            traceback.print_exc()
            self.signals.failed.emit(tr("Kesalahan tak terduga: {detail}", detail=exc), False)
        else:
            self.signals.finished.emit(result)
