"""Problems shown next to the field they concern, in the form itself, as the user types:
blocking errors in red, warnings (which do not block a save) in amber."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from assembly.domain.errors import Problem

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"


class InlineProblem(QLabel):
    """One field's problem under it; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.warning = False
        self.hide()

    def show_problems(self, problems: list[Problem]) -> None:
        """Show the errors among ``problems`` (or, failing any, the warnings)."""
        errors = [p.message for p in problems if not p.warning]
        warnings = [p.message for p in problems if p.warning]
        self.warning = not errors and bool(warnings)
        shown = errors or warnings
        if not shown:
            self.clear()
            self.hide()
            return
        mark = "⚠ " if self.warning else "✖ "
        self.setText("\n".join(mark + m for m in shown))
        self.setStyleSheet(WARNING_STYLE if self.warning else ERROR_STYLE)
        self.show()

    @property
    def is_error(self) -> bool:
        """Whether a blocking error is shown."""
        return bool(self.text()) and not self.warning


def with_problem(field: QWidget) -> tuple[QWidget, InlineProblem]:
    """``field`` with an :class:`InlineProblem` under it, as one widget for a form row."""
    box = QWidget()
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    problem = InlineProblem()
    layout.addWidget(problem)
    return box, problem
