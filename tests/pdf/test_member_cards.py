"""Member cards: the sheets carry every name and number, and the Code 128 barcode printed on
each card decodes, from the rendered page's pixels, to exactly the member number."""

from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfReader
from reportlab.graphics.barcode.code128 import _patterns
from reportlab.lib.units import mm

from assembly.domain.members import Category, Member
from assembly.pdf.layout import Paper
from assembly.pdf.member_cards import (
    CARD_HEIGHT,
    CARD_WIDTH,
    COLUMNS,
    ROWS,
    CardSheetOptions,
    member_barcode,
    member_qr,
    write_member_cards,
)

COOP = "Koperasi Simpan Pinjam Sejahtera Bersama"
NAMES = [
    "Siti Nurhaliza",
    "Bambang Sutrisno",
    "Ni Luh Putu Ayu Sukmawati",
    "I Gusti Ngurah Rai",
    "Yohanes Marthen Lamanepa",
    "Dewi Lestari",
    "Agus Salim",
    "Fransiska Xaveria Mbete",
    "Rudi Hartono",
    "Maria Goreti",
    "Ahmad Dahlan",
    "Theresia Kleden",
]


def members() -> list[Member]:
    return [
        Member(
            number=f"{i:06d}",
            name=name,
            category=Category.CANDIDATE if i == 3 else Category.MEMBER,
            joined_on=dt.date(2015, 1, 12),
        )
        for i, name in enumerate(NAMES, start=1)
    ]


def test_every_name_and_number_is_on_the_sheets() -> None:
    out = io.BytesIO()
    sheets = write_member_cards(out, COOP, members())
    reader = PdfReader(io.BytesIO(out.getvalue()))
    assert sheets == len(reader.pages) == 2
    text = "\n".join(page.extract_text() for page in reader.pages)
    for member in members():
        assert member.name in text
        assert member.number in text
    assert text.count("KARTU ANGGOTA") == len(NAMES)
    assert "Anggota sejak 12 Januari 2015" in text
    assert "Calon anggota" in text


def test_the_barcode_and_qr_code_are_built_from_the_exact_member_number() -> None:
    for number in ("000123", "KSP-SB/2019/007", "12345678901234567890"):
        code = member_barcode(number)
        assert code.value == number
        assert _decode_values(code.encoded) == number
        assert code.width <= CARD_WIDTH - 10 * mm
        qr = member_qr(number)
        assert [d.data for d in qr.dataList] == [number]
        assert qr.getModuleCount() == 21  # version 1: large modules, easy for a phone


@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="poppler's pdftoppm is needed")
def test_printed_barcodes_decode_to_the_member_numbers(tmp_path: Path) -> None:
    chosen = [
        Member(number="000001", name="Siti"),
        Member(number="2019000457", name="Bambang"),
        Member(number="KSP-77", name="Dewi"),
    ]
    pdf = tmp_path / "cards.pdf"
    write_member_cards(str(pdf), COOP, chosen, CardSheetOptions(paper=Paper.A4))
    dpi = 600
    subprocess.run(
        ["pdftoppm", "-r", str(dpi), "-gray", "-png", "-singlefile", str(pdf), str(tmp_path / "p")],
        check=True,
    )
    page = Image.open(tmp_path / "p.png").convert("L")
    px = dpi / 72  # pixels per point
    width, height = Paper.A4.size
    left = (width - COLUMNS * CARD_WIDTH) / 2
    bottom = (height - ROWS * CARD_HEIGHT) / 2
    for index, member in enumerate(chosen):
        row, column = divmod(index, COLUMNS)
        x0 = left + column * CARD_WIDTH
        y0 = bottom + (ROWS - 1 - row) * CARD_HEIGHT
        y_bars = y0 + 2.6 * mm + 5.5 * mm  # through the middle of the bars
        line_y = round((height - y_bars) * px)
        pixels = [
            page.getpixel((x, line_y))
            for x in range(round((x0 + 2) * px), round((x0 + CARD_WIDTH - 2) * px))
        ]
        assert _decode_scanline(pixels) == member.number


def _decode_scanline(pixels: list[int]) -> str:
    """Read a Code 128 symbol from one row of grey pixels, as a scanner does: run lengths,
    module widths, the pattern table, the check digit."""
    dark = [p < 128 for p in pixels]
    runs: list[int] = []
    start = dark.index(True)
    end = len(dark) - dark[::-1].index(True)
    current, length = True, 0
    for value in dark[start:end]:
        if value == current:
            length += 1
        else:
            runs.append(length)
            current, length = value, 1
    runs.append(length)
    module = sum(runs[:6]) / 11  # every symbol is 11 modules wide
    by_pattern = {pattern: value for value, pattern in _patterns.items()}
    values = []
    for i in range(0, len(runs) - 7, 6):
        widths = [max(1, min(4, round(w / module))) for w in runs[i : i + 6]]
        pattern = "".join(
            chr(ord("A" if k % 2 == 0 else "a") + w - 1) for k, w in enumerate(widths)
        )
        values.append(by_pattern[pattern])
    values.append(106)  # the stop symbol closes the runs we did not read
    return _decode_values(values)


def _decode_values(values: list[int]) -> str:
    """The text of Code 128 symbol values (start, data, check, stop), check verified."""
    start, *data, check, stop = values
    assert stop == 106
    assert (start + sum(i * v for i, v in enumerate(data, start=1))) % 103 == check
    code = {103: "A", 104: "B", 105: "C"}[start]
    text = ""
    for value in data:
        if value == 99:
            code = "C"
        elif value == 100 and code != "B":
            code = "B"
        elif value == 101 and code != "A":
            code = "A"
        elif code == "C":
            text += f"{value:02d}"
        elif code == "B":
            text += chr(value + 32)
        else:
            text += chr(value + 32) if value < 64 else chr(value - 64)
    return text
