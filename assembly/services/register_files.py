"""Reading the files cooperatives keep their registers in: CSV in any of the encodings and
delimiters Excel writes, and XLSX through openpyxl, as plain rows of cells."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import cast

import openpyxl
from openpyxl.utils.exceptions import InvalidFileException

from assembly.domain.errors import DomainError
from assembly.domain.register_import import detect_header
from assembly.i18n import tr

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_DELIMITERS = (",", ";", "\t", "|")


@dataclass
class Table:
    """A file's rows as read, with how they were read (for the preview's header line)."""

    rows: list[list[object]]
    kind: str
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""


def read_bytes(path: Path) -> bytes:
    """The file's bytes, or a DomainError saying why it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise DomainError(
            tr("Berkas {path} tidak dapat dibaca: {detail}", path=path, detail=exc.strerror)
        ) from exc


def read_table(path: Path, data: bytes) -> Table:
    """The rows of a CSV or XLSX file as cells; an old .xls is refused with what to do."""
    suffix = path.suffix.casefold()
    if suffix in XLSX_SUFFIXES or data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, data)
    if suffix == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DomainError(
            tr(
                "Berkas {name} berformat Excel lama (.xls). Simpan ulang sebagai .xlsx atau "
                "CSV, lalu impor lagi.",
                name=path.name,
            )
        )
    return _read_csv(data)


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without BOM), UTF-16 with BOM
    (Excel's "Unicode text"), else Windows-1252 (Excel's CSV on Indonesian Windows)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "UTF-16"
    try:
        return data.decode("utf-8"), "UTF-8"
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("cp1252"), "Windows-1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "Latin-1"


def _sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the most rows of one common width
    (title lines above the header and addresses with commas do not fool it)."""
    sample = text[:65536].splitlines()[:200]
    best, best_score = ",", (0, 0)
    for delimiter in _DELIMITERS:
        widths = [len(r) for r in csv.reader(sample, delimiter=delimiter) if any(r)]
        if not widths:
            continue
        width, count = Counter(widths).most_common(1)[0]
        score = (count if width > 1 else 0, width)
        if score > best_score:
            best, best_score = delimiter, score
    return best


def _read_csv(data: bytes) -> Table:
    text, encoding = _decode(data)
    if text[:4].casefold() == "sep=" and len(text) > 4:
        # Excel's "sep=;" line names the delimiter; Excel hides it, so rows count after it.
        delimiter = text[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = _sniff_delimiter(text)
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        rows = cast(list[list[object]], list(reader))
    except csv.Error as exc:
        raise DomainError(tr("Berkas CSV tidak dapat dibaca: {detail}", detail=exc)) from exc
    return Table(rows, "csv", encoding, delimiter)


def _read_xlsx(path: Path, data: bytes) -> Table:
    try:
        book = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (InvalidFileException, zipfile.BadZipFile, KeyError, ValueError, OSError) as exc:
        raise DomainError(
            tr("Berkas {name} bukan berkas XLSX yang dapat dibaca: {detail}", name=path.name,
               detail=exc)
        ) from exc  # fmt: skip
    try:
        sheets = list(book.worksheets)
        active = book.active
        if active in sheets:  # the sheet Excel opens on first, then the others
            sheets.remove(active)
            sheets.insert(0, active)
        first: Table | None = None
        for sheet in sheets:
            sheet.reset_dimensions()  # some programs write a wrong size
            rows: list[list[object]] = [
                list(r) for r in sheet.iter_rows(min_row=1, values_only=True)
            ]
            table = Table(rows, "xlsx", sheet=sheet.title)
            if detect_header(rows) is not None:
                return table
            first = first or table
    finally:
        book.close()
    return first or Table([], "xlsx")
