"""Member cards (Kartu Anggota) on A4 sheets, ten to a page, ready to cut.

Each card is ID-card size (85.6 × 54 mm, ISO/IEC 7810 ID-1) and carries the member number
twice in machine-readable form: a Code 128 barcode, which the USB desk scanner at the
check-in door reads and types as digits plus Enter, and a small QR code for phone cameras.
Cards sit edge to edge in a 2 × 5 grid with thin borders and cut marks in the margins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import BinaryIO

from reportlab.graphics.barcode.code128 import Code128
from reportlab.graphics.barcode.qrencoder import QRCode, QRErrorCorrectLevel
from reportlab.lib.colors import Color, HexColor, white
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from assembly.domain.members import Category, Member
from assembly.i18n import Translator, translator
from assembly.pdf.fonts import BOLD, REGULAR, register_fonts
from assembly.pdf.layout import Paper, long_date

CARD_WIDTH = 85.6 * mm
CARD_HEIGHT = 54 * mm
COLUMNS = 2
ROWS = 5
CARDS_PER_SHEET = COLUMNS * ROWS

_BAND = HexColor("#1F4E79")
_BORDER = Color(0.6, 0.6, 0.6)
_BAND_HEIGHT = 11 * mm
_PAD = 3.5 * mm
_QR_SIZE = 19 * mm
_BARCODE_HEIGHT = 11 * mm
_BARCODE_MAX_WIDTH = 62 * mm
# A desk scanner wants bars at least ~0.25 mm wide (the "X dimension"); wider is easier.
_BAR_WIDTH_MAX = 0.38 * mm
_BAR_WIDTH_MIN = 0.19 * mm
_CUT_MARK = 4 * mm
_QR_MASK = 2  # vertical stripes; any of the eight masks is valid


@dataclass(frozen=True)
class CardSheetOptions:
    """How the sheets are printed: paper ("A4" or "F4") and byte-identical output for tests."""

    paper: Paper = Paper.A4
    invariant: bool = False
    language: str = "id"


def member_barcode(number: str) -> Code128:
    """The Code 128 barcode of exactly ``number``, sized for the card.

    The bar width shrinks for long numbers so the code (with its quiet zones) stays within
    the card, but never below what a desk scanner still reads."""
    bar_width = _BAR_WIDTH_MAX
    while True:
        code = Code128(number, barWidth=bar_width, barHeight=_BARCODE_HEIGHT, humanReadable=False)
        if code.width <= _BARCODE_MAX_WIDTH or bar_width <= _BAR_WIDTH_MIN:
            return code
        bar_width = max(_BAR_WIDTH_MIN, bar_width * 0.9)


def member_qr(number: str) -> QRCode:
    """The QR code of exactly ``number`` (error correction level M).

    The mask pattern is fixed rather than searched: every mask gives a valid code that any
    reader decodes, and the search over eight masks costs ~10 ms a card, which adds up to
    minutes for a register of thousands."""
    code = QRCode(None, QRErrorCorrectLevel.M)
    code.addData(number)
    code.version = code.calculate_version()
    code.makeImpl(False, _QR_MASK)
    return code


def _draw_qr(canvas: Canvas, code: QRCode, x: float, y: float, size: float) -> None:
    """``code`` as one filled path of dark runs, ``size`` square with a one-module quiet
    zone, its lower-left corner at (x, y)."""
    count = code.getModuleCount()
    box = size / (count + 2)
    path = canvas.beginPath()
    for row, modules in enumerate(code.modules):
        column = 0
        for dark, run in groupby(modules):
            length = len(list(run))
            if dark:
                path.rect(x + (column + 1) * box, y + size - (row + 2) * box, length * box, box)
            column += length
    canvas.drawPath(path, stroke=0, fill=1)


def write_member_cards(
    out: str | BinaryIO,
    cooperative_name: str,
    members: Sequence[Member],
    options: CardSheetOptions = CardSheetOptions(),
    on_cards: Callable[[int], None] | None = None,
) -> int:
    """Write the cards of ``members`` (in the given order) to ``out``; the number of sheets.

    ``on_cards(done)`` is called after each sheet; an exception it raises (a cancel) stops
    the work."""
    register_fonts()
    t = translator(options.language)
    width, height = options.paper.size
    canvas = Canvas(out, pagesize=(width, height), invariant=int(options.invariant))
    canvas.setTitle(t.tr("Kartu Anggota {name}", name=cooperative_name))
    canvas.setAuthor(cooperative_name)
    canvas.setCreator("Kuorum")
    left = (width - COLUMNS * CARD_WIDTH) / 2
    bottom = (height - ROWS * CARD_HEIGHT) / 2
    sheets = 0
    for start in range(0, max(len(members), 1), CARDS_PER_SHEET):
        sheet = members[start : start + CARDS_PER_SHEET]
        _cut_marks(canvas, left, bottom)
        for index, member in enumerate(sheet):
            row, column = divmod(index, COLUMNS)
            x = left + column * CARD_WIDTH
            y = bottom + (ROWS - 1 - row) * CARD_HEIGHT
            _card(canvas, x, y, cooperative_name, member, t)
        canvas.showPage()
        sheets += 1
        if on_cards is not None:
            on_cards(start + len(sheet))
    canvas.save()
    return sheets


def _cut_marks(canvas: Canvas, left: float, bottom: float) -> None:
    """Short lines in the margin in line with every card edge, to guide the cutter."""
    canvas.saveState()
    canvas.setStrokeColor(_BORDER)
    canvas.setLineWidth(0.3)
    right = left + COLUMNS * CARD_WIDTH
    top = bottom + ROWS * CARD_HEIGHT
    gap = 1.5 * mm
    for column in range(COLUMNS + 1):
        x = left + column * CARD_WIDTH
        canvas.line(x, top + gap, x, top + gap + _CUT_MARK)
        canvas.line(x, bottom - gap, x, bottom - gap - _CUT_MARK)
    for row in range(ROWS + 1):
        y = bottom + row * CARD_HEIGHT
        canvas.line(left - gap, y, left - gap - _CUT_MARK, y)
        canvas.line(right + gap, y, right + gap + _CUT_MARK, y)
    canvas.restoreState()


def _fit(text: str, font: str, size: float, width: float, smallest: float) -> float:
    """The largest font size from ``size`` down to ``smallest`` at which ``text`` fits."""
    while size > smallest and stringWidth(text, font, size) > width:
        size -= 0.25
    return size


def _name_lines(name: str, width: float) -> tuple[float, list[str]]:
    """The name's font size and lines: one line if it fits at a readable size, else two,
    else three in small type; past that it is cut with an ellipsis."""
    size = _fit(name, BOLD, 9.5, width, 8)
    if stringWidth(name, BOLD, size) <= width:
        return size, [name]
    for size, most in ((8.5, 2), (7, 3)):
        lines = simpleSplit(name, BOLD, size, width)
        if len(lines) <= most and all(stringWidth(x, BOLD, size) <= width for x in lines):
            return size, lines
    more = len(lines) > 3
    kept = []
    for index, line in enumerate(lines[:3]):
        cut = more and index == 2
        while line and stringWidth(line + ("…" if cut else ""), BOLD, 7) > width:
            line, cut = line[:-1], True
        kept.append(line.rstrip(" ,") + ("…" if cut else ""))
    return 7, kept


def _card(
    canvas: Canvas, x: float, y: float, cooperative_name: str, member: Member, t: Translator
) -> None:
    """One card with its lower-left corner at (x, y)."""
    canvas.saveState()
    canvas.translate(x, y)
    inner = CARD_WIDTH - 2 * _PAD

    # Header band: the cooperative and the card's title.
    canvas.setFillColor(_BAND)
    canvas.rect(0, CARD_HEIGHT - _BAND_HEIGHT, CARD_WIDTH, _BAND_HEIGHT, stroke=0, fill=1)
    canvas.setFillColor(white)
    size = _fit(cooperative_name.upper(), BOLD, 7.5, inner, 5)
    canvas.setFont(BOLD, size)
    canvas.drawCentredString(CARD_WIDTH / 2, CARD_HEIGHT - 4.6 * mm, cooperative_name.upper())
    canvas.setFont(BOLD, 8)
    canvas.drawCentredString(CARD_WIDTH / 2, CARD_HEIGHT - 8.8 * mm, t.tr("KARTU ANGGOTA"))

    # The member: name (up to two lines), number large, category and join date.
    text_width = CARD_WIDTH - 2 * _PAD - _QR_SIZE - 2 * mm
    canvas.setFillColor(HexColor("#111111"))
    top = CARD_HEIGHT - _BAND_HEIGHT - 4.2 * mm
    name_size, lines = _name_lines(member.name, text_width)
    canvas.setFont(BOLD, name_size)
    for line in lines:
        canvas.drawString(_PAD, top, line)
        top -= name_size * 1.15
    number_size = _fit(member.number, BOLD, 15, text_width, 9)
    canvas.setFont(BOLD, number_size)
    canvas.drawString(_PAD, top - number_size * 0.95, member.number)
    top -= number_size * 0.95 + 3.6 * mm
    canvas.setFont(REGULAR, 7)
    canvas.drawString(
        _PAD, top, t.tr("Kategori: {category}", category=_category(member.category, t))
    )
    if member.joined_on is not None:
        joined = t.tr("Anggota sejak {date}", date=long_date(member.joined_on, t))
        canvas.drawString(_PAD, top - 3.2 * mm, joined)

    # Machine-readable number: QR on the right, Code 128 along the bottom.
    qr_y = CARD_HEIGHT - _BAND_HEIGHT - 1.5 * mm - _QR_SIZE
    _draw_qr(
        canvas, member_qr(member.number), CARD_WIDTH - _PAD - _QR_SIZE + 1 * mm, qr_y, _QR_SIZE
    )
    barcode = member_barcode(member.number)
    barcode.drawOn(canvas, (CARD_WIDTH - barcode.width) / 2, 2.6 * mm)

    canvas.setStrokeColor(_BORDER)
    canvas.setLineWidth(0.3)
    canvas.rect(0, 0, CARD_WIDTH, CARD_HEIGHT, stroke=1, fill=0)
    canvas.restoreState()


def _category(category: Category, t: Translator) -> str:
    return {
        Category.MEMBER: t.tr("Anggota"),
        Category.CANDIDATE: t.tr("Calon anggota"),
        Category.EXTRAORDINARY: t.tr("Anggota luar biasa"),
    }[category]
