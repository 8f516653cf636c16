"""A one-line label that fits the room it is given: a long name (a backup file with the
cooperative's name and the time in it) is cut in its middle with "…", so its start and its
end (the date and time) stay readable, and the whole text is in the tooltip. Used in the status
bar, where a long name would otherwise push the window wider than the screen."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import QLabel, QSizePolicy, QWidget

MAX_WIDTH = 460  # px asked for at most; the status bar's left keeps the database's path
MIN_WIDTH = 160  # px below which the name would say nothing


class ElidedLabel(QLabel):
    """Shows ``prefix`` whole and ``name`` elided in the middle to the label's width."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._prefix = ""
        self._name = ""
        self._whole = False
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)

    @property
    def full_text(self) -> str:
        """The text as it would read with room enough."""
        return self._prefix + self._name

    def set_parts(self, prefix: str, name: str, tooltip: str = "", *, whole: bool = False) -> None:
        """Show ``prefix`` then ``name``; the tooltip says ``tooltip`` (by default the whole
        text). ``whole``: never cut (a warning whose reason is in its middle)."""
        self._prefix, self._name, self._whole = prefix, name, whole
        self.setToolTip(tooltip or self.full_text)
        self._fit()
        self.updateGeometry()

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        wanted = self.fontMetrics().horizontalAdvance(self.full_text) + 8
        return QSize(wanted if self._whole else min(wanted, MAX_WIDTH), hint.height())

    def minimumSizeHint(self) -> QSize:
        width = self.sizeHint().width()
        return QSize(
            width if self._whole else min(width, MIN_WIDTH), super().minimumSizeHint().height()
        )

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        if self._whole:
            QLabel.setText(self, self.full_text)
            return
        metrics = self.fontMetrics()
        room = self.contentsRect().width() - metrics.horizontalAdvance(self._prefix)
        name = metrics.elidedText(self._name, Qt.TextElideMode.ElideMiddle, max(room, 0))
        if name != self._name and not name:
            name = "…"
        QLabel.setText(self, self._prefix + name)
