"""The one door every change goes through (Anki's ``CollectionOp``): run a service call, show
a refusal the same way everywhere, and tell every page what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, QThreadPool, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.changes import Changes
from assembly.services.progress import Progress
from assembly.ui.background import Background

T = TypeVar("T")


@dataclass(frozen=True)
class Refused:
    """A refusal: the service's message; nothing changed."""

    message: str


class Operations(QObject):
    """Runs service calls for the screens. ``changed`` carries the :class:`Changes` of each
    call that succeeded; pages listen to it and refresh what they show. ``refused`` carries
    the message of each refusal."""

    changed = Signal(object)
    refused = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(2)  # two cores on a village hall's laptop
        self._works: set[Background] = set()

    def run(self, parent: QWidget | None, call: Callable[[], T]) -> T | None:
        """Run ``call``; on a refusal show its message over ``parent`` and return None.

        ``call`` returns :class:`Changes`, or a typed result carrying them as ``.changes``
        (:class:`~assembly.services.changes.Done`); either way ``changed`` is emitted with
        them and the whole result is returned."""
        result = self.run_inline(call)
        if isinstance(result, Refused):
            show_refusal(parent, result.message)
            return None
        return result

    def run_inline(self, call: Callable[[], T]) -> T | Refused:
        """Run ``call`` like :meth:`run`, but return a refusal as :class:`Refused` for the
        screen to show in place: at the vote desk or the booth a message box per refused
        voter would steal the cursor from the queue, and a counting form says what is wrong
        next to the figures."""
        try:
            result = call()
        except DomainError as exc:
            self.refused.emit(exc.message)
            return Refused(exc.message)
        self._announce(result)
        return result

    def start(self, call: Callable[[Progress], object]) -> Background:
        """Run long work ``call(progress)`` on a pool thread (its own database connection).
        When it succeeds its :class:`Changes` go out on ``changed`` like a quick call's; a
        refusal goes out on ``refused`` (a cancel does not: the user asked for it)."""
        work = Background(call, self)
        self._works.add(work)
        work.succeeded.connect(self._announce)
        work.failed.connect(lambda message, cancelled: cancelled or self.refused.emit(message))
        work.ended.connect(lambda: self._works.discard(work))
        self._pool.start(work.task)
        return work

    def busy(self) -> bool:
        """Whether long work started here is still running."""
        return bool(self._works)

    def stop_work(self, msecs: int = 60_000) -> bool:
        """Cancel the long work still running and wait for it to stop (before the database
        is closed); whether it did."""
        for work in list(self._works):
            work.cancel()
        return self._pool.waitForDone(msecs)

    def _announce(self, result: object) -> None:
        changes = getattr(result, "changes", result)  # a typed result (Done...) or Changes
        if isinstance(changes, Changes):
            self.changed.emit(changes)


def show_refusal(parent: QWidget | None, message: str) -> QMessageBox:
    """Show why something was refused (window-modal, not blocking the caller)."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        tr("Tidak dapat dilakukan"),
        message,
        QMessageBox.StandardButton.Ok,
        parent,
    )
    box.setInformativeText(tr("Tidak ada yang diubah."))
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
