"""The benchmark suite (DESIGN.md section 6): ``python -m bench [--scale quick|full]``.

Each ``bench/bench_<name>.py`` exposes ``run(scale) -> list[dict]``; every dict is one figure
with the keys ``work`` (what was measured, with its unit), ``figure``, ``baseline`` (measured
in the same run, or None), ``target`` (in words) and ``ok``. Benchmarks are not timed tests:
a missed target is marked in the table, never a failure of the run.
"""
