"""The demo's meetings: last year's RAT, held and closed, with its attendance and the quorum
check at opening; and this year's RAT, still a draft, for trying the check-in desk.

Called by the demo generator inside its write transaction once the register is in; every draw
comes from the generator's seeded ``rng``, so the same demo gives the same meetings.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass, replace

from assembly.domain.ad_profile import ADProfile
from assembly.domain.agenda_template import agenda_template
from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceRecord,
    AttendanceState,
    Channel,
    EventKind,
)
from assembly.domain.cooperative import Cooperative
from assembly.domain.meeting import (
    Meeting,
    MeetingMode,
    MeetingState,
    MeetingType,
    Officer,
    OfficerRole,
    suggest_document_number,
    zone_of,
)
from assembly.domain.meeting_warnings import financial_year_end, rat_deadline
from assembly.domain.quorum import QuorumBase
from assembly.domain.quorum_check import CheckStep, QuorumCheck
from assembly.persistence import (
    attendance_store,
    audit_log,
    cooperative_store,
    meeting_store,
    member_store,
    quorum_check_store,
)
from assembly.persistence.meeting_store import Connection
from assembly.services import demo_movements
from assembly.services.context import ServiceContext
from assembly.services.demo_audit import audit_held_meeting
from assembly.services.demo_decisions import add_sample_decisions
from assembly.services.demo_minutes import work_through_agenda
from assembly.services.meeting_agenda import meeting_audit

VENUE = "Aula Koperasi, Jl. Kaliurang Km 7,5 No. 12, Condongcatur, Sleman"
PLATFORM = "Zoom Meeting (tautan dikirim bersama undangan)"
START = dt.time(9, 0)
OPENING = dt.time(9, 15)


@dataclass(frozen=True)
class SampleMeetings:
    """The ids of the demo's meetings (``held`` is None when no one could vote)."""

    held: int | None
    upcoming: int


def sample_dates(
    today: dt.date, profile: ADProfile, end_month: int, end_day: int
) -> tuple[int, dt.date, int, dt.date]:
    """(year, date) of the held RAT and of the upcoming one: the upcoming RAT is on the newest
    financial year whose deadline (UU 25/1992 Pasal 26(2)) is still two weeks away or more;
    the held one is the year before, on the second Saturday of the third month after its end."""
    year = (
        today.year if financial_year_end(today.year, end_month, end_day) < today else today.year - 1
    )
    upcoming_day = _saturday_on_or_after(today + dt.timedelta(days=profile.notice_days))
    if upcoming_day > rat_deadline(profile, year, end_month, end_day):
        year += 1
        upcoming_day = _customary_day(year, end_month, end_day)
    return year - 1, _customary_day(year - 1, end_month, end_day), year, upcoming_day


def add_sample_meetings(
    ctx: ServiceContext, conn: Connection, rng: random.Random
) -> SampleMeetings:
    """Add the demo's held RAT (about 55-60 % of entitled members in, most in the hall, some
    online, a few calon anggota, a few leaving early, opened with a recorded quorum check,
    closed) and its upcoming draft RAT, on ``conn`` inside the caller's transaction."""
    coop = cooperative_store.load(conn)
    version = cooperative_store.latest_profile(conn)
    assert coop is not None and version is not None, "the demo saves its cooperative first"
    profile = version.profile
    held_year, held_day, next_year, next_day = sample_dates(
        ctx.today(), profile, coop.fiscal_year_end_month, coop.fiscal_year_end_day
    )
    held_id = _held_meeting(ctx, conn, rng, coop, version.version, profile, held_year, held_day)
    upcoming = _meeting(conn, coop, version.version, profile, next_year, next_day, False)
    entitled, _others = quorum_check_store.roll_ids(conn, upcoming.cutoff_date, profile)
    upcoming = replace(
        upcoming, officers=_officers(conn, rng.sample(entitled, min(len(entitled), 2)))
    )
    upcoming_id = meeting_store.insert(conn, upcoming, ctx.now())
    audit_log.append(
        conn, ctx.actor, "meeting.created", meeting_audit(replace(upcoming, id=upcoming_id))
    )
    audit_log.append(
        conn, ctx.actor, "demo.sample_meetings", {"held": held_id, "upcoming": upcoming_id}
    )
    return SampleMeetings(held_id, upcoming_id)


def _meeting(
    conn: Connection,
    coop: Cooperative,
    version: int,
    profile: ADProfile,
    year: int,
    day: dt.date,
    election_due: bool,
) -> Meeting:
    sequence = meeting_store.count_in_year(conn, day.year) + 1
    cutoff = day - dt.timedelta(days=profile.notice_days)
    return Meeting(
        kind=MeetingType.RAT,
        date=day,
        start=START,
        cutoff_date=cutoff,
        profile_version=version,
        time_zone=coop.time_zone,
        financial_year=year,
        venue=VENUE,
        mode=MeetingMode.HYBRID,
        platform=PLATFORM,
        document_number=suggest_document_number(sequence, MeetingType.RAT, coop.code, day),
        invitation_date=cutoff - dt.timedelta(days=2) if election_due else None,
        agenda=agenda_template(MeetingType.RAT, year, election_due=election_due),
    )


def _officers(conn: Connection, member_ids: list[int]) -> tuple[Officer, ...]:
    """Ketua rapat, sekretaris, up to two saksi and who signs "Mengetahui", from these members
    in order."""
    roles = (OfficerRole.CHAIR, OfficerRole.SECRETARY, OfficerRole.WITNESS, OfficerRole.WITNESS,
             OfficerRole.ACKNOWLEDGER)  # fmt: skip
    officers = []
    for role, member_id in zip(roles, member_ids, strict=False):
        member = member_store.get(conn, member_id)
        assert member is not None
        officers.append(Officer(role, member.name, member.id))
    return tuple(officers)


def _held_meeting(
    ctx: ServiceContext,
    conn: Connection,
    rng: random.Random,
    coop: Cooperative,
    version: int,
    profile: ADProfile,
    year: int,
    day: dt.date,
) -> int | None:
    meeting = _meeting(conn, coop, version, profile, year, day, True)
    entitled, others = quorum_check_store.roll_ids(conn, meeting.cutoff_date, profile)
    registered = len(entitled) + len(others)
    if not entitled:
        return None
    zone = zone_of(coop.time_zone)

    def at(time: dt.time, minutes: float = 0) -> dt.datetime:
        return dt.datetime.combine(day, time, zone) + dt.timedelta(minutes=minutes)

    minimum = profile.quorum.minimum(
        registered if profile.quorum.base is QuorumBase.ALL_MEMBERS else len(entitled)
    )
    voters = rng.sample(
        entitled, min(len(entitled), max(minimum, round(len(entitled) * rng.uniform(0.55, 0.60))))
    )
    guests = set(rng.sample(others, min(len(others), max(1, len(voters) // 150))))
    late = set(rng.sample(voters, max(0, min(len(voters) - minimum, len(voters) // 40))))
    on_time = [v for v in voters if v not in late]
    # The two witnesses and the "Mengetahui" sign the berita acara too (the meeting's signer
    # setting, r0009): the berita acara, the Daftar Hadir and verify all ask for them.
    meeting = replace(
        meeting, officers=_officers(conn, on_time[:5]), signers=("saksi1", "saksi2", "mengetahui")
    )
    leaving = set(rng.sample(on_time[4:], min(len(on_time[4:]), len(voters) // 50)))
    counts_all = profile.quorum.base is QuorumBase.ALL_MEMBERS
    records, events = [], []
    for member_id in sorted([*voters, *guests]):
        votes = member_id not in guests
        online = rng.random() < 0.08
        if member_id in late:
            arrived = at(OPENING, rng.uniform(1, 80))
        elif online:
            arrived = at(START, rng.uniform(-15, 10))
        else:
            arrived = at(START, -rng.triangular(0, 90, 20))
        arrived = arrived.replace(microsecond=0)
        channel = Channel.ONLINE if online else Channel.IN_PERSON
        record = AttendanceRecord(
            member_id, channel, AttendanceState.PRESENT, arrived, votes, votes or counts_all
        )
        events.append(AttendanceEvent(member_id, EventKind.CHECK_IN, arrived, ctx.actor, channel))
        if member_id in leaving:
            record, moves = demo_movements.leave(rng, record, ctx.actor, at)
            events.extend(moves)
        records.append(record)
    held = replace(
        meeting,
        state=MeetingState.CLOSED,
        registered=registered,
        entitled=len(entitled),
        check_in_opened_at=at(dt.time(7, 0)),
        opened_at=at(OPENING),
        closed_at=at(dt.time(13, 0), rng.uniform(0, 45)),
    )
    meeting_id = meeting_store.insert(conn, held, ctx.now())
    attendance_store.insert_many(conn, meeting_id, records)
    attendance_store.add_events(conn, meeting_id, sorted(events, key=lambda e: e.at))
    present = sum(1 for r in records if r.counted and r.arrived_at <= at(OPENING))
    base = registered if counts_all else len(entitled)
    quorum_check_store.add(
        conn,
        meeting_id,
        QuorumCheck(
            at(OPENING),
            CheckStep.OPENING,
            base,
            present,
            profile.quorum.minimum(base),
            present >= profile.quorum.minimum(base),
            profile.quorum.describe(),
            profile.article("quorum"),
        ),
        ctx.actor,
    )
    # The items taken up from 09.20, as the chair did; the decisions fall within them.
    times = work_through_agenda(conn, meeting_id, at(OPENING) + dt.timedelta(minutes=5))
    add_sample_decisions(conn, rng, replace(held, id=meeting_id), profile, times)
    # Its audit events, as the desks would have written them, chained in one go.
    audit_held_meeting(conn, ctx.actor, meeting_id)
    return meeting_id


def _customary_day(year: int, end_month: int, end_day: int) -> dt.date:
    """The second Saturday of the third month after the financial year ends."""
    end = financial_year_end(year, end_month, end_day)
    month_index = end.year * 12 + end.month - 1 + 3
    first = dt.date(month_index // 12, month_index % 12 + 1, 1)
    return _saturday_on_or_after(first) + dt.timedelta(days=7)


def _saturday_on_or_after(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(5 - day.weekday()) % 7)
