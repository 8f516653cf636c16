"""The Daftar Hadir of a Rapat Anggota: who attended, how, when, with room to sign.

Built for thousands of rows: every row has the same height and long names are cut to two
lines beforehand, so the rows that fit a page are known in advance and each page is one small
table (stack.md section 8: fixed heights and small tables are what keep ReportLab fast). The
page count, hence "Halaman X dari Y", is known before the first page is drawn.

The signature column follows the habit of Indonesian attendance lists: odd rows sign in the
left half ("1. ........"), even rows in the right half ("2. ........"), so neighbours' signatures
do not collide.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from itertools import islice
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from assembly.domain.attendance import Channel
from assembly.domain.cooperative import Cooperative
from assembly.domain.members import Category
from assembly.domain.minutes_words import town
from assembly.i18n import Translator, translator
from assembly.pdf.attendance_totals import (
    MARKS,
    NO_VOTE_MARK,
    AttendanceTotals,
    totals_flowables,
)
from assembly.pdf.dates import clock, clock_with_zone, day_and_date
from assembly.pdf.fonts import BOLD, REGULAR
from assembly.pdf.layout import (
    DocumentInfo,
    Letterhead,
    PageSetup,
    Walkable,
    build_document,
    escape,
    footer,
    long_date,
    styles,
)
from assembly.pdf.page_marks import PageMark

FONT_SIZE = 8.0
ROW_HEIGHT = 8 * mm  # two lines of 8 pt, and room for a signature
HEADER_HEIGHT = 8 * mm
PADDING = 2.5
ELLIPSIS = "…"

# No. | Nomor Anggota | Nama | Kehadiran | Jam Hadir | Jam Keluar | Jam Kembali | Tanda Tangan
# (left half, right half), as shares of the frame width so A4 and F4 both fill the line.
_COLUMN_SHARES = (0.05, 0.13, 0.26, 0.10, 0.07, 0.07, 0.08, 0.12, 0.12)
_SIGN = 7  # the first of the two signature columns


@dataclass(frozen=True)
class AttendanceRow:
    """One attendee: member number, name, channel, time of (first) arrival, each time they
    left and came back, for a proxy the member number of the holder who represented them,
    their category and whether they count for quorum."""

    number: str
    name: str
    channel: Channel
    arrived: dt.time | None = None
    proxy_holder: str = ""
    left: tuple[dt.time, ...] = ()
    returned: tuple[dt.time, ...] = ()
    category: Category = Category.MEMBER
    counted: bool = True

    @property
    def mark(self) -> str:
        """ "[C]", "[LB]" or "[TS]" for an attendee outside the quorum base; "" otherwise."""
        if self.counted:
            return ""
        return MARKS.get(self.category, NO_VOTE_MARK)


@dataclass(frozen=True)
class Signatory:
    """A signature block under the list: the role ("Sekretaris Rapat") and the name."""

    role: str
    name: str


@dataclass(frozen=True)
class AttendanceHeading:
    """What heads the list: the cooperative and the meeting (title such as "Rapat Anggota
    Tahunan", financial year, day, start time and zone, venue and online platform)."""

    cooperative: Cooperative
    meeting_title: str
    day: dt.date
    financial_year: int | None = None
    start: dt.time | None = None
    time_zone: str = "WIB"
    venue: str = ""
    online: str = ""
    document_number: str = ""
    signatories: tuple[Signatory, ...] = ()
    setup: PageSetup = field(default_factory=PageSetup)
    annex: str = ""  # "LAMPIRAN I" when the list is the berita acara's first annex
    language: str | None = None
    # A blank form printed before the meeting (no one has arrived yet): this many numbered
    # empty lines for the members to write in and sign.
    blank_rows: int = 0


def write_attendance_list(
    target: str | BinaryIO,
    heading: AttendanceHeading,
    rows: Sequence[AttendanceRow],
    *,
    invariant: bool = False,
) -> int:
    """Write the Daftar Hadir of ``rows`` (in the order given) to ``target``; the number of
    pages. ``invariant`` gives identical bytes for identical input, for tests."""
    t = translator(heading.language)
    layout = _Layout(heading, rows, t)
    return build_document(
        target,
        layout.story(),
        heading.setup,
        DocumentInfo(
            title=t.tr("Daftar Hadir {meeting}", meeting=layout.meeting_name),
            author=heading.cooperative.name,
            subject=t.tr("Daftar Hadir"),
        ),
        layout.decorate,
        total_pages=layout.total_pages,
        invariant=invariant,
    )


def meeting_name(heading: AttendanceHeading, t: Translator) -> str:
    """ "Rapat Anggota Tahunan Tahun Buku 2025"."""
    if heading.financial_year is None:
        return heading.meeting_title
    return t.tr(
        "{meeting} Tahun Buku {year}", meeting=heading.meeting_title, year=heading.financial_year
    )


class _Layout:
    """The geometry of the list and its pages' tables."""

    def __init__(
        self,
        heading: AttendanceHeading,
        rows: Walkable[AttendanceRow],
        t: Translator,
        page_map: dict[str, int] | None = None,
        totals: AttendanceTotals | None = None,
    ):
        self.heading = heading
        self.blank = not rows and heading.blank_rows > 0
        self.rows = rows
        # Given by a caller that reads the rows in chunks (counted as it read them once);
        # else counted here.
        self.totals = totals if totals is not None else AttendanceTotals.of(rows)
        self.t = t
        self.page_map = page_map
        self.meeting_name = meeting_name(heading, t)
        setup = heading.setup
        self.widths = [share * setup.frame_width for share in _COLUMN_SHARES]
        self.head = self._head_flowables()
        self.tail = self._tail_flowables()
        fh = setup.frame_height
        head_height = sum(f.wrap(setup.frame_width, fh)[1] for f in self.head)
        tail_height = sum(f.wrap(setup.frame_width, fh)[1] for f in self.tail)
        # 1 pt spare so that rounding never pushes the last row onto a page of its own.
        room_first = fh - head_height - HEADER_HEIGHT - 1
        room_later = fh - HEADER_HEIGHT - 1
        self.rows_first = max(1, math.floor(room_first / ROW_HEIGHT))
        self.rows_later = math.floor(room_later / ROW_HEIGHT)
        if self.blank:
            # At least the lines asked for, then to the foot of the last page, leaving the
            # room the summary and signatures need under them.
            rows = [AttendanceRow("", "", Channel.IN_PERSON)] * self._blank_lines(tail_height)
            self.rows = rows
        extra = max(0, len(rows) - self.rows_first)
        pages = 1 + math.ceil(extra / self.rows_later)
        on_last = len(rows) if extra == 0 else extra - (pages - 2) * self.rows_later
        used = (head_height if pages == 1 else 0) + HEADER_HEIGHT + on_last * ROW_HEIGHT
        # The summary goes under the last row when it fits, else on a page of its own.
        self.tail_breaks = used + tail_height > fh - 2
        self.total_pages = pages + (1 if self.tail_breaks else 0)
        self.style = self._table_style()
        # As many dots as fit beside the widest row number, so every line has the same length.
        room = self.widths[_SIGN] - 2 * PADDING - stringWidth(f"{len(rows)}. ", REGULAR, FONT_SIZE)
        self.dots = "." * max(3, int(room / stringWidth(".", REGULAR, FONT_SIZE)) - 1)
        t = self.t
        self.header = [
            t.tr("No."),
            t.tr("Nomor\nAnggota"),
            t.tr("Nama"),
            t.tr("Kehadiran"),
            t.tr("Jam\nHadir"),
            t.tr("Jam\nKeluar"),
            t.tr("Jam\nKembali"),
            t.tr("Tanda Tangan"),
            "",
        ]
        self.labels = {
            Channel.IN_PERSON: t.tr("Langsung"),
            Channel.ONLINE: t.tr("Daring"),
            Channel.PROXY: t.tr("Kuasa"),
        }

    def _blank_lines(self, tail_height: float) -> int:
        tail_rows = math.ceil(tail_height / ROW_HEIGHT)
        capacity = self.rows_first - tail_rows
        while capacity < self.heading.blank_rows:
            capacity += self.rows_later
        return int(capacity)

    def _head_flowables(self) -> list[Flowable]:
        t, h = self.t, self.heading
        style = styles(10)
        facts = [(t.tr("Hari, tanggal"), day_and_date(h.day, t))]
        if h.start is not None:
            facts.append((t.tr("Pukul"), clock_with_zone(h.start, h.time_zone)))
        if h.venue:
            facts.append((t.tr("Tempat"), h.venue))
        if h.online:
            facts.append((t.tr("Sarana daring"), h.online))
        if h.document_number:
            facts.append((t.tr("Nomor"), h.document_number))
        body = style["body"]
        table = Table(
            [[label, ":", Paragraph(escape(value), body)] for label, value in facts],
            colWidths=[32 * mm, 4 * mm, None],
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, 10),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5),
                ]
            ),
            hAlign="LEFT",
        )
        label = (
            [Paragraph(f"<b>{escape(h.annex)}</b>", style["body"]), Spacer(1, 1 * mm)]
            if h.annex
            else []
        )
        return [
            *label,
            Letterhead(h.cooperative, t),
            Spacer(1, 3 * mm),
            Paragraph(t.tr("DAFTAR HADIR"), style["title"]),
            Paragraph(f"<b>{escape(self.meeting_name.upper())}</b>", style["subtitle"]),
            Spacer(1, 4 * mm),
            table,
            Spacer(1, 3 * mm),
        ]

    def _tail_flowables(self) -> list[Flowable]:
        """The summary by channel and the signature blocks, kept together."""
        t, h = self.t, self.heading
        parts: list[Flowable] = [
            Spacer(1, 5 * mm),
            *totals_flowables(self.totals, t, blank=self.blank),
        ]
        if self.page_map is not None:
            parts.insert(0, PageMark("LAMPIRAN I", self.page_map))
        if h.signatories:
            parts += [
                Spacer(1, 8 * mm),
                signature_blocks(h.cooperative.city, h.day, h.signatories, t),
            ]
        return parts

    def _table_style(self) -> TableStyle:
        grey = colors.HexColor("#555555")
        return TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, FONT_SIZE, FONT_SIZE * 1.2),
                ("FONT", (0, 0), (-1, 0), BOLD, FONT_SIZE, FONT_SIZE * 1.2),
                ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
                ("SPAN", (_SIGN, 0), (_SIGN + 1, 0)),
                # Lines drawn so the two halves of the signature column read as one cell.
                ("BOX", (0, 0), (-1, -1), 0.5, grey),
                ("LINEBELOW", (0, 0), (-1, -1), 0.35, grey),
                ("LINEBEFORE", (1, 0), (_SIGN, -1), 0.35, grey),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("ALIGN", (0, 0), (-1, 0), "CENTER"),
                ("ALIGN", (0, 1), (0, -1), "RIGHT"),
                ("ALIGN", (3, 1), (_SIGN - 1, -1), "CENTER"),
                ("VALIGN", (_SIGN, 1), (_SIGN + 1, -1), "BOTTOM"),
                ("LEFTPADDING", (0, 0), (-1, -1), PADDING),
                ("RIGHTPADDING", (0, 0), (-1, -1), PADDING),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (_SIGN, 1), (_SIGN + 1, -1), 3),
            ]
        )

    def story(self) -> list[Flowable]:
        """The flowables: heading, one table per page, summary and signatures."""
        return list(self.stream())

    def stream(self) -> Iterator[Flowable]:
        """The flowables of :meth:`story` one at a time, each page's table made only when the
        build reaches it: 150,000 rows never sit in memory as 8,000 tables (issue 11,
        point 10)."""
        yield from self.head
        if not self.rows:
            yield Paragraph(self.t.tr("Belum ada anggota yang hadir."), styles(10)["body"])
        # The rows are pulled a page at a time as the build reaches each table: a list read
        # from the database in chunks is never held whole.
        source = iter(self.rows)
        done = 0
        size = self.rows_first
        chunk = list(islice(source, size))
        while chunk:
            yield self._table([self._row(done + i + 1, r) for i, r in enumerate(chunk)])
            done += len(chunk)
            size = self.rows_later
            chunk = list(islice(source, size))
            if chunk:
                yield PageBreak()
        if self.tail_breaks:
            yield PageBreak()
        yield KeepTogether(self.tail)

    def _table(self, rows: list[list[str]]) -> Table:
        return Table(
            [self.header, *rows],
            colWidths=self.widths,
            rowHeights=[HEADER_HEIGHT] + [ROW_HEIGHT] * len(rows),
            style=self.style,
            repeatRows=1,
        )

    def _row(self, seq: int, row: AttendanceRow) -> list[str]:
        w = self.widths
        if self.blank:  # every column empty but the number and its signature line
            sign = f"{seq}. {self.dots}"
            return [str(seq), *[""] * (_SIGN - 1), *((sign, "") if seq % 2 else ("", sign))]
        channel = self.labels[row.channel]
        if row.channel is Channel.PROXY and row.proxy_holder:
            channel = f"{channel}\n{_fit(row.proxy_holder, w[3], 1)}"
        sign = f"{seq}. {self.dots}"
        left, right = (sign, "") if seq % 2 else ("", sign)
        name = f"{row.name} {row.mark}" if row.mark else row.name
        return [
            str(seq),
            _fit(row.number, w[1], 2),
            _fit(name, w[2], 2),
            channel,
            clock(row.arrived) if row.arrived else "",
            _times(row.left),
            _times(row.returned),
            left,
            right,
        ]

    def decorate(self, canv: Canvas, page: int, total: int) -> None:
        """Running header from the second page on; the footer on every page."""
        setup = self.heading.setup
        width, height = setup.pagesize
        t = self.t
        if page > 1:
            y = height - setup.top + 4 * mm
            canv.setFont(BOLD, 8)
            canv.drawString(setup.left, y, self.heading.cooperative.name)
            canv.setFont(REGULAR, 8)
            canv.drawRightString(
                width - setup.right, y, t.tr("Daftar Hadir {meeting}", meeting=self.meeting_name)
            )
        footer(canv, setup, t, page, total, day_and_date(self.heading.day, t))


def signature_blocks(
    city: str,
    day: dt.date,
    signatories: Sequence[Signatory],
    t: Translator,
    heading: str = "",
    room: float = 20 * mm,
) -> Table:
    """Side-by-side signature blocks (law.md section 10): "[Kota], [tanggal]" over the last
    one, an optional heading over all ("Pengurus Koperasi …,"), each role, room to sign and
    the name in bold, underlined."""
    style = styles(10)["subtitle"]
    place = town(city)  # the town alone, never the address block or the postcode
    dated = f"{place}, {long_date(day, t)}" if place else long_date(day, t)
    # At most three blocks a row, so five signers (the leaders, two witnesses, "Mengetahui")
    # keep their names on one line each.
    n = min(len(signatories), 3)
    rows: list[list[Flowable | str]] = [[""] * (n - 1) + [Paragraph(escape(dated), style)]]
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 10),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
    ]
    heights: list[float | None] = [None]
    if heading:
        rows.append([Paragraph(escape(heading) + ",", style)] + [""] * (n - 1))
        commands.append(("SPAN", (0, 1), (-1, 1)))
        heights.append(None)
    for start in range(0, len(signatories), n):
        group = list(signatories[start : start + n])
        pad: list[Flowable | str] = [""] * (n - len(group))
        rows += [
            [*(Paragraph(escape(s.role) + ",", style) for s in group), *pad],
            [""] * n,
            [*(Paragraph(f"<u><b>{escape(s.name)}</b></u>", style) for s in group), *pad],
        ]
        heights += [None, room, None]
    return Table(rows, rowHeights=heights, style=TableStyle(commands))


def _times(times: Sequence[dt.time]) -> str:
    """Up to two times, one a line ("11.05"); a third and more shown as "…" on the second."""
    shown = [clock(x) for x in times[:2]]
    if len(times) > 2:
        shown[1] = ELLIPSIS
    return "\n".join(shown)


def _fit(text: str, width: float, lines: int) -> str:
    """``text`` broken into at most ``lines`` lines that fit ``width`` (padding taken off);
    what does not fit is cut with an ellipsis."""
    room = width - 2 * PADDING - 0.5
    if stringWidth(text, REGULAR, FONT_SIZE) <= room:
        return text
    parts = simpleSplit(text, REGULAR, FONT_SIZE, room)
    parts = [p for part in parts for p in _hard_split(part, room)]
    if len(parts) <= lines:
        return "\n".join(parts)
    kept = parts[:lines]
    last = kept[-1]
    while last and stringWidth(last + ELLIPSIS, REGULAR, FONT_SIZE) > room:
        last = last[:-1]
    kept[-1] = last.rstrip(" ,") + ELLIPSIS
    return "\n".join(kept)


def _hard_split(line: str, room: float) -> list[str]:
    """A line with no space to break at, cut where it must be."""
    pieces = []
    while stringWidth(line, REGULAR, FONT_SIZE) > room and len(line) > 1:
        cut = len(line) - 1
        while cut > 1 and stringWidth(line[:cut], REGULAR, FONT_SIZE) > room:
            cut -= 1
        pieces.append(line[:cut])
        line = line[cut:]
    pieces.append(line)
    return pieces
