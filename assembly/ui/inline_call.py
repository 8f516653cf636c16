"""Service calls whose refusal is shown inline, in the form the user is typing in, instead of
in a message box: at the vote desk a box per refused voter would steal the cursor from the
queue, and a counting form should say what is wrong next to the figures.

The call still goes through :meth:`Operations.run` (so ``changed`` is emitted on success); a
refusal comes back as a :class:`Refused` value, and is announced on ``Operations.refused``."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtWidgets import QWidget

from assembly.domain.errors import DomainError
from assembly.ui.operation import Operations

T = TypeVar("T")


@dataclass(frozen=True)
class Refused:
    """A refusal: the service's message, nothing changed."""

    message: str


def run_inline(
    operations: Operations, parent: QWidget, call: Callable[[], T]
) -> T | Refused | None:
    """Run ``call`` through ``operations``; a domain refusal is returned as :class:`Refused`
    rather than shown in a box."""

    def guarded() -> T | Refused:
        try:
            return call()
        except DomainError as exc:
            return Refused(exc.message)

    result = operations.run(parent, guarded)
    if isinstance(result, Refused):
        operations.refused.emit(result.message)
    return result
