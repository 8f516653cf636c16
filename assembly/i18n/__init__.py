"""One translation mechanism for the screens, the error messages and the documents: GNU gettext.

Indonesian is the source language: code writes user-facing text in Indonesian through
:func:`tr`, and each other language is a gettext catalogue from that text to its translation
(``assembly/i18n/locale/en.po``, compiled to ``en.mo``; ``python -m assembly.i18n.extract``
updates it from the code). Text a catalogue lacks falls back to Indonesian, so nothing is ever
blank. Placeholders use ``str.format`` names: ``tr("Anggota {number} tidak ditemukan",
number="A-1")``. Counts go through :func:`trn` (gettext's ngettext), and an Indonesian word with
two meanings through :func:`trc` (a msgctxt).

The screens' language is process-wide, like Qt's installed translator; the domain never reads
it: documents take an explicit :class:`Translator`, and domain values carry their Indonesian
source text marked with :func:`N_`, translated where they are shown.
"""

from __future__ import annotations

import gettext
import logging
from dataclasses import dataclass
from functools import cache
from pathlib import Path

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
SOURCE_LANGUAGE = "id"
LOCALE = Path(__file__).resolve().parent / "locale"

_log = logging.getLogger(__name__)


@cache
def catalogue(name: str) -> gettext.NullTranslations:
    """The compiled catalogue ``locale/<name>.mo`` ('en', or 'qt-id' for Qt's own texts).

    A missing file (a source checkout never set up) leaves the source text, with a log line."""
    path = LOCALE / f"{name}.mo"
    try:
        with path.open("rb") as f:
            return gettext.GNUTranslations(f)
    except FileNotFoundError:
        _log.warning("no catalogue %s: run python -m assembly.i18n.compile", path)
        return gettext.NullTranslations()


def N_(text: str, /) -> str:
    """Marks ``text`` for the catalogue without translating it: a domain value's source text,
    translated by whoever shows it (``t.tr(value.label)``)."""
    return text


@dataclass(frozen=True)
class Translator:
    """Translates Indonesian source text into one language."""

    language: str

    @property
    def _catalogue(self) -> gettext.NullTranslations:
        if self.language == SOURCE_LANGUAGE:
            return gettext.NullTranslations()
        return catalogue(self.language)

    def tr(self, text: str, /, **params: object) -> str:
        """The text in this translator's language, with ``params`` filled in."""
        translated = self._catalogue.gettext(text) if text else text
        return translated.format(**params) if params else translated

    def trc(self, context: str, text: str, /, **params: object) -> str:
        """``tr`` for a text whose meaning depends on ``context`` (a gettext msgctxt)."""
        translated = self._catalogue.pgettext(context, text)
        return translated.format(**params) if params else translated

    def trn(self, singular: str, plural: str, n: int, /, **params: object) -> str:
        """The text for a count ``n`` in this translator's language; ``{n}`` is filled in.
        Indonesian does not inflect for number, so the source forms are usually the same."""
        return self._catalogue.ngettext(singular, plural, n).format(**{"n": n, **params})

    def number(self, n: int) -> str:
        """A whole number grouped by thousands as this language writes it: "1.973" in
        Indonesian, "1,973" in English."""
        grouped = f"{n:,}"
        return grouped if self.language == "en" else grouped.replace(",", ".")


_active = Translator(SOURCE_LANGUAGE)


def set_language(language: str) -> None:
    """Make ``language`` ('id' or 'en') the language of the screens and messages."""
    global _active
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    _active = Translator(language)


def current_language() -> str:
    """The language of the screens and messages now."""
    return _active.language


def translator(language: str | None = None) -> Translator:
    """A translator for ``language``, or the active one."""
    return _active if language is None else Translator(language)


def tr(text: str, /, **params: object) -> str:
    """``text`` in the active language, with ``params`` filled in."""
    return _active.tr(text, **params)


def trc(context: str, text: str, /, **params: object) -> str:
    """``text`` with the meaning ``context`` in the active language (a gettext msgctxt)."""
    return _active.trc(context, text, **params)


def trn(singular: str, plural: str, n: int, /, **params: object) -> str:
    """The text for a count ``n`` in the active language (``{n}`` filled in):
    ``trn("{n} suara", "{n} suara", 2)`` is "2 votes" in English."""
    return _active.trn(singular, plural, n, **params)
