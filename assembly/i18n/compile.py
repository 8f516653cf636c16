"""Compiles the gettext catalogues (``assembly/i18n/locale/*.po``) into the files the app
reads: ``python -m assembly.i18n.compile``. Run by scripts/setup.sh, scripts/build.sh (before
PyInstaller) and the test session; the compiled files are not kept in the repository.

- ``en.po`` -> ``en.mo``, read with the stdlib ``gettext``;
- ``qt-<lang>.po`` (Qt's own texts; msgctxt = Qt's context) -> a Qt Linguist ``.ts`` ->
  ``qt-<lang>.qm`` with PySide6's ``lrelease``, loaded by a plain ``QTranslator``.

A development and build tool: the app itself never imports it (nor Babel).
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

LOCALE = Path(__file__).resolve().parent / "locale"
QT_PREFIX = "qt-"
# PySide6's lrelease, run through its own launcher (Linux and Windows alike).
_LRELEASE = "import sys; from PySide6.scripts.pyside_tool import lrelease; sys.exit(lrelease())"


def read(po: Path) -> Catalog:
    with po.open("rb") as f:
        return read_po(f, abort_invalid=True)


def compile_po(po: Path) -> Path:
    """Compile one gettext ``.po`` into the ``.mo`` beside it; the ``.mo``'s path."""
    catalog = read(po)
    mo = po.with_suffix(".mo")
    with mo.open("wb") as f:
        write_mo(f, catalog, use_fuzzy=False)
    return mo


def qt_ts(catalog: Catalog, language: str) -> bytes:
    """The Qt Linguist ``.ts`` of a catalogue of Qt's texts, one <context> per msgctxt."""
    root = ET.Element("TS", version="2.1", language=language)
    contexts: dict[str, ET.Element] = {}
    for message in catalog:
        if not message.id or not message.string or message.fuzzy or not message.context:
            continue
        context = contexts.get(message.context)
        if context is None:
            context = contexts[message.context] = ET.SubElement(root, "context")
            ET.SubElement(context, "name").text = message.context
        entry = ET.SubElement(context, "message")
        ET.SubElement(entry, "source").text = str(message.id)
        if "%n" in str(message.id):
            # A count ("%n byte(s)"): Qt looks it up as a numerus entry; Indonesian has one form.
            entry.set("numerus", "yes")
            translation = ET.SubElement(entry, "translation")
            ET.SubElement(translation, "numerusform").text = str(message.string)
        else:
            ET.SubElement(entry, "translation").text = str(message.string)
    body: bytes = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body


def compile_qt(po: Path) -> Path:
    """Compile a catalogue of Qt's texts into the ``.qm`` beside it; the ``.qm``'s path."""
    language = po.stem.removeprefix(QT_PREFIX)
    qm = po.with_suffix(".qm")
    with tempfile.TemporaryDirectory() as folder:
        ts = Path(folder) / f"{po.stem}.ts"
        ts.write_bytes(qt_ts(read(po), language))
        subprocess.run(
            [sys.executable, "-c", _LRELEASE, "-silent", str(ts), "-qm", str(qm)],
            check=True,
        )
    return qm


def compile_all(locale_dir: Path = LOCALE) -> list[Path]:
    """Compile every ``.po`` under ``locale_dir``; the files written."""
    done = []
    for po in sorted(locale_dir.glob("*.po")):
        done.append(compile_qt(po) if po.stem.startswith(QT_PREFIX) else compile_po(po))
    return done


if __name__ == "__main__":
    for path in compile_all():
        print(f"compiled {path}")
