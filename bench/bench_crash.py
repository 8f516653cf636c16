"""Crash benchmark (DESIGN.md section 7): SIGKILL a real Kuorum process running a scripted
meeting at random moments and check after each kill that every confirmed action survived,
nothing else was added, ``PRAGMA integrity_check`` is ok and the audit chain verifies.

Scale "quick": 25 kills; "full": 300. Run alone with ``python -m bench.bench_crash [quick|full]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.crash_harness import run_kills

KILLS = {"quick": 25, "full": 300}
SEED = 1985_07_12


def run(scale: str) -> list[dict[str, object]]:
    """Kills survived of kills made; the baseline column is the number of kills."""
    kills = KILLS[scale]
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-crash-") as folder:
        report = run_kills(kills, SEED, Path(folder))
    took = time.perf_counter() - started
    for failure in report.failures:
        print(f"[bench] crash: {failure}", file=sys.stderr)
    return [
        {
            "work": (
                f"SIGKILL at random moments: kills survived ({report.cycles} meetings, "
                f"{report.confirmed_actions:,} confirmed actions, "
                f"{report.in_flight_committed} in-flight commits kept, {took:,.0f} s)"
            ),
            "figure": report.survived,
            "baseline": report.kills,
            "target": "all kills survived",
            "ok": report.survived == report.kills == kills and not report.failures,
        }
    ]


if __name__ == "__main__":
    for row in run(sys.argv[1] if len(sys.argv) > 1 else "quick"):
        print(row)
