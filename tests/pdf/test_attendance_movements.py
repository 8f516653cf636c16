"""The Daftar Hadir's departure and return columns (jam keluar / kembali), the marks on calon
and luar biasa members, and their totals given apart (DESIGN.md sections 3-4)."""

from __future__ import annotations

import datetime as dt
import io
import re

from pypdf import PdfReader

from assembly.domain.attendance import Channel
from assembly.domain.members import Category
from assembly.pdf.attendance_list import AttendanceRow, write_attendance_list
from tests.pdf.test_attendance_list import heading

ROWS = [
    AttendanceRow("0001", "Siti Nurhaliza", Channel.IN_PERSON, dt.time(8, 1)),
    AttendanceRow(
        "0002", "Bambang Sutrisno", Channel.IN_PERSON, dt.time(8, 2),
        left=(dt.time(11, 5),), returned=(dt.time(11, 42),),
    ),
    AttendanceRow(
        "0003", "Dewi Lestari", Channel.ONLINE, dt.time(8, 3),
        left=(dt.time(10, 15), dt.time(12, 3)), returned=(dt.time(10, 40),),
    ),
    AttendanceRow("0004", "Agus Salim", Channel.IN_PERSON, dt.time(8, 4),
                  category=Category.CANDIDATE, counted=False),
    AttendanceRow("0005", "Rudi Hartono", Channel.IN_PERSON, dt.time(8, 5),
                  category=Category.EXTRAORDINARY, counted=False),
]  # fmt: skip


def text() -> str:
    out = io.BytesIO()
    write_attendance_list(out, heading(), ROWS, invariant=True)
    return "\n".join(p.extract_text() for p in PdfReader(out).pages)


def test_departures_and_returns_have_their_own_columns() -> None:
    found = text()
    assert re.search(r"Jam\s+Keluar", found) and re.search(r"Jam\s+Kembali", found)
    assert re.search(r"Bambang Sutrisno\s+Langsung\s+08\.02\s+11\.05\s+11\.42", found)
    # Two departures and the return between them, each column one time a line.
    assert re.search(r"Dewi Lestari\s+Daring\s+08\.03\s+10\.15\s+12\.03\s+10\.40", found)
    assert re.search(r"Siti Nurhaliza\s+Langsung\s+08\.01\s+1\.", found)


def test_calon_and_luar_biasa_are_marked_and_totalled_apart() -> None:
    found = text()
    assert "Agus Salim [C]" in found and "Rudi Hartono [LB]" in found
    assert re.search(r"1\. Hadir langsung\s*:\s*2 orang", found)
    assert re.search(r"2\. Hadir daring\s*:\s*1 orang", found)
    assert re.search(r"Anggota yang diperhitungkan dalam kuorum\s*:\s*3 orang", found)
    assert re.search(r"Calon anggota \[C\]\s*:\s*1 orang", found)
    assert re.search(r"Anggota luar biasa \[LB\]\s*:\s*1 orang", found)
    assert re.search(r"Jumlah seluruhnya\s*:\s*5 orang", found)
    assert "Yang bertanda [C], [LB] hadir tetapi tidak diperhitungkan dalam kuorum" in found
    assert "[TS]" not in found  # no anggota without the vote came
