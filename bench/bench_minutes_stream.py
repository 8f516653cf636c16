"""Berita acara at any size (issue 11, point 10; DESIGN.md section 6): the berita acara with
its Daftar Hadir of N present and a named-vote list of the same N rows, beside a plain
ReportLab platypus table of the same N rows, each built in a process of its own so that its
peak resident memory is its own. Time in seconds and peak memory in MB.

Target: the berita acara of 150,000 present under 500 MB at its peak. Scale "quick" runs
3,000 present, "full" 3,000 and 150,000 (the 300,000-member demo has 149,412 present). Run
alone with ``python -m bench.bench_minutes_stream [quick|full]``.
"""

from __future__ import annotations

import json
import resource
import subprocess
import sys
import time
from typing import Any

SIZES = {"quick": (3_000,), "full": (3_000, 150_000)}
LIMIT_MB = 500
TIMEOUT = 3_600  # a plain platypus table of 150,000 rows splits slowly


def _child(kind: str, count: int) -> dict[str, float]:
    """Build one document of ``count`` rows in this process; seconds and peak MB."""
    from bench.bench_documents import _baseline, _rows
    from bench.bench_minutes import _minutes

    rows = _rows(count)
    started = time.perf_counter()
    data = _baseline(rows) if kind == "baseline" else _minutes(rows)
    seconds = time.perf_counter() - started
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux
    return {"seconds": seconds, "peak_mb": peak, "bytes": len(data)}


def _measure(kind: str, count: int) -> dict[str, Any]:
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bench.bench_minutes_stream", "child", kind, str(count)],
            capture_output=True,
            text=True,
            timeout=TIMEOUT,
            check=True,
        )
    except subprocess.TimeoutExpired:
        return {"seconds": None, "peak_mb": None}
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def run(scale: str) -> list[dict[str, object]]:
    """For each size: the berita acara's time and peak memory beside the plain table's."""
    out: list[dict[str, object]] = []
    for count in SIZES[scale]:
        minutes = _measure("minutes", count)
        baseline = _measure("baseline", count)
        out.append(
            {
                "work": f"berita acara + Daftar Hadir + named votes, {count:,} present (s)",
                "figure": _round(minutes["seconds"]),
                "baseline": _round(baseline["seconds"]),
                "target": "(time: reported beside the plain table)",
                "ok": minutes["seconds"] is not None,
            }
        )
        out.append(
            {
                "work": f"the same, peak memory (MB), {count:,} present",
                "figure": _round(minutes["peak_mb"]),
                "baseline": _round(baseline["peak_mb"]),
                "target": f"< {LIMIT_MB} MB",
                "ok": minutes["peak_mb"] is not None and minutes["peak_mb"] < LIMIT_MB,
            }
        )
    return out


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 1)


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "child":
        print(json.dumps(_child(sys.argv[2], int(sys.argv[3]))))
    else:
        print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
