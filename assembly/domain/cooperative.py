"""The cooperative itself: the identity that heads every document."""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from enum import StrEnum

from assembly.domain.errors import Problem
from assembly.i18n import N_, tr


class Level(StrEnum):
    """Primary (members are persons) or secondary (members are cooperatives)."""

    PRIMARY = "primer"
    SECONDARY = "sekunder"  # only here may votes be weighted, UU 25/1992 Pasal 24(4)

    @property
    def key(self) -> str:
        """The level as the profile shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return N_("Koperasi primer") if self is Level.PRIMARY else N_("Koperasi sekunder")


class TimeZone(StrEnum):
    """Indonesian time zones as documents name them, with their offset from UTC in hours."""

    WIB = "WIB"
    WITA = "WITA"
    WIT = "WIT"

    @property
    def utc_offset_hours(self) -> int:
        """Hours ahead of UTC."""
        return {TimeZone.WIB: 7, TimeZone.WITA: 8, TimeZone.WIT: 9}[self]

    @property
    def key(self) -> str:
        """The zone with its long name: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            TimeZone.WIB: N_("WIB (Waktu Indonesia Barat)"),
            TimeZone.WITA: N_("WITA (Waktu Indonesia Tengah)"),
            TimeZone.WIT: N_("WIT (Waktu Indonesia Timur)"),
        }[self]


@dataclass(frozen=True)
class Cooperative:
    """The cooperative's profile. ``code`` is its part of document numbers (KOP-XYZ)."""

    name: str
    legal_entity_number: str = ""  # nomor badan hukum
    registration_number: str = ""  # Nomor Induk Koperasi (NIK koperasi), not a KTP NIK
    address: str = ""
    city: str = ""
    level: Level = Level.PRIMARY
    time_zone: TimeZone = TimeZone.WIB
    fiscal_year_end_month: int = 12
    fiscal_year_end_day: int = 31
    code: str = ""


def validate_cooperative(coop: Cooperative) -> list[Problem]:
    """The problems in a cooperative profile, each naming its field."""
    problems: list[Problem] = []
    if not coop.name.strip():
        problems.append(Problem(tr("Nama koperasi wajib diisi"), tr("Nama koperasi")))
    number = coop.registration_number.strip()
    if number and not (number.isdigit() and len(number) == 16):
        problems.append(
            Problem(
                tr("Nomor Induk Koperasi biasanya 16 angka"),
                tr("Nomor Induk Koperasi"),
                warning=True,
            )
        )
    if not 1 <= coop.fiscal_year_end_month <= 12:
        problems.append(Problem(tr("Bulan antara 1 dan 12"), tr("Akhir tahun buku")))
    else:
        last = calendar.monthrange(2001, coop.fiscal_year_end_month)[1]
        if not 1 <= coop.fiscal_year_end_day <= last:
            problems.append(Problem(tr("Tanggal tidak ada pada bulan itu"), tr("Akhir tahun buku")))
    if coop.code and not all(c.isalnum() or c in "-." for c in coop.code):
        problems.append(
            Problem(tr("Hanya huruf, angka, tanda - dan ."), tr("Kode untuk nomor dokumen"))
        )
    return problems
