"""Run the benchmarks and print one table: ``python -m bench [--scale quick|full] [--only NAME]``.

Discovers every ``bench/bench_*.py``, runs each in turn, prints a Markdown table with every
figure beside its baseline, then the peak resident memory of the run. Exits 0 even when a
target is missed (the row says so); a benchmark that crashes is shown as a failed row and the
others still run.
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import resource
import sys
import time
import traceback
from collections.abc import Sequence
from pathlib import Path

import bench

PREFIX = "bench_"


def discover() -> list[str]:
    """The names of the benchmark modules, without their prefix, sorted."""
    return sorted(
        m.name[len(PREFIX) :]
        for m in pkgutil.iter_modules(bench.__path__)
        if m.name.startswith(PREFIX)
    )


def _cell(value: object) -> str:
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:,.3f}" if value < 100 else f"{value:,.1f}"
    if isinstance(value, int) and not isinstance(value, bool):
        return f"{value:,}"
    return str(value).replace("|", "\\|")


def table(rows: Sequence[dict[str, object]]) -> str:
    """The figures as a Markdown table; a missed target is marked in bold."""
    lines = [
        "| benchmark | work | figure | baseline | target | met |",
        "|---|---|---:|---:|---|---|",
    ]
    for row in rows:
        met = "yes" if row.get("ok") else "**MISSED**"
        lines.append(
            "| "
            + " | ".join(
                [
                    _cell(row.get("bench")),
                    _cell(row.get("work")),
                    _cell(row.get("figure")),
                    _cell(row.get("baseline")),
                    _cell(row.get("target")),
                    met,
                ]
            )
            + " |"
        )
    return "\n".join(lines)


def peak_rss_mb() -> float:
    """Peak resident memory of this process and of any children it waited for, in MB."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    return max(own, children) / 1024  # Linux reports KiB


def main(argv: Sequence[str] | None = None) -> int:
    """Run the chosen benchmarks; always 0 once the arguments are understood."""
    names = discover()
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--scale", choices=("quick", "full"), default="full")
    parser.add_argument("--only", choices=names, action="append", help="run only this one")
    args = parser.parse_args(argv)
    chosen = args.only or names
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    rows: list[dict[str, object]] = []
    started = time.perf_counter()
    for name in chosen:
        print(f"[bench] {name} ({args.scale}) …", file=sys.stderr, flush=True)
        began = time.perf_counter()
        try:
            module = importlib.import_module(f"bench.{PREFIX}{name}")
            figures = module.run(args.scale)
        except Exception as exc:  # one broken benchmark must not hide the others' figures
            traceback.print_exc()
            figures = [
                {
                    "work": f"{name}: failed ({type(exc).__name__}: {exc})",
                    "figure": None,
                    "baseline": None,
                    "target": "runs",
                    "ok": False,
                }
            ]
        for figure in figures:
            rows.append({"bench": name, **figure})
        print(
            f"[bench] {name} done in {time.perf_counter() - began:.1f} s; "
            f"peak RSS so far {peak_rss_mb():,.0f} MB",
            file=sys.stderr,
        )
    print(table(rows))
    print()
    print(
        f"Scale: {args.scale}. Peak RSS: {peak_rss_mb():,.0f} MB. "
        f"Total: {time.perf_counter() - started:,.1f} s."
    )
    missed = sum(1 for r in rows if not r.get("ok"))
    if missed:
        print(f"{missed} target(s) missed (marked **MISSED**).")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
