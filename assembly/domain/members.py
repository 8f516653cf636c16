"""The member register (Buku Daftar Anggota): members, their categories and statuses, and who
may vote on a given day."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import Problem
from assembly.i18n import N_, tr

MEMBER_NUMBER_MAX = 20
NAME_MAX = 120


class Category(StrEnum):
    """Kind of membership. Only *anggota* count and vote unless the AD says otherwise."""

    MEMBER = "anggota"
    CANDIDATE = "calon"  # calon anggota
    EXTRAORDINARY = "luar_biasa"  # anggota luar biasa, UU 25/1992 Pasal 18(2)

    @property
    def key(self) -> str:
        """The category as the register shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            Category.MEMBER: N_("Anggota"),
            Category.CANDIDATE: N_("Calon anggota"),
            Category.EXTRAORDINARY: N_("Anggota luar biasa"),
        }[self]


class Status(StrEnum):
    """Whether a member is still a member, and if not, how the membership ended."""

    ACTIVE = "aktif"
    RESIGNED = "keluar"
    DECEASED = "meninggal"
    EXPELLED = "diberhentikan"

    @property
    def key(self) -> str:
        """The status as the register shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            Status.ACTIVE: N_("Aktif"),
            Status.RESIGNED: N_("Keluar"),
            Status.DECEASED: N_("Meninggal dunia"),
            Status.EXPELLED: N_("Diberhentikan"),
        }[self]


class Sex(StrEnum):
    """Sex as the KTP records it."""

    MALE = "L"
    FEMALE = "P"

    @property
    def key(self) -> str:
        """The sex as the register shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return N_("Laki-laki") if self is Sex.MALE else N_("Perempuan")


@dataclass(frozen=True)
class Member:
    """One entry of the register. ``id`` is None until the member is saved."""

    number: str
    name: str
    category: Category = Category.MEMBER
    status: Status = Status.ACTIVE
    nik: str | None = None
    sex: Sex | None = None
    birth_date: dt.date | None = None
    address: str = ""
    phone: str = ""
    joined_on: dt.date | None = None
    exit_date: dt.date | None = None
    exit_reason: str = ""
    arrears: bool = False
    id: int | None = None

    def with_exit(self, status: Status, on: dt.date, reason: str) -> Member:
        """This member after resigning, dying or being expelled on ``on`` for ``reason``."""
        return replace(self, status=status, exit_date=on, exit_reason=reason)

    def is_member_on(self, day: dt.date) -> bool:
        """Whether the membership had begun and not yet ended on ``day``."""
        if self.joined_on is not None and self.joined_on > day:
            return False
        if self.status is Status.ACTIVE:
            return True
        return self.exit_date is not None and self.exit_date > day


@dataclass(frozen=True)
class Eligibility:
    """What a register entry may do at a meeting on a given day, and why not."""

    may_attend: bool
    may_vote: bool
    reason: str = ""


def eligibility(member: Member, day: dt.date, profile: ADProfile) -> Eligibility:
    """May ``member`` attend and vote at a meeting whose register cut-off is ``day``?

    One member, one vote (UU 25/1992 Pasal 24(3)); who else may vote is the AD's choice.
    """
    if member.joined_on is not None and member.joined_on > day:
        return Eligibility(False, False, tr("Belum menjadi anggota pada {date}", date=_d(day)))
    if not member.is_member_on(day):
        ended = {
            Status.RESIGNED: tr("Telah keluar"),
            Status.DECEASED: tr("Telah meninggal dunia"),
            Status.EXPELLED: tr("Telah diberhentikan"),
        }.get(member.status, "")
        when = tr(" pada {date}", date=_d(member.exit_date)) if member.exit_date else ""
        return Eligibility(False, False, ended + when)
    if member.category is Category.CANDIDATE and not profile.candidates_may_vote:
        return Eligibility(True, False, tr("Calon anggota: boleh hadir, tidak memiliki hak suara"))
    if member.category is Category.EXTRAORDINARY and not profile.extraordinary_may_vote:
        return Eligibility(
            True, False, tr("Anggota luar biasa: boleh hadir, tidak memiliki hak suara")
        )
    if member.arrears:
        if profile.arrears_suspend_vote:
            return Eligibility(
                True, False, tr("Tunggakan simpanan: hak suara ditangguhkan sesuai AD")
            )
        return Eligibility(True, True, tr("Ada tunggakan simpanan (hak suara tetap)"))
    return Eligibility(True, True)


def validate_member(
    member: Member, today: dt.date, *, exit_unknown_warning: bool = True
) -> list[Problem]:
    """The problems in a register entry, each naming its field. NIK digits are checked apart
    (see ``services.identity``). A leaver without an exit date is a warning
    (``exit_unknown_warning``; an import counts them once instead)."""
    problems: list[Problem] = []

    def add(column: str, message: str) -> None:
        problems.append(Problem(message, column))

    number = member.number.strip()
    if not number:
        add(tr("Nomor anggota"), tr("Nomor anggota wajib diisi"))
    elif len(number) > MEMBER_NUMBER_MAX:
        add(tr("Nomor anggota"), tr("Paling banyak {n} karakter", n=MEMBER_NUMBER_MAX))
    if not member.name.strip():
        add(tr("Nama"), tr("Nama wajib diisi"))
    elif len(member.name) > NAME_MAX:
        add(tr("Nama"), tr("Paling banyak {n} karakter", n=NAME_MAX))
    for column, value in (
        ("Tanggal lahir", member.birth_date),
        ("Tanggal masuk", member.joined_on),
        ("Tanggal keluar", member.exit_date),
    ):
        # The label is translated only for a problem: an import checks 100,000 rows.
        if value is not None and value > today:
            add(tr(column), tr("Tanggal {date} belum terjadi", date=_d(value)))
        if value is not None and value.year < 1900:
            add(tr(column), tr("Tanggal {date} tidak masuk akal", date=_d(value)))
    if member.birth_date and member.joined_on and member.joined_on < member.birth_date:
        add(tr("Tanggal masuk"), tr("Tanggal masuk sebelum tanggal lahir"))
    if member.status is Status.ACTIVE:
        if member.exit_date is not None:
            add(tr("Tanggal keluar"), tr("Anggota aktif tidak memiliki tanggal keluar"))
    else:
        if member.exit_date is None:
            if exit_unknown_warning:
                # Registers kept for years mark leavers without a date; the member is not
                # entitled either way, so the date is completed later, never demanded.
                problems.append(Problem(exit_unknown_text(), tr("Tanggal keluar"), warning=True))
        elif member.joined_on and member.exit_date < member.joined_on:
            add(tr("Tanggal keluar"), tr("Tanggal keluar sebelum tanggal masuk"))
    return problems


def exit_date_unknown(member: Member) -> bool:
    """Whether the membership ended on a day the register does not know (yet)."""
    return member.status is not Status.ACTIVE and member.exit_date is None


def exit_unknown_text() -> str:
    """What the form says of a leaver without an exit date."""
    return tr("Tanggal keluar belum diketahui; lengkapi nanti (anggota ini tidak berhak suara)")


def _d(day: dt.date | None) -> str:
    return day.strftime("%d/%m/%Y") if day else ""
