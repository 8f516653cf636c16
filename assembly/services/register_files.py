"""Reading the files cooperatives keep their registers in: CSV in any of the encodings and
delimiters Excel writes, and XLSX through openpyxl, as plain rows of cells."""

from __future__ import annotations

import codecs
import csv
import io
import zipfile
import zlib
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from assembly.domain.errors import DomainError
from assembly.domain.register_cells import padded_number
from assembly.domain.register_columns import detect_header
from assembly.i18n import tr
from assembly.services.progress import Progress

CSV_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
_DELIMITERS = (",", ";", "\t", "|")
# An XLSX is a zip of XML: a register of 300,000 members unpacks to a few hundred MB at most.
# Beyond these, a file would only stall the preview (a "zip bomb"), so it is refused unread.
MAX_XLSX_UNPACKED = 1024 * 1024 * 1024
MAX_XLSX_RATIO = 200  # XML of real sheets packs 5-20 times; a bomb thousands of times
_XLSX_RATIO_FROM = 50 * 1024 * 1024  # small parts may pack well; only big ones are judged
# Kuorum is built and measured for registers up to 300,000 members (DESIGN.md section 6); a
# file far beyond that would take minutes and gigabytes to preview on an old laptop.
MAX_ROWS = 500_000
MAX_CELL = 131_072  # the csv module's own field limit: more is no register entry


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


def read_table(path: Path, data: bytes, progress: Progress | None = None) -> Table:
    """The rows of a CSV or XLSX file as cells; an old .xls is refused with what to do.
    ``progress`` hears how many bytes of a spreadsheet were read, of the file's size."""
    suffix = path.suffix.casefold()
    if suffix in XLSX_SUFFIXES or data.startswith(b"PK\x03\x04"):
        return _read_xlsx(path, data, progress or Progress())
    if suffix == ".xls" or data.startswith(b"\xd0\xcf\x11\xe0"):
        raise DomainError(
            tr(
                "Berkas {name} berformat Excel lama (.xls). Simpan ulang sebagai .xlsx atau "
                "CSV, lalu impor lagi.",
                name=path.name,
            )
        )
    return _read_csv(path, data)


def _utf16_without_bom(data: bytes) -> str | None:
    """ "utf-16-le"/"utf-16-be" when ``data`` looks like UTF-16 text written without a BOM
    (every other byte zero in mostly-ASCII text), else None."""
    sample = data[:4096]
    if len(sample) < 4 or b"\x00" not in sample:
        return None
    odd_zeros = sample[1::2].count(0) / len(sample[1::2])
    even_zeros = sample[0::2].count(0) / len(sample[0::2])
    if odd_zeros > 0.6 and even_zeros < 0.1:
        return "utf-16-le"
    if even_zeros > 0.6 and odd_zeros < 0.1:
        return "utf-16-be"
    return None


def _decode(data: bytes) -> tuple[str, str]:
    """The text and the name of its encoding: UTF-8 (with or without BOM), UTF-16 with BOM
    (Excel's "Unicode text") or without, else Windows-1252 (Excel's CSV on Indonesian
    Windows)."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "UTF-8 (BOM)"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace"), "UTF-16"
    if (utf16 := _utf16_without_bom(data)) is not None:
        return data.decode(utf16, errors="replace"), "UTF-16"
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


def _read_csv(path: Path, data: bytes) -> Table:
    text, encoding = _decode(data)
    if "\x00" in text:
        # A NUL never occurs in a text file: this is a binary file (or a damaged one).
        line = text.count("\n", 0, text.index("\x00")) + 1
        raise DomainError(
            tr(
                "Berkas {name} berisi data biner (karakter NUL) pada baris {row}; ini bukan "
                "berkas CSV. Simpan ulang daftar anggota sebagai CSV atau XLSX.",
                name=path.name,
                row=line,
            )
        )
    if text[:4].casefold() == "sep=" and len(text) > 4:
        # Excel's "sep=;" line names the delimiter; Excel hides it, so rows count after it.
        delimiter = text[4]
        text = text.split("\n", 1)[1] if "\n" in text else ""
    else:
        delimiter = _sniff_delimiter(text)
    # strict: a quote left open would otherwise swallow the rest of the file into one cell.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    rows: list[list[object]] = []
    try:
        for row in reader:
            rows.append(cast(list[object], row))
            if len(rows) > MAX_ROWS:
                raise DomainError(_too_many_rows(path))
    except csv.Error as exc:
        raise DomainError(
            tr(
                "Berkas CSV {name} tidak dapat dibaca pada baris {row}: {detail}",
                name=path.name,
                row=reader.line_num,
                detail=_csv_problem(exc),
            )
        ) from exc
    return Table(rows, "csv", encoding, delimiter)


def _too_many_rows(path: Path) -> str:
    return tr(
        "Berkas {name} berisi lebih dari {n} baris; Kuorum mengimpor paling banyak {n} baris "
        "sekaligus. Bagi berkasnya menjadi beberapa bagian. Tidak ada yang diubah.",
        name=path.name,
        n=f"{MAX_ROWS:,}".replace(",", "."),
    )


def _csv_problem(exc: csv.Error) -> str:
    """What the csv module's (English) complaint means, in the user's words."""
    text = str(exc)
    if "field larger than field limit" in text:
        return tr("satu sel lebih dari {n} karakter", n=f"{MAX_CELL:,}".replace(",", "."))
    if "unexpected end of data" in text or "EOF" in text:
        return tr('tanda kutip (") dibuka tetapi tidak ditutup')
    if "expected after" in text:
        return tr('ada teks langsung setelah tanda kutip (") penutup')
    return text


def _check_xlsx_size(path: Path, data: bytes) -> None:
    """Refuse an XLSX that would unpack to far more than any register (see MAX_XLSX_*)."""
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return  # openpyxl says why it cannot read it
    unpacked = sum(p.file_size for p in parts)
    bomb = any(
        p.file_size > _XLSX_RATIO_FROM and p.file_size > MAX_XLSX_RATIO * max(p.compress_size, 1)
        for p in parts
    )
    if unpacked > MAX_XLSX_UNPACKED or bomb:
        raise DomainError(
            tr(
                "Berkas {name} mengembang menjadi {size} MB bila dibuka; ini bukan daftar "
                "anggota yang wajar dan tidak dibaca.",
                name=path.name,
                size=f"{unpacked // (1024 * 1024):,}".replace(",", "."),
            )
        )


# Bytes of the file between progress reports while a spreadsheet is read: a 20,000-row
# register (about 1.5 MB) reports some fifty times, the first within the shared strings.
_XLSX_REPORT_BYTES = 32 * 1024
_XLSX_ROWS_STEP = 1000  # rows between looks at the row limit


class _ReadCounter(io.BytesIO):
    """The XLSX's bytes as openpyxl reads them, reporting how many it has read of the
    file: the shared strings and the sheet are unpacked as they are parsed (read-only mode
    streams), so the count moves from the first part on, long before the last row (a file
    written without its size says nothing about its row count up front)."""

    def __init__(self, data: bytes, progress: Progress) -> None:
        super().__init__(data)
        self._progress = progress
        self.total = len(data)
        self._read = 0
        self._reported = 0

    def read(self, size: int | None = -1, /) -> bytes:
        chunk = super().read(size)
        self._read += len(chunk)
        if self._read - self._reported >= _XLSX_REPORT_BYTES:
            self._reported = self._read
            # The zip's directory is read twice: the count stays below the whole until done.
            self._progress.step(min(self._read, self.total - 1), self.total)
        return chunk


def _sheet_rows(sheet: Any, path: Path) -> list[list[object]]:
    """The cells of ``sheet`` as values; a whole number shown with zero padding ("00123",
    "KSP-000123") as the text Excel shows, so member numbers keep their zeros."""
    sheet.reset_dimensions()  # some programs write a wrong size
    rows: list[list[object]] = []
    for cells in sheet.iter_rows(min_row=1):
        row: list[object] = []
        for cell in cells:
            value = cell.value
            if value.__class__ is int or value.__class__ is float:
                value = padded_number(value, cell.number_format) or value
            row.append(value)
        rows.append(row)
        if len(rows) % _XLSX_ROWS_STEP == 0 and len(rows) > MAX_ROWS:
            raise DomainError(_too_many_rows(path))
    return rows


def _read_xlsx(path: Path, data: bytes, progress: Progress) -> Table:
    # openpyxl loads only for a spreadsheet: the command line's CSV import does without it.
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    _check_xlsx_size(path, data)
    stream = _ReadCounter(data, progress)
    progress.step(0, stream.total)
    try:
        book = openpyxl.load_workbook(stream, read_only=True, data_only=True)
    except (
        InvalidFileException,
        zipfile.BadZipFile,
        KeyError,
        ValueError,
        OSError,
        SyntaxError,
        EOFError,
        zlib.error,
    ) as exc:
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
            try:
                rows = _sheet_rows(sheet, path)
                if len(rows) > MAX_ROWS:
                    raise DomainError(_too_many_rows(path))
            except (
                zipfile.BadZipFile,
                SyntaxError,
                ValueError,
                KeyError,
                EOFError,
                zlib.error,
                OSError,
            ) as exc:  # a damaged sheet inside an intact zip (XML errors of
                # both the standard library and lxml are SyntaxErrors)
                raise DomainError(
                    tr("Lembar {sheet} di berkas {name} rusak dan tidak dapat dibaca: {detail}",
                       sheet=sheet.title, name=path.name, detail=exc)
                ) from exc  # fmt: skip
            table = Table(rows, "xlsx", sheet=sheet.title)
            if detect_header(rows) is not None:
                progress.step(stream.total, stream.total)
                return table
            first = first or table
    finally:
        book.close()
    progress.step(stream.total, stream.total)
    return first or Table([], "xlsx")
