"""The berita acara's annexes after the Daftar Hadir (DESIGN.md section 4): the
Rekapitulasi Hasil Pemungutan Suara, the list of named votes of each open ballot, and the list
of proxies (surat kuasa).

Everything arrives as text ready to print (the service translates and words it); this module
lays it out. Each annex starts on a page of its own under "LAMPIRAN II", "LAMPIRAN III" …;
the long lists (thousands of named votes or proxies) go through
:func:`assembly.pdf.fixed_tables.fixed_tables`, so they cost what the Daftar Hadir costs.
A secret ballot never gets a list: only its totals and how many took part appear, in the
recapitulation (DESIGN.md section 3).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    PageBreak,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from assembly.i18n import Translator
from assembly.pdf.fixed_tables import GREY, fixed_table_stream, fixed_tables
from assembly.pdf.fonts import BOLD, REGULAR
from assembly.pdf.layout import PageSetup, Walkable, escape, long_date, styles
from assembly.pdf.page_marks import PageMark

ROMAN = ("I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII", "XIII",
         "XIV", "XV", "XVI", "XVII", "XVIII", "XIX", "XX")  # fmt: skip
_RECAP_SHARES = (0.05, 0.24, 0.11, 0.13, 0.19, 0.12, 0.16)
_VOTE_SHARES = (0.09, 0.14, 0.34, 0.18, 0.25)  # "No." holds six digits (150,000 votes)
_PROXY_SHARES = (0.06, 0.27, 0.27, 0.17, 0.11, 0.12)


@dataclass(frozen=True)
class BallotLine:
    """One ballot in the recapitulation: its number, the agenda item, what was voted on, how,
    the quorum snapshot (present, entitled to vote), how many took part, the tally (label and
    count, or candidate and votes), the rule, the result, and a note (cancelled, re-vote,
    run-off)."""

    number: int
    item: str
    subject: str
    mode: str
    present: int
    eligible: int
    voted: int
    tally: tuple[tuple[str, int], ...]
    rule: str
    result: str
    note: str = ""
    cancelled: bool = False
    ballot_id: int | None = None  # the ballot's own number in the records


@dataclass(frozen=True)
class NamedVoteLine:
    """One named vote: member number, name, the choice, and who cast it under a surat kuasa
    (the holder's number and name), if anyone."""

    number: str
    name: str
    choice: str
    holder: str = ""


@dataclass(frozen=True)
class NamedVoteList:
    """The named votes of one open ballot."""

    ballot: BallotLine
    rows: Walkable[NamedVoteLine]  # walked once, a page at a time, as the build goes
    by_proxy: int = 0


@dataclass(frozen=True)
class ProxyLine:
    """One surat kuasa: grantor and holder ("0005 · Name"), its reference, date and state."""

    grantor: str
    holder: str
    reference: str
    granted_on: dt.date | None
    state: str


@dataclass(frozen=True)
class VoteAnnexes:
    """The annexes after the Daftar Hadir; ``first`` is the number of the first of them."""

    meeting_name: str
    ballots: Sequence[BallotLine] = ()
    named: Sequence[NamedVoteList] = ()
    proxies: Sequence[ProxyLine] = ()
    first: int = 2

    def titles(self, t: Translator) -> list[str]:
        """The annexes' titles in order, as the berita acara's list of annexes names them."""
        out = []
        if self.ballots:
            out.append(t.tr("Rekapitulasi Hasil Pemungutan Suara"))
        if self.named:
            out.append(t.tr("Daftar Suara Terbuka"))
        if self.proxies:
            out.append(t.tr("Daftar Surat Kuasa"))
        return out


def recap_place(annexes: VoteAnnexes) -> str:
    """ "LAMPIRAN II": where the recapitulation stands (for the page map)."""
    number = annexes.first
    return f"LAMPIRAN {ROMAN[number - 1] if number <= len(ROMAN) else number}"


def annex_story(
    annexes: VoteAnnexes,
    setup: PageSetup,
    t: Translator,
    page_map: dict[str, int] | None = None,
) -> list[Flowable]:
    """The flowables of the annexes, each from a new page; ``page_map`` receives the page
    of the recapitulation under :func:`recap_place`."""
    return list(annex_stream(annexes, setup, t, page_map))


def annex_stream(
    annexes: VoteAnnexes,
    setup: PageSetup,
    t: Translator,
    page_map: dict[str, int] | None = None,
) -> Iterator[Flowable]:
    """The flowables of :func:`annex_story` one at a time, the long lists' tables made only
    when the build reaches them (issue 11, point 10)."""
    number = annexes.first
    width = setup.frame_width
    s = _styles()
    if annexes.ballots:
        yield from _opening(number, t.tr("Rekapitulasi Hasil Pemungutan Suara"), annexes, t)
        if page_map is not None:
            yield PageMark(recap_place(annexes), page_map)
        yield from _recap(annexes.ballots, width, s, t)
        number += 1
    if annexes.named:
        yield from _opening(number, t.tr("Daftar Suara Terbuka"), annexes, t)
        yield Paragraph(
            escape(
                t.tr(
                    "Pilihan setiap anggota pada pemungutan suara terbuka (per nama). "
                    "Pemungutan suara rahasia tidak dicantumkan: pilihan di sana tidak "
                    "tercatat atas nama siapa pun."
                )
            ),
            s["note"],
        )
        for i, named in enumerate(annexes.named):
            if i:
                yield CondPageBreak(40 * mm)
            yield from _named(named, width, s, t)
        number += 1
    if annexes.proxies:
        yield from _opening(number, t.tr("Daftar Surat Kuasa"), annexes, t)
        yield from _proxies(annexes.proxies, width, s, t)


def _styles() -> dict[str, ParagraphStyle]:
    base = styles(10)
    return {
        "annex": ParagraphStyle("annex", base["body"], fontName=BOLD, fontSize=9, leading=12),
        "title": base["title"],
        "subtitle": ParagraphStyle("asub", base["subtitle"], fontName=BOLD),
        "heading": ParagraphStyle(
            "ahead", base["body"], fontName=BOLD, spaceBefore=6, spaceAfter=2
        ),
        "note": ParagraphStyle("anote", base["body"], fontSize=8.5, leading=11, spaceAfter=4),
        "cell": ParagraphStyle("acell", base["body"], fontSize=7.5, leading=9.2),
        "head": ParagraphStyle(
            "ahcell", base["body"], fontName=BOLD, fontSize=7.5, leading=9.2, alignment=1
        ),
    }


def _opening(number: int, title: str, annexes: VoteAnnexes, t: Translator) -> list[Flowable]:
    s = _styles()
    roman = ROMAN[number - 1] if number <= len(ROMAN) else str(number)
    return [
        PageBreak(),
        Paragraph(escape(t.tr("LAMPIRAN {n}", n=roman)), s["annex"]),
        Spacer(1, 2 * mm),
        Paragraph(escape(title.upper()), s["title"]),
        Paragraph(escape(annexes.meeting_name.upper()), s["subtitle"]),
        Spacer(1, 5 * mm),
    ]


def _recap(
    ballots: Sequence[BallotLine], width: float, s: dict[str, ParagraphStyle], t: Translator
) -> list[Flowable]:
    cell, head = s["cell"], s["head"]
    header = [
        Paragraph(escape(h), head)
        for h in (
            t.tr("No."),
            t.tr("Acara dan pokok yang diputuskan"),
            t.tr("Cara"),
            t.tr("Kehadiran saat dibuka"),
            t.tr("Perolehan suara"),
            t.tr("Aturan"),
            t.tr("Hasil"),
        )
    ]
    rows: list[list[Flowable | str]] = [header]
    struck = []
    for n, b in enumerate(ballots, start=1):
        subject = f"<b>{escape(b.item)}</b><br/>{escape(b.subject)}"
        if b.note:
            subject += f"<br/><i>{escape(b.note)}</i>"
        attendance = "<br/>".join(
            (
                t.tr("hadir: {n}", n=t.number(b.present)),
                t.tr("berhak: {n}", n=t.number(b.eligible)),
                t.tr("memilih: {n}", n=t.number(b.voted)),
            )
        )
        tally = "<br/>".join(f"{escape(label)}: {t.number(count)}" for label, count in b.tally)
        rows.append(
            [
                Paragraph(str(b.number), cell),
                Paragraph(subject, cell),
                Paragraph(escape(b.mode), cell),
                Paragraph(attendance, cell),
                Paragraph(tally or "–", cell),
                Paragraph(escape(b.rule) or "–", cell),
                Paragraph(escape(b.result), cell),
            ]
        )
        if b.cancelled:
            struck.append(n)
    commands: list[tuple[object, ...]] = [
        ("FONT", (0, 0), (-1, -1), REGULAR, 7.5),  # or ReportLab emits a bare Helvetica
        ("GRID", (0, 0), (-1, -1), 0.35, GREY),
        ("BOX", (0, 0), (-1, -1), 0.5, GREY),
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#DDDDDD")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("VALIGN", (0, 0), (-1, 0), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    commands += [("BACKGROUND", (0, n), (-1, n), colors.HexColor("#F2F2F2")) for n in struck]
    table = Table(
        rows,
        colWidths=[share * width for share in _RECAP_SHARES],
        style=TableStyle(commands),
        repeatRows=1,
    )
    notes = [
        t.tr(
            "Kehadiran saat dibuka: anggota yang hadir dan yang berhak memberikan suara ketika "
            "pemungutan suara dibuka (pemeriksaan kuorum ulang); memilih: yang memberikan suara."
        ),
        t.tr(
            "Cara dihitung: angkat tangan atau kertas suara, dihitung bersama saksi penghitung "
            "suara; suara kosong dihitung tidak sah."
        ),
        t.tr(
            "Pada pemungutan suara rahasia hanya jumlah suara dan jumlah anggota yang "
            "memberikan suara yang dicatat; pilihan tidak terhubung dengan nama."
        ),
    ]
    return [table, Spacer(1, 3 * mm), *[Paragraph(escape(n), s["note"]) for n in notes]]


def _named(
    named: NamedVoteList, width: float, s: dict[str, ParagraphStyle], t: Translator
) -> Iterator[Flowable]:
    b = named.ballot
    heading = t.tr("Pemungutan suara No. {n}: {item}", n=b.number, item=b.item)
    counts = " · ".join(f"{label} {t.number(count)}" for label, count in b.tally)
    summary = t.tr(
        "{subject}. Perolehan: {counts}; {voted} suara, {proxy} di antaranya melalui kuasa.",
        subject=b.subject,
        counts=counts,
        voted=t.number(len(named.rows)),
        proxy=t.number(named.by_proxy),
    )
    header = [t.tr("No."), t.tr("Nomor\nAnggota"), t.tr("Nama"), t.tr("Pilihan"),
              t.tr("Keterangan")]  # fmt: skip
    rows = (  # made as the tables are, a page at a time
        [
            str(i),
            r.number,
            r.name,
            r.choice,
            t.tr("melalui kuasa: {holder}", holder=r.holder) if r.holder else "",
        ]
        for i, r in enumerate(named.rows, start=1)
    )
    yield Paragraph(escape(heading), s["heading"])
    yield Paragraph(escape(summary), s["note"])
    if b.note:  # a re-vote, a run-off, a vote corrected while the ballot was open
        yield Paragraph(f"<i>{escape(b.note)}</i>", s["note"])
    if not named.rows:
        yield Paragraph(escape(t.tr("Tidak ada suara yang tercatat.")), s["note"])
    yield from fixed_table_stream(header, rows, [share * width for share in _VOTE_SHARES])


def _proxies(
    proxies: Sequence[ProxyLine], width: float, s: dict[str, ParagraphStyle], t: Translator
) -> list[Flowable]:
    header = [t.tr("No."), t.tr("Pemberi kuasa"), t.tr("Penerima kuasa"),
              t.tr("Surat kuasa"), t.tr("Tanggal"), t.tr("Status")]  # fmt: skip
    rows = [
        [
            str(i),
            p.grantor,
            p.holder,
            p.reference,
            long_date(p.granted_on, t) if p.granted_on else "–",
            p.state,
        ]
        for i, p in enumerate(proxies, start=1)
    ]
    note = t.tr(
        "Gugur: pemberi kuasa kemudian hadir sendiri, sehingga kuasanya tidak lagi berlaku. "
        "Pemegang kuasa memberikan suara pemberi kuasa secara terpisah dari suaranya sendiri."
    )
    return [
        *fixed_tables(
            header,
            rows,
            [share * width for share in _PROXY_SHARES],
            [("ALIGN", (4, 1), (5, -1), "CENTER")],
        ),
        Spacer(1, 3 * mm),
        Paragraph(escape(note), s["note"]),
    ]
