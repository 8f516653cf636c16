"""Crash benchmark (DESIGN.md section 7, issue 13 point 4): SIGKILL a real Kuorum process
running a scripted meeting at random moments and check after each kill that every confirmed
action survived, nothing else was added, the engine's own check finds the pages sound and the
audit chain verifies. On SQLite the process holds the file; on PostgreSQL (a throwaway local
server, as the tests start theirs) every other kill stops the desk process and the others the
server itself. Then four desks check members in on PostgreSQL and the server is killed under
them: every check-in a desk had confirmed must be there, nothing half-made.

Scale "quick": 25 kills on SQLite, 10 on PostgreSQL, one server kill under four desks; "full":
300, 60 and five. Run alone with ``python -m bench.bench_crash [quick|full]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

from bench.crash_harness import KillReport, run_kills

KILLS = {"quick": 25, "full": 300}
PG_KILLS = {"quick": 10, "full": 60}
DESK_ROUNDS = {"quick": 1, "full": 5}
DESKS = 4
MEMBERS = 3000
SEED = 1985_07_12


def run(scale: str) -> list[dict[str, object]]:
    """Kills survived of kills made (the baseline column: kills made), on both engines, and
    the confirmed check-ins kept when the server is killed under four desks."""
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-crash-") as folder:
        report = run_kills(KILLS[scale], SEED, Path(folder))
    rows = [_row("SQLite, the process killed", report, KILLS[scale], started)]
    rows += _postgresql(scale)
    return rows


def _row(where: str, report: KillReport, kills: int, started: float) -> dict[str, object]:
    for failure in report.failures:
        print(f"[bench] crash ({where}): {failure}", file=sys.stderr)
    server = f", {report.server_kills} of them the server" if report.server_kills else ""
    return {
        "work": (
            f"{where}: SIGKILL at random moments{server}: kills survived ({report.cycles} "
            f"meetings, {report.confirmed_actions:,} confirmed actions, "
            f"{report.in_flight_committed} in-flight commits kept, "
            f"{time.perf_counter() - started:,.0f} s)"
        ),
        "figure": report.survived,
        "baseline": report.kills,
        "target": "all kills survived",
        "ok": report.survived == report.kills == kills and not report.failures,
    }


def _postgresql(scale: str) -> list[dict[str, object]]:
    from bench.crash_pg import ServerSite
    from tests.pg_server import start_server

    started = time.perf_counter()
    server = start_server()
    try:
        with tempfile.TemporaryDirectory(prefix="kuorum-bench-crash-pg-") as folder:
            report = run_kills(PG_KILLS[scale], SEED, Path(folder), ServerSite(server))
        rows = [_row("PostgreSQL, the desk or the server killed", report, PG_KILLS[scale], started)]
        rows.append(_desks(server, scale))
    finally:
        server.stop()
    return rows


def _desks(server: object, scale: str) -> dict[str, object]:
    """Rounds of four desks checking in 3,000 members, the server killed once per round
    after the first desk confirmed a number of them that grows round by round."""
    from bench.crash_pg import desks_under_server_kill, host_meeting

    started = time.perf_counter()
    confirmed = kept = unconfirmed = 0
    problems: list[str] = []
    rounds = DESK_ROUNDS[scale]
    for round_ in range(rounds):
        with tempfile.TemporaryDirectory(prefix="kuorum-bench-desks-") as folder:
            url, meeting_id, numbers = host_meeting(server, f"rat{round_}", MEMBERS)
            result = desks_under_server_kill(
                server, url, meeting_id, numbers, DESKS, 40 + 60 * round_, Path(folder)
            )
        confirmed += len(result.confirmed)
        kept += len(result.confirmed & result.present)
        unconfirmed += len(result.unconfirmed)
        problems += result.problems
    for problem in problems:
        print(f"[bench] crash (desks): {problem}", file=sys.stderr)
    return {
        "work": (
            f"PostgreSQL, the server killed under {DESKS} desks checking in {MEMBERS:,} members "
            f"({rounds} kill{'s' if rounds > 1 else ''}): confirmed check-ins kept "
            f"({unconfirmed} in-flight commits kept, {time.perf_counter() - started:,.0f} s)"
        ),
        "figure": kept,
        "baseline": confirmed,
        "target": "every confirmed check-in kept, nothing half-made",
        "ok": kept == confirmed > 0 and not problems,
    }


if __name__ == "__main__":
    for row in run(sys.argv[1] if len(sys.argv) > 1 else "quick"):
        print(row)
