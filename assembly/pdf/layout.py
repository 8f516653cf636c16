"""What every Kuorum document shares: paper (A4, or F4 as Indonesian offices use), the
cooperative's letterhead, paragraph styles in the bundled font, and pages numbered
"Halaman X dari Y".

Documents build through :func:`build_document`. When the document knows its page count in
advance (a register book with fixed row heights) it passes ``total_pages`` and each footer is
drawn at once; otherwise :class:`NumberedCanvas` keeps the pages until the end and then writes
every footer, since "dari Y" is only known after the last page.
"""

from __future__ import annotations

import datetime as dt
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, BinaryIO, Protocol, TypeVar

from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4, landscape, portrait
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfdoc import PDFArray, PDFName, PDFStream, PDFZCompress
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, PageTemplate, Paragraph

from assembly.domain import minutes_words
from assembly.domain.cooperative import Cooperative
from assembly.i18n import Translator
from assembly.pdf.fonts import BOLD, ITALIC, REGULAR, register_fonts

F4 = (215 * mm, 330 * mm)  # "folio" as Indonesian offices buy it, 215 x 330 mm


class Paper(StrEnum):
    """The paper a document is printed on."""

    A4 = "A4"
    F4 = "F4"

    @property
    def size(self) -> tuple[float, float]:
        """Width and height in points, portrait."""
        return A4 if self is Paper.A4 else F4


@dataclass(frozen=True)
class PageSetup:
    """Paper, orientation and margins (in points) of a document."""

    paper: Paper = Paper.A4
    landscape: bool = False
    left: float = 20 * mm
    right: float = 20 * mm
    top: float = 18 * mm
    bottom: float = 18 * mm

    @property
    def pagesize(self) -> tuple[float, float]:
        """The page's width and height in points."""
        width, height = landscape(self.paper.size) if self.landscape else portrait(self.paper.size)
        return float(width), float(height)

    @property
    def frame_width(self) -> float:
        """The width text may use."""
        return self.pagesize[0] - self.left - self.right

    @property
    def frame_height(self) -> float:
        """The height text may use."""
        return self.pagesize[1] - self.top - self.bottom


def styles(base_size: float = 10) -> dict[str, ParagraphStyle]:
    """Paragraph styles in DejaVu Sans, scaled from ``base_size``."""
    register_fonts()
    body = ParagraphStyle("body", fontName=REGULAR, fontSize=base_size, leading=base_size * 1.3)
    return {
        "body": body,
        "small": ParagraphStyle("small", body, fontSize=base_size * 0.8, leading=base_size),
        "italic": ParagraphStyle("italic", body, fontName=ITALIC),
        "title": ParagraphStyle(
            "title",
            body,
            fontName=BOLD,
            fontSize=base_size * 1.5,
            leading=base_size * 1.9,
            alignment=TA_CENTER,
        ),
        "subtitle": ParagraphStyle("subtitle", body, alignment=TA_CENTER),
        "coop_name": ParagraphStyle(
            "coop_name",
            body,
            fontName=BOLD,
            fontSize=base_size * 1.5,
            leading=base_size * 1.8,
            alignment=TA_CENTER,
        ),
        "coop_line": ParagraphStyle(
            "coop_line",
            body,
            fontSize=base_size * 0.9,
            leading=base_size * 1.15,
            alignment=TA_CENTER,
        ),
    }


def long_date(day: dt.date, t: Translator) -> str:
    """``day`` as documents write it: "14 Maret 2026" (the words are the domain's)."""
    return minutes_words.long_date(day, t)


def escape(text: str) -> str:
    """``text`` safe inside a Paragraph's mark-up."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class Letterhead(Flowable):  # type: ignore[misc]
    """The cooperative's letterhead (kop surat): its name, badan hukum number, Nomor Induk
    Koperasi and address, centred, over a double rule."""

    RULE_GAP = 4.0

    def __init__(self, coop: Cooperative, t: Translator, base_size: float = 10) -> None:
        super().__init__()
        style = styles(base_size)
        lines = [Paragraph(escape(coop.name.upper()), style["coop_name"])]
        ids = []
        if coop.legal_entity_number:
            ids.append(t.tr("Badan Hukum No. {number}", number=escape(coop.legal_entity_number)))
        if coop.registration_number:
            ids.append(t.tr("NIK Koperasi {number}", number=escape(coop.registration_number)))
        if ids:
            lines.append(Paragraph(" · ".join(ids), style["coop_line"]))
        address = coop.address
        if coop.city and coop.city.lower() not in address.lower():
            address = f"{address}, {coop.city}" if address else coop.city
        if address:
            lines.append(Paragraph(escape(address), style["coop_line"]))
        self._lines = lines
        self._text_height = 0.0

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        """Lay the lines out in ``avail_width``; the letterhead's size."""
        self.width = avail_width
        self._text_height = sum(line.wrap(avail_width, avail_height)[1] for line in self._lines)
        self.height = self._text_height + 3 * self.RULE_GAP
        return self.width, self.height

    def draw(self) -> None:
        """Draw the lines, top down, and the double rule under them."""
        y = self.height
        for line in self._lines:
            _w, h = line.wrap(self.width, y)
            y -= h
            line.drawOn(self.canv, 0, y)
        canv = self.canv
        canv.setStrokeColor(colors.black)
        canv.setLineWidth(1.4)
        canv.line(0, self.RULE_GAP * 1.5, self.width, self.RULE_GAP * 1.5)
        canv.setLineWidth(0.5)
        canv.line(0, self.RULE_GAP * 0.8, self.width, self.RULE_GAP * 0.8)


_Row = TypeVar("_Row", covariant=True)


class Walkable(Protocol[_Row]):
    """Rows whose count is known beforehand and which are walked once, in order, as their
    pages are laid out: a list, or a list read from the database a chunk at a time."""

    def __len__(self) -> int: ...

    def __iter__(self) -> Iterator[_Row]: ...


PageDecorator = Callable[[Canvas, int, int], None]


class CompactCanvas(Canvas):  # type: ignore[misc]
    """A canvas that compresses each page's drawing as soon as the page is done.

    ReportLab keeps every page's content as text until the file is saved; for a register
    book of 14,000 pages that is hundreds of megabytes. Compressed at once it is a fifth of
    that, and the file's bytes are the same."""

    def showPage(self) -> None:
        """Finish the page, then swap its content for the compressed stream."""
        super().showPage()
        page = self._doc.Pages.pages[-1]
        if page.compression and isinstance(page.stream, str) and not page.Contents:
            contents = PDFStream(content=PDFZCompress.encode(page.stream))
            contents.dictionary["Filter"] = PDFArray([PDFName("FlateDecode")])
            contents.__Comment__ = "page stream"
            page.Contents = contents
            page.stream = None


class NumberedCanvas(CompactCanvas):
    """A canvas that holds every page until the document ends, then decorates each with the
    page count known ("Halaman X dari Y")."""

    def __init__(self, *args: Any, decorate: PageDecorator, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        """Keep the page instead of writing it out, its drawing compressed: 8,500 pages of a
        Daftar Hadir held as text would take gigabytes (issue 11, point 10)."""
        state = dict(self.__dict__)
        state["_code"] = zlib.compress("\n".join(self._code).encode("utf-8"), 1)
        self._pages.append(state)
        self._startPage()

    def save(self) -> None:
        """Decorate every kept page with the total, then write the file (the page's drawing
        restored as one piece: ReportLab joins the pieces with newlines, so the bytes are the
        same)."""
        total = len(self._pages)
        pages, self._pages = self._pages, []
        pages.reverse()
        number = 0
        while pages:
            state = pages.pop()
            number += 1
            state["_code"] = [zlib.decompress(state["_code"]).decode("utf-8")]
            self.__dict__.update(state)
            self._decorate(self, number, total)
            super().showPage()
        super().save()


class _LazyStory(list[Any]):
    """A story that pulls its flowables from an iterator as the build consumes them, so a
    register of 300,000 rows never sits in memory as 15,000 tables at once.

    ``BaseDocTemplate.build`` asks ``len(story)`` before each flowable and takes
    ``story[0]``; keeping a few flowables ready is enough."""

    def __init__(self, source: Iterable[Any]) -> None:
        super().__init__()
        self._source: Iterator[Any] | None = iter(source)

    def __len__(self) -> int:
        while self._source is not None and super().__len__() < 2:
            item = next(self._source, None)
            if item is None:
                self._source = None
            else:
                self.append(item)
        return super().__len__()


@dataclass(frozen=True)
class DocumentInfo:
    """The PDF's metadata."""

    title: str
    author: str = ""
    subject: str = ""


def build_document(
    target: str | BinaryIO,
    story: Iterable[Flowable],
    setup: PageSetup,
    info: DocumentInfo,
    decorate: PageDecorator,
    *,
    total_pages: int | None = None,
    invariant: bool = False,
    on_page: Callable[[int], None] | None = None,
) -> int:
    """Write ``story`` to ``target``; the number of pages.

    ``decorate(canvas, page, total)`` draws the running header and footer of each page. With
    ``total_pages`` given the footers are drawn as the pages are made; without it the pages
    wait in a :class:`NumberedCanvas` until the count is known. ``invariant`` gives the same
    bytes for the same input (fixed dates and ids), for tests. ``on_page(n)`` is called as
    each page is laid out (progress; an exception raised there stops the build).
    """
    register_fonts()
    # Binary Flate streams, not ASCII85 on top: a fifth smaller and faster to write; every
    # PDF reader (and pyHanko) reads them.
    rl_config.useA85 = 0
    doc = BaseDocTemplate(
        target,
        pagesize=setup.pagesize,
        leftMargin=setup.left,
        rightMargin=setup.right,
        topMargin=setup.top,
        bottomMargin=setup.bottom,
        title=info.title,
        author=info.author,
        subject=info.subject,
        creator="Kuorum",
        invariant=int(invariant),
        initialFontName=REGULAR,  # or ReportLab references a non-embedded Helvetica
        pageCompression=1,
    )
    frame = Frame(
        setup.left,
        setup.bottom,
        setup.frame_width,
        setup.frame_height,
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
        id="body",
    )
    pages = [0]

    def page_done(canv: Canvas, _doc: BaseDocTemplate) -> None:
        pages[0] = canv.getPageNumber()
        if on_page is not None:
            on_page(pages[0])
        if total_pages is not None:
            canv.saveState()
            decorate(canv, pages[0], total_pages)
            canv.restoreState()

    doc.addPageTemplates([PageTemplate(id="page", frames=[frame], onPageEnd=page_done)])
    if total_pages is None:

        def numbered(*args: Any, **kwargs: Any) -> NumberedCanvas:
            return NumberedCanvas(*args, decorate=_saved_state(decorate), **kwargs)

        doc.build(_LazyStory(story), canvasmaker=numbered)
    else:
        doc.build(_LazyStory(story), canvasmaker=CompactCanvas)
    return pages[0]


def _saved_state(decorate: PageDecorator) -> PageDecorator:
    def run(canv: Canvas, page: int, total: int) -> None:
        canv.saveState()
        decorate(canv, page, total)
        canv.restoreState()

    return run


def footer(
    canv: Canvas, setup: PageSetup, t: Translator, page: int, total: int, left_text: str = ""
) -> None:
    """The standard footer: ``left_text`` at the left, "Halaman X dari Y" at the right, under
    a hairline."""
    width, _height = setup.pagesize
    y = setup.bottom - 6 * mm
    canv.setStrokeColor(colors.grey)
    canv.setLineWidth(0.3)
    canv.line(setup.left, y + 3.2 * mm, width - setup.right, y + 3.2 * mm)
    canv.setFillColor(colors.black)
    canv.setFont(REGULAR, 7.5)
    if left_text:
        canv.drawString(setup.left, y, left_text)
    canv.drawRightString(
        width - setup.right,
        y,
        t.tr("Halaman {page} dari {total}", page=t.number(page), total=t.number(total)),
    )
