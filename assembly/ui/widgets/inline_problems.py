"""Problems shown next to the field they concern, in the form itself, as the user types:
blocking errors in red, warnings (which do not block a save) in amber."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from assembly.domain.errors import Problem

ERROR_STYLE = "color: #b3261e;"
WARNING_STYLE = "color: #8a5a00;"
_MARK_SLACK = 6  # pixels a line of a problem needs beyond the label's own font


class InlineProblem(QLabel):
    """One field's problem under it; hidden while there is none."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
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
        self._keep_height()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._keep_height()

    def _keep_height(self) -> None:
        # A wrapped label's height depends on its width, which form layouts do not ask: so
        # it asks for the height of all its lines, and the window grows instead of squeezing
        # the text into the field above.
        if not self.text():
            return
        metrics = self.fontMetrics()
        width = max(self.contentsRect().width(), 1)
        text = metrics.boundingRect(0, 0, width, 1 << 20, Qt.TextFlag.TextWordWrap, self.text())
        # The ✖ and ⚠ marks come from a fallback font with taller lines than the label's.
        lines = max(1, round(text.height() / max(metrics.lineSpacing(), 1)))
        margins = self.contentsMargins()
        needed = text.height() + _MARK_SLACK * lines + margins.top() + margins.bottom()
        if needed != self.minimumHeight():
            self.setMinimumHeight(needed)

    @property
    def is_error(self) -> bool:
        """Whether a blocking error is shown."""
        return bool(self.text()) and not self.warning


def with_problem(field: QWidget) -> tuple[QWidget, InlineProblem]:
    """``field`` with an :class:`InlineProblem` under it, as one widget for a form row."""
    box = QWidget()
    # The field keeps its full height when a problem shows under it: the window grows
    # instead (a line edit's minimum is a few pixels shorter than its natural height).
    field.setMinimumHeight(field.sizeHint().height())
    layout = QVBoxLayout(box)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.setSpacing(2)
    layout.addWidget(field)
    problem = InlineProblem()
    layout.addWidget(problem)
    return box, problem
