"""Makers of the big or binary hostile files the corpus does not keep on disk: a 10 MB cell,
1,000,000 rows, damaged XLSX, damaged databases, damaged keys and PDFs altered in each
region. Each writes into the test's temporary folder."""

from __future__ import annotations

import io
import re
import shutil
import sqlite3
import zipfile
from pathlib import Path

import openpyxl
from pyhanko.pdf_utils import generic
from pyhanko.pdf_utils.incremental_writer import IncrementalPdfFileWriter

HEADER = "No Anggota,Nama Lengkap,NIK,Jenis Kelamin,Tgl Lahir,Alamat,Tgl Masuk,Status\n"
ROW = "A-001,Siti Aminah,3171015708450001,P,17/08/1945,Jl. Merdeka 1,02/05/2001,Aktif\n"


def huge_cell_csv(folder: Path) -> Path:
    path = folder / "sel_10mb.csv"
    path.write_text(HEADER + ROW.replace("Jl. Merdeka 1", "x" * 10_000_000))
    return path


def million_rows_csv(folder: Path) -> Path:
    path = folder / "sejuta_baris.csv"
    with path.open("w") as out:
        out.write("No Anggota,Nama Lengkap,Tgl Masuk\n")
        out.writelines(f"M{i:07d},Anggota {i},02/05/2001\n" for i in range(1_000_000))
    return path


def good_xlsx() -> bytes:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(HEADER.strip().split(","))
    sheet.append(ROW.strip().split(","))
    data = io.BytesIO()
    book.save(data)
    return data.getvalue()


def truncated_xlsx(folder: Path) -> Path:
    data = good_xlsx()
    path = folder / "terpotong.xlsx"
    path.write_bytes(data[: len(data) // 2])
    return path


def _rezip(folder: Path, name: str, sheet: bytes) -> Path:
    out = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(good_xlsx())) as src,
        zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as dst,
    ):
        for item in src.infolist():
            data = src.read(item.filename)
            dst.writestr(item.filename, sheet if item.filename.endswith("sheet1.xml") else data)
    path = folder / name
    path.write_bytes(out.getvalue())
    return path


def damaged_sheet_xlsx(folder: Path) -> Path:
    """A sound zip whose worksheet XML stops in the middle of a tag."""
    return _rezip(folder, "lembar_rusak.xlsx", b'<?xml version="1.0"?><worksheet><sheetData><row')


def zip_bomb_xlsx(folder: Path) -> Path:
    """A worksheet that packs 64 MB of blanks into some 60 KB."""
    with zipfile.ZipFile(io.BytesIO(good_xlsx())) as src:
        sheet = next(src.read(n) for n in src.namelist() if n.endswith("sheet1.xml"))
    padded = sheet.replace(
        b"</sheetData>", b"<!--" + b" " * (64 * 1024 * 1024) + b"--></sheetData>"
    )
    return _rezip(folder, "bom_zip.xlsx", padded)


def foreign_database(folder: Path) -> Path:
    path = folder / "lain.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE pelanggan (id INTEGER PRIMARY KEY, nama TEXT)")
    conn.execute("INSERT INTO pelanggan (nama) VALUES ('Toko Sembako')")
    conn.commit()
    conn.close()
    return path


def newer_database(source: Path, folder: Path) -> Path:
    path = folder / "versi_baru.sqlite"
    shutil.copyfile(source, path)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
    conn.commit()
    conn.close()
    return path


def truncated_database(source: Path, folder: Path) -> Path:
    data = source.read_bytes()
    path = folder / "terpotong.sqlite"
    path.write_bytes(data[: len(data) // 2])
    return path


def scrambled_database(source: Path, folder: Path) -> Path:
    """The header intact, every page after the first two overwritten with noise."""
    data = bytearray(source.read_bytes())
    page = int.from_bytes(data[16:18], "big") or 65536
    noise = bytes((i * 131 + 7) % 256 for i in range(len(data)))
    data[2 * page :] = noise[2 * page :]
    path = folder / "teracak.sqlite"
    path.write_bytes(bytes(data))
    return path


def truncated_key(key: Path, folder: Path) -> Path:
    path = folder / "terpotong.p12"
    path.write_bytes(key.read_bytes()[:200])
    return path


def altered_pdf(signed: Path, folder: Path, region: str) -> Path:
    """``signed`` with one region changed: header, body (a page's text), xref, the signature's
    /Contents, or bytes added after the signature."""
    data = bytearray(signed.read_bytes())
    if region == "header":
        data[1:4] = b"XDF"
    elif region == "body":
        at = data.index(b"stream") + 40
        data[at] = (data[at] + 1) % 256
    elif region == "xref":
        at = data.index(b"\nxref") + 30
        data[at : at + 10] = b"9999999999"
    elif region == "contents":
        match = re.search(rb"/Contents\s*<", data)
        assert match is not None
        at = match.end() + 600
        data[at : at + 8] = b"0f0f0f0f" if data[at : at + 8] != b"0f0f0f0f" else b"abababab"
    elif region == "after-junk":
        data += b"\n% catatan tambahan\n1 0 obj\n(diubah)\nendobj\n"
    elif region == "after-update":
        # A real incremental update after the signature that writes on the page.
        writer = IncrementalPdfFileWriter(io.BytesIO(bytes(data)))
        stream = generic.StreamObject(stream_data=b"BT /F1 24 Tf 72 700 Td (PALSU) Tj ET")
        writer.add_stream_to_page(0, writer.add_object(stream))
        out = io.BytesIO()
        writer.write(out)
        data = bytearray(out.getvalue())
    elif region == "truncated":
        data = data[: len(data) // 2]
    path = folder / f"ubah_{region}.pdf"
    path.write_bytes(bytes(data))
    return path
