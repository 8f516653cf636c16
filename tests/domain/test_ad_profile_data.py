"""The AD profile as stored: every new field round-trips, and a profile saved before the board
LPJ option was removed still loads (law.md rule 40, see docs/law-coverage.md)."""

from __future__ import annotations

from dataclasses import replace

from assembly.domain.ad_profile import (
    ADProfile,
    TieBreak,
    profile_from_data,
    profile_to_data,
    validate_profile,
)
from assembly.domain.ad_templates import ProfileTemplate


def test_the_new_fields_round_trip() -> None:
    profile = replace(
        ProfileTemplate.MERAH_PUTIH.profile(), tie_break=TieBreak.CHAIR, rat_deadline_months=4
    )
    assert profile_from_data(profile_to_data(profile)) == profile
    assert profile_from_data(profile_to_data(ADProfile())) == ADProfile()


def test_a_profile_saved_with_the_removed_board_option_still_loads() -> None:
    data = profile_to_data(ADProfile())
    data["board_may_vote_on_own_lpj"] = False
    del data["tie_break"]
    assert profile_from_data(data) == ADProfile()


def test_the_rat_deadline_stays_within_six_months_and_the_share_within_a_hundred() -> None:
    assert validate_profile(ADProfile(rat_deadline_months=6)) == []
    (late,) = validate_profile(ADProfile(rat_deadline_months=7))
    assert (late.column, late.message) == ("Batas waktu RAT", "Antara 1 dan 6 bulan")
    (share,) = validate_profile(ADProfile(women_pengurus_min_percent=101))
    assert share.column == "Pengurus perempuan"
