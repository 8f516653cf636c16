"""A small register and a meeting open for check-in, for the meeting tests.

The register: 0001-0008 active anggota (0004 in arrears), 0009 calon anggota, 0010 resigned in
2025, 0011 anggota luar biasa, 0012 joined after the cut-off. Eight are entitled to vote, so
quorum "lebih dari 1/2" is 5 of 8.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from typing import Any

from assembly.domain.ad_profile import ADProfile
from assembly.domain.meeting import Meeting, MeetingMode, MeetingType, Officer, OfficerRole
from assembly.domain.members import Category, Member, Status

MEETING_DAY = dt.date(2026, 3, 14)


def register_members(services: Any) -> dict[str, int]:
    """Save the test register; member ids by number."""
    people = [
        Member(f"{n:04d}", f"Anggota Nomor {n}", joined_on=dt.date(2001, 1, n)) for n in range(1, 9)
    ]
    people[3] = replace(people[3], arrears=True)
    people += [
        Member("0009", "Calon Sembilan", Category.CANDIDATE, joined_on=dt.date(2025, 11, 1)),
        Member(
            "0010",
            "Keluar Sepuluh",
            status=Status.RESIGNED,
            joined_on=dt.date(2001, 1, 1),
            exit_date=dt.date(2025, 6, 30),
            exit_reason="Pindah domisili",
        ),
        Member("0011", "Luar Biasa Sebelas", Category.EXTRAORDINARY, joined_on=dt.date(2010, 1, 1)),
        Member("0012", "Baru Duabelas", joined_on=dt.date(2026, 3, 10)),
    ]
    ids = {}
    for member in people:
        saved, _changes = services.register.save(member)
        ids[saved.number] = saved.id
    return ids


def use_profile(services: Any, profile: ADProfile) -> None:
    """Make ``profile`` the AD profile in force (a new, confirmed version)."""
    services.cooperative.save_ad_profile(profile, confirmed=True)


def draft_meeting(services: Any, mode: MeetingMode = MeetingMode.HYBRID, **changes: Any) -> Meeting:
    """A RAT for financial year 2025 on 14 March 2026, cut-off 1 March, with its leaders."""
    meeting = services.meetings.new_meeting(MeetingType.RAT, MEETING_DAY)
    meeting = replace(
        meeting,
        cutoff_date=dt.date(2026, 3, 1),
        venue="Aula Koperasi",
        mode=mode,
        platform="Zoom" if mode is not MeetingMode.OFFLINE else "",
        officers=(
            Officer(OfficerRole.CHAIR, "Anggota Nomor 1", None),
            Officer(OfficerRole.SECRETARY, "Anggota Nomor 2", None),
        ),
        **changes,
    )
    saved, _changes = services.meetings.create(meeting)
    return saved


def open_meeting(services: Any, mode: MeetingMode = MeetingMode.HYBRID, **changes: Any) -> int:
    """A saved meeting open for check-in; its id."""
    meeting = draft_meeting(services, mode, **changes)
    services.meetings.open_check_in(meeting.id)
    return int(meeting.id)
