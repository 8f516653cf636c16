"""The fonts every Kuorum document is set in: DejaVu Sans, shipped with the app.

The TTF files live in ``resources/fonts/`` beside their licence and are loaded by a path
relative to this package, never from the system's font folders, so a document looks the same
on every computer and every glyph is embedded (as a subset) in the PDF. DejaVu covers all the
Latin text Indonesian names and addresses need (é, ü, curly quotes, dashes).
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"

REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
ITALIC = "DejaVuSans-Oblique"
FAMILY = REGULAR

_FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
}

_lock = threading.Lock()
_registered = False


def register_fonts() -> str:
    """Register the bundled faces with ReportLab (once per process); the family name.

    The family is mapped so that ``<b>`` and ``<i>`` inside a Paragraph pick the bold and
    oblique faces. There is no bold-oblique face in the bundle; ``<b><i>`` falls back to bold.
    """
    global _registered
    with _lock:
        if not _registered:
            for name, filename in _FILES.items():
                pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
            pdfmetrics.registerFontFamily(
                FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD
            )
            _registered = True
    return FAMILY
