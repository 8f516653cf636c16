"""The Surat Undangan Rapat Anggota: the letter that calls the members to the meeting.

It states what the annulled UU 17/2012 Pasal 34(4)-(5) asked of an invitation and what good
practice keeps (law.md section 6): hari, tanggal, waktu, tempat and acara, and that the meeting
materials can be read at the cooperative's office. One letter to all members, or one page per
member with the member's name.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

from reportlab.lib.units import mm
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

from assembly.domain.cooperative import Cooperative
from assembly.i18n import Translator, translator
from assembly.pdf.attendance_list import Signatory, signature_blocks
from assembly.pdf.dates import clock_with_zone, day_and_date
from assembly.pdf.fonts import REGULAR
from assembly.pdf.layout import (
    DocumentInfo,
    Letterhead,
    PageSetup,
    build_document,
    escape,
    long_date,
    styles,
)

BASE_SIZE = 10.0
# A letter keeps to one page: the letterhead sits higher than in a report.
LETTER_SETUP = PageSetup(top=12 * mm, bottom=14 * mm)


@dataclass(frozen=True)
class Addressee:
    """One member a personal letter goes to."""

    name: str
    number: str = ""


@dataclass(frozen=True)
class Invitation:
    """Everything the letter says: the meeting (title such as "Rapat Anggota Tahunan",
    financial year, day, start and zone, venue, online platform or link), its agenda, where
    and from when the materials can be read, the letter's number and date, and who signs."""

    cooperative: Cooperative
    meeting_title: str
    day: dt.date
    start: dt.time
    letter_date: dt.date
    agenda: tuple[str, ...]
    financial_year: int | None = None
    time_zone: str = "WIB"
    venue: str = ""
    online: str = ""
    number: str = ""
    attachment: str = "-"
    materials: str = ""  # "Laporan Pertanggungjawaban Pengurus, ..."; a default when empty
    materials_place: str = ""  # the cooperative's office when empty
    materials_from: dt.date | None = None
    signatories: tuple[Signatory, ...] = ()
    setup: PageSetup = LETTER_SETUP
    language: str | None = None


def meeting_name(inv: Invitation, t: Translator) -> str:
    """ "Rapat Anggota Tahunan Tahun Buku 2025"."""
    if inv.financial_year is None:
        return inv.meeting_title
    return t.tr("{meeting} Tahun Buku {year}", meeting=inv.meeting_title, year=inv.financial_year)


def write_invitation(
    target: str | BinaryIO,
    inv: Invitation,
    addressees: Sequence[Addressee] = (),
    *,
    invariant: bool = False,
    on_letters: Callable[[int], None] | None = None,
) -> int:
    """Write the letter to ``target``; the number of pages. With ``addressees`` there is one
    letter (starting on a new page) per member, addressed by name; without, one letter to all
    members. ``on_letters(done)`` is called as the letters are laid out; an exception it
    raises (a cancel) stops the work."""
    t = translator(inv.language)
    name = meeting_name(inv, t)
    letters: Sequence[Addressee | None] = list(addressees) or [None]

    def story() -> Iterator[Flowable]:
        for index, addressee in enumerate(letters):
            if index:
                yield PageBreak()
                if on_letters is not None:
                    on_letters(index)
            yield from _letter(inv, addressee, t)

    return build_document(
        target,
        story(),
        inv.setup,
        DocumentInfo(
            title=t.tr("Undangan {meeting}", meeting=name),
            author=inv.cooperative.name,
            subject=t.tr("Undangan {meeting}", meeting=name),
        ),
        _no_page_furniture,
        # A letter carries no page numbers; the count is only needed to draw them.
        total_pages=len(letters),
        invariant=invariant,
    )


def _no_page_furniture(_canvas: Canvas, _page: int, _total: int) -> None:
    """Letters have no running header or footer."""


def _letter(inv: Invitation, addressee: Addressee | None, t: Translator) -> list[Flowable]:
    style = styles(BASE_SIZE)
    body = style["body"]
    coop = inv.cooperative
    name = meeting_name(inv, t)

    def para(text: str) -> Paragraph:
        return Paragraph(text, body)

    def facts(rows: list[tuple[str, Flowable | str]], label_width: float) -> Table:
        return Table(
            [[label, ":", value] for label, value in rows],
            colWidths=[label_width, 4 * mm, None],
            hAlign="LEFT",
            style=TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), REGULAR, BASE_SIZE),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("TOPPADDING", (0, 0), (-1, -1), 0.5),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
                ]
            ),
        )

    header = facts(
        [
            (t.tr("Nomor"), escape(inv.number or "-")),
            (t.tr("Lampiran"), escape(inv.attachment or "-")),
            (t.tr("Perihal"), para(f"<b>{escape(t.tr('Undangan {meeting}', meeting=name))}</b>")),
        ],
        22 * mm,
    )
    if addressee is None:
        to = [t.tr("Bapak/Ibu Anggota {cooperative}", cooperative=_coop_name(coop.name, t))]
    else:
        to = [t.tr("Bapak/Ibu {name}", name=addressee.name)]
        if addressee.number:
            to.append(t.tr("Nomor Anggota {number}", number=addressee.number))
    recipient = [t.tr("Kepada Yth."), *to]
    if t.language == "id":
        # The closing line of an Indonesian address block; English letters have no such line.
        recipient.append("di Tempat")

    when = [
        (t.tr("Hari, tanggal"), day_and_date(inv.day, t)),
        (
            t.tr("Pukul"),
            t.tr("{time} s.d. selesai", time=clock_with_zone(inv.start, inv.time_zone)),
        ),
    ]
    if inv.venue:
        when.append((t.tr("Tempat"), para(escape(inv.venue))))
    if inv.online and inv.venue:
        when.append((t.tr("Sarana daring"), para(escape(inv.online))))
    elif inv.online:
        # A meeting held online only: the platform is its place (law.md section 8).
        when.append(
            (t.tr("Tempat"), para(escape(t.tr("Daring melalui {platform}", platform=inv.online))))
        )
    agenda = Table(
        [[f"{i}.", para(escape(item))] for i, item in enumerate(inv.agenda, start=1)],
        colWidths=[7 * mm, None],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, BASE_SIZE),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1),
            ]
        ),
    )
    when.append((t.tr("Acara"), agenda if inv.agenda else "-"))

    gap = Spacer(1, 2.5 * mm)
    story: list[Flowable] = [
        Letterhead(coop, t),
        Spacer(1, 3 * mm),
        header,
        Spacer(1, 4 * mm),
        *[para(escape(line)) for line in recipient],
        Spacer(1, 4 * mm),
        para(t.tr("Dengan hormat,")),
        gap,
        para(
            escape(
                t.tr(
                    "Dengan ini Pengurus mengundang Bapak/Ibu untuk menghadiri {meeting} "
                    "{cooperative} yang akan diselenggarakan pada:",
                    meeting=name,
                    cooperative=_coop_name(coop.name, t),
                )
            )
        ),
        gap,
        _indented(facts(when, 30 * mm)),
        gap,
    ]
    if inv.online and inv.venue:
        story += [
            para(
                escape(
                    t.tr(
                        "Rapat diselenggarakan secara hibrida: Bapak/Ibu dapat hadir langsung di tempat "
                        "rapat atau mengikuti secara daring melalui sarana di atas."
                    )
                )
            ),
            gap,
        ]
    story += [
        para(escape(_materials_sentence(inv, t))),
        gap,
        para(
            escape(
                t.tr(
                    "Mengingat pentingnya acara tersebut, kami mengharapkan kehadiran Bapak/Ibu tepat "
                    "pada waktunya dengan membawa Kartu Anggota."
                )
            )
        ),
        gap,
        para(
            escape(
                t.tr(
                    "Demikian undangan ini kami sampaikan. Atas perhatian dan kehadiran Bapak/Ibu, "
                    "kami ucapkan terima kasih."
                )
            )
        ),
    ]
    if inv.signatories:
        closing = story.pop()
        story.append(
            KeepTogether(
                [
                    closing,
                    Spacer(1, 4 * mm),
                    signature_blocks(
                        coop.city,
                        inv.letter_date,
                        inv.signatories,
                        t,
                        heading=t.tr(
                            "Pengurus {cooperative}", cooperative=_coop_name(coop.name, t)
                        ),
                        room=16 * mm,
                    ),
                ]
            )
        )
    return story


def _materials_sentence(inv: Invitation, t: Translator) -> str:
    """Where and from when the meeting materials can be read (UU 17/2012 Pasal 34(5) as good
    practice)."""
    materials = inv.materials or t.tr(
        "Laporan Pertanggungjawaban Pengurus, Laporan Pengawas, dan Laporan Keuangan"
    )
    coop = inv.cooperative
    place = inv.materials_place or t.tr(
        "Kantor {cooperative}", cooperative=_coop_name(coop.name, t)
    )
    if not inv.materials_place and coop.address:
        place = f"{place}, {coop.address}"
    if inv.materials_from is not None:
        return t.tr(
            "Bahan rapat ({materials}) dapat dibaca di {place}, mulai tanggal {date} pada jam kerja.",
            materials=materials,
            place=place,
            date=long_date(inv.materials_from, t),
        )
    return t.tr(
        "Bahan rapat ({materials}) dapat dibaca di {place} pada jam kerja.",
        materials=materials,
        place=place,
    )


def _coop_name(name: str, t: Translator) -> str:
    """The name as a sentence uses it: "Koperasi Sejahtera", adding "Koperasi" when the
    registered name lacks it ("KSP Sejahtera" is kept as is)."""
    lowered = name.lower()
    if lowered.startswith(("koperasi", "ksp", "ksu", "kud", "kopkar", "kopontren", "kopwan")):
        return name
    return t.tr("Koperasi {name}", name=name)


def _indented(flowable: Table) -> Table:
    """``flowable`` set in from the left margin, as the details of a letter are."""
    return Table(
        [["", flowable]],
        colWidths=[8 * mm, None],
        hAlign="LEFT",
        style=TableStyle(
            [
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("FONT", (0, 0), (-1, -1), REGULAR, BASE_SIZE),
            ]
        ),
    )
