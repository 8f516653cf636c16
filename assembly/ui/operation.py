"""The one door every change goes through (Anki's ``CollectionOp``): run a service call, show
a refusal the same way everywhere, and tell every page what changed."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.changes import Changes

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

    def run(self, parent: QWidget | None, call: Callable[[], T]) -> T | None:
        """Run ``call``; on a refusal show its message over ``parent`` and return None.

        ``call`` returns :class:`Changes`, or a tuple whose last element is one; either way
        ``changed`` is emitted with it and the whole result is returned."""
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
        changes = result[-1] if isinstance(result, tuple) else result
        if isinstance(changes, Changes):
            self.changed.emit(changes)
        return result


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
