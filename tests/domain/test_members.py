"""Who may attend and vote on a given day (UU 25/1992 Pasal 24(3); law.md rules 7 and 43)."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from hypothesis import given
from hypothesis import strategies as st

from assembly.domain.ad_profile import ADProfile
from assembly.domain.members import Category, Member, Status, eligibility, validate_member

DAY = dt.date(2026, 3, 14)
SITI = Member("KSP-0001", "Siti Aminah", joined_on=dt.date(2001, 5, 2))


def test_an_active_member_votes() -> None:
    assert eligibility(SITI, DAY, ADProfile()).may_vote


def test_a_candidate_attends_without_a_vote_unless_the_ad_allows() -> None:
    calon = replace(SITI, category=Category.CANDIDATE)
    result = eligibility(calon, DAY, ADProfile())
    assert result.may_attend and not result.may_vote and "Calon anggota" in result.reason
    assert eligibility(calon, DAY, ADProfile(candidates_may_vote=True)).may_vote


def test_arrears_are_shown_and_block_only_when_the_ad_says_so() -> None:
    late = replace(SITI, arrears=True)
    shown = eligibility(late, DAY, ADProfile())
    assert shown.may_vote and "tunggakan" in shown.reason
    assert not eligibility(late, DAY, ADProfile(arrears_suspend_vote=True)).may_vote


def test_a_resigned_member_is_refused_with_the_date() -> None:
    gone = SITI.with_exit(Status.RESIGNED, dt.date(2025, 12, 1), "Pindah domisili")
    result = eligibility(gone, DAY, ADProfile())
    assert not result.may_attend and result.reason == "Telah keluar pada 01/12/2025"


def test_a_member_who_left_after_the_cut_off_still_counts_on_that_day() -> None:
    later = SITI.with_exit(Status.DECEASED, dt.date(2026, 3, 20), "")
    assert eligibility(later, DAY, ADProfile()).may_vote


def test_someone_who_joined_after_the_cut_off_does_not_vote() -> None:
    new = replace(SITI, joined_on=dt.date(2026, 3, 15))
    assert not eligibility(new, DAY, ADProfile()).may_attend


@given(
    st.sampled_from(list(Category)),
    st.sampled_from(list(Status)),
    st.booleans(),
    st.booleans(),
    st.booleans(),
    st.booleans(),
)
def test_a_vote_implies_attendance_and_an_active_anggota_or_an_ad_choice(
    category: Category,
    status: Status,
    arrears: bool,
    calon: bool,
    luar_biasa: bool,
    suspend: bool,
) -> None:
    member = replace(SITI, category=category, arrears=arrears)
    if status is not Status.ACTIVE:
        member = member.with_exit(status, dt.date(2020, 1, 1), "x")
    profile = ADProfile(
        candidates_may_vote=calon, extraordinary_may_vote=luar_biasa, arrears_suspend_vote=suspend
    )
    result = eligibility(member, DAY, profile)
    if result.may_vote:
        assert result.may_attend and status is Status.ACTIVE
        assert category is Category.MEMBER or (calon or luar_biasa)
        assert not (arrears and suspend)
    if not result.may_vote:
        assert result.reason


def test_validation_names_each_field() -> None:
    bad = Member(" ", "", birth_date=dt.date(2030, 1, 1), status=Status.RESIGNED)
    columns = {p.column for p in validate_member(bad, DAY)}
    assert columns == {"Nomor anggota", "Nama", "Tanggal lahir", "Tanggal keluar"}
