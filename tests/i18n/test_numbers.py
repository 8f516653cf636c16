"""Numbers in a document are grouped as the document's language writes them: "1.973" in an
Indonesian berita acara, "1,973" in an English one (issue 11 point 9), whatever the screen's
language is."""

from __future__ import annotations

from pathlib import Path

from assembly.i18n import set_language, translator

PDF = Path(__file__).resolve().parents[2] / "assembly" / "pdf"


def test_each_language_groups_thousands_its_own_way() -> None:
    assert translator("id").number(1973) == "1.973"
    assert translator("en").number(1973) == "1,973"
    assert translator("en").number(149_412) == "149,412"
    assert translator("id").number(7) == "7"


def test_the_documents_language_not_the_screens_decides() -> None:
    set_language("en")
    assert translator("id").number(300_000) == "300.000"
    set_language("id")
    assert translator("en").number(300_000) == "300,000"


def test_no_document_groups_numbers_the_indonesian_way_regardless() -> None:
    """The PDF code groups through its translator only: a hard-wired "." between thousands
    put "In favour 1.973" and "Page 1.234 of 8.504" into the English berita acara."""
    hard_wired = [
        f"{path.name}:{n}"
        for path in sorted(PDF.glob("*.py"))
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if 'replace(",", ".")' in line or "quorum import thousands" in line
    ]
    assert hard_wired == []
