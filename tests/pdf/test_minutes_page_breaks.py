"""Page breaks a secretary would not sign (issue 11, point 8): an agenda item's title never
ends a page without its first point under it, and the closing words stay with the
signatures; read back from the page map and the PDF (pypdf)."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from assembly.domain.cooperative import Cooperative
from assembly.domain.minutes import Clause, MinutesContent, Section, Signer
from assembly.pdf.layout import PageSetup
from assembly.pdf.minutes import write_minutes

COOP = Cooperative(
    name="Koperasi Simpan Pinjam Sejahtera Bersama",
    legal_entity_number="518/BH/XIII.12/2001",
    registration_number="3273010010001",
    address="Jl. Merdeka No. 10",
    city="Kota Bandung, Jawa Barat 40111",
)


def content(items: int, lines: int) -> MinutesContent:
    """Items whose notes run ``lines`` sentences, so titles fall at every height of a page."""
    points = tuple(
        "Pembahasan: " + " ".join(["Anggota menanyakan rincian laporan."] * lines) for _ in range(2)
    )
    return MinutesContent(
        cooperative=COOP,
        title="BERITA ACARA",
        subtitle="RAPAT ANGGOTA TAHUNAN TAHUN BUKU 2025",
        number="Nomor: 001/BA-RAT/KSP-SB/III/2026",
        meeting_title="Rapat Anggota Tahunan Tahun Buku 2025",
        opening="Pada hari ini, Sabtu, tanggal 14 (empat belas) Maret 2026, telah "
        "diselenggarakan Rapat Anggota Tahunan.",
        sections=(
            Section("I. KEHADIRAN DAN KUORUM", (Clause("Anggota terdaftar 60 orang."),)),
            Section(
                "II. ACARA DAN KEPUTUSAN",
                tuple(Clause(f"Acara nomor {n}", points) for n in range(1, items + 1)),
            ),
        ),
        closing_time="Rapat ditutup pukul 12.00 WIB.",
        closing_formula="Demikian berita acara ini dibuat dengan sebenarnya.",
        place_date="Bandung, 14 Maret 2026",
        leaders_heading="Pimpinan Rapat,",
        signers=(
            Signer("Ketua Rapat", "Bambang", "TTD_Ketua"),
            Signer("Sekretaris Rapat", "Siti", "TTD_Sekretaris"),
        ),
        witnesses_heading="Saksi-saksi,",
        witnesses=(),
        audit_hash="0" * 64,
        day=dt.date(2026, 3, 14),
    )


def test_no_item_title_is_stranded_at_the_foot_of_a_page() -> None:
    for lines in (1, 2, 3, 5):
        page_map: dict[str, int] = {}
        out = io.BytesIO()
        write_minutes(out, content(24, lines), PageSetup(), page_map=page_map, invariant=True)
        for n in range(1, 25):
            assert page_map[f"II.{n}"] == page_map[f"II.{n}.a"], (lines, n)
        pages = [re.sub(r"\s+", " ", p.extract_text()) for p in PdfReader(out).pages]
        last = pages[-1]
        assert "Rapat ditutup pukul 12.00 WIB." in last and "( Bambang )" in last
        assert "Demikian berita acara ini dibuat dengan sebenarnya." in last
