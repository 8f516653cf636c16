"""The Buku Daftar Anggota PDF, parsed back with pypdf: letterhead, rows, page numbers,
embedded fonts, and the same bytes for the same input."""

from __future__ import annotations

import datetime as dt
import io
import random
from dataclasses import replace

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm

from assembly.domain.members import Member, Sex, Status
from assembly.pdf.layout import Paper
from assembly.pdf.register_book import REGISTER_SETUP, RegisterBook, write_register_book
from assembly.services.demo import DEMO_COOPERATIVE, LAST_JOIN, SEED, DemoRegister

PRINTED = dt.date(2026, 3, 14)


def demo_members(count: int) -> list[Member]:
    return DemoRegister(random.Random(SEED), count, LAST_JOIN).members(0, count)


def build(members: list[Member], **book: object) -> tuple[bytes, int]:
    out = io.BytesIO()
    pages = write_register_book(
        out,
        RegisterBook(DEMO_COOPERATIVE, PRINTED, len(members), **book),  # type: ignore[arg-type]
        members,
        invariant=True,
    )
    return out.getvalue(), pages


def flat(text: str) -> str:
    return " ".join(text.split())


def test_rows_letterhead_and_page_numbers() -> None:
    members = demo_members(120)
    data, pages = build(members)
    reader = PdfReader(io.BytesIO(data))
    assert len(reader.pages) == pages > 1
    texts = [flat(page.extract_text()) for page in reader.pages]
    first, last = texts[0], texts[-1]
    assert "KOPERASI SIMPAN PINJAM SIDO MAKMUR" in first
    assert "Badan Hukum No. 1465/BH/XIV/1985" in first
    assert "Jl. Kaliurang Km 7,5 No. 12" in first
    assert "BUKU DAFTAR ANGGOTA" in first
    assert "Keadaan pada 14 Maret 2026 · 120 anggota tercatat" in first
    assert f"Halaman 1 dari {pages}" in first
    assert f"Halaman {pages} dari {pages}" in last
    for column in ("Nomor Anggota", "NIK", "L/P", "Alamat", "Tanda Tangan"):
        assert column in first
    everything = " ".join(texts)
    for member in members:
        assert member.number in everything
        if member.nik:
            assert member.nik in everything
    assert members[0].name in first
    assert members[-1].name in last
    # From the second page on, a running header instead of the letterhead.
    assert "Buku Daftar Anggota" in texts[1] and "BUKU DAFTAR ANGGOTA" not in texts[1]


def test_every_font_is_embedded_and_none_is_helvetica() -> None:
    data, _pages = build(demo_members(40))
    reader = PdfReader(io.BytesIO(data))
    seen = set()
    for page in reader.pages:
        fonts = page["/Resources"]["/Font"]
        for ref in fonts.values():
            font = ref.get_object()
            seen.add(str(font["/BaseFont"]))
            descriptor = font["/FontDescriptor"].get_object()
            assert "/FontFile2" in descriptor, font["/BaseFont"]
    assert seen and all("DejaVuSans" in name for name in seen)
    assert not any("Helvetica" in name for name in seen)


def test_invariant_output_is_the_same_bytes_twice() -> None:
    members = demo_members(60)
    assert build(members)[0] == build(members)[0]


def test_page_count_is_known_in_advance_and_exact() -> None:
    """Fixed row heights: every page but the last is full, and no page is left over."""
    for count in (1, 16, 17, 40, 200):
        members = demo_members(count)
        data, pages = build(members)
        assert len(PdfReader(io.BytesIO(data)).pages) == pages


def test_ended_memberships_show_their_date_and_reason() -> None:
    member = Member(
        "KSP-000001",
        "Sutrisno Wibowo",
        sex=Sex.MALE,
        joined_on=dt.date(1990, 1, 5),
        status=Status.RESIGNED,
        exit_date=dt.date(2019, 5, 2),
        exit_reason="Pindah domisili ke luar daerah",
    )
    text = flat(PdfReader(io.BytesIO(build([member])[0])).pages[0].extract_text())
    assert "05-01-1990" in text
    assert "Keluar" in text
    assert "02-05-2019" in text
    assert "Pindah domisili" in text


def test_long_text_is_cut_with_an_ellipsis_not_spilled() -> None:
    long_name = "Fransiskus Xaverius " * 6 + "Lewar"
    long_address = "Jl. Kaliurang Km 9 No. 23, " * 8 + "Sleman"
    member = Member("KSP-000001", long_name.strip(), address=long_address)
    text = PdfReader(io.BytesIO(build([member])[0])).pages[0].extract_text()
    assert text.count("…") >= 2
    assert "Lewar" not in text


def test_empty_register_is_one_page_that_says_so() -> None:
    data, pages = build([])
    reader = PdfReader(io.BytesIO(data))
    assert pages == len(reader.pages) == 1
    text = flat(reader.pages[0].extract_text())
    assert "Buku daftar anggota masih kosong." in text
    assert "Halaman 1 dari 1" in text


def test_f4_paper_and_english() -> None:
    setup = replace(REGISTER_SETUP, paper=Paper.F4)
    data, _pages = build(demo_members(30), setup=setup, language="en")
    page = PdfReader(io.BytesIO(data)).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert width == pytest.approx(330 * mm, abs=0.5) and height == pytest.approx(215 * mm, abs=0.5)
    text = flat(page.extract_text())
    assert "MEMBER REGISTER" in text
    assert "Page 1 of" in text
    assert "As of 14 March 2026" in text


def test_a_cancel_from_the_progress_callback_stops_the_book() -> None:
    class Stop(Exception):
        pass

    def stop(_done: int) -> None:
        raise Stop

    members = demo_members(100)
    with pytest.raises(Stop):
        write_register_book(
            io.BytesIO(),
            RegisterBook(DEMO_COOPERATIVE, PRINTED, len(members)),
            members,
            on_rows=stop,
        )
