"""Ballot benchmarks (issue 4): entering 3,000 named votes one by one, each a durable commit
(``synchronous=FULL``) with its audit event, timed per vote beside a bare single-row
INSERT + COMMIT on the same file system; and the tally of the 3,000-voter ballot into its
result; and the same 3,000 votes on a secret ballot (participation row and totals raised in
one commit, issue 10), its p95 beside the named vote's, and closing it (the recount and the
WAL truncated). Scale "full": 3,000 voters; "quick": 300. Run alone with
``python -m bench.bench_ballots [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import json
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

VOTERS = {"full": 3_000, "quick": 300}
TARGET_VOTE_P95_MS = 20.0  # as one check-in: a voter at the console must not wait
TARGET_TALLY_MS = 10.0
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")


def _prepare(path: Path, voters: int, mode: str = "named") -> tuple[object, int, list[str]]:
    """A register of ``voters`` + 10%, all voters present, the meeting opened, consensus failed
    on the item and a named ballot open; the services, the ballot id and the voters' numbers."""
    from assembly.domain.attendance import (
        AttendanceEvent,
        AttendanceRecord,
        AttendanceState,
        Channel,
        EventKind,
    )
    from assembly.domain.ballots import BallotMode
    from assembly.domain.cooperative import Cooperative
    from assembly.domain.meeting import AgendaItem, Meeting, MeetingMode, MeetingType
    from assembly.domain.members import Member
    from assembly.persistence import attendance_store, member_store
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    now = dt.datetime(2026, 3, 14, 10, 0, tzinfo=WIB)
    services = Services.create(ServiceContext(open_database(path), "bench", lambda: now))
    services.cooperative.save_cooperative(Cooperative("Koperasi Kredit Bench", code="KB"))
    register = [
        Member(f"{n:06d}", f"Anggota {n}", joined_on=dt.date(2010, 1, 1))
        for n in range(1, voters * 11 // 10 + 1)
    ]
    with services.ctx.db.write() as conn:
        member_store.insert_many(conn, register)
    meeting = services.meetings.create(
        Meeting(
            kind=MeetingType.RAT,
            date=now.date(),
            start=dt.time(9, 0),
            cutoff_date=dt.date(2026, 3, 1),
            profile_version=services.cooperative.ad_profile().version,
            financial_year=2025,
            venue="Aula",
            mode=MeetingMode.OFFLINE,
            agenda=(AgendaItem("Pembagian SHU"),),
        )
    ).value
    assert meeting.id is not None
    services.meetings.open_check_in(meeting.id)
    numbers = [m.number for m in register[:voters]]
    with services.ctx.db.write() as conn:
        found = member_store.by_numbers(conn, numbers)
        rows = [
            AttendanceRecord(m.id or 0, Channel.IN_PERSON, AttendanceState.PRESENT, now, True, True)
            for m in found.values()
        ]
        attendance_store.insert_many(conn, meeting.id, rows)
        # Presence is counted from the door's history (one definition of present), so the
        # arrivals go in as check-in events too, as the desk writes them.
        attendance_store.add_events(
            conn,
            meeting.id,
            [
                AttendanceEvent(r.member_id, EventKind.CHECK_IN, now, "bench", r.channel)
                for r in rows
            ],
        )
    services.checkin.record_quorum_check(meeting.id)
    services.checkin.open_meeting(meeting.id)
    item = services.meetings.get(meeting.id).agenda[0].id
    assert item is not None
    services.decisions.record_no_consensus(meeting.id, item)
    ballot = services.ballots.open_motion(meeting.id, item, BallotMode(mode), "SHU 40% jasa").value
    assert ballot.id is not None
    return services, ballot.id, numbers


def _baseline_connection(folder: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, member TEXT, choice TEXT)")
    return conn


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _tally_ms(services: object, ballot_id: int) -> tuple[float, str]:
    """Median of 20 tallies: count the votes in the database, decide under the AD rule."""
    from assembly.domain.ad_profile import ADProfile
    from assembly.domain.ballots import MotionTally, decide_motion
    from assembly.persistence import ballot_store
    from assembly.services.ballot_results import tally_of

    rule = ADProfile().majority
    db = services.ctx.db  # type: ignore[attr-defined]
    times, statement = [], ""
    for _ in range(20):
        started = time.perf_counter()
        with db.read() as conn:
            ballot = ballot_store.get(conn, ballot_id)
            assert ballot is not None
            counts = tally_of(conn, ballot)[0]
        tally = MotionTally(*counts.values())
        statement = decide_motion(
            tally, rule, present=ballot.eligible, members=ballot.members
        ).statement
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times), statement


def run(scale: str) -> list[dict[str, object]]:
    """Per-vote p50/p95 (ms) beside a bare INSERT+COMMIT, and the tally of the ballot."""
    from assembly.domain.ballots import Choice

    voters = VOTERS[scale]
    cycle = [Choice.YES, Choice.YES, Choice.NO, Choice.ABSTAIN]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-ballots-") as folder:
        services, ballot_id, numbers = _prepare(Path(folder) / "kuorum.sqlite", voters)
        baseline_conn = _baseline_connection(Path(folder))
        ballots = services.ballots  # type: ignore[attr-defined]
        ours: list[float] = []
        bare: list[float] = []
        for i, number in enumerate(numbers):
            choice = cycle[i % len(cycle)]
            started = time.perf_counter()
            baseline_conn.execute("BEGIN")
            baseline_conn.execute("INSERT INTO t (member, choice) VALUES (?, ?)", (number, choice))
            baseline_conn.execute("COMMIT")
            bare.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            progress = ballots.cast(ballot_id, number, choice).value
            ours.append((time.perf_counter() - started) * 1000)
        tally_ms, statement = _tally_ms(services, ballot_id)
        baseline_conn.close()
        services.close()  # type: ignore[attr-defined]
    secret, secret_voted, close_ms = _secret_votes(voters, cycle)
    p95, base95 = _percentile(ours, 0.95), _percentile(bare, 0.95)
    secret95 = _percentile(secret, 0.95)
    return [
        {
            "work": f"one named vote end to end, p50 ({voters:,} voters) (ms)",
            "figure": round(statistics.median(ours), 2),
            "baseline": round(statistics.median(bare), 2),
            "target": "(p95 below)",
            "ok": True,
        },
        {
            "work": f"one named vote end to end, p95 ({voters:,} voters) (ms)",
            "figure": round(p95, 2),
            "baseline": round(base95, 2),
            "target": f"p95 <= {TARGET_VOTE_P95_MS:g} ms",
            "ok": p95 <= TARGET_VOTE_P95_MS and progress.voted == voters,
        },
        {
            "work": f"tally of a {voters:,}-voter named ballot into its result (ms)",
            "figure": round(tally_ms, 2),
            "baseline": None,
            "target": f"<= {TARGET_TALLY_MS:g} ms",
            "ok": tally_ms <= TARGET_TALLY_MS and statement.startswith("disetujui"),
        },
        {
            "work": f"one secret vote end to end, p95 ({voters:,} voters), beside the named "
            "vote's p95 (ms)",
            "figure": round(secret95, 2),
            "baseline": round(p95, 2),
            "target": f"p95 <= {TARGET_VOTE_P95_MS:g} ms",
            "ok": secret95 <= TARGET_VOTE_P95_MS and secret_voted == voters,
        },
        {
            "work": f"closing the {voters:,}-voter secret ballot: recount, decision, WAL "
            "truncated (ms)",
            "figure": round(close_ms, 2),
            "baseline": None,
            "target": "(reported)",
            "ok": True,
        },
    ]


def _secret_votes(voters: int, cycle: list[object]) -> tuple[list[float], int, float]:
    """Each secret vote's time (ms), how many were counted, and the close's time (ms)."""
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-secret-") as folder:
        services, ballot_id, numbers = _prepare(Path(folder) / "kuorum.sqlite", voters, "secret")
        ballots = services.ballots  # type: ignore[attr-defined]
        times: list[float] = []
        for i, number in enumerate(numbers):
            started = time.perf_counter()
            ballots.cast(ballot_id, number, cycle[i % len(cycle)])
            times.append((time.perf_counter() - started) * 1000)
        started = time.perf_counter()
        outcome = ballots.close(ballot_id).value
        close_ms = (time.perf_counter() - started) * 1000
        services.close()  # type: ignore[attr-defined]
    counted = sum(v for k, v in outcome.tally.items())
    return times, counted, close_ms


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
