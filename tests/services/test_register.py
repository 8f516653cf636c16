"""Keeping the register: add, edit and exits, each audited and refused with reasons."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from assembly.domain.errors import DomainError, ValidationError
from assembly.domain.members import Member, Status

SITI = Member(
    "KSP-0001", "  Siti   Aminah ", nik="3171 0157 0845 0001", joined_on=dt.date(2001, 5, 2)
)


def test_a_member_is_saved_normalised_and_audited(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    saved, changes = s.register.save(SITI)
    assert saved.id is not None and saved.name == "Siti Aminah" and saved.nik == "3171015708450001"
    assert s.register.member_by_number("KSP-0001") == saved
    assert s.audit.verify().intact and s.audit.verify().events == 2
    assert "members" in {a.value for a in changes.areas}


def test_a_duplicate_number_is_refused_and_changes_nothing(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    s.register.save(SITI)
    head = s.audit.head_hash()
    with pytest.raises(ValidationError, match="sudah dipakai oleh Siti Aminah"):
        s.register.save(Member("KSP-0001", "Budi"))
    assert s.register.count() == 1 and s.audit.head_hash() == head


def test_a_nik_with_a_wrong_birth_date_blocks_but_an_unknown_region_warns(
    cooperative: object,
) -> None:
    s = cooperative  # type: ignore[assignment]
    with pytest.raises(ValidationError, match="tidak ada di kalender"):
        s.register.save(Member("KSP-0002", "Budi", nik="3171013302001234"))
    warned, _ = s.register.save(Member("KSP-0003", "Ani", nik="9971011708450001"))
    assert warned.nik == "9971011708450001"
    assert [p.warning for p in s.register.check(warned)] == [True]


def test_an_exit_is_recorded_and_the_member_stays(cooperative: object) -> None:
    s = cooperative  # type: ignore[assignment]
    saved, _ = s.register.save(SITI)
    gone, _ = s.register.record_exit(saved.id, Status.RESIGNED, dt.date(2026, 1, 5), "Pindah")
    assert gone.status is Status.RESIGNED and gone.exit_reason == "Pindah"
    assert s.register.count() == 1
    with pytest.raises(DomainError, match="sudah berstatus Keluar"):
        s.register.record_exit(saved.id, Status.EXPELLED, dt.date(2026, 1, 6), "x")
    with pytest.raises(ValidationError, match="Alasan wajib diisi"):
        other, _ = s.register.save(replace(SITI, id=None, number="KSP-0009", nik=None))
        s.register.record_exit(other.id, Status.RESIGNED, dt.date(2026, 1, 5), " ")


def test_the_same_nik_on_two_active_members_blocks_but_on_an_ended_one_warns(
    cooperative: object,
) -> None:
    s = cooperative  # type: ignore[assignment]
    first, _ = s.register.save(SITI)
    with pytest.raises(ValidationError, match="sudah tercatat pada anggota KSP-0001"):
        s.register.save(Member("KSP-0002", "Siti A.", nik=SITI.nik))
    s.register.record_exit(first.id, Status.DECEASED, dt.date(2025, 1, 1), "")
    again, _ = s.register.save(Member("KSP-0002", "Siti A.", nik=SITI.nik))
    assert [p.warning for p in s.register.check(again)] == [True]
