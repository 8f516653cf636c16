"""The officers' signature fields: which role signs where, and how a stamp writes the time.

Kept free of pyHanko so that the screens and the command line can name roles and boxes
without loading the signing machinery (pyHanko takes over a second to import).
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.domain.meeting import signer_title
from assembly.i18n import Translator, tr

_WITNESS = re.compile(r"saksi(\d?)")
MAX_WITNESSES = 4


@dataclass(frozen=True)
class Role:
    """An officer who signs the berita acara, and the signature field that is theirs."""

    key: str  # "ketua", "sekretaris", "saksi1" … "saksi4", "mengetahui"
    field: str  # "TTD_Ketua" …
    slot: tuple[int, int]  # (column, row) of the fallback block at the foot of the page

    def title(self, words: Translator) -> str:
        """The role as the stamp and the report write it: "Ketua Rapat" (one label per role,
        as the berita acara's signature blocks write it)."""
        return signer_title(self.key, words)


ROLE_KEYS = (
    "ketua",
    "sekretaris",
    *(f"saksi{n}" for n in range(1, MAX_WITNESSES + 1)),
    "mengetahui",
)


def role_of(key: str) -> Role:
    """The role named ``key`` ("saksi" alone is the first witness); DomainError otherwise."""
    key = key.strip().lower()
    if key == "ketua":
        return Role("ketua", "TTD_Ketua", (0, 0))
    if key == "sekretaris":
        return Role("sekretaris", "TTD_Sekretaris", (1, 0))
    if key == "mengetahui":
        return Role("mengetahui", "TTD_Mengetahui", (0, 3))
    match = _WITNESS.fullmatch(key)
    if match and 1 <= int(match.group(1) or 1) <= MAX_WITNESSES:
        n = int(match.group(1) or 1)
        return Role(f"saksi{n}", f"TTD_Saksi{n}", ((n - 1) % 2, 1 + (n - 1) // 2))
    raise DomainError(
        tr(
            "Peran {role} tidak dikenal; pilih salah satu: {roles}.",
            role=key,
            roles=", ".join(ROLE_KEYS),
        )
    )


def role_from_field(field: str) -> Role | None:
    """The role whose field is ``field``, or None for a field Kuorum did not name."""
    if not field.startswith("TTD_"):
        return None
    try:
        role = role_of(field.removeprefix("TTD_"))
    except DomainError:
        return None
    return role if role.field == field else None


@dataclass(frozen=True)
class Placement:
    """Where a new signature field goes: ``page`` counts from 1 (-1 is the last page),
    ``box`` is (x1, y1, x2, y2) in points from the page's bottom-left corner."""

    page: int
    box: tuple[float, float, float, float]


_DEFAULT_HEIGHT = 80.0
_MARGIN = 56.0
_GAP = 20.0


def default_placement(role: Role, page_width: float) -> Placement:
    """A block at the foot of the last page for a document without signature fields: the
    chair on the left and the secretary on the right, witnesses in a row above."""
    width = (page_width - 2 * _MARGIN - _GAP) / 2
    column, row = role.slot
    x1 = _MARGIN + column * (width + _GAP)
    y1 = _MARGIN + row * (_DEFAULT_HEIGHT + _GAP)
    return Placement(-1, (x1, y1, x1 + width, y1 + _DEFAULT_HEIGHT))


def stamp_time(moment: dt.datetime, zone: TimeZone | None = None) -> str:
    """``14-03-2026 13:20 WIB``: the time in the cooperative's zone, or in the moment's own
    offset when that is an Indonesian zone, or with its UTC offset written out."""
    if zone is not None:
        local = moment.astimezone(dt.timezone(dt.timedelta(hours=zone.utc_offset_hours)))
        return f"{local:%d-%m-%Y %H:%M} {zone.value}"
    offset = moment.utcoffset() or dt.timedelta(0)
    for candidate in TimeZone:
        if offset == dt.timedelta(hours=candidate.utc_offset_hours):
            return f"{moment:%d-%m-%Y %H:%M} {candidate.value}"
    if not offset:
        return f"{moment:%d-%m-%Y %H:%M} UTC"
    sign = "+" if offset >= dt.timedelta(0) else "-"
    minutes = abs(int(offset.total_seconds())) // 60
    return f"{moment:%d-%m-%Y %H:%M} UTC{sign}{minutes // 60:02d}:{minutes % 60:02d}"
