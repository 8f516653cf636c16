"""The Daftar Hadir parsed back: every attendee, pages numbered "Halaman X dari Y", the
totals by channel, embedded fonts, and identical bytes for identical input."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from assembly.domain.attendance import Channel
from assembly.domain.cooperative import Cooperative
from assembly.pdf.attendance_list import (
    AttendanceHeading,
    AttendanceRow,
    Signatory,
    write_attendance_list,
)
from assembly.pdf.layout import PageSetup, Paper

COOP = Cooperative(
    name="Koperasi Simpan Pinjam Sejahtera Bersama",
    legal_entity_number="518/BH/XIII.12/2001",
    address="Jl. Merdeka No. 10",
    city="Bandung",
)
FIRST = ["Siti", "Bambang", "Ni Luh Putu", "Yohanes", "Dewi", "Agus", "Fransiska", "Rudi"]
LAST = ["Nurhaliza", "Sutrisno", "Sukmawati", "Lamanepa", "Lestari", "Salim", "Mbete", "Hartono"]


def heading(**changes: object) -> AttendanceHeading:
    values: dict[str, object] = {
        "cooperative": COOP,
        "meeting_title": "Rapat Anggota Tahunan",
        "financial_year": 2025,
        "day": dt.date(2026, 3, 14),
        "start": dt.time(9, 0),
        "venue": "Aula Koperasi, Jl. Merdeka No. 10, Bandung",
        "signatories": (Signatory("Ketua Rapat", "Bambang Sutrisno"),),
    }
    values.update(changes)
    return AttendanceHeading(**values)  # type: ignore[arg-type]


def rows(count: int) -> list[AttendanceRow]:
    channels = [Channel.IN_PERSON, Channel.IN_PERSON, Channel.ONLINE, Channel.PROXY]
    return [
        AttendanceRow(
            number=f"{i:06d}",
            name=f"{FIRST[i % 8]} {LAST[(i // 8) % 8]} {i}",
            channel=channels[i % 4],
            arrived=dt.time(8, i % 60),
            proxy_holder="000009" if i % 4 == 3 else "",
        )
        for i in range(1, count + 1)
    ]


def render(count: int, **changes: object) -> bytes:
    out = io.BytesIO()
    write_attendance_list(out, heading(**changes), rows(count), invariant=True)
    return out.getvalue()


def test_every_attendee_and_the_totals_are_in_the_pdf() -> None:
    data = render(400)
    reader = PdfReader(io.BytesIO(data))
    pages = [page.extract_text() for page in reader.pages]
    total = len(pages)
    assert total > 10
    text = "\n".join(pages)
    for row in rows(400):
        assert row.number in text
        assert row.name in text
    for number, page in enumerate(pages, start=1):
        assert f"Halaman {number} dari {total}" in page
    first = pages[0]
    assert "DAFTAR HADIR" in first
    assert "RAPAT ANGGOTA TAHUNAN TAHUN BUKU 2025" in first
    assert "Sabtu, 14 Maret 2026" in first
    assert "09.00 WIB" in first
    assert "Aula Koperasi" in first
    assert "08.01" in first  # arrival as "jam.menit"
    # Every page repeats the column headings.
    assert all("Tanda Tangan" in page and "Kehadiran" in page for page in pages[:-1])
    last = pages[-1]
    assert re.search(r"Hadir langsung\s*:\s*200 orang", last)
    assert re.search(r"Hadir daring\s*:\s*100 orang", last)
    assert re.search(r"Diwakili dengan surat kuasa\s*:\s*100 orang", last)
    assert re.search(r"Jumlah seluruhnya\s*:\s*400 orang", last)
    assert "Bambang Sutrisno" in last and "Bandung, 14 Maret 2026" in last


def test_signature_places_alternate_left_and_right() -> None:
    reader = PdfReader(io.BytesIO(render(6)))
    positions: dict[str, float] = {}

    def visit(text: str, _cm: object, tm: list[float], _font: object, _size: object) -> None:
        found = re.fullmatch(r"(\d)\. \.+", text.strip())
        if found:
            positions[found.group(1)] = tm[4]

    reader.pages[0].extract_text(visitor_text=visit)
    assert set(positions) == {"1", "2", "3", "4", "5", "6"}
    lefts = {positions[n] for n in "135"}
    rights = {positions[n] for n in "246"}
    assert len(lefts) == len(rights) == 1
    assert min(rights) > max(lefts) + 50


def test_every_font_is_embedded() -> None:
    reader = PdfReader(io.BytesIO(render(40)))
    seen = 0
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            descriptor = font.get("/FontDescriptor")
            if descriptor is None:  # a Type0 font: the descriptor sits on its descendant
                descriptor = font["/DescendantFonts"][0].get_object()["/FontDescriptor"]
            assert "/FontFile2" in descriptor.get_object(), font["/BaseFont"]
            seen += 1
    assert seen


def test_invariant_output_is_byte_identical() -> None:
    assert render(120) == render(120)


def test_an_empty_list_and_f4_paper_still_make_a_document() -> None:
    reader = PdfReader(io.BytesIO(render(0, setup=PageSetup(paper=Paper.F4))))
    text = reader.pages[0].extract_text()
    assert "Belum ada anggota yang hadir" in text
    assert re.search(r"Jumlah seluruhnya\s*:\s*0 orang", text)
    assert round(float(reader.pages[0].mediabox.height)) == round(Paper.F4.size[1])


def test_english_labels() -> None:
    text = PdfReader(io.BytesIO(render(4, language="en"))).pages[0].extract_text()
    assert "ATTENDANCE LIST" in text
    assert "Saturday, 14 March 2026" in text
    assert "Page 1 of 1" in text


def test_the_page_count_is_right_whether_or_not_the_summary_fits_under_the_last_row() -> None:
    # Around the first page's capacity (and a full second page) the summary moves to a page
    # of its own; "dari Y" must count it, and no page may be left blank.
    for count in (*range(20, 30), *range(50, 62)):
        out = io.BytesIO()
        pages = write_attendance_list(out, heading(), rows(count), invariant=True)
        reader = PdfReader(io.BytesIO(out.getvalue()))
        assert pages == len(reader.pages), count
        last = reader.pages[-1].extract_text()
        assert f"Halaman {pages} dari {pages}" in last
        assert "Jumlah seluruhnya" in last
        for page in reader.pages:
            assert (
                "Tanda Tangan" in page.extract_text() or "Jumlah seluruhnya" in page.extract_text()
            )
