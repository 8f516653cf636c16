"""One translation mechanism for the screens, the error messages and the documents.

Indonesian is the source language: code writes user-facing text in Indonesian through
:func:`tr`, and each other language is a catalogue from that text to its translation. Text a
catalogue lacks falls back to Indonesian, so nothing is ever blank. Placeholders use
``str.format`` names: ``tr("Anggota {number} tidak ditemukan", number="A-1")``.

The active language is process-wide, like Qt's installed translator; documents that must be
written in a language other than the screen's take an explicit :class:`Translator`.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from assembly.i18n import en

LANGUAGES: dict[str, str] = {"id": "Bahasa Indonesia", "en": "English"}
_CATALOGUES: dict[str, Mapping[str, str]] = {"id": {}, "en": en.CATALOGUE}
# Plural entries: the Indonesian singular source text to the target language's forms
# (English: one, other).
_PLURALS: dict[str, Mapping[str, tuple[str, str]]] = {"id": {}, "en": en.PLURALS}


@dataclass(frozen=True)
class Translator:
    """Translates Indonesian source text into one language."""

    language: str

    def tr(self, text: str, /, **params: object) -> str:
        """The text in this translator's language, with ``params`` filled in."""
        translated = _CATALOGUES.get(self.language, {}).get(text, text)
        return translated.format(**params) if params else translated

    def trn(self, singular: str, plural: str, n: int, /, **params: object) -> str:
        """The text for a count ``n`` in this translator's language; ``{n}`` is filled in.
        Indonesian does not inflect for number, so the source forms are usually the same."""
        forms = _PLURALS.get(self.language, {}).get(singular)
        if forms is None:
            text = singular if n == 1 else plural
        else:
            text = forms[0] if n == 1 else forms[1]
        return text.format(n=n, **params)


_active = Translator("id")


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


def trn(singular: str, plural: str, n: int, /, **params: object) -> str:
    """The text for a count ``n`` in the active language (``{n}`` filled in):
    ``trn("{n} suara", "{n} suara", 2)`` is "2 votes" in English."""
    return _active.trn(singular, plural, n, **params)
