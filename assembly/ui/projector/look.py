"""The hall's look, shared by the projector and the kiosk: white text on near-black (a
projector washes out pale backgrounds; light on dark keeps the contrast highest at the back of
the hall), bright bar colours, and type sized from the window's height, never small print."""

from __future__ import annotations

from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QWidget

BACKGROUND = "#101010"
TEXT = "#ffffff"
MUTED = "#e0e0e0"  # secondary lines: still above 15:1 on the background
TRACK = "#3a3a3a"
PROGRESS = "#4db2ff"
ALERT = "#ffb4a8"  # refusals: a light red that keeps above 10:1 on the background
ROLE_COLOURS = {
    "yes": "#3ddc84",
    "no": "#ff6b6b",
    "abstain": "#c8c8c8",
    "invalid": "#9a9a9a",
    "elected": "#3ddc84",
    "candidate": "#c8c8c8",
    "tied": "#ffb74d",  # tied for the last seat: the run-off is between these
}


def _luminance(colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    q = QColor(colour)
    return 0.2126 * channel(q.red()) + 0.7152 * channel(q.green()) + 0.0722 * channel(q.blue())


def contrast_ratio(foreground: str, background: str) -> float:
    """The WCAG 2 contrast ratio of two colours (1 to 21; 7 or more is AAA for text)."""
    a, b = sorted((_luminance(foreground), _luminance(background)), reverse=True)
    return (a + 0.05) / (b + 0.05)


def hall_font(height: int, fraction: float, *, bold: bool = False) -> QFont:
    """A font whose pixel size is ``fraction`` of ``height`` (the window's), at least 18 px."""
    font = QFont()
    font.setPixelSize(max(18, round(height * fraction)))
    font.setBold(bold)
    return font


def set_hall_font(widget: QWidget, height: int, fraction: float, *, bold: bool = False) -> None:
    """Give ``widget`` :func:`hall_font`."""
    widget.setFont(hall_font(height, fraction, bold=bold))


def dark_style(selector: str) -> str:
    """The style sheet of a dark hall window named ``selector`` (its objectName)."""
    return (
        f"#{selector} {{ background: {BACKGROUND}; }}"
        f"#{selector} QLabel {{ color: {TEXT}; background: transparent; }}"
    )
