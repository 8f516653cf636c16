"""Export and demo benchmarks (issue 2, items 6, 7 and 9).

- The Buku Daftar Anggota PDF of N demo members beside a plain ReportLab table of the same
  rows (stack.md section 8's fast path: fixed row heights, string cells, DejaVu, header row
  repeated, tables of 500 rows, same landscape A4 page). Target: at most twice the baseline.
- The demo cooperative (generation, profile, register, audit, one transaction) beside a raw
  ``sqlite3.executemany`` of the same member rows into the same schema (indexes and search
  triggers included). Target: well under a minute at 300,000 members.

``run(scale)`` returns one dict per figure with keys work, figure, baseline, target, ok.
Scale "full": 20,000 PDF rows and 300,000 demo members; "quick": 2,000 and 30,000. Run alone
with ``python -m bench.bench_export [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sqlite3
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

PDF_ROWS = {"full": 20_000, "quick": 2_000}
DEMO_MEMBERS = {"full": 300_000, "quick": 30_000}
REPEATS = {"full": 1, "quick": 3}
DEMO_LIMIT_S = 60.0


def _demo_members(count: int) -> list[Any]:
    from assembly.services.demo import LAST_JOIN, SEED, DemoRegister

    return DemoRegister(random.Random(SEED), count, LAST_JOIN).members(0, count)


def _register_book(members: list[Any]) -> bytes:
    from assembly.pdf.register_book import RegisterBook, write_register_book
    from assembly.services.demo import DEMO_COOPERATIVE

    out = io.BytesIO()
    book = RegisterBook(DEMO_COOPERATIVE, dt.date(2026, 3, 14), len(members))
    write_register_book(out, book, members)
    return out.getvalue()


def _plain_table(members: list[Any]) -> bytes:
    """The same rows as plain strings in ReportLab tables of 500 rows, nothing else."""
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from assembly.pdf.fonts import REGULAR, register_fonts

    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=landscape(A4),
        leftMargin=12 * mm,
        rightMargin=12 * mm,
        topMargin=16 * mm,
        bottomMargin=15 * mm,
        initialFontName=REGULAR,
    )
    header = ["No.", "Nomor", "Nama", "NIK", "L/P", "Alamat", "Masuk", "Status", "Keluar", "TTD"]
    rows = [
        [
            str(i),
            m.number,
            m.name,
            m.nik or "",
            m.sex.value if m.sex else "",
            m.address[:60],
            m.joined_on.strftime("%d-%m-%Y") if m.joined_on else "",
            m.status.value,
            m.exit_date.strftime("%d-%m-%Y") if m.exit_date else "",
            "",
        ]
        for i, m in enumerate(members, start=1)
    ]
    widths = [
        w * 273 * mm for w in (0.045, 0.075, 0.15, 0.10, 0.03, 0.225, 0.065, 0.095, 0.125, 0.09)
    ]
    style = TableStyle(
        [("FONT", (0, 0), (-1, -1), REGULAR, 7), ("GRID", (0, 0), (-1, -1), 0.35, "#555555")]
    )
    story = [
        Table(
            [header, *rows[start : start + 500]],
            colWidths=widths,
            rowHeights=8 * mm,
            repeatRows=1,
            style=style,
        )
        for start in range(0, len(rows), 500)
    ]
    doc.build(story)
    return out.getvalue()


def _best(work: Any, members: list[Any], repeats: int) -> float:
    best = float("inf")
    for _ in range(repeats):
        started = time.perf_counter()
        work(members)
        best = min(best, time.perf_counter() - started)
    return best


def _pdf_figures(scale: str) -> dict[str, object]:
    count = PDF_ROWS[scale]
    members = _demo_members(count)
    _register_book(members[:50])  # fonts loaded and modules imported before the clock starts
    _plain_table(members[:50])
    baseline = _best(_plain_table, members, REPEATS[scale])
    figure = _best(_register_book, members, REPEATS[scale])
    return {
        "work": f"Buku Daftar Anggota PDF, {count:,} rows (s)",
        "figure": round(figure, 3),
        "baseline": round(baseline, 3),
        "target": f"<= 2x plain ReportLab table ({2 * baseline:.2f} s)",
        "ok": figure <= 2 * baseline,
    }


def _fresh_database(folder: Path, name: str) -> Path:
    from assembly.persistence.database import open_database

    path = folder / name
    open_database(path).close()
    return path


def _raw_insert(path: Path, count: int) -> float:
    """Seconds spent in ``executemany`` inserting the demo's rows, in one transaction."""
    from assembly.persistence.member_store import to_row
    from assembly.services.demo import CHUNK, LAST_JOIN, SEED, DemoRegister

    register = DemoRegister(random.Random(SEED), count, LAST_JOIN)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    spent = 0.0
    columns: list[str] = []
    try:
        conn.execute("BEGIN IMMEDIATE")
        for start in range(0, count, CHUNK):
            rows = [to_row(m) for m in register.members(start, min(start + CHUNK, count))]
            if not columns:
                columns = list(rows[0])
            values = [tuple(r[c] for c in columns) for r in rows]
            sql = (
                f"INSERT INTO members ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' * len(columns))})"
            )
            began = time.perf_counter()
            conn.executemany(sql, values)
            spent += time.perf_counter() - began
        began = time.perf_counter()
        conn.execute("COMMIT")
        spent += time.perf_counter() - began
    finally:
        conn.close()
    return spent


def _demo_figures(scale: str) -> dict[str, object]:
    from assembly.persistence.database import open_database
    from assembly.services.context import ServiceContext
    from assembly.services.demo import DemoService

    count = DEMO_MEMBERS[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-") as folder:
        baseline = _raw_insert(_fresh_database(Path(folder), "raw.sqlite"), count)
        path = _fresh_database(Path(folder), "demo.sqlite")
        database = open_database(path)
        try:
            started = time.perf_counter()
            DemoService(ServiceContext(database, "bench")).create(members=count)
            figure = time.perf_counter() - started
        finally:
            database.close()
    return {
        "work": f"demo cooperative, {count:,} members (s)",
        "figure": round(figure, 2),
        "baseline": round(baseline, 2),
        "target": f"< {DEMO_LIMIT_S:.0f} s (baseline: raw executemany of the same rows)",
        "ok": figure < DEMO_LIMIT_S,
    }


def run(scale: str) -> list[dict[str, object]]:
    """The register book beside a plain table, and the demo beside raw inserts; seconds."""
    return [_pdf_figures(scale), _demo_figures(scale)]


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
