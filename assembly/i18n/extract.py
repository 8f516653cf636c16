"""One command keeps the translation catalogues in step with the code:
``python -m assembly.i18n.extract`` (or ``scripts/i18n.sh``).

1. Folds every leftover dictionary catalogue ``assembly/i18n/en/<part>.py`` (the way English
   entries were added before the gettext catalogues: ``CATALOGUE = {...}`` and optionally
   ``PLURALS = {...}``) into ``en.po``, then deletes the module. An entry that disagrees with
   ``en.po`` is reported and ``en.po`` keeps its own.
2. Extracts every text the code passes to ``tr``, ``trn``, ``trc`` and ``N_`` into the template
   ``kuorum.pot`` (Indonesian is the source language).
3. Updates ``en.po`` from the template: new texts arrive untranslated, texts gone from the
   code are dropped.
4. Compiles the ``.mo`` files the app reads (:mod:`assembly.i18n.compile`).

A development and build tool: the app itself never imports it (nor Babel).
"""

from __future__ import annotations

import ast
import datetime as dt
import shutil
import sys
from collections.abc import Collection, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from babel.messages.catalog import Catalog
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po, write_po

from assembly.i18n.compile import LOCALE, compile_all

PACKAGE = Path(__file__).resolve().parent
SOURCE = PACKAGE.parent  # the assembly package
LEFTOVERS = PACKAGE / "en"  # the old dictionary catalogues, folded and deleted
TEMPLATE = LOCALE / "kuorum.pot"
ENGLISH = LOCALE / "en.po"
# tr(text), trn(singular, plural, n), trc(context, text), N_(text): a text marked for later.
KEYWORDS: dict[str, tuple[int | tuple[int, str], ...] | None] = {
    "tr": None,
    "trn": (1, 2),
    "trc": ((1, "c"), 2),
    "N_": None,
}
PROJECT = "Kuorum"
TRANSLATOR = "Kuorum <kuorum@localhost>"


@dataclass
class Report:
    """What one run did: the modules folded and the entries that disagreed."""

    folded: list[str] = field(default_factory=list)
    conflicts: list[str] = field(default_factory=list)
    new: int = 0
    dropped: list[str] = field(default_factory=list)


def read_leftover(path: Path) -> tuple[dict[str, str], dict[str, tuple[str, str]]]:
    """The ``CATALOGUE`` and ``PLURALS`` dicts of a dictionary module, read without running it."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: dict[str, object] = {}
    for node in tree.body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1:
            target, value = node.targets[0], node.value
        elif isinstance(node, ast.AnnAssign) and node.value is not None:
            target, value = node.target, node.value
        else:
            continue
        if isinstance(target, ast.Name) and target.id in ("CATALOGUE", "PLURALS"):
            found[target.id] = ast.literal_eval(value)
    catalogue = found.get("CATALOGUE", {})
    plurals = found.get("PLURALS", {})
    if not isinstance(catalogue, dict) or not isinstance(plurals, dict):
        raise ValueError(f"{path}: CATALOGUE and PLURALS must be dict literals")
    return (
        {str(k): str(v) for k, v in catalogue.items()},
        {str(k): (str(v[0]), str(v[1])) for k, v in plurals.items()},
    )


def leftover_modules(folder: Path = LEFTOVERS) -> Iterator[Path]:
    """The dictionary modules still waiting to be folded."""
    if folder.is_dir():
        yield from sorted(p for p in folder.glob("*.py") if p.name != "__init__.py")


def fold(catalog: Catalog, folder: Path, report: Report) -> None:
    """Fold the dictionary modules under ``folder`` into ``catalog``; delete them and the folder."""
    modules = list(leftover_modules(folder))
    for path in modules:
        texts, plurals = read_leftover(path)
        for source, english in texts.items():
            message = catalog.get(source)
            if message is None:
                catalog.add(source, english)
            elif not message.string:
                message.string = english
            elif message.string != english:
                report.conflicts.append(
                    f"{path.name}: {source!r} -> {english!r}; en.po keeps {message.string!r}"
                )
        for singular, forms in plurals.items():
            message = catalog.get(singular)  # gettext keys a plural entry by its singular
            if message is None:
                # The Indonesian plural is the singular: Indonesian does not inflect for number.
                catalog.add((singular, singular), forms)
            elif not _translated(message.string):
                message.string = forms
            elif _forms(message.string) != forms:
                report.conflicts.append(
                    f"{path.name}: {singular!r} -> {forms!r}; en.po keeps {message.string!r}"
                )
        report.folded.append(path.name)
    if folder.is_dir():
        shutil.rmtree(folder)  # the modules and the package that merged them


def marked_texts(
    fileobj: IO[bytes],
    keywords: Mapping[str, object],
    comment_tags: Collection[str],
    options: Mapping[str, object],
) -> Iterator[tuple[int, str, tuple[str | None, ...], list[str]]]:
    """Babel extraction method reading the syntax tree: every call ``tr(...)``,
    ``t.tr(...)``, ``trn``, ``trc`` or ``N_`` with its literal arguments, however deeply
    nested (Babel's token reader misses a call inside another call's keyword argument).
    A non-literal argument is ``None``, which Babel skips."""
    tree = ast.parse(fileobj.read())
    for node in ast.walk(tree):
        if not isinstance(node, ast.Call):
            continue
        func = node.func
        name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
        if name not in keywords or not node.args:
            continue
        texts = tuple(
            arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
            for arg in node.args
        )
        yield node.lineno, name, texts, []


def template(source: Path = SOURCE) -> Catalog:
    """Every text the code marks for translation, Indonesian as the source."""
    catalog = Catalog(project=PROJECT, fuzzy=False, msgid_bugs_address=TRANSLATOR)
    found = extract_from_dir(
        str(source),
        method_map=[("**.py", "assembly.i18n.extract:marked_texts")],
        keywords=KEYWORDS,
        comment_tags=("i18n:",),
        strip_comment_tags=True,
    )
    for filename, lineno, message, comments, context in found:
        where = (str(Path(source.name) / filename), lineno)
        catalog.add(message, None, [where], auto_comments=comments, context=context)
    return catalog


def load(path: Path, locale: str) -> Catalog:
    """The catalogue at ``path``, or a new empty one for ``locale``."""
    if not path.exists():
        return Catalog(
            locale=locale,
            project=PROJECT,
            fuzzy=False,
            header_comment=f"# {PROJECT}: Indonesian source text -> {locale}.\n#",
        )
    with path.open("rb") as f:
        return read_po(f, locale=locale)


def save(catalog: Catalog, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("wb") as f:
        # Locations without line numbers: a catalogue does not change each time code moves.
        write_po(
            f, catalog, width=100, ignore_obsolete=True, sort_output=True, include_lineno=False
        )


def run(source: Path = SOURCE, locale_dir: Path = LOCALE, leftovers: Path = LEFTOVERS) -> Report:
    """Fold, extract, update and compile; what was done."""
    report = Report()
    english_path = locale_dir / "en.po"
    english = load(english_path, "en")
    fold(english, leftovers, report)
    pot = template(source)
    before = {(str(m.id), m.context) for m in english if m.id}
    english.update(pot, no_fuzzy_matching=True, update_creation_date=False)
    after = {(str(m.id), m.context) for m in english if m.id}
    report.new = len(after - before)
    report.dropped = sorted(str(m.id) for m in english.obsolete.values())
    english.last_translator = TRANSLATOR
    english.language_team = TRANSLATOR
    english.msgid_bugs_address = TRANSLATOR
    if report.folded or report.new or report.dropped or "YEAR" in str(english.revision_date):
        english.revision_date = dt.datetime.now(dt.UTC)
    save(pot, locale_dir / "kuorum.pot")
    save(english, english_path)
    compile_all(locale_dir)
    return report


def main() -> int:
    report = run()
    for name in report.folded:
        print(f"folded and deleted assembly/i18n/en/{name}")
    for line in report.conflicts:
        print(f"conflict: {line}", file=sys.stderr)
    untranslated = [
        str(m.id) for m in load(ENGLISH, "en") if m.id and (m.fuzzy or not _translated(m.string))
    ]
    for text in report.dropped:
        print(f"dropped (no longer in the code): {text!r}")
    for text in untranslated:
        print(f"untranslated or fuzzy (translate, or check and drop the fuzzy flag): {text!r}")
    print(
        f"en.po: {report.new} new, {len(report.dropped)} dropped, {len(untranslated)} untranslated"
    )
    return 0


def _forms(string: object) -> tuple[str, ...]:
    if isinstance(string, tuple | list):
        return tuple(str(s) for s in string)
    return (str(string or ""),)


def _translated(string: object) -> bool:
    return all(_forms(string))


if __name__ == "__main__":
    raise SystemExit(main())
