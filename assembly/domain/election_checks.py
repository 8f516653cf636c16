"""The Koperasi Desa/Kelurahan Merah Putih checks on an election (SE Menkop 1/2025, law.md
section 1 update): the kepala desa is ex-officio ketua pengawas, so is not proposed for another
seat; at least 30 % of the pengurus are women; pengurus are not related to each other by blood
or marriage. Guidance, not statute: each is a warning the AD profile switches on (the Merah
Putih template does), never a refusal.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass

from assembly.domain.ad_profile import ADProfile
from assembly.domain.ballots import Office
from assembly.domain.members import Sex
from assembly.i18n import tr

SOURCE = "SE Menkop 1/2025"


@dataclass(frozen=True)
class Candidate:
    """What the checks need of a candidate: name, sex from the register, and what was
    declared at the candidacy (kepala desa; family group, the same for related candidates)."""

    name: str
    sex: Sex | None = None
    village_head: bool = False
    kin_group: str = ""


def women_needed(profile: ADProfile, seats: int) -> int:
    """How many of ``seats`` pengurus must be women under the AD's minimum share."""
    return math.ceil(seats * profile.women_pengurus_min_percent / 100)


def candidacy_warnings(
    profile: ADProfile, office: Office | None, seats: int, people: Sequence[Candidate]
) -> list[str]:
    """Warnings about the candidates of an election for ``office`` before it is held."""
    warnings: list[str] = []
    if profile.warn_village_head_seat and office is not Office.KETUA_PENGAWAS:
        for person in people:
            if person.village_head:
                warnings.append(
                    tr(
                        "{name} adalah kepala desa/lurah: menurut {source} kepala desa menjabat "
                        "ketua pengawas secara ex officio dan tidak dicalonkan untuk jabatan "
                        "{office}.",
                        name=person.name,
                        source=SOURCE,
                        office=tr(office.key) if office else tr("lain"),
                    )
                )
    if office is Office.PENGURUS:
        needed = women_needed(profile, seats)
        women = sum(1 for p in people if p.sex is Sex.FEMALE)
        if women < needed:
            warnings.append(
                tr(
                    "Hanya {women} calon perempuan untuk {seats} kursi pengurus: menurut "
                    "{source} sekurang-kurangnya {percent}% pengurus perempuan ({needed} orang).",
                    women=women,
                    seats=seats,
                    source=SOURCE,
                    percent=profile.women_pengurus_min_percent,
                    needed=needed,
                )
                + _unknown_sex(people)
            )
        warnings += _related(profile, people, tr("calon pengurus"))
    return warnings


def result_warnings(
    profile: ADProfile, office: Office | None, seats: int, elected: Sequence[Candidate]
) -> list[str]:
    """Warnings about those elected to ``office``."""
    if office is not Office.PENGURUS:
        return []
    warnings: list[str] = []
    needed = women_needed(profile, seats)
    women = sum(1 for p in elected if p.sex is Sex.FEMALE)
    if women < needed:
        warnings.append(
            tr(
                "Pengurus terpilih: {women} perempuan dari {seats} kursi, kurang dari {percent}% "
                "({needed} orang) yang diminta {source}.",
                women=women,
                seats=seats,
                percent=profile.women_pengurus_min_percent,
                needed=needed,
                source=SOURCE,
            )
        )
    return warnings + _related(profile, elected, tr("pengurus terpilih"))


def _unknown_sex(people: Sequence[Candidate]) -> str:
    unknown = [p.name for p in people if p.sex is None]
    if not unknown:
        return ""
    return " " + tr(
        "Jenis kelamin {names} belum tercatat di buku daftar anggota.", names=", ".join(unknown)
    )


def _related(profile: ADProfile, people: Sequence[Candidate], who: str) -> list[str]:
    if not profile.warn_related_pengurus:
        return []
    groups: dict[str, list[str]] = defaultdict(list)
    for person in people:
        if person.kin_group.strip():
            groups[person.kin_group.strip().casefold()].append(person.name)
    return [
        tr(
            "{who} {names} dinyatakan memiliki hubungan keluarga: menurut {source} pengurus "
            "tidak memiliki hubungan darah atau perkawinan satu sama lain.",
            who=who.capitalize(),
            names=", ".join(names),
            source=SOURCE,
        )
        for names in groups.values()
        if len(names) > 1
    ]
