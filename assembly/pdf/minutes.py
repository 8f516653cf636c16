"""The berita acara as a PDF (DESIGN.md section 4; law.md section 10).

The content comes in ready-made (:class:`assembly.domain.minutes.MinutesContent`); this module
only lays it out: letterhead, title and number, the opening formula, the numbered sections,
the closing, and the signature blocks, with "Halaman X dari Y" and the audit log's head hash in
every footer. Each signature block holds an empty signature field (``TTD_Ketua``,
``TTD_Sekretaris``, ``TTD_Saksi1`` …) exactly over the room left to sign, so an electronic
signature (:mod:`assembly.pdf.signing`) lands where a wet one would; the blocks print blank
for a wet signature. The annexes follow the signature page: the Daftar Hadir, then the
recapitulation of the votes, the named votes and the proxies
(:mod:`assembly.pdf.minutes_annexes`); the attendance and vote data ride along as embedded
files (:mod:`assembly.pdf.attachments`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFDictionary, PDFName, PDFString
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from assembly.domain.minutes import MinutesContent, Signer
from assembly.domain.record_digest import Anchor
from assembly.i18n import Translator, translator
from assembly.pdf.attachments import Attachment, EmbeddedFiles
from assembly.pdf.attendance_list import AttendanceHeading, AttendanceRow
from assembly.pdf.attendance_list import _Layout as AttendanceLayout
from assembly.pdf.attendance_totals import AttendanceTotals
from assembly.pdf.fonts import BOLD, REGULAR
from assembly.pdf.layout import (
    DocumentInfo,
    Letterhead,
    PageSetup,
    Walkable,
    build_document,
    escape,
    footer,
    styles,
)
from assembly.pdf.minutes_annexes import VoteAnnexes, annex_stream
from assembly.pdf.page_marks import PageMark

SIGN_ROOM = 24 * mm  # the height left to sign in, and of the signature field
_ITEM_ROOM = 22 * mm  # an item's bold title and its first point


@dataclass(frozen=True)
class AttendanceAnnex:
    """The Daftar Hadir appended to the berita acara."""

    heading: AttendanceHeading
    rows: Walkable[AttendanceRow]  # walked once, a page at a time, as the build goes
    totals: AttendanceTotals | None = None  # given when the rows are read in chunks


class SignatureRoom(Flowable):  # type: ignore[misc]
    """The empty room of a signature block, holding the block's signature field."""

    def __init__(self, field_name: str, width: float, height: float):
        super().__init__()
        self.field_name = field_name
        self.width = width
        self.height = height

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """As wide as the cell allows, ``height`` tall."""
        self.width = min(self.width, avail_width)
        return self.width, self.height

    def draw(self) -> None:
        """Place an empty signature field (an AcroForm widget of type /Sig) over the room.

        ReportLab's acroForm makes text fields and buttons but no signature fields, so the
        widget is written the way its text fields are, with /FT /Sig; pyHanko then signs into
        it by name. No /P entry: pages are numbered only once the document ends."""
        canv = self.canv
        x, y = canv.absolutePosition(0, 0)
        widget = PDFDictionary(
            {
                "Type": PDFName("Annot"),
                "Subtype": PDFName("Widget"),
                "FT": PDFName("Sig"),
                "T": PDFString(self.field_name),
                "F": 4,  # print
                "Rect": PDFArray([round(x, 2), round(y, 2), round(x + self.width, 2),
                                  round(y + self.height, 2)]),
            }
        )  # fmt: skip
        form = canv.acroForm
        canv._addAnnotation(widget)
        form.fields.append(form.getRef(widget))


def write_minutes(
    target: BinaryIO,
    content: MinutesContent,
    setup: PageSetup,
    *,
    annex: AttendanceAnnex | None = None,
    votes: VoteAnnexes | None = None,
    attachments: Sequence[Attachment] = (),
    anchor: Anchor | None = None,
    language: str = "id",
    invariant: bool = False,
    page_map: dict[str, int] | None = None,
    placed_files: Callable[[Mapping[str, int]], Sequence[Attachment]] | None = None,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Write the berita acara to ``target`` with empty signature fields, then its annexes
    (Daftar Hadir, ``votes``), with ``attachments`` embedded; the page count.

    ``page_map`` receives the page each clause ("I.2"), point ("III.4.c") and the Daftar Hadir's
    totals ("LAMPIRAN I") landed on; ``placed_files`` makes further attachments from that
    map once every page is laid out (the figures with their pages). ``on_page(n)`` is called as
    each page is laid out (progress; an exception raised there stops the build)."""
    t = translator(language)
    if page_map is None and placed_files is not None:
        page_map = {}
    # One stream of flowables, each long table made only when the build reaches it: the
    # berita acara of 150,000 present builds in bounded memory (issue 11, point 10).
    parts: list[Iterable[Flowable]] = [_story(content, setup, t, page_map)]
    if annex is not None:
        parts.append([PageBreak()])
        parts.append(
            AttendanceLayout(annex.heading, annex.rows, t, page_map, annex.totals).stream()
        )
    if votes is not None:
        parts.append(annex_stream(votes, setup, t, page_map))
    if attachments or placed_files is not None:
        # Last in the story, so the page map is complete when the files are written; it takes
        # no room, so it moves no page break.
        parts.append(
            [_LateFiles(attachments, placed_files, page_map if page_map is not None else {})]
        )
    story = chain.from_iterable(parts)

    def decorate(canv: Canvas, page: int, total: int) -> None:
        if page > 1:
            width, height = setup.pagesize
            y = height - setup.top + 4 * mm
            canv.setFont(BOLD, 8)
            canv.drawString(setup.left, y, content.cooperative.name)
            canv.setFont(REGULAR, 8)
            canv.drawRightString(width - setup.right, y, content.number)
        text = t.tr("Hash log audit: {hash}", hash=content.audit_hash or "-")
        footer(canv, setup, t, page, total, text)
        if anchor is not None:
            # The anchor printed on every page (the signature page among them), as the
            # signed attachment carries it: which audit event, and the records' digest.
            canv.setFont(REGULAR, 6.5)
            canv.drawString(
                setup.left,
                setup.bottom - 9.5 * mm,
                t.tr(
                    "Jangkar: log audit peristiwa {seq} · intisari catatan rapat {digest}",
                    seq=anchor.head.seq,
                    digest=anchor.digest.sha256,
                ),
            )

    # Straight into ``target``: no second copy of a file of 8,000 pages in memory.
    pages = build_document(
        target,
        story,
        setup,
        DocumentInfo(
            title=t.tr("Berita Acara {meeting}", meeting=content.meeting_title),
            author=content.cooperative.name,
            subject=content.number,
        ),
        decorate,
        invariant=invariant,
        on_page=on_page,
    )
    return pages


def _paragraph_styles() -> dict[str, ParagraphStyle]:
    base = styles(10.5)
    body = ParagraphStyle("mbody", base["body"], alignment=TA_JUSTIFY, leading=15)
    return {
        "body": body,
        "centre": ParagraphStyle("mcentre", body, alignment=TA_CENTER),
        "title": ParagraphStyle("mtitle", base["title"], fontSize=14, leading=18),
        "subtitle": ParagraphStyle("msub", body, fontName=BOLD, alignment=TA_CENTER),
        "heading": ParagraphStyle("mhead", body, fontName=BOLD, spaceBefore=8, spaceAfter=3),
        "clause": ParagraphStyle(
            "mclause",
            body,
            leftIndent=9 * mm,
            bulletIndent=3 * mm,
            bulletFontName=REGULAR,
            bulletFontSize=10.5,
            spaceAfter=2,
        ),
        "item": ParagraphStyle(
            "mitem",
            body,
            alignment=TA_LEFT,  # a bold title justified over two lines looks stretched
            leftIndent=9 * mm,
            bulletIndent=3 * mm,
            bulletFontName=BOLD,
            bulletFontSize=10.5,
            spaceAfter=2,
        ),
        "plain": ParagraphStyle("mplain", body, alignment=TA_LEFT),
        "point": ParagraphStyle(
            "mpoint",
            body,
            leftIndent=15 * mm,
            bulletIndent=9 * mm,
            bulletFontName=REGULAR,
            bulletFontSize=10.5,
            spaceAfter=1.5,
        ),
    }


class _LateFiles(EmbeddedFiles):
    """The embedded files, with those made from the page map added when drawn."""

    def __init__(
        self,
        files: Sequence[Attachment],
        late: Callable[[Mapping[str, int]], Sequence[Attachment]] | None,
        pages: Mapping[str, int],
    ) -> None:
        super().__init__(files)
        self.late = late
        self.pages = pages
        self.given = list(self.files)

    def draw(self) -> None:
        """Add the late files, then embed everything."""
        extra = list(self.late(self.pages)) if self.late is not None else []
        self.files = sorted([*self.given, *extra], key=lambda f: f.name)
        super().draw()


def _story(
    content: MinutesContent, setup: PageSetup, t: Translator, pages: dict[str, int] | None = None
) -> list[Flowable]:
    s = _paragraph_styles()
    story: list[Flowable] = [
        Letterhead(content.cooperative, t),
        Spacer(1, 5 * mm),
        Paragraph(escape(content.title), s["title"]),
        Paragraph(escape(content.subtitle), s["subtitle"]),
        Paragraph(escape(content.number), s["centre"]),
        Spacer(1, 6 * mm),
        Paragraph(escape(content.opening), s["body"]),
    ]
    for section in content.sections:
        story.append(CondPageBreak(30 * mm))  # a heading never ends a page alone
        story.append(Paragraph(escape(section.heading), s["heading"]))
        roman = section.heading.split(".", 1)[0]
        for n, clause in enumerate(section.clauses, start=1):
            # An agenda item's title (a clause with points under it) is set in bold, and never
            # ends a page without its first point under it.
            if clause.points:
                story.append(CondPageBreak(_ITEM_ROOM))
            if pages is not None:
                story.append(PageMark(f"{roman}.{n}", pages))
            if clause.points:
                text, style = f"<b>{escape(clause.text)}</b>", s["item"]
            else:
                text, style = escape(clause.text), s["clause"]
            story.append(Paragraph(text, style, bulletText=f"{n}."))
            for letter, point in zip("abcdefghijklmnopqrstuvwxyz", clause.points, strict=False):
                if pages is not None:
                    story.append(PageMark(f"{roman}.{n}.{letter}", pages))
                story.append(Paragraph(escape(point), s["point"], bulletText=f"{letter}."))
    story.append(Spacer(1, 5 * mm))
    # The closing words stay on the page of the signatures: a signature page that carries no
    # text of the minutes could be put under any other text.
    closing: list[Flowable] = [
        Paragraph(escape(content.closing_time), s["body"]),
        Paragraph(escape(content.closing_formula), s["plain"]),
        Spacer(1, 8 * mm),
    ]
    story.append(KeepTogether(closing + _signatures(content, setup)))
    return story


def _signatures(content: MinutesContent, setup: PageSetup) -> list[Flowable]:
    """ "[Kota], [tanggal]" and "Pimpinan Rapat," over Ketua and Sekretaris/Notulis side by
    side (law.md section 10), then the witnesses two by two."""
    centre = _paragraph_styles()["centre"]
    half = setup.frame_width / 2
    room_width = half - 16 * mm
    parts: list[Flowable] = [
        _pair_table(
            [
                ["", Paragraph(escape(content.place_date), centre)],
                [Paragraph(escape(content.leaders_heading), centre), ""],
            ],
            half,
            span_row=1,
        ),
        _blocks(content.signers, half, room_width),
    ]
    if content.witnesses:
        parts.append(Spacer(1, 4 * mm))
        parts.append(Paragraph(escape(content.witnesses_heading), centre))
        for i in range(0, len(content.witnesses), 2):
            parts.append(_blocks(content.witnesses[i : i + 2], half, room_width))
    if content.acknowledger is not None:
        # "Mengetahui," centred under everyone else, as the form is signed in practice.
        parts.append(Spacer(1, 4 * mm))
        parts.append(_centred_block(content.acknowledger, half, room_width))
    return parts


def _centred_block(signer: Signer, half: float, room_width: float) -> Table:
    centre = _paragraph_styles()["centre"]
    rows: list[list[Flowable | str]] = [
        [Paragraph(escape(signer.role) + ",", centre)],
        [SignatureRoom(signer.field, room_width, SIGN_ROOM)],
        [Paragraph(f"( <u><b>{escape(signer.name)}</b></u> )", centre)],
    ]
    table = Table(rows, colWidths=[half], hAlign="CENTER")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 10),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _blocks(signers: Sequence[Signer], half: float, room_width: float) -> Table:
    centre = _paragraph_styles()["centre"]
    roles: list[Flowable | str] = [Paragraph(escape(s.role) + ",", centre) for s in signers]
    rooms: list[Flowable | str] = [SignatureRoom(s.field, room_width, SIGN_ROOM) for s in signers]
    names: list[Flowable | str] = [
        Paragraph(f"( <u><b>{escape(s.name or ' ' * 30)}</b></u> )", centre) for s in signers
    ]
    while len(roles) < 2:
        roles.append("")
        rooms.append("")
        names.append("")
    return _pair_table([roles, rooms, names], half)


def _pair_table(
    rows: list[list[Flowable | str]], half: float, span_row: int | None = None
) -> Table:
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 10),  # or ReportLab emits a bare Helvetica
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    if span_row is not None:
        commands.append(("SPAN", (0, span_row), (-1, span_row)))
    return Table(rows, colWidths=[half, half], style=TableStyle(commands))
