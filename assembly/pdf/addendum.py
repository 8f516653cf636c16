"""The "Adendum Berita Acara": a correction to minutes already signed and locked.

A signed berita acara is never edited (any change would break its signatures, UU ITE Pasal
11); a correction is a new short document that names the signed file by its SHA-256, file
name and signing date, states the correction, and carries its own signature fields for the
chair and the secretary. It uses the letterhead and footer of every Kuorum document. The
document information dictionary identifies it (subject and keywords), so signing it can
check it belongs to the meeting.
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Paragraph, Spacer, Table, TableStyle

from assembly.domain.cooperative import Cooperative
from assembly.i18n import Translator, translator
from assembly.pdf.fonts import BOLD, REGULAR
from assembly.pdf.layout import (
    DocumentInfo,
    Letterhead,
    PageSetup,
    build_document,
    escape,
    footer,
    styles,
)
from assembly.pdf.minutes import SIGN_ROOM, SignatureRoom

KEYWORD = "kuorum-adendum"  # in /Keywords: how signing recognises an addendum


@dataclass(frozen=True)
class AddendumContent:
    """What the addendum says. ``cited_*`` describe the signed berita acara it corrects;
    ``signed_on`` is that document's signing date as the text writes it."""

    cooperative: Cooperative
    meeting_id: int
    meeting_title: str
    document_number: str
    sequence: int
    cited_file: str
    cited_sha256: str
    signed_on: str
    correction: str
    place_date: str
    chair: str
    secretary: str


def keywords(meeting_id: int, cited_sha256: str) -> str:
    """The /Keywords line of an addendum: marker, meeting and the cited hash."""
    return f"{KEYWORD}; rapat={meeting_id}; sha256={cited_sha256}"


def write_addendum(
    target: BinaryIO,
    content: AddendumContent,
    setup: PageSetup | None = None,
    *,
    language: str = "id",
    invariant: bool = False,
) -> int:
    """Write the addendum to ``target`` with empty signature fields; the page count."""
    setup = setup or PageSetup()
    t = translator(language)
    s = _styles()
    number = t.tr(
        "Adendum ke-{n} atas Berita Acara Nomor: {number}",
        n=content.sequence,
        number=content.document_number,
    )
    story: list[Flowable] = [
        Letterhead(content.cooperative, t),
        Spacer(1, 6 * mm),
        Paragraph(escape(t.tr("ADENDUM BERITA ACARA")), s["title"]),
        Paragraph(escape(content.meeting_title.upper()), s["subtitle"]),
        Paragraph(escape(number), s["centre"]),
        Spacer(1, 6 * mm),
        Paragraph(
            escape(
                t.tr(
                    "Adendum ini memperbaiki Berita Acara {meeting} Nomor {number} yang telah "
                    "ditandatangani secara elektronik dan dikunci. Berita acara yang "
                    "diperbaiki adalah berkas berikut:",
                    meeting=content.meeting_title,
                    number=content.document_number,
                )
            ),
            s["body"],
        ),
        Spacer(1, 2 * mm),
        _cited_table(content, setup, t),
        Spacer(1, 4 * mm),
        Paragraph(escape(t.tr("Perbaikan:")), s["heading"]),
    ]
    for paragraph in [p.strip() for p in content.correction.split("\n\n") if p.strip()]:
        story.append(Paragraph(escape(paragraph).replace("\n", "<br/>"), s["quote"]))
    story += [
        Spacer(1, 4 * mm),
        Paragraph(
            escape(
                t.tr(
                    "Ketentuan lain dalam berita acara tersebut tetap berlaku. Adendum ini "
                    "merupakan bagian yang tidak terpisahkan dari berita acara tersebut."
                )
            ),
            s["body"],
        ),
        Paragraph(
            escape(
                t.tr(
                    "Demikian adendum ini dibuat dengan sebenarnya untuk dapat dipergunakan "
                    "sebagaimana mestinya."
                )
            ),
            s["body"],
        ),
        Spacer(1, 8 * mm),
        KeepTogether(_signatures(content, setup, t)),
    ]
    hash_line = t.tr("Mengutip SHA-256 {hash}", hash=content.cited_sha256)

    def decorate(canv: Canvas, page: int, total: int) -> None:
        # DocumentInfo has no keywords; the canvas writes them into /Info at save.
        canv.setKeywords(keywords(content.meeting_id, content.cited_sha256))
        footer(canv, setup, t, page, total, hash_line)

    raw = io.BytesIO()
    pages = build_document(
        raw,
        story,
        setup,
        DocumentInfo(
            title=t.tr("Adendum Berita Acara {meeting}", meeting=content.meeting_title),
            author=content.cooperative.name,
            subject=number,
        ),
        decorate,
        invariant=invariant,
    )
    target.write(raw.getvalue())
    return pages


def _styles() -> dict[str, ParagraphStyle]:
    base = styles(10.5)
    body = ParagraphStyle("abody", base["body"], alignment=TA_JUSTIFY, leading=15, spaceAfter=3)
    return {
        "body": body,
        "centre": ParagraphStyle("acentre", body, alignment=TA_CENTER),
        "title": ParagraphStyle("atitle", base["title"], fontSize=14, leading=18),
        "subtitle": ParagraphStyle("asub", body, fontName=BOLD, alignment=TA_CENTER),
        "heading": ParagraphStyle("ahead", body, fontName=BOLD, spaceBefore=4),
        "quote": ParagraphStyle("aquote", body, leftIndent=9 * mm),
        "cell": ParagraphStyle("acell", body, alignment=0, leading=13, spaceAfter=0),
        "hash": ParagraphStyle("ahash", body, fontSize=9, leading=12, spaceAfter=0),
    }


def _cited_table(content: AddendumContent, setup: PageSetup, t: Translator) -> Table:
    s = _styles()
    sha = content.cited_sha256
    rows = [
        (t.tr("Nama berkas"), Paragraph(escape(content.cited_file), s["cell"])),
        (t.tr("SHA-256"), Paragraph(f"{sha[:32]}<br/>{sha[32:]}", s["hash"])),
        (t.tr("Tanggal penandatanganan"), Paragraph(escape(content.signed_on), s["cell"])),
    ]
    label_width = 48 * mm
    table = Table(
        [[Paragraph(escape(str(label)), s["cell"]), value] for label, value in rows],
        colWidths=[label_width, setup.frame_width - label_width - 9 * mm],
        hAlign="RIGHT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 10),
                ("GRID", (0, 0), (-1, -1), 0.4, "#777777"),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ]
        )
    )
    return table


def _signatures(content: AddendumContent, setup: PageSetup, t: Translator) -> list[Flowable]:
    s = _styles()
    half = setup.frame_width / 2
    room = half - 16 * mm
    people = (
        (t.tr("Ketua"), "TTD_Ketua", content.chair),
        (t.tr("Sekretaris/Notulis"), "TTD_Sekretaris", content.secretary),
    )
    centre = s["centre"]
    blank = " " * 30
    rows = [
        ["", Paragraph(escape(content.place_date), centre)],
        [Paragraph(escape(t.tr("Pimpinan Rapat,")), centre), ""],
        [Paragraph(escape(f"{role},"), centre) for role, _f, _n in people],
        [SignatureRoom(field, room, SIGN_ROOM) for _r, field, _n in people],
        [
            Paragraph(f"( <u><b>{escape(name or blank)}</b></u> )", centre)
            for _r, _f, name in people
        ],
    ]
    table = Table(
        rows,
        colWidths=[half, half],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("SPAN", (0, 1), (-1, 1)),
            ]
        ),
    )
    return [table]
