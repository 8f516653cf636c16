"""Berita acara benchmark (issue 5, item 9; DESIGN.md section 6): the berita acara of a
meeting with a 5,000-row Daftar Hadir and its vote annexes (a 5,000-line named-vote list and
the recapitulation) and the three embedded data files, beside a plain ReportLab table of the
same 5,000 attendance rows, built in the same run: once with the Daftar Hadir only, once
with the named-vote annex too.

The figure is the PDF side only (content already gathered), the same work the secretary's
"export" does after its one read transaction. Signing and verifying are measured by
``bench_signing``. Targets: the berita acara with its Daftar Hadir at most twice the baseline
(as the Daftar Hadir alone in ``bench_documents``); with the named-vote annex as well, which
prints every row a second time, at most four times.

``run(scale)`` returns one dict per figure with keys work, figure, baseline, target, ok.
Scale "full" uses 5,000 rows, "quick" 1,000. Run alone with
``python -m bench.bench_minutes [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
import time
from typing import Any

from bench.bench_documents import _baseline, _heading, _rows

SIZES = {"full": 5_000, "quick": 1_000}
REPEATS = 3  # best of three: the machine is shared, the minimum is the least noisy figure


def _content() -> Any:
    from assembly.domain.minutes import Clause, MinutesContent, Section, Signer

    heading = _heading()
    return MinutesContent(
        cooperative=heading.cooperative,
        title="BERITA ACARA",
        subtitle="RAPAT ANGGOTA TAHUNAN TAHUN BUKU 2025",
        number="Nomor: 001/BA-RAT/KSP-SB/III/2026",
        meeting_title="Rapat Anggota Tahunan Tahun Buku 2025",
        opening="Pada hari ini, Sabtu, tanggal 14 (empat belas) Maret 2026 (dua ribu dua puluh "
        "enam), pukul 09.00 WIB, bertempat di Aula Koperasi, telah diselenggarakan Rapat "
        "Anggota Tahunan.",
        sections=(
            Section("I. KEHADIRAN DAN KUORUM", (Clause("Anggota terdaftar 6.000 orang."),)),
            Section(
                "II. ACARA DAN KEPUTUSAN",
                (Clause("Pembagian SHU", ("Disetujui dengan pemungutan suara terbuka.",)),),
            ),
        ),
        closing_time="Rapat ditutup pukul 12.00 WIB.",
        closing_formula="Demikian berita acara ini dibuat dengan sebenarnya.",
        place_date="Bandung, 14 Maret 2026",
        leaders_heading="Pimpinan Rapat",
        signers=(
            Signer("Ketua Rapat", "Bambang", "TTD_Ketua"),
            Signer("Sekretaris", "Siti", "TTD_Sekretaris"),
        ),
        witnesses_heading="Saksi-saksi",
        witnesses=(),
        audit_hash="0" * 64,
        day=dt.date(2026, 3, 14),
    )


def _annexes(rows: list[Any]) -> tuple[Any, Any, tuple[Any, ...]]:
    from assembly.pdf.attachments import Attachment
    from assembly.pdf.minutes import AttendanceAnnex
    from assembly.pdf.minutes_annexes import BallotLine, NamedVoteLine, NamedVoteList, VoteAnnexes

    n = len(rows)
    line = BallotLine(1, "5. Pembagian SHU", "SHU dibagi 40% menurut jasa usaha", "Terbuka",
                      n, n, n, (("Setuju", n - 10), ("Tidak setuju", 10), ("Abstain", 0),
                                ("Tidak sah", 0)), "lebih dari 1/2 suara sah", "disetujui")  # fmt: skip
    votes = [NamedVoteLine(r.number, r.name, "Setuju", r.proxy_holder) for r in rows]
    annexes = VoteAnnexes("Rapat Anggota Tahunan Tahun Buku 2025", [line],
                          [NamedVoteList(line, votes)])  # fmt: skip
    csv_data = "\n".join(f"{r.number},{r.name}" for r in rows).encode()
    files = (
        Attachment("daftar_hadir.csv", csv_data, "text/csv", "Daftar hadir"),
        Attachment(
            "hasil_suara.json",
            json.dumps([v.__dict__ for v in votes]).encode(),
            "application/json",
            "Hasil suara",
        ),
    )
    return AttendanceAnnex(_heading(), rows), annexes, files


def _minutes(rows: list[Any], votes: bool = True) -> bytes:
    from assembly.pdf.layout import PageSetup
    from assembly.pdf.minutes import write_minutes

    attendance, annexes, files = _annexes(rows)
    out = io.BytesIO()
    write_minutes(
        out,
        _content(),
        PageSetup(),
        annex=attendance,
        votes=annexes if votes else None,
        attachments=files,
        invariant=True,
    )
    return out.getvalue()


def _best(work: Any, rows: list[Any]) -> float:
    best = float("inf")
    for _ in range(REPEATS):
        started = time.perf_counter()
        work(rows)
        best = min(best, time.perf_counter() - started)
    return best


def run(scale: str) -> list[dict[str, object]]:
    """The berita acara (with the Daftar Hadir; then also with the named-vote annex) beside
    the plain table of the same rows, same run; seconds, best of three."""
    count = SIZES[scale]
    rows = _rows(count)
    _baseline(rows[:50])  # fonts registered and modules imported before the clock starts
    _minutes(rows[:50])
    baseline = _best(_baseline, rows)
    plain = _best(lambda r: _minutes(r, votes=False), rows)
    full = _best(_minutes, rows)
    return [
        {
            "work": f"Berita acara PDF + Daftar Hadir of {count:,} rows + files (s)",
            "figure": round(plain, 3),
            "baseline": round(baseline, 3),
            "target": f"<= 2x baseline ({2 * baseline:.3f} s)",
            "ok": plain <= 2 * baseline,
        },
        {
            "work": f"the same + {count:,}-line named-vote annex + recap (s)",
            "figure": round(full, 3),
            "baseline": round(baseline, 3),
            "target": f"<= 4x baseline, rows twice over ({4 * baseline:.3f} s)",
            "ok": full <= 4 * baseline,
        },
    ]


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
