"""Compiles the gettext catalogues (``assembly/i18n/locale/*.po``) into the ``.mo`` files the
app reads: ``python -m assembly.i18n.compile``. Run by scripts/setup.sh, scripts/build.sh
(before PyInstaller) and the test session; the ``.mo`` files are not kept in the repository.

A development and build tool: the app itself never imports it (nor Babel).
"""

from __future__ import annotations

from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent / "locale"


def compile_po(po: Path) -> Path:
    """Compile one ``.po`` into the ``.mo`` beside it; the ``.mo``'s path."""
    with po.open("rb") as f:
        catalog = read_po(f, abort_invalid=True)
    mo = po.with_suffix(".mo")
    with mo.open("wb") as f:
        write_mo(f, catalog, use_fuzzy=False)
    return mo


def compile_all(locale_dir: Path = LOCALE) -> list[Path]:
    """Compile every ``.po`` under ``locale_dir``; the ``.mo`` files written."""
    return [compile_po(po) for po in sorted(locale_dir.glob("*.po"))]


if __name__ == "__main__":
    for path in compile_all():
        print(f"compiled {path}")
