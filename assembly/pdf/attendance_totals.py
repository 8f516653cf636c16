"""The totals under the Daftar Hadir: members of the quorum base by channel, those present
outside it by category (calon anggota, anggota luar biasa, anggota without the vote), each
marked in the list, and everyone (DESIGN.md sections 3-4)."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Protocol

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from assembly.domain.attendance import Channel
from assembly.domain.members import Category
from assembly.i18n import Translator
from assembly.pdf.fonts import BOLD, REGULAR
from assembly.pdf.layout import escape, styles

# The marks after the name of an attendee outside the quorum base.
MARKS = {Category.CANDIDATE: "[C]", Category.EXTRAORDINARY: "[LB]"}
NO_VOTE_MARK = "[TS]"  # an anggota present without the vote (e.g. arrears, when the AD says so)


class Listed(Protocol):
    """What the totals read of a row of the list."""

    @property
    def channel(self) -> Channel: ...

    @property
    def category(self) -> Category: ...

    @property
    def counted(self) -> bool: ...


@dataclass(frozen=True)
class AttendanceTotals:
    """The totals under the list: members of the quorum base by channel, the others by
    category, everyone."""

    by_channel: dict[Channel, int]
    others: dict[Category, int]
    everyone: int

    @classmethod
    def of(cls, rows: Iterable[Listed]) -> AttendanceTotals:
        """The totals of ``rows``, counted in one pass."""
        counter = cls.counter()
        for r in rows:
            counter.add(r)
        return counter.totals()

    @staticmethod
    def counter() -> TotalsCounter:
        """A counter to give the rows one at a time (a list read in chunks)."""
        return TotalsCounter()


class TotalsCounter:
    """The totals of rows given one at a time."""

    def __init__(self) -> None:
        self.channels: Counter[Channel] = Counter()
        self.others: Counter[Category] = Counter()
        self.everyone = 0

    def add(self, row: Listed) -> None:
        """Count one more row."""
        self.everyone += 1
        if row.counted:
            self.channels[row.channel] += 1
        else:
            self.others[row.category] += 1

    def totals(self) -> AttendanceTotals:
        """The totals of the rows given so far."""
        return AttendanceTotals(
            {c: self.channels.get(c, 0) for c in Channel},
            {c: self.others.get(c, 0) for c in Category},
            self.everyone,
        )


def totals_flowables(
    totals: AttendanceTotals, t: Translator, *, blank: bool = False
) -> list[Flowable]:
    """The totals table, and the note on the marks when any are used; ``blank`` leaves dotted
    gaps to fill in by hand (the form printed before the meeting)."""

    def people(n: int) -> str:
        if blank:
            return t.trn("{n} orang", "{n} orang", 2, n="........")  # a count still to come
        return t.trn("{n} orang", "{n} orang", n, n=t.number(n))

    lines = [
        (t.tr("Hadir langsung"), totals.by_channel[Channel.IN_PERSON]),
        (t.tr("Hadir daring"), totals.by_channel[Channel.ONLINE]),
        (t.tr("Diwakili dengan surat kuasa"), totals.by_channel[Channel.PROXY]),
    ]
    data = [[t.tr("Jumlah hadir:"), "", ""]]
    data += [[f"{i}. {label}", ":", people(n)] for i, (label, n) in enumerate(lines, start=1)]
    data.append(
        [
            t.tr("Anggota yang diperhitungkan dalam kuorum"),
            ":",
            people(sum(totals.by_channel.values())),
        ]
    )
    marked = (
        (
            Category.CANDIDATE,
            MARKS[Category.CANDIDATE],
            t.tr("Calon anggota {mark}", mark="{mark}"),
        ),
        (
            Category.EXTRAORDINARY,
            MARKS[Category.EXTRAORDINARY],
            t.tr("Anggota luar biasa {mark}", mark="{mark}"),
        ),
        (Category.MEMBER, NO_VOTE_MARK, t.tr("Anggota tanpa hak suara {mark}", mark="{mark}")),
    )
    data += [
        [label.format(mark=mark), ":", people(totals.others[c])]
        for c, mark, label in marked
        if totals.others[c] or c is not Category.MEMBER
    ]
    data.append([t.tr("Jumlah seluruhnya"), ":", people(totals.everyone)])
    summary = Table(
        data,
        colWidths=[80 * mm, 4 * mm, 30 * mm],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 10),
                ("FONT", (0, 0), (-1, 0), BOLD, 10),
                ("FONT", (0, -1), (-1, -1), BOLD, 10),
                ("LINEABOVE", (0, -1), (-1, -1), 0.6, colors.black),
                ("ALIGN", (2, 1), (2, -1), "RIGHT"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 1.5),
            ]
        ),
        hAlign="LEFT",
    )
    used = [mark for c, mark, _label in marked if totals.others[c]]
    if not used:
        return [summary]
    note = t.tr(
        "Yang bertanda {marks} hadir tetapi tidak diperhitungkan dalam kuorum dan tidak "
        "memberikan suara.",
        marks=", ".join(used),
    )
    return [summary, Spacer(1, 2 * mm), Paragraph(escape(note), styles(9)["body"])]
