"""One translation mechanism: every text the code passes to ``tr`` has an English entry with
the same placeholders, and switching language switches the text."""

from __future__ import annotations

import ast
import string
from pathlib import Path

from assembly.i18n import en, set_language, tr, translator

ROOT = Path(__file__).resolve().parents[2] / "assembly"


def source_texts() -> dict[str, str]:
    """Every literal passed to ``tr(...)`` or ``<translator>.tr(...)``, with where it stands."""
    found: dict[str, str] = {}
    for path in sorted(ROOT.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and node.args):
                continue
            func = node.func
            name = func.id if isinstance(func, ast.Name) else getattr(func, "attr", "")
            first = node.args[0]
            if name == "tr" and isinstance(first, ast.Constant) and isinstance(first.value, str):
                found.setdefault(first.value, f"{path.relative_to(ROOT.parent)}:{node.lineno}")
    return found


def placeholders(text: str) -> set[str]:
    return {name for _lit, name, _spec, _conv in string.Formatter().parse(text) if name}


def test_every_text_has_an_english_entry() -> None:
    missing = {t: where for t, where in source_texts().items() if t not in en.CATALOGUE}
    assert not missing, "no English for:\n" + "\n".join(f"{w}: {t!r}" for t, w in missing.items())


def test_english_keeps_the_placeholders() -> None:
    wrong = [t for t, e in en.CATALOGUE.items() if placeholders(t) != placeholders(e)]
    assert not wrong


def test_switching_language_switches_messages_and_back() -> None:
    assert tr("baris {row}", row=3) == "baris 3"
    set_language("en")
    assert tr("baris {row}", row=3) == "row 3"
    set_language("id")
    assert translator("en").tr("kolom {column}", column="NIK") == "column NIK"
    assert tr("kolom {column}", column="NIK") == "kolom NIK"


def test_a_count_takes_the_english_plural_and_stays_uninflected_in_indonesian() -> None:
    from assembly.i18n import en, set_language, trn

    en.PLURALS.setdefault("{n} suara", ("{n} vote", "{n} votes"))
    try:
        assert trn("{n} suara", "{n} suara", 1) == "1 suara"
        assert trn("{n} suara", "{n} suara", 3) == "3 suara"
        set_language("en")
        assert trn("{n} suara", "{n} suara", 1) == "1 vote"
        assert trn("{n} suara", "{n} suara", 3) == "3 votes"
    finally:
        set_language("id")
        en.PLURALS.pop("{n} suara", None)
