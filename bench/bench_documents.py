"""Document benchmark (issue 3, item 10; DESIGN.md section 6): the Daftar Hadir of 5,000
rows beside a plain ReportLab table of the same rows, built in the same run.

The baseline is what stack.md section 8 measured as ReportLab's fast path: one ``Table`` with
fixed row heights, string cells, DejaVu Sans, the header repeated on every page, A4 with the
same margins. The Daftar Hadir adds the letterhead, the alternating signature column, a
running header, "Halaman X dari Y" and the summary. Target: at most twice the baseline.

``run(scale)`` returns one dict per figure with keys work, figure, baseline, target, ok.
Scale "full" uses 5,000 rows, "quick" 1,000. Run alone with
``python -m bench.bench_documents [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import random
import sys
import time
from typing import Any

SIZES = {"full": 5_000, "quick": 1_000}
REPEATS = 3  # best of three: the machine is shared, the minimum is the least noisy figure


def _rows(count: int) -> list[Any]:
    from assembly.domain.attendance import Channel
    from assembly.pdf.attendance_list import AttendanceRow
    from bench.bench_register import generated_members

    rng = random.Random(11)
    rows = []
    start = dt.datetime(2026, 3, 14, 7, 30)
    for i, member in enumerate(generated_members(count)):
        arrived = start + dt.timedelta(seconds=i * 5400 // count)
        channel = rng.choices(list(Channel), weights=(75, 20, 5))[0]
        holder = f"{rng.randrange(1, count):06d}" if channel is Channel.PROXY else ""
        rows.append(
            AttendanceRow(member.number, member.name, channel, arrived.time(), holder)  # type: ignore[attr-defined]
        )
    return rows


def _heading() -> Any:
    from assembly.domain.cooperative import Cooperative
    from assembly.pdf.attendance_list import AttendanceHeading, Signatory

    coop = Cooperative(
        name="Koperasi Simpan Pinjam Sejahtera Bersama",
        legal_entity_number="518/BH/XIII.12/2001",
        registration_number="3273010010001",
        address="Jl. Merdeka No. 10",
        city="Bandung",
    )
    return AttendanceHeading(
        cooperative=coop,
        meeting_title="Rapat Anggota Tahunan",
        financial_year=2025,
        day=dt.date(2026, 3, 14),
        start=dt.time(9, 0),
        venue="Aula Koperasi, Jl. Merdeka No. 10, Bandung",
        online="Zoom",
        signatories=(Signatory("Ketua Rapat", "Bambang Sutrisno"), Signatory("Sekretaris", "Siti")),
    )


def _baseline(rows: list[Any]) -> bytes:
    """A plain ReportLab table of the same rows: one Table, fixed heights, string cells."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.units import mm
    from reportlab.platypus import SimpleDocTemplate, Table, TableStyle

    from assembly.pdf.fonts import REGULAR, register_fonts

    register_fonts()
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=18 * mm,
        bottomMargin=18 * mm,
        initialFontName=REGULAR,
    )
    data = [["No.", "Nomor Anggota", "Nama", "Kehadiran", "Jam Hadir", "Tanda Tangan"]]
    data += [
        [str(i), r.number, r.name, r.channel.value, r.arrived.strftime("%H.%M"), ""]
        for i, r in enumerate(rows, start=1)
    ]
    widths = [w * mm for w in (10, 22, 60, 18, 14, 46)]
    table = Table(
        data,
        colWidths=widths,
        rowHeights=[8 * mm] * len(data),
        repeatRows=1,
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), REGULAR, 8),
                ("GRID", (0, 0), (-1, -1), 0.35, "#555555"),
            ]
        ),
    )
    doc.build([table])
    return out.getvalue()


def _attendance_list(rows: list[Any]) -> bytes:
    from assembly.pdf.attendance_list import write_attendance_list

    out = io.BytesIO()
    write_attendance_list(out, _heading(), rows)
    return out.getvalue()


def _best(work: Any, rows: list[Any]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        work(rows)
        best = min(best, time.perf_counter() - started)
    return best


def run(scale: str) -> list[dict[str, object]]:
    """The Daftar Hadir beside the plain table, same rows, same run; seconds, best of three."""
    count = SIZES[scale]
    rows = _rows(count)
    _baseline(rows[:50])  # fonts registered and modules imported before the clock starts
    _attendance_list(rows[:50])
    baseline = _best(_baseline, rows)
    figure = _best(_attendance_list, rows)
    return [
        {
            "work": f"Daftar Hadir PDF, {count:,} rows (s)",
            "figure": round(figure, 3),
            "baseline": round(baseline, 3),
            "target": f"<= 2x baseline ({2 * baseline:.3f} s)",
            "ok": figure <= 2 * baseline,
        }
    ]


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
