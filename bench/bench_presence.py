"""Who was present when, at the demo's held RAT (half the register came: 150,000 attendees at
300,000 members): ``presence.attendees`` (what the berita acara, the Daftar Hadir, ballot
opening and ``status`` read) and the chair's console shown for the first time, each beside
the replay of the whole attendance history they did before r0012 (the history read
and replayed with ``stays_of``, the rights read, the attendees built); and the recounts
of the close (from the kept stays) and of ``minutes check`` (the history replayed by one
SQL statement) beside the Python replay of the whole history both did before, measured in
the same run on the same file.

The register is the demo cooperative (``python main.py demo``: 300,000 members in "full",
30,000 in "quick"), made once in a temporary folder, or the file named by
``KUORUM_BENCH_DAY_DB`` (copied, never changed). Run alone with
``python -m bench.bench_presence [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import sqlalchemy as sa

from bench.bench_day import _demo

SIZES = {"full": 300_000, "quick": 30_000}
ROUNDS = 3
TARGETS = {"attendees": 1.0, "console": 1.0, "recount": 1.0}


def _median(action: Callable[[], object]) -> tuple[float, float]:
    """Median wall seconds and median CPU seconds of this process (the part a machine busy
    with other work inflates least) over ``ROUNDS`` runs."""
    walls, cpus = [], []
    for _ in range(ROUNDS):
        began, cpu = time.perf_counter(), time.process_time()
        action()
        walls.append(time.perf_counter() - began)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def run(scale: str) -> list[dict[str, object]]:
    """attendees() and the console's first show at the held meeting, beside the old replay."""
    from assembly.domain.attendance import counts_for_quorum
    from assembly.domain.members import eligibility
    from assembly.domain.presence import Attendee, stays_of
    from assembly.persistence import meeting_store, presence_store
    from assembly.persistence.database import open_database
    from assembly.persistence.member_store import from_row
    from assembly.persistence.tables import attendance_events
    from assembly.persistence.tables import members as register
    from assembly.services import presence
    from assembly.services.console import ConsoleService
    from assembly.services.context import ServiceContext
    from assembly.services.meeting_lookup import ProfileCache

    members = SIZES[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-presence-") as tmp:
        db_path = Path(tmp) / "kuorum.sqlite"
        given = os.environ.get("KUORUM_BENCH_DAY_DB")
        if given:
            shutil.copyfile(given, db_path)
        else:
            _demo(db_path, members)
        db = open_database(db_path)
        with db.read() as conn:
            held, attendees = conn.exec_driver_sql(
                "SELECT meeting_id, count(*) FROM attendance GROUP BY meeting_id"
                " ORDER BY count(*) DESC LIMIT 1"
            ).one()
        moment = dt.datetime(2030, 1, 1, tzinfo=dt.UTC)  # after the held meeting: all counted

        def replay() -> list[Attendee]:
            """What attendees() did before: the whole history replayed."""
            with db.read() as conn:
                stays = stays_of(presence_store.moves(conn, held))
                rights = presence_store.flags(conn, held)
            return [
                Attendee(m, counted, may_vote, category, stays.get(m, ()))
                for m, (counted, may_vote, category) in sorted(rights.items())
            ]

        def fast() -> list[Attendee]:
            with db.read() as conn:
                return presence.attendees(conn, held)

        if fast() != replay():
            raise RuntimeError("the kept stays differ from the replay of the history")

        with db.read() as conn:
            meeting = meeting_store.get(conn, held)
            assert meeting is not None
            profile = ProfileCache().get(conn, meeting.profile_version)

        def recount_at_close() -> list[Attendee]:
            with db.read() as conn:
                return presence.recounted_attendees(conn, meeting, profile, from_history=False)

        def recount_from_history() -> list[Attendee]:
            with db.read() as conn:
                return presence.recounted_attendees(conn, meeting, profile)

        def replayed_recount() -> list[Attendee]:
            """What recounted_attendees() did before: the whole history read and replayed
            in Python, every member it names read from the register."""
            with db.read() as conn:
                stays = stays_of(presence_store.moves(conn, held))
                recorded = presence_store.flags(conn, held)
                named = sa.select(attendance_events.c.member_id).where(
                    attendance_events.c.meeting_id == held
                )
                people = [
                    from_row(r._mapping)
                    for r in conn.execute(sa.select(register).where(register.c.id.in_(named)))
                ]
            out = []
            for member in sorted(people, key=lambda m: m.id or 0):
                assert member.id is not None
                if member.id in recorded:
                    counted, may_vote, _category = recorded[member.id]
                else:
                    counted = counts_for_quorum(member, meeting.cutoff_date, profile)
                    may_vote = eligibility(member, meeting.cutoff_date, profile).may_vote
                out.append(
                    Attendee(
                        member.id, counted, may_vote, member.category, stays.get(member.id, ())
                    )
                )
            return out

        before_recount = replayed_recount()
        if recount_from_history() != before_recount:
            raise RuntimeError("the database's replay of the history differs from Python's")
        if recount_at_close() != [a for a in before_recount if a.stays]:
            raise RuntimeError("the kept stays differ from the replay of the history")

        def first_show() -> None:
            ConsoleService(ServiceContext(db, "bench", lambda: moment)).snapshot(held)

        took = _median(fast)
        before = _median(replay)
        console = _median(first_show)
        at_close = _median(recount_at_close)
        from_history = _median(recount_from_history)
        recount_before = _median(replayed_recount)
        db.close()
    where = f"{attendees:,} attendees, {members:,} members"
    rows = []
    for label, figure, baseline, target in (
        (f"presence.attendees, {where}; baseline: the whole history replayed, as before",
         took, before, TARGETS["attendees"]),
        (f"chair's console, first show, {where}; baseline: the replay it began with before",
         console, before, TARGETS["console"]),
        (f"recount at the close (kept stays), {where}; baseline: the history replayed in "
         "Python, as before", at_close, recount_before, TARGETS["recount"]),
        (f"recount of minutes check (history replayed by one SQL statement), {where}; "
         "baseline: the history replayed in Python, as before", from_history, recount_before,
         TARGETS["recount"]),
    ):  # fmt: skip
        for kind, index in ((f"wall s, median of {ROUNDS}", 0), ("CPU s of the process", 1)):
            rows.append(
                {
                    "work": f"{label} ({kind})",
                    "figure": round(figure[index], 3),
                    "baseline": round(baseline[index], 3),
                    "target": f"≤ {target:g} s",
                    "ok": figure[index] <= target,
                }
            )
    return rows


if __name__ == "__main__":
    for figure in run(next((a for a in sys.argv[1:] if a in SIZES), "quick")):
        print(figure)
