"""How the berita acara writes dates, times, numbers and names (law.md rules 35-36).

Small pure functions shared by the minutes' content and the events placed into it: numbers as
digits followed by their terbilang, "14 Maret 2026", "09.00 WIB", the meeting's name, the
town of the place-and-date line, and Indonesian lists ("a, b, dan c").
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from assembly.domain.cooperative import Cooperative
from assembly.domain.meeting import Meeting, meeting_title
from assembly.i18n import Translator

Spell = Callable[[int], str]  # the terbilang of a number: 14 -> "empat belas"


@dataclass(frozen=True)
class Terbilang:
    """A :data:`Spell` that also knows how its language groups thousands: "1.250" in
    Indonesian, "1,250" in English."""

    words: Callable[[int], str]
    separator: str = "."

    def __call__(self, number: int) -> str:
        return self.words(number)


def digits(number: int, spell: Spell) -> str:
    """The number with the thousands separator of ``spell``'s language ("." by default)."""
    return f"{number:,}".replace(",", getattr(spell, "separator", "."))


def with_words(number: int, spell: Spell) -> str:
    """ "1.250 (seribu dua ratus lima puluh)": digits, then the terbilang (law.md rule 36)."""
    return f"{digits(number, spell)} ({spell(number)})"


def long_date(day: dt.date, t: Translator) -> str:
    """ "14 Maret 2026"."""
    return f"{day.day} {month_name(day.month, t)} {day.year}"


def month_name(month: int, t: Translator) -> str:
    """The month's name: "Maret"."""
    names = (
        t.tr("Januari"),
        t.tr("Februari"),
        t.tr("Maret"),
        t.tr("April"),
        t.tr("Mei"),
        t.tr("Juni"),
        t.tr("Juli"),
        t.tr("Agustus"),
        t.tr("September"),
        t.tr("Oktober"),
        t.tr("November"),
        t.tr("Desember"),
    )
    return names[month - 1]


def day_name(day: dt.date, t: Translator) -> str:
    """ "Sabtu" for 14 March 2026."""
    names = (
        t.tr("Senin"),
        t.tr("Selasa"),
        t.tr("Rabu"),
        t.tr("Kamis"),
        t.tr("Jumat"),
        t.tr("Sabtu"),
        t.tr("Minggu"),
    )
    return names[day.weekday()]


def clock(moment: dt.time | dt.datetime, zone: str) -> str:
    """ "09.00 WIB" (law.md rule 35)."""
    return f"{moment.hour:02d}.{moment.minute:02d} {zone}"


def meeting_name(meeting: Meeting, t: Translator) -> str:
    """ "Rapat Anggota Tahunan", in the document's language."""
    return t.tr(meeting.kind.key)


def full_title(meeting: Meeting, t: Translator) -> str:
    """ "Rapat Anggota Tahunan Tahun Buku 2025", with the subject when there is one."""
    return meeting_title(meeting.kind, meeting.financial_year, meeting.subject, t)


def cooperative_name(coop: Cooperative) -> str:
    """The cooperative's name with "Koperasi" in front unless it already says so."""
    name = coop.name.strip()
    return name if name.lower().startswith(("koperasi", "kop.")) else f"Koperasi {name}"


def place_of(coop: Cooperative) -> str:
    """The town for "[Kota], [tanggal]": "Sleman" from "Kabupaten Sleman, DI Yogyakarta"."""
    return town(coop.city)


def town(city: str) -> str:
    """The town of an address's city line, for "[Kota], [tanggal]": "Sleman" from
    "Kabupaten Sleman, DI Yogyakarta 55283" (never the province or the postcode)."""
    name = city.split(",")[0].strip()
    for prefix in ("Kabupaten ", "Kab. ", "Kota "):
        if name.startswith(prefix):
            name = name[len(prefix) :]
    return re.sub(r"\s*\d{5}$", "", name).strip()


_FRACTION = re.compile(r"\b(\d+)/(\d+)\b")


def fractions_in_words(text: str, spell: Spell, t: Translator) -> str:
    """ "lebih dari 1/2 (satu per dua) jumlah anggota": each fraction followed by its words."""

    def words(match: re.Match[str]) -> str:
        top, bottom = int(match.group(1)), int(match.group(2))
        spelled = t.tr("{top} per {bottom}", top=spell(top), bottom=spell(bottom))
        return f"{match.group(0)} ({spelled})"

    return _FRACTION.sub(words, text)


def joined(parts: Sequence[str], t: Translator) -> str:
    """ "a", "a dan b", "a, b, dan c", as Indonesian lists are written."""
    if len(parts) <= 1:
        return "".join(parts)
    if len(parts) == 2:
        return t.tr("{first} dan {last}", first=parts[0], last=parts[1])
    return t.tr("{first}, dan {last}", first=", ".join(parts[:-1]), last=parts[-1])


def sentence(text: str) -> str:
    """The text as a sentence: stripped, with a full stop unless it already ends in one."""
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else text + "."


def bare_article(article: str) -> str:
    """ "20 ayat (2)" from "Pasal 20 ayat (2)", so a sentence writes "Pasal" once."""
    article = article.strip()
    return article[6:].strip() if article.lower().startswith("pasal ") else article
