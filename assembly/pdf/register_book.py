"""The Buku Daftar Anggota as a printable PDF: the register, one line per member, with a
column for the member's signature (Permenkop 19/2015 lists the register among the books a
cooperative keeps).

Built for 300,000 members: every row has the same height and long names and addresses are cut
to two lines beforehand, so the rows that fit a page are known in advance. Each page is one
small table made as the build reaches it, and the page count, hence "Halaman X dari Y", is
known before the first page is drawn.
"""

from __future__ import annotations

import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from itertools import islice
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, PageBreak, Paragraph, Spacer, Table, TableStyle

from assembly.domain.cooperative import Cooperative
from assembly.domain.members import Category, Member, Status
from assembly.i18n import Translator, translator
from assembly.pdf.fonts import BOLD, REGULAR
from assembly.pdf.layout import (
    DocumentInfo,
    Letterhead,
    PageSetup,
    build_document,
    escape,
    footer,
    long_date,
    styles,
)

FONT_SIZE = 7.0
HEADER_SIZE = 7.0
ROW_HEIGHT = 8 * mm  # two lines of 7 pt and room to sign
HEADER_HEIGHT = 9 * mm
PADDING = 2.0
ELLIPSIS = "…"
# An empty cell as an empty list of flowables: ReportLab draws nothing for it, where an empty
# string still costs a text object; a book of 300,000 rows has a million empty cells.
_EMPTY: tuple[()] = ()
Cell = str | tuple[()]

# No. | Nomor Anggota | Nama | NIK | L/P | Alamat | Tgl Masuk | Status | Keluar | Tanda Tangan,
# as fractions of the frame width (they sum to 1), so F4 and A4 both fill the line.
_COLUMN_SHARES = (0.045, 0.075, 0.15, 0.10, 0.03, 0.225, 0.065, 0.095, 0.125, 0.09)

REGISTER_SETUP = PageSetup(landscape=True, left=12 * mm, right=12 * mm, top=16 * mm, bottom=15 * mm)


@dataclass(frozen=True)
class RegisterBook:
    """What heads the book: the cooperative, the printing date and how many entries follow."""

    cooperative: Cooperative
    printed_on: dt.date
    count: int
    setup: PageSetup = field(default=REGISTER_SETUP)
    language: str | None = None


def write_register_book(
    target: str | BinaryIO,
    book: RegisterBook,
    members: Iterable[Member],
    *,
    invariant: bool = False,
    on_rows: Callable[[int], None] | None = None,
) -> int:
    """Write the Buku Daftar Anggota of ``members`` (exactly ``book.count`` of them, in
    register order) to ``target``; the number of pages.

    ``on_rows(done)`` is called after each page's rows are laid out; an exception it raises
    (a cancel) stops the work. ``invariant`` gives identical bytes for identical input.
    """
    t = translator(book.language)
    layout = _Layout(book, t)
    story = layout.story(members, on_rows)
    return build_document(
        target,
        story,
        book.setup,
        DocumentInfo(
            title=t.tr("Buku Daftar Anggota"),
            author=book.cooperative.name,
            subject=t.tr("Buku Daftar Anggota {name}", name=book.cooperative.name),
        ),
        layout.decorate,
        total_pages=layout.total_pages,
        invariant=invariant,
    )


class _Layout:
    """The geometry of the book and the pages' tables."""

    def __init__(self, book: RegisterBook, t: Translator) -> None:
        self.book = book
        self.t = t
        setup = book.setup
        self.widths = [share * setup.frame_width for share in _COLUMN_SHARES]
        self.head = self._head_flowables()
        head_height = sum(f.wrap(setup.frame_width, setup.frame_height)[1] for f in self.head)
        # 1 pt spare so that rounding never pushes the last row onto a page of its own.
        room_first = setup.frame_height - head_height - HEADER_HEIGHT - 1
        room_later = setup.frame_height - HEADER_HEIGHT - 1
        self.rows_first = max(1, math.floor(room_first / ROW_HEIGHT))
        self.rows_later = math.floor(room_later / ROW_HEIGHT)
        extra = max(0, book.count - self.rows_first)
        self.total_pages = 1 + math.ceil(extra / self.rows_later)
        self.style = self._table_style()
        self.header = [
            t.tr("No."),
            t.tr("Nomor\nAnggota"),
            t.tr("Nama"),
            t.tr("NIK"),
            t.tr("L/P"),
            t.tr("Alamat"),
            t.tr("Tanggal\nMasuk"),
            t.tr("Status"),
            t.tr("Keluar\n(tanggal, alasan)"),
            t.tr("Tanda\nTangan"),
        ]
        self.printed = long_date(book.printed_on, t)

    def _head_flowables(self) -> list[Flowable]:
        t, book = self.t, self.book
        style = styles(10)
        count = t.number(book.count)
        return [
            Letterhead(book.cooperative, t),
            Spacer(1, 3 * mm),
            Paragraph(t.tr("BUKU DAFTAR ANGGOTA"), style["title"]),
            Paragraph(
                escape(
                    t.tr(
                        "Keadaan pada {date} · {n} anggota tercatat",
                        date=long_date(book.printed_on, t),
                        n=count,
                    )
                ),
                style["subtitle"],
            ),
            Spacer(1, 3 * mm),
        ]

    def _table_style(self) -> TableStyle:
        return TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, FONT_SIZE, FONT_SIZE * 1.2),
                ("FONT", (0, 0), (-1, 0), BOLD, HEADER_SIZE, HEADER_SIZE * 1.2),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#F3F3F3")]),
                ("GRID", (0, 0), (-1, -1), 0.35, colors.HexColor("#555555")),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                ("ALIGN", (4, 1), (4, -1), "CENTER"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        )

    def story(
        self, members: Iterable[Member], on_rows: Callable[[int], None] | None
    ) -> Iterator[Flowable]:
        """The flowables, page by page, made as the build asks for them."""
        yield from self.head
        source = iter(members)
        if self.book.count == 0:
            yield Paragraph(self.t.tr("Buku daftar anggota masih kosong."), styles(10)["body"])
            return
        done = 0
        size = self.rows_first
        while done < self.book.count:
            chunk = list(islice(source, min(size, self.book.count - done)))
            if not chunk:
                raise ValueError("fewer members than the book's count")
            rows = [self._row(done + i + 1, m) for i, m in enumerate(chunk)]
            yield self._table(rows, chunk)
            done += len(chunk)
            if on_rows is not None:
                on_rows(done)
            if done < self.book.count:
                yield PageBreak()
            size = self.rows_later

    def _table(self, rows: list[list[Cell]], chunk: list[Member]) -> Table:
        table = Table(
            [self.header, *rows],
            colWidths=self.widths,
            rowHeights=[HEADER_HEIGHT] + [ROW_HEIGHT] * len(rows),
            style=self.style,
            repeatRows=1,
        )
        # A membership that ended reads in grey, so the living register stands out.
        ended = [
            ("TEXTCOLOR", (0, i), (-2, i), colors.HexColor("#666666"))
            for i, m in enumerate(chunk, start=1)
            if m.status is not Status.ACTIVE
        ]
        if ended:
            table.setStyle(TableStyle(ended))
        return table

    def _row(self, seq: int, m: Member) -> list[Cell]:
        w = self.widths
        status = _fit(self.t.tr(m.status.key), w[7], 1)
        if m.category is not Category.MEMBER:
            status = f"{status}\n{_fit(self.t.tr(m.category.key), w[7], 1)}"
        exit_text: str | tuple[()] = _EMPTY
        if m.exit_date is not None:
            exit_text = _day(m.exit_date)
            if m.exit_reason:
                exit_text += "\n" + _fit(m.exit_reason, w[8], 1)
        return [
            self.t.number(seq),
            _fit(m.number, w[1], 2),
            _fit(m.name, w[2], 2),
            m.nik or _EMPTY,
            m.sex.value if m.sex else _EMPTY,
            _fit(m.address, w[5], 2) if m.address else _EMPTY,
            _day(m.joined_on) if m.joined_on else _EMPTY,
            status,
            exit_text,
            _EMPTY,
        ]

    def decorate(self, canv: Canvas, page: int, total: int) -> None:
        """Running header from the second page on; the footer on every page."""
        setup = self.book.setup
        width, height = setup.pagesize
        t = self.t
        if page > 1:
            y = height - setup.top + 4 * mm
            canv.setFont(BOLD, 8)
            canv.drawString(setup.left, y, self.book.cooperative.name)
            canv.setFont(REGULAR, 8)
            canv.drawRightString(width - setup.right, y, t.tr("Buku Daftar Anggota"))
        footer(canv, setup, t, page, total, t.tr("Dicetak {date}", date=self.printed))


def _day(day: dt.date | None) -> str:
    return f"{day.day:02d}-{day.month:02d}-{day.year}" if day else ""


# Words that belong with the next one: a line never ends on "RT", "No." or "Kec.".
_GLUE = frozenset({"RT", "RW", "Desa", "Dusun", "Blok", "br.", "Kota", "Kab."})


def _width(text: str) -> float:
    return float(stringWidth(text, REGULAR, FONT_SIZE))


@functools.lru_cache(maxsize=65536)
def _fit(text: str, width: float, lines: int) -> str:
    """``text`` broken into at most ``lines`` lines that fit ``width`` (padding taken off);
    what does not fit is cut with an ellipsis."""
    room = width - 2 * PADDING - 0.5
    if _width(text) <= room:
        return text
    broken: list[str] = []
    current = ""
    for unit in _units(text):
        candidate = f"{current} {unit}" if current else unit
        if _width(candidate) <= room:
            current = candidate
            continue
        if current:
            broken.append(current)
        current = unit
        while _width(current) > room:  # one word wider than the column: cut it
            cut = len(current) - 1
            while cut > 1 and _width(current[:cut]) > room:
                cut -= 1
            broken.append(current[:cut])
            current = current[cut:]
    if current:
        broken.append(current)
    if len(broken) <= lines:
        return "\n".join(broken)
    kept = broken[:lines]
    last = kept[-1]
    while last and _width(last + ELLIPSIS) > room:
        last = last[:-1]
    kept[-1] = last.rstrip(" ,") + ELLIPSIS
    return "\n".join(kept)


def _units(text: str) -> list[str]:
    """The words of ``text``, short abbreviations joined to the word after them."""
    units: list[str] = []
    glue = False
    for word in text.split():
        if glue and units:
            units[-1] = f"{units[-1]} {word}"
        else:
            units.append(word)
        glue = word in _GLUE or word.endswith("/RW") or (word.endswith(".") and len(word) <= 4)
    return units
