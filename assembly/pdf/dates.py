"""Days and clock times as Indonesian formal documents write them (law.md section 10):
"Sabtu, 14 Maret 2026" and "pukul 09.00 WIB".

The names of days and months are the domain's (:mod:`assembly.domain.minutes_words`); this
module joins them and writes the clock, with the dot between hours and minutes. The zone names WIB, WITA and
WIT stay as they are in every language.
"""

from __future__ import annotations

import datetime as dt

from assembly.domain import minutes_words
from assembly.i18n import Translator
from assembly.pdf.layout import long_date


def day_name(day: dt.date, t: Translator) -> str:
    """ "Sabtu" for 14 March 2026."""
    return minutes_words.day_name(day, t)


def day_and_date(day: dt.date, t: Translator) -> str:
    """ "Sabtu, 14 Maret 2026"."""
    return f"{day_name(day, t)}, {long_date(day, t)}"


def clock(time: dt.time | dt.datetime) -> str:
    """ "09.12": hours and minutes with the dot of Indonesian usage."""
    return f"{time.hour:02d}.{time.minute:02d}"


def clock_with_zone(time: dt.time | dt.datetime, zone: str) -> str:
    """ "09.00 WIB"."""
    return f"{clock(time)} {zone}"


def pukul(time: dt.time | dt.datetime, zone: str, t: Translator) -> str:
    """ "pukul 09.00 WIB" as a letter's sentence writes it ("at 09.00 WIB" in English)."""
    return t.tr("pukul {time}", time=clock_with_zone(time, zone))
