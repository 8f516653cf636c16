"""The demo's sample meetings: last year's RAT held and closed with a believable attendance,
and this year's RAT as a draft; the same seed gives the same meetings."""

from __future__ import annotations

import datetime as dt
import random

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import AttendanceState, Channel
from assembly.domain.attendance_query import AttendanceQuery
from assembly.domain.meeting import MeetingMode, MeetingState, OfficerRole
from assembly.domain.members import Category, Member
from assembly.domain.quorum_check import CheckStep
from assembly.persistence import member_store
from assembly.services.bundle import Services
from assembly.services.demo_meeting import add_sample_meetings, sample_dates


def _register(services: Services, size: int) -> None:
    rng = random.Random(5)
    people = [
        Member(
            f"{n:05d}",
            f"Anggota {n}",
            Category.CANDIDATE if rng.random() < 0.05 else Category.MEMBER,
            joined_on=dt.date(2000, 1, 1) + dt.timedelta(days=rng.randrange(9000)),
        )
        for n in range(1, size + 1)
    ]
    with services.ctx.db.write() as conn:
        member_store.insert_many(conn, people)


def test_the_demo_holds_last_years_rat_and_drafts_this_years(cooperative: Services) -> None:
    s = cooperative
    _register(s, 600)
    with s.ctx.db.write() as conn:
        sample = add_sample_meetings(s.ctx, conn, random.Random(42))
    assert sample.held is not None
    held = s.meetings.get(sample.held)
    upcoming = s.meetings.get(sample.upcoming)
    assert (held.financial_year, held.date) == (2024, dt.date(2025, 3, 8))
    assert (upcoming.financial_year, upcoming.date) == (2025, dt.date(2026, 3, 28))
    assert held.state is MeetingState.CLOSED and upcoming.state is MeetingState.DRAFT
    assert held.mode is MeetingMode.HYBRID and held.platform
    assert held.agenda[-2].title == "Pemilihan Pengurus dan Pengawas"
    assert [o.role for o in held.officers] == [
        OfficerRole.CHAIR,
        OfficerRole.SECRETARY,
        OfficerRole.WITNESS,
        OfficerRole.WITNESS,
        OfficerRole.ACKNOWLEDGER,
    ]

    entries = s.checkin.attendance_entries(sample.held)
    voters = [e for e in entries if e.may_vote]
    assert held.entitled is not None and 0.55 <= len(voters) / held.entitled <= 0.605
    assert any(e.category is Category.CANDIDATE and not e.may_vote for e in entries)
    channels = {e.channel for e in entries}
    assert channels == {Channel.IN_PERSON, Channel.ONLINE}
    assert sum(e.channel is Channel.ONLINE for e in entries) < len(entries) / 4
    left = [e for e in entries if e.state is AttendanceState.LEFT]
    assert left and all(e.left_at and e.left_at > e.arrived_at for e in left)
    officer_ids = {o.member_id for o in held.officers}
    assert officer_ids <= {e.member_id for e in entries if e.arrived_at.time() < dt.time(9, 15)}

    (opening,) = s.checkin.quorum_checks(sample.held)
    assert opening.step is CheckStep.OPENING and opening.reached
    assert opening.at.time() == dt.time(9, 15) == held.opened_at.astimezone(held.zone).time()
    assert opening.present == sum(1 for e in voters if e.arrived_at.time() <= dt.time(9, 15))
    status = s.status.report(sample.held)
    assert status.quorum.reached and status.registered == held.registered
    assert s.checkin.attendance_page(sample.held, AttendanceQuery(), 0, 5).total == len(entries)
    assert s.audit.verify().intact


def test_the_same_seed_gives_the_same_meetings(cooperative: Services) -> None:
    s = cooperative
    _register(s, 120)
    with s.ctx.db.write() as conn:
        first = add_sample_meetings(s.ctx, conn, random.Random(7))
        second = add_sample_meetings(s.ctx, conn, random.Random(7))
    assert first.held is not None and second.held is not None
    one = [(e.member_id, e.arrived_at, e.state) for e in s.checkin.attendance_entries(first.held)]
    two = [(e.member_id, e.arrived_at, e.state) for e in s.checkin.attendance_entries(second.held)]
    assert one == two


def test_the_dates_follow_the_deadline() -> None:
    profile = ADProfile()
    assert sample_dates(dt.date(2026, 3, 14), profile, 12, 31) == (
        2024,
        dt.date(2025, 3, 8),
        2025,
        dt.date(2026, 3, 28),
    )
    # After the deadline for 2025's RAT, the held one is 2025's and the next is 2026's.
    assert sample_dates(dt.date(2026, 8, 1), profile, 12, 31) == (
        2025,
        dt.date(2026, 3, 14),
        2026,
        dt.date(2027, 3, 13),
    )
