"""The attendance clauses of the berita acara, each with the figures it states (issue 11):
the register at the cut-off, the members of the quorum base who attended by channel, and
those who attended outside it by category (DESIGN.md section 3)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping

from assembly.domain.attendance import Channel
from assembly.domain.figures import Figure
from assembly.domain.members import Category
from assembly.domain.minutes_words import Spell, joined, long_date, with_words
from assembly.i18n import Translator

Line = tuple[str, tuple[Figure, ...]]


def roll_line(cutoff: dt.date, registered: int, entitled: int, spell: Spell, t: Translator) -> Line:
    """ "Jumlah anggota tercatat dalam Buku Daftar Anggota per …: 1.194 (…) orang, di antaranya
    1.133 (…) orang memiliki hak suara." """
    roll = t.tr(
        "Jumlah anggota tercatat dalam Buku Daftar Anggota per {date}: {count} orang",
        date=long_date(cutoff, t),
        count=with_words(registered, spell),
    )
    if entitled != registered:
        roll += t.tr(
            ", di antaranya {count} orang memiliki hak suara", count=with_words(entitled, spell)
        )
    return roll + ".", (Figure("anggota.tercatat", registered), Figure("anggota.berhak", entitled))


def attended_line(attended: Mapping[Channel, int], spell: Spell, t: Translator) -> Line:
    """The members of the quorum base who attended at any time, by channel."""
    channels = (
        (Channel.IN_PERSON, t.tr("hadir langsung {n}")),
        (Channel.ONLINE, t.tr("hadir daring {n}")),
        (Channel.PROXY, t.tr("diwakili dengan surat kuasa {n}")),
    )
    parts = [
        text.format(n=with_words(attended.get(c, 0), spell))
        for c, text in channels
        if attended.get(c, 0) or c is Channel.IN_PERSON
    ]
    total = sum(attended.values())
    text = t.tr(
        "Anggota yang hadir selama rapat: {count} orang, terdiri atas {split}.",
        count=with_words(total, spell),
        split=joined(parts, t),
    )
    figures = tuple(Figure(f"hadir.{c.value}", attended.get(c, 0)) for c in Channel)
    return text, (*figures, Figure("hadir.jumlah", total))


def others_line(others: Mapping[Category, int], spell: Spell, t: Translator) -> list[Line]:
    """Those who attended outside the quorum base, by category (none: no line)."""
    if not others:
        return []
    names = {
        Category.CANDIDATE: t.tr("{count} calon anggota"),
        Category.EXTRAORDINARY: t.tr("{count} anggota luar biasa"),
        Category.MEMBER: t.tr("{count} anggota tanpa hak suara"),
    }
    listed = [names[c].format(count=with_words(others[c], spell)) for c in Category if c in others]
    text = t.tr(
        "Selain itu hadir {list}, yang tidak diperhitungkan dalam kuorum.", list=joined(listed, t)
    )
    return [(text, tuple(Figure(f"lain.{c.value}", others.get(c, 0)) for c in Category))]
