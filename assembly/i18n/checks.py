"""What the tests (and ``python -m assembly.i18n.extract``) hold the catalogues to: every text
marked in the code has a translation, one key is used one way, placeholders match.

A development tool: the app itself never imports it (nor Babel).
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir

from assembly.i18n.extract import KEYWORDS, SOURCE


@dataclass(frozen=True)
class Marked:
    """One text marked in the code: its context, its singular (and plural) source, where."""

    context: str | None
    singular: str
    plural: str | None
    where: str

    @property
    def key(self) -> tuple[str | None, str]:
        return (self.context, self.singular)


def marked(source: Path = SOURCE) -> list[Marked]:
    """Every text the code passes to ``tr``, ``trn``, ``trc`` or ``N_``."""
    found = extract_from_dir(
        str(source),
        method_map=[("**.py", "assembly.i18n.extract:marked_texts")],
        keywords=KEYWORDS,
    )
    texts: list[Marked] = []
    for filename, lineno, message, _comments, context in found:
        if isinstance(message, tuple):
            singular, plural = str(message[0]), str(message[1])
        else:
            singular, plural = message, None
        texts.append(Marked(context, singular, plural, f"{source.name}/{filename}:{lineno}"))
    return texts


def conflicting_uses(texts: Iterable[Marked]) -> list[str]:
    """Keys the code uses two ways (once as a count, once not; or with two plural sources):
    gettext keeps one entry per key, so one of the uses would get the other's translation."""
    first: dict[tuple[str | None, str], Marked] = {}
    problems = []
    for text in texts:
        seen = first.setdefault(text.key, text)
        if seen.plural != text.plural:
            problems.append(
                f"{text.where}: {text.singular!r} is used with plural {text.plural!r}, "
                f"and at {seen.where} with {seen.plural!r}"
            )
    return problems


def placeholders(text: str) -> set[str]:
    """The ``str.format`` field names in ``text``."""
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def forms(string_: object) -> tuple[str, ...]:
    """A message's translation as a tuple of forms (one unless plural)."""
    if isinstance(string_, tuple | list):
        return tuple(str(s) for s in string_)
    return (str(string_ or ""),)


def missing(texts: Iterable[Marked], catalog: Catalog) -> list[str]:
    """The marked texts ``catalog`` has no (complete, reviewed: not fuzzy) translation for."""
    gaps = []
    for text in texts:
        message = catalog.get(text.singular, context=text.context)
        if message is None or message.fuzzy or not all(forms(message.string)):
            gaps.append(f"{text.where}: {text.singular!r}")
    return gaps


def placeholder_mismatches(catalog: Catalog) -> list[str]:
    """Entries whose translation (any plural form) names other placeholders than the source."""
    wrong = []
    for message in catalog:
        if not message.id:
            continue
        sources = forms(message.id)
        expected = placeholders(sources[0])
        for form in forms(message.string):
            if form and placeholders(form) != expected:
                wrong.append(f"{sources[0]!r} -> {form!r}")
    return wrong
