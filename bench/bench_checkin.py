"""Check-in benchmark (DESIGN.md section 6): one check-in end to end — member look-up, the
door's decision, attendance row, history entry, audit event, durable commit
(``synchronous=FULL``) and the quorum recount — at 300,000 members with 3,000 present.

Beside it, measured in the same run and interleaved with it, the floor the disk sets: a bare
single-row INSERT + COMMIT with ``synchronous=FULL`` in WAL mode on the same file system.
Scale "full": 300,000 members, 3,000 present; "quick": 30,000 and 300. Run alone with
``python -m bench.bench_checkin [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

SIZES = {"full": (300_000, 3_000), "quick": (30_000, 300)}
TIMED = {"full": 300, "quick": 150}  # the last check-ins, timed one by one
TARGET_P95_MS = 20.0
WIB = dt.timezone(dt.timedelta(hours=7), "WIB")
_NAMES = [
    "Siti",
    "Aminah",
    "Budi",
    "Santoso",
    "Agus",
    "Wahyudi",
    "Dewi",
    "Lestari",
    "Made",
    "Wirawan",
    "Yohanes",
    "Bataona",
    "Ni",
    "Luh",
    "Putu",
    "Ratna",
    "Sari",
    "Maria",
    "Goreti",
    "Slamet",
    "Riyadi",
    "Rina",
    "Kurniasih",
    "Fransiskus",
    "Kleden",
    "Nur",
    "Hidayah",
    "Tri",
    "Utomo",
]


def _members(count: int) -> list[object]:
    from assembly.domain.members import Category, Member, Status

    rng = random.Random(11)
    out: list[object] = []
    for n in range(1, count + 1):
        roll = rng.random()
        status = Status.RESIGNED if roll < 0.05 else Status.ACTIVE
        out.append(
            Member(
                f"{n:07d}",
                f"{rng.choice(_NAMES)} {rng.choice(_NAMES)} {rng.choice(_NAMES)}",
                Category.CANDIDATE if 0.05 <= roll < 0.09 else Category.MEMBER,
                status,
                joined_on=dt.date(1990, 1, 1) + dt.timedelta(days=rng.randrange(12_000)),
                exit_date=dt.date(2024, 6, 30) if status is Status.RESIGNED else None,
                exit_reason="Mengundurkan diri" if status is Status.RESIGNED else "",
                arrears=rng.random() < 0.06,
            )
        )
    return out


def _prepare(path: Path, members: int, present: int, timed: int) -> tuple[object, int, list[str]]:
    """A register of ``members``, a hybrid RAT open for check-in with ``present - timed``
    already in; the services, the meeting id and the numbers still to check in."""
    from assembly.domain.attendance import AttendanceRecord, AttendanceState, Channel
    from assembly.domain.cooperative import Cooperative
    from assembly.domain.meeting import Meeting, MeetingMode, MeetingType
    from assembly.persistence import attendance_store, member_store
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    now = dt.datetime(2026, 3, 14, 8, 0, tzinfo=WIB)
    services = Services.create(ServiceContext(open_database(path), "bench", lambda: now))
    services.cooperative.save_cooperative(Cooperative("Koperasi Kredit Bench", code="KB"))
    register = _members(members)
    with services.ctx.db.write() as conn:
        for start in range(0, len(register), 20_000):
            member_store.insert_many(conn, register[start : start + 20_000])  # type: ignore[arg-type]
    meeting = services.meetings.create(
        Meeting(
            kind=MeetingType.RAT,
            date=now.date(),
            start=dt.time(9, 0),
            cutoff_date=dt.date(2026, 3, 1),
            profile_version=services.cooperative.ad_profile().version,
            financial_year=2025,
            venue="Aula",
            mode=MeetingMode.HYBRID,
            platform="Zoom",
        )
    ).value
    services.meetings.open_check_in(meeting.id)
    from assembly.domain.members import Category, Status

    active = [m.number for m in register if m.status is Status.ACTIVE]  # type: ignore[attr-defined]
    numbers = random.Random(3).sample(active, present)
    early, later = numbers[: present - timed], numbers[present - timed :]
    with services.ctx.db.write() as conn:
        found = member_store.by_numbers(conn, early)
        rows = []
        for m in found.values():
            votes = m.category is Category.MEMBER
            rows.append(
                AttendanceRecord(
                    m.id,
                    Channel.IN_PERSON,
                    AttendanceState.PRESENT,
                    now,
                    votes,  # type: ignore[arg-type]
                    votes,
                )
            )
        attendance_store.insert_many(conn, meeting.id, rows)
    return services, int(meeting.id), later


def _baseline_connection(folder: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, member TEXT, at TEXT)")
    return conn


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def run(scale: str) -> list[dict[str, object]]:
    """Check-in p50/p95 (ms) beside a bare INSERT+COMMIT, at the scale's register size."""
    members, present = SIZES[scale]
    timed = TIMED[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-checkin-") as folder:
        services, meeting_id, numbers = _prepare(
            Path(folder) / "kuorum.sqlite", members, present, timed
        )
        baseline_conn = _baseline_connection(Path(folder))
        checkin = services.checkin  # type: ignore[attr-defined]
        ours: list[float] = []
        bare: list[float] = []
        admitted = 0
        for number in numbers:
            started = time.perf_counter()
            baseline_conn.execute("BEGIN")
            baseline_conn.execute(
                "INSERT INTO t (member, at) VALUES (?, datetime('now'))", (number,)
            )
            baseline_conn.execute("COMMIT")
            bare.append((time.perf_counter() - started) * 1000)
            started = time.perf_counter()
            result = checkin.check_in(meeting_id, number).value
            ours.append((time.perf_counter() - started) * 1000)
            admitted += result.admitted
        final = checkin.quorum(meeting_id)
        baseline_conn.close()
        services.close()  # type: ignore[attr-defined]
    where = f"{members:,} members, {final.attending:,} present"
    p95, base95 = _percentile(ours, 0.95), _percentile(bare, 0.95)
    return [
        {
            "work": f"one check-in end to end, p50 ({where}) (ms)",
            "figure": round(statistics.median(ours), 2),
            "baseline": round(statistics.median(bare), 2),
            "target": "(p95 below)",
            "ok": True,
        },
        {
            "work": f"one check-in end to end, p95 ({where}) (ms)",
            "figure": round(p95, 2),
            "baseline": round(base95, 2),
            "target": f"p95 <= {TARGET_P95_MS:g} ms",
            "ok": p95 <= TARGET_P95_MS and admitted == timed,
        },
    ]


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
