"""Check-in at several desks on PostgreSQL (issue 13, point 6): 1, 2, 4 and 6 desk processes
check members in at once, each as fast as it can, against one throwaway local server (initdb
in a temporary folder, as the tests start theirs; ``fsync=on``, durable commit), at 300,000
members with 3,000 present once every round is done. Each desk is its own Kuorum process
(``tests.robustness.desk_worker``): look-up and the door's decision first, then, under the
one write lock, the rows read again, attendance row, history entry, stays, audit event, the
quorum recount and the durable commit.

Reported per round: the p50 and p95 of one check-in as a desk sees it (the slowest desk's),
and the round's rate; beside them, measured in the same run just before each round, a bare
single-row INSERT + COMMIT on the same server (the floor the server's durable commit sets).

Flat out, six desk processes and the server share this machine's cores (at the hall each desk
is a laptop of its own). A second, separately labelled figure has six desks pace like a person
with a scanner, one scan every :data:`PACE_S` seconds each, all six at the same instants (the
worst case of pacing), the first scan of each desk process included: what a desk's secretary
waits for at the hall. The flat-out rows stay the table's figures.
Scale "full": 300,000 members, 3,000 present; "quick": 30,000 and 300. Run alone with
``python -m bench.bench_pgcheckin [quick|full]``.
"""

from __future__ import annotations

import json
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import sqlalchemy as sa

from bench.bench_checkin import SIZES, _prepare

ROOT = Path(__file__).resolve().parents[1]
DESKS = (1, 2, 4, 6)
PER_DESK = {"full": 150, "quick": 20}  # check-ins by each desk in each round
TARGET_P95_MS = 30.0  # per check-in, at six desks
_BARE = 100
PACE_S = 1.5  # one scan per desk every 1.5 s: a person with a scanner, flat out
PACED = {"full": 60, "quick": 6}  # paced check-ins by each of six desks (3,000 and 300 in all)


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def _bare(url: str) -> list[float]:
    """A single-row INSERT + COMMIT, ``_BARE`` times: the durable commit's floor."""
    engine = sa.create_engine(url)
    times = []
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE TABLE IF NOT EXISTS bench_bare (id serial, at text)")
        conn.commit()
        for _ in range(_BARE):
            started = time.perf_counter()
            conn.exec_driver_sql("INSERT INTO bench_bare (at) VALUES (now()::text)")
            conn.commit()
            times.append((time.perf_counter() - started) * 1000)
    engine.dispose()
    return times


def _round(
    url: str, folder: Path, meeting_id: int, queues: list[list[str]], pace: float = 0.0
) -> tuple[list[list[float]], float]:
    """Each queue checked in by its own desk process, all started at one signal (one scan
    every ``pace`` seconds, else flat out); each desk's times (ms), and the seconds from the
    signal to the last desk's end."""
    from tests.robustness.desk_worker import ready

    go = folder / f"mulai-{len(queues)}-{pace}"
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.desk_worker", url, str(go), "check_in",
             str(meeting_id), ",".join(numbers), str(pace)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for numbers in queues
    ]  # fmt: skip
    ready(go, len(processes))
    go.write_text("mulai")
    began = time.perf_counter()
    desks = []
    for process in processes:
        out, err = process.communicate(timeout=1800)
        if process.returncode != 0:
            raise RuntimeError(err)
        lines = [json.loads(line) for line in out.splitlines()]
        if any(line["outcome"] != "admitted" for line in lines):
            raise RuntimeError(f"a check-in was not admitted: {lines[:3]}")
        desks.append([line["ms"] for line in lines])
    return desks, time.perf_counter() - began


def run(scale: str) -> list[dict[str, object]]:
    """p50/p95 per desk at 1, 2, 4 and 6 desks, beside a bare INSERT + COMMIT."""
    from tests.pg_server import start_server

    members, present = SIZES[scale]
    each = PER_DESK[scale]
    timed = each * sum(DESKS) + PACED[scale] * DESKS[-1]
    server = start_server()
    rows: list[dict[str, object]] = []
    try:
        admin = sa.create_engine(server.url(), isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.exec_driver_sql("CREATE DATABASE desks")
        admin.dispose()
        url = server.url("desks")
        services, meeting_id, later = _prepare(url, members, present, timed)  # type: ignore[arg-type]
        services.close()  # type: ignore[attr-defined]
        engine = sa.create_engine(url, isolation_level="AUTOCOMMIT")
        with engine.connect() as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")  # as autovacuum leaves it
        engine.dispose()
        random.Random(5).shuffle(later)
        with tempfile.TemporaryDirectory(prefix="kuorum-bench-desks-") as folder:
            for desks in DESKS:
                bare = _bare(url)
                queues = [later[i * each : (i + 1) * each] for i in range(desks)]
                later = later[desks * each :]
                times, took = _round(url, Path(folder), meeting_id, queues)
                p50 = max(statistics.median(t) for t in times)
                p95 = max(_percentile(t, 0.95) for t in times)
                rate = desks * each / took
                where = f"{desks} desk{'s' if desks > 1 else ''}, {members:,} members"
                rows.append(
                    {
                        "work": (
                            f"PostgreSQL check-in, {where}: p50 / p95 ms (slowest desk); "
                            f"{rate:.0f} check-ins/s, 3,000 in {3000 / rate:.0f} s"
                        ),
                        "figure": f"{p50:.1f} / {p95:.1f}",
                        "baseline": (
                            f"bare INSERT+COMMIT {statistics.median(bare):.1f} / "
                            f"{_percentile(bare, 0.95):.1f}"
                        ),
                        "target": f"p95 <= {TARGET_P95_MS:g} ms at six desks",
                        "ok": desks < 6 or p95 <= TARGET_P95_MS,
                    }
                )
            desks, paced = DESKS[-1], PACED[scale]
            bare = _bare(url)
            queues = [later[i * paced : (i + 1) * paced] for i in range(desks)]
            times, _took = _round(url, Path(folder), meeting_id, queues, PACE_S)
            p50 = max(statistics.median(t) for t in times)
            p95 = max(_percentile(t, 0.95) for t in times)
            later_p95 = max(_percentile(t[1:], 0.95) for t in times)
            first = max(t[0] for t in times)
            rows.append(
                {
                    "work": (
                        f"PostgreSQL check-in, {desks} desks PACED (one scan per desk every "
                        f"{PACE_S:g} s, as a person with a scanner; not the flat-out figure), "
                        f"{members:,} members: p50 / p95 ms (slowest desk); without each "
                        f"desk's first scan p95 {later_p95:.1f} ms; the first scans (a fresh "
                        f"process) up to {first:.0f} ms"
                    ),
                    "figure": f"{p50:.1f} / {p95:.1f}",
                    "baseline": (
                        f"bare INSERT+COMMIT {statistics.median(bare):.1f} / "
                        f"{_percentile(bare, 0.95):.1f}"
                    ),
                    "target": f"p95 <= {TARGET_P95_MS:g} ms",
                    "ok": p95 <= TARGET_P95_MS,
                }
            )
    finally:
        server.stop()
    return rows


if __name__ == "__main__":
    for row in run(sys.argv[1] if len(sys.argv) > 1 else "quick"):
        print(f"{row['work']}\n    {row['figure']}  |  {row['baseline']}  |  {row['target']}")
