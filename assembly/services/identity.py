"""The NIK on a member's KTP, checked with python-stdnum.

The digits and the birth date inside a NIK block a save when wrong; the region code is only a
warning, since the region list shipped with stdnum can be older than a new regency.
"""

from __future__ import annotations

from functools import lru_cache

from stdnum.exceptions import InvalidComponent, ValidationError
from stdnum.id import nik as stdnum_nik

from assembly.domain.errors import Problem
from assembly.i18n import tr


def normalise_nik(raw: str) -> str:
    """The NIK without spaces, dots or dashes."""
    return str(stdnum_nik.compact(raw))


def check_nik(raw: str) -> list[Problem]:
    """The problems with a NIK (empty when it is fine). Column: "NIK"."""
    column = tr("NIK")
    number = normalise_nik(raw)
    if not number.isdigit():
        return [Problem(tr("NIK hanya berisi angka"), column)]
    if len(number) != 16:
        return [Problem(tr("NIK harus 16 angka, bukan {n}", n=len(number)), column)]
    try:
        stdnum_nik.get_birth_date(number)
    except (InvalidComponent, ValueError):
        return [Problem(tr("Tanggal lahir di dalam NIK tidak ada di kalender"), column)]
    if not _known_region(number[:4]):
        return [
            Problem(
                tr("Kode wilayah {code} tidak dikenal; periksa kembali NIK", code=number[:4]),
                column,
                warning=True,
            )
        ]
    return []


@lru_cache(maxsize=1024)
def _known_region(code: str) -> bool:
    """Whether stdnum's region list knows the province and regency ``code`` (4 digits).

    Cached: an import of 100,000 members asks about a few hundred regions."""
    try:
        stdnum_nik.validate(code + "010101010001")
    except ValidationError:
        return False
    return True
