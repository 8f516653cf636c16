"""Exporting the register: CSV and XLSX for spreadsheets, and the Buku Daftar Anggota as a PDF
to print and sign.

Formats, chosen by the file's extension:

- ``.csv``: UTF-8 with a byte-order mark (so Excel recognises the encoding), **comma**
  separated, CRLF line ends, dates as ISO ``2026-03-14`` (every Excel locale reads those as
  dates, where 03/04/2026 means different days in different locales). Comma rather than
  semicolon because it is the CSV default of every tool except Excel in comma-decimal
  locales, and Kuorum's own import reads both.
- ``.xlsx``: one sheet, bold frozen header row, real date cells, NIK and phone numbers as
  text so Excel keeps all 16 digits and the leading zero.
- ``.pdf``: the Buku Daftar Anggota (landscape A4, or F4).

Text that a spreadsheet would run as a formula (starting with ``=``, ``+``, ``-``, ``@``, a
tab, a carriage return or their full-width forms) gets a leading apostrophe
(:func:`assembly.domain.spreadsheet.inert`, the rule of every CSV and XLSX Kuorum writes). The file is written
beside the target under a temporary name and moved into place at the end, so a failed or
cancelled export leaves no half-written file and never damages an earlier export.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import BinaryIO

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from assembly.domain.errors import DomainError
from assembly.domain.members import Category, Member, Status
from assembly.domain.spreadsheet import inert
from assembly.i18n import tr
from assembly.pdf.layout import Paper
from assembly.pdf.register_book import REGISTER_SETUP, RegisterBook, write_register_book
from assembly.persistence import cooperative_store, member_store
from assembly.persistence.tables import members as members_table
from assembly.services.context import ServiceContext
from assembly.services.files import require_folder, write_atomically
from assembly.services.progress import Progress

FORMATS = (".csv", ".xlsx", ".pdf")
BATCH = 2000
# Column widths of the XLSX sheet, in Excel's character units.
_XLSX_WIDTHS = (14, 32, 19, 8, 13, 60, 15, 13, 18, 16, 13, 40, 10)


def headers() -> list[str]:
    """The column titles, the words Kuorum's import recognises."""
    return [
        tr("Nomor anggota"),
        tr("Nama"),
        tr("NIK"),
        tr("Jenis kelamin"),
        tr("Tanggal lahir"),
        tr("Alamat"),
        tr("Telepon"),
        tr("Tanggal masuk"),
        tr("Kategori"),
        tr("Status"),
        tr("Tanggal keluar"),
        tr("Alasan keluar"),
        tr("Tunggakan"),
    ]


class _Cells:
    """Turns members into cells; the words for category, status and arrears are looked up
    once per export, not once per row."""

    def __init__(self) -> None:
        self.categories = {c: tr(c.key) for c in Category}
        self.statuses = {s: tr(s.key) for s in Status}
        self.yes, self.no = tr("Ya"), tr("Tidak")

    def values(self, m: Member) -> list[str | dt.date | None]:
        """A member's cells: text made inert, dates as dates."""
        return [
            inert(m.number),
            inert(m.name),
            inert(m.nik or ""),
            m.sex.value if m.sex else "",
            m.birth_date,
            inert(m.address),
            inert(m.phone),
            m.joined_on,
            self.categories[m.category],
            self.statuses[m.status],
            m.exit_date,
            inert(m.exit_reason),
            self.yes if m.arrears else self.no,
        ]


class ExportService:
    """Writes the register to a file the user chose."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def export(self, path: Path, progress: Progress | None = None, *, paper: str = "A4") -> int:
        """Write the whole register to ``path`` (.csv, .xlsx or .pdf); how many members.

        ``paper`` ("A4" or "F4") is for the PDF. Nothing is left at ``path`` when the
        export fails or is cancelled."""
        path = Path(path)
        suffix = path.suffix.lower()
        if suffix not in FORMATS:
            raise DomainError(
                tr(
                    "Berkas {name}: jenis {ext} tidak dapat dibuat; pilih .csv, .xlsx, atau .pdf",
                    name=path.name,
                    ext=suffix or tr("(tanpa ekstensi)"),
                )
            )
        if paper not in Paper.__members__:
            raise DomainError(
                tr("Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4", paper=paper)
            )
        require_folder(path)
        progress = progress or Progress()
        return write_atomically(path, lambda out: self._write(suffix, out, progress, Paper(paper)))

    def _write(self, suffix: str, out: BinaryIO, progress: Progress, paper: Paper) -> int:
        with self._ctx.db.read() as conn:

            def in_register_order() -> Iterator[Member]:
                # Keyset pages by id: register order, constant memory, one snapshot.
                # (Belongs in member_store; see the report to the lead.)
                last = 0
                while True:
                    rows = conn.execute(
                        members_table.select()
                        .where(members_table.c.id > last)
                        .order_by(members_table.c.id)
                        .limit(BATCH)
                    ).all()
                    if not rows:
                        return
                    for row in rows:
                        yield member_store.from_row(row._mapping)
                    last = rows[-1].id

            total = member_store.count(conn)
            progress.step(0, total)
            if suffix == ".csv":
                _write_csv(out, in_register_order(), total, progress)
            elif suffix == ".xlsx":
                _write_xlsx(out, in_register_order(), total, progress)
            else:
                coop = cooperative_store.load(conn)
                if coop is None:
                    raise DomainError(
                        tr("Isi profil koperasi dahulu: kop Buku Daftar Anggota memerlukannya")
                    )
                book = RegisterBook(
                    coop, self._ctx.today(), total, setup=replace(REGISTER_SETUP, paper=paper)
                )
                write_register_book(
                    out, book, in_register_order(), on_rows=lambda done: progress.step(done, total)
                )
        return total


def _counted(
    members: Iterable[Member], total: int, progress: Progress, every: int = BATCH
) -> Iterator[Member]:
    """``members``, reporting progress (and honouring a cancel) every ``every`` rows."""
    done = 0
    for member in members:
        yield member
        done += 1
        if done % every == 0:
            progress.step(done, total)
    progress.step(done, total)


def _write_csv(out: BinaryIO, members: Iterable[Member], total: int, progress: Progress) -> None:
    text = io.TextIOWrapper(out, encoding="utf-8-sig", newline="")
    try:
        writer = csv.writer(text, delimiter=",", lineterminator="\r\n")
        writer.writerow(headers())
        cells = _Cells()
        for member in _counted(members, total, progress):
            writer.writerow(["" if v is None else _csv_cell(v) for v in cells.values(member)])
    finally:
        text.flush()
        text.detach()  # the caller owns ``out`` and closes it


def _csv_cell(value: str | dt.date) -> str:
    return value.isoformat() if isinstance(value, dt.date) else value


def _write_xlsx(out: BinaryIO, members: Iterable[Member], total: int, progress: Progress) -> None:
    book = Workbook(write_only=True)
    sheet = book.create_sheet(tr("Buku Daftar Anggota")[:31])
    sheet.freeze_panes = "A2"
    for i, width in enumerate(_XLSX_WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(i)].width = width
    bold = Font(bold=True)
    header_cells = []
    for title in headers():
        cell = WriteOnlyCell(sheet, value=title)
        cell.font = bold
        header_cells.append(cell)
    sheet.append(header_cells)
    clean: Callable[[str], str] = lambda s: ILLEGAL_CHARACTERS_RE.sub("", s)  # noqa: E731
    cells = _Cells()
    try:
        for member in _counted(members, total, progress):
            row: list[object] = []
            for value in cells.values(member):
                if isinstance(value, dt.date):
                    # A datetime at midnight: openpyxl's types accept it, Excel shows a date.
                    moment = dt.datetime(value.year, value.month, value.day)
                    cell = WriteOnlyCell(sheet, value=moment)
                    cell.number_format = "DD/MM/YYYY"
                    row.append(cell)
                elif isinstance(value, str):
                    row.append(clean(value))
                else:
                    row.append(value)
            sheet.append(row)
    except BaseException:
        # Finish and delete openpyxl's temporary sheet file; left open, it errors when
        # collected and stays behind in the temporary folder.
        sheet.close()
        sheet._writer.cleanup()
        raise
    # Zipped in memory, then written in one go: a full disk then fails one plain write
    # (a clear message, nothing left), not openpyxl's zip half-way through.
    buffer = io.BytesIO()
    book.save(buffer)
    out.write(buffer.getbuffer())
