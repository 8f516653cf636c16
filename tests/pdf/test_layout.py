"""The shared page layout: letterhead, and "Halaman X dari Y" when the page count is only
known at the end (NumberedCanvas)."""

from __future__ import annotations

import datetime as dt
import io

from pypdf import PdfReader
from reportlab.platypus import Paragraph

from assembly.domain.cooperative import Cooperative
from assembly.i18n import translator
from assembly.pdf.layout import (
    DocumentInfo,
    Letterhead,
    PageSetup,
    Paper,
    build_document,
    footer,
    long_date,
    styles,
)

COOP = Cooperative(
    name="Koperasi Simpan Pinjam Sejahtera Bersama",
    legal_entity_number="518/BH/XIII.12/2001",
    registration_number="3273010010001234",
    address="Jl. Merdeka No. 10",
    city="Bandung",
)


def test_pages_counted_at_the_end_and_letterhead_drawn() -> None:
    t = translator("id")
    setup = PageSetup(paper=Paper.F4)
    body = styles(10)["body"]
    story = [Letterhead(COOP, t)] + [
        Paragraph(f"Paragraf {i}: Musyawarah untuk mufakat, “sah” — é ü ñ.", body)
        for i in range(200)
    ]
    out = io.BytesIO()
    pages = build_document(
        out,
        story,
        setup,
        DocumentInfo("Uji"),
        lambda canv, page, total: footer(canv, setup, t, page, total, "kiri"),
        invariant=True,
    )
    reader = PdfReader(out)
    assert pages == len(reader.pages) >= 3
    texts = [" ".join(p.extract_text().split()) for p in reader.pages]
    assert "KOPERASI SIMPAN PINJAM SEJAHTERA BERSAMA" in texts[0]
    assert "Badan Hukum No. 518/BH/XIII.12/2001" in texts[0]
    assert "Jl. Merdeka No. 10, Bandung" in texts[0]
    for number, text in enumerate(texts, start=1):
        assert f"Halaman {number} dari {pages}" in text
    assert "“sah” — é ü ñ" in texts[0]


def test_long_date_in_both_languages() -> None:
    day = dt.date(2026, 3, 14)
    assert long_date(day, translator("id")) == "14 Maret 2026"
    assert long_date(day, translator("en")) == "14 March 2026"
