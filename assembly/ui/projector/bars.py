"""The two painted pieces of the projector: the voting progress bar and the result bars.

Both keep what they draw as plain values (``fraction``, ``rows``) so tests read what is shown
without looking at pixels; the numbers are painted large beside each bar."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from assembly.domain.quorum import thousands
from assembly.ui.projector.content import Bar
from assembly.ui.projector.look import PROGRESS, ROLE_COLOURS, TEXT, TRACK, hall_font


class ProgressBarView(QWidget):
    """A thick bar: how many of those entitled have voted."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.voted = 0
        self.eligible = 0
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    @property
    def fraction(self) -> float:
        """The part of the bar filled (0 to 1)."""
        return min(1.0, self.voted / self.eligible) if self.eligible > 0 else 0.0

    def set_progress(self, voted: int, eligible: int) -> None:
        """Show ``voted`` of ``eligible``."""
        if (voted, eligible) != (self.voted, self.eligible):
            self.voted, self.eligible = voted, eligible
            self.update()

    def sizeHint(self) -> QSize:
        return QSize(800, 80)

    def paintEvent(self, _event: QPaintEvent) -> None:
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        rect = QRectF(self.rect())
        radius = rect.height() / 4
        painter.setBrush(QColor(TRACK))
        painter.drawRoundedRect(rect, radius, radius)
        if self.fraction > 0:
            filled = QRectF(rect.x(), rect.y(), rect.width() * self.fraction, rect.height())
            painter.setBrush(QColor(PROGRESS))
            painter.drawRoundedRect(filled, radius, radius)
        painter.end()


class ResultBars(QWidget):
    """Horizontal bars with their labels on the left and their numbers on the right, the
    longest bar for the largest number."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: tuple[Bar, ...] = ()
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)

    def set_rows(self, rows: Sequence[Bar]) -> None:
        """Show ``rows`` (in the order given)."""
        rows = tuple(rows)
        if rows != self.rows:
            self.rows = rows
            self.update()

    def texts(self) -> list[str]:
        """Each row as the hall reads it: "Setuju 412"."""
        return [f"{r.label} {thousands(r.value)}" for r in self.rows]

    def sizeHint(self) -> QSize:
        return QSize(800, 400)

    def paintEvent(self, _event: QPaintEvent) -> None:
        if not self.rows:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        window_height = self.window().height()
        slot = min(self.height() / len(self.rows), window_height * 0.11)
        font = hall_font(int(slot), 0.5, bold=True)
        widest = max(QFontMetrics(font).horizontalAdvance(r.label) for r in self.rows)
        room = self.width() * 0.42
        if widest > room:  # long names: smaller type, but never below the hall's minimum
            smaller = max(window_height * 0.035, font.pixelSize() * room / widest)
            font.setPixelSize(round(smaller))
        painter.setFont(font)
        metrics = QFontMetrics(font)
        # A few pixels of slack: the advance of bold text rounds down, and elidedText then
        # cuts a label that fits ("Tidak setu…").
        label_width = max(metrics.horizontalAdvance(r.label) for r in self.rows) + 4
        label_width = min(label_width, int(room))
        number_width = max(metrics.horizontalAdvance(thousands(r.value)) for r in self.rows)
        gap = metrics.horizontalAdvance("  ")
        bar_left = label_width + gap
        bar_room = max(1.0, self.width() - bar_left - gap - number_width)
        top = max(0.0, (self.height() - slot * len(self.rows)) / 2)
        largest = max((r.value for r in self.rows), default=0) or 1
        for index, row in enumerate(self.rows):
            y = top + index * slot
            thickness = slot * 0.7
            text_box = QRectF(0, y, label_width, slot)
            painter.setPen(QColor(TEXT))
            label = metrics.elidedText(row.label, Qt.TextElideMode.ElideRight, label_width)
            painter.drawText(text_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             label)  # fmt: skip
            length = bar_room * row.value / largest
            bar = QRectF(bar_left, y + (slot - thickness) / 2, length, thickness)
            if row.value > 0:
                painter.setPen(Qt.PenStyle.NoPen)
                painter.setBrush(QColor(ROLE_COLOURS[row.role]))
                painter.drawRoundedRect(bar, thickness / 6, thickness / 6)
            painter.setPen(QColor(TEXT))
            number_box = QRectF(bar.right() + gap, y, number_width + gap, slot)
            painter.drawText(number_box, Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft,
                             thousands(row.value))  # fmt: skip
        painter.end()
