"""The door's asynchronous path: long work (an export, a document, the reporting pack, the
demo) runs on a pool thread with its own database connection, reports progress, can be
cancelled, and ends through the same door as a quick change (STYLE.md habits 2 and 14).

The GUI thread never waits and nothing calls ``processEvents``: the worker's signals are
queued to the screen. A cancelled service raises inside its transaction (nothing is kept) and
its files are written beside their target as ``.part`` first (nothing half-written is left).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from assembly.i18n import tr
from assembly.services.progress import Progress
from assembly.ui.widgets.import_task import Task


class Background(QObject):
    """One piece of long work. ``progressed(done, total)`` while it runs; then either
    ``succeeded(result)`` or ``failed(message, cancelled)``; ``ended`` last, either way.
    ``result`` holds the service's result once it succeeded."""

    progressed = Signal(int, int)
    succeeded = Signal(object)
    failed = Signal(str, bool)
    ended = Signal()

    def __init__(self, call: Callable[[Progress], object], parent: QObject | None = None):
        super().__init__(parent)
        self.task = Task(call)
        self.result: object = None
        self.message: str | None = None  # why it failed (or that it was cancelled)
        self.cancelled = False
        self.running = True
        self.task.signals.progress.connect(self.progressed)
        self.task.signals.finished.connect(self._succeeded)
        self.task.signals.failed.connect(self._failed)

    def cancel(self) -> None:
        """Ask the work to stop (it stops at its next step, leaving nothing behind)."""
        self.task.cancel()

    def _succeeded(self, result: object) -> None:
        self.result, self.running = result, False
        self.succeeded.emit(result)
        self.ended.emit()

    def _failed(self, message: str, cancelled: bool) -> None:
        self.message, self.cancelled, self.running = message, cancelled, False
        self.failed.emit(message, cancelled)
        self.ended.emit()


def progress_window(
    parent: QWidget, work: Background, text: str, *, cancellable: bool = True
) -> QProgressDialog:
    """A window-modal progress bar over ``parent`` for ``work`` with a Batal button (shown
    after 300 ms, so quick work does not flash); closes when the work ends."""
    dialog = QProgressDialog(text, tr("Batal") if cancellable else "", 0, 0, parent)
    if not cancellable:
        dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.WindowModal)
    dialog.setMinimumDuration(300)
    dialog.setAutoClose(False)
    dialog.setAutoReset(False)
    dialog.setValue(0)

    def progressed(done: int, total: int) -> None:
        dialog.setMaximum(max(total, 1))
        dialog.setValue(min(done, max(total, 1)))

    def ended() -> None:
        dialog.canceled.disconnect(work.cancel)  # closing the dialog emits canceled
        dialog.close()
        dialog.deleteLater()

    work.progressed.connect(progressed)
    dialog.canceled.connect(work.cancel)
    work.ended.connect(ended)
    return dialog
