"""The one door every change goes through (Anki's ``CollectionOp``): run a service call, show
a refusal the same way everywhere, and tell every page what changed."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QMessageBox, QWidget

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.changes import Changes
from assembly.ui.widgets.buttons import localize_message_box

T = TypeVar("T")


class Operations(QObject):
    """Runs service calls for the screens. ``changed`` carries the :class:`Changes` of each
    call that succeeded; pages listen to it and refresh what they show."""

    changed = Signal(object)
    refused = Signal(str)

    def run(self, parent: QWidget | None, call: Callable[[], T]) -> T | None:
        """Run ``call``; on a refusal show its message over ``parent`` and return None.

        ``call`` returns :class:`Changes`, or a tuple whose last element is one; either way
        ``changed`` is emitted with it and the whole result is returned."""
        try:
            result = call()
        except DomainError as exc:
            self.refused.emit(exc.message)
            show_refusal(parent, exc.message)
            return None
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
    localize_message_box(box)
    box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    box.open()
    return box
