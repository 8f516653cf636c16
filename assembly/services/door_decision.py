"""The door's own steps of a scan, apart from the transaction around them: which member a
typed or scanned number means, the decision on their arrival, and the line the desk shows."""

from __future__ import annotations

import datetime as dt

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import (
    AttendanceRecord,
    Channel,
    CheckInDecision,
    Outcome,
    clock,
    decide_check_in,
)
from assembly.domain.meeting import Meeting
from assembly.domain.member_numbers import number_key, spoken_matches
from assembly.domain.members import Member
from assembly.i18n import tr
from assembly.persistence import member_store
from assembly.persistence.meeting_store import Connection


def look_up(conn: Connection, entered: str) -> tuple[int | None, list[str]]:
    """The id of the member a typed or scanned number means: the exact number first (a
    scanned card), else the number as people say it ("12345" or "012345" for KSP-012345). A
    spoken number that fits several members gives none, and their numbers."""
    exact = member_store.id_by_number(conn, entered)
    if exact is not None or not entered:
        return exact, []
    key = number_key(entered)
    if not key:
        return None, []
    candidates = member_store.by_key(conn, key)
    chosen = spoken_matches(entered, [m.number for m in candidates])
    if len(chosen) == 1:
        return next(m.id for m in candidates if m.number == chosen[0]), []
    return None, chosen


def decide(
    meeting: Meeting,
    profile: ADProfile,
    member: Member,
    channel: Channel,
    current: AttendanceRecord | None,
) -> CheckInDecision:
    """The door's decision on ``member`` arriving by ``channel`` at ``meeting``."""
    return decide_check_in(
        member,
        cutoff=meeting.cutoff_date,
        profile=profile,
        mode=meeting.mode,
        channel=channel,
        current=current,
    )


def headline(
    outcome: Outcome,
    member: Member,
    at: dt.datetime | None,
    meeting: Meeting,
    reason: str,
    proxy_lapsed: bool,
) -> str:
    """What the desk shows large after a scan."""
    if outcome is Outcome.ALREADY_PRESENT and at is not None:
        return tr(
            "{name} sudah hadir sejak {time}.", name=member.name, time=clock(at, meeting.zone)
        )
    if outcome is Outcome.RETURNED:
        return tr("{name} kembali ke rapat.", name=member.name)
    if outcome is Outcome.REFUSED:
        return tr("{name} tidak dapat hadir: {reason}.", name=member.name, reason=reason)
    if proxy_lapsed:
        return tr("Selamat datang, {name}. Kuasanya gugur karena hadir sendiri.", name=member.name)
    return tr("Selamat datang, {name}.", name=member.name)
