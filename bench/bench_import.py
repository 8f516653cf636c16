"""Import benchmark (DESIGN.md section 6): a register CSV of 100,000 rows imported through the
preview and the commit, and end to end as ``python main.py members import`` (process start to
exit, with its peak memory), beside raw ``sqlite3.executemany`` of the same rows into a table of
the same shape (the register table with its indexes; the import fills the trigram name index
once at the end, so the per-row triggers are left out of the baseline and measured apart).

``run(scale)`` returns one dict per figure with keys work, figure, baseline, target, ok.
Scale "full" uses 100,000 rows, "quick" 10,000. Run alone with
``python -m bench.bench_import [quick|full]``.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import random
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SIZES = {"full": 100_000, "quick": 10_000}

_FIRST_NAMES = (
    "Agus Ahmad Andi Ani Annisa Arif Bambang Budi Cahya Citra Dedi Dewi Dian Eka Endang Fajar "
    "Fitri Gita Hadi Hendra Indah Intan Joko Kartika Komang Lestari Made Maria Muhammad Nur "
    "Nyoman Putri Putu Rahmat Ratna Rina Rizky Sari Siti Slamet Sri Teguh Wahyu Wayan Yulia"
)
_LAST_NAMES = (
    "Aminah Hartono Wijaya Santoso Saputra Lestari Kurniawan Setiawan Hidayat Nugroho Pratama "
    "Susanti Wulandari Rahayu Sitompul Simanjuntak Siregar Harahap Lubis Nasution Tanjung "
    "Manurung Wibowo Gunawan Halim Sinaga Purba Ginting Tarigan Sembiring Kleden Permana"
)
_STREET_NAMES = "Merdeka Sudirman Diponegoro Gatot-Subroto Kartini Pahlawan Flamboyan Melati"
_FIRST, _LAST, _STREETS = (n.split() for n in (_FIRST_NAMES, _LAST_NAMES, _STREET_NAMES))
_REGIONS = (("3273", "Bandung"), ("3171", "Jakarta"), ("3578", "Surabaya"), ("1271", "Medan"))
_MONTHS = "Januari Februari Maret April Mei Juni Juli Agustus September Oktober November Desember"
HEADER = [
    "No.", "No. Anggota", "Nama Lengkap", "NIK", "L/P", "Tgl Lahir", "Alamat", "No HP",
    "Tgl Masuk", "Status", "Tgl Keluar", "Alasan Keluar", "Tunggakan",
]  # fmt: skip


def _day(rng: random.Random, start: dt.date, end: dt.date) -> dt.date:
    return start + dt.timedelta(days=rng.randrange(max(1, (end - start).days)))


def register_rows(count: int, seed: int = 11) -> list[list[str]]:
    """``count`` data rows as a cooperative's Excel holds them: dates in several spellings,
    NIKs that validate, some resigned and deceased members, some arrears."""
    rng = random.Random(seed)
    months = _MONTHS.split()
    rows = []
    for n in range(1, count + 1):
        female = rng.random() < 0.52
        birth = _day(rng, dt.date(1945, 1, 1), dt.date(2004, 12, 31))
        joined = _day(rng, max(birth + dt.timedelta(days=6600), dt.date(1980, 1, 1)),
                      dt.date(2025, 12, 31))  # fmt: skip
        code, city = rng.choice(_REGIONS)
        nik = (f"{code}{rng.randrange(1, 30):02d}{birth.day + (40 if female else 0):02d}"
               f"{birth:%m%y}{n % 10000:04d}")  # fmt: skip
        status, exit_on, reason = "Aktif", "", ""
        roll = rng.random()
        if roll < 0.06:
            status, reason = "Keluar", "Pindah domisili"
        elif roll < 0.08:
            status, reason = "Meninggal", ""
        if status != "Aktif":
            exit_on = _day(rng, joined, dt.date(2026, 1, 31)).strftime("%d/%m/%Y")
        joined_text = (
            f"{joined.day} {months[joined.month - 1]} {joined.year}"
            if n % 3 == 0
            else joined.strftime("%d-%m-%Y")
        )
        rows.append([
            str(n), f"KSP-{n:06d}", f"{rng.choice(_FIRST)} {rng.choice(_LAST)}", nik,
            "P" if female else "L", birth.strftime("%d/%m/%Y"),
            f"Jl. {rng.choice(_STREETS)} No. {rng.randrange(1, 200)}, {city}",
            f"08{rng.randrange(11, 99)}{rng.randrange(10**7, 10**8)}", joined_text, status,
            exit_on, reason, "Ya" if rng.random() < 0.05 else "Tidak",
        ])  # fmt: skip
    return rows


def write_register_csv(path: Path, count: int, seed: int = 11) -> Path:
    """Write a semicolon CSV (as Excel on Indonesian Windows saves it) with the cooperative's
    name above the column titles."""
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        out = csv.writer(f, delimiter=";")
        out.writerow(["KOPERASI SIMPAN PINJAM SEJAHTERA BERSAMA"] + [""] * 12)
        out.writerow(["BUKU DAFTAR ANGGOTA per 31 Desember 2025"] + [""] * 12)
        out.writerow([""] * 13)
        out.writerow(HEADER)
        out.writerows(register_rows(count, seed))
    return path


def _baseline_rows(rows: list[list[str]]) -> list[tuple[object, ...]]:
    """The same rows as the values the register table stores."""

    def iso(text: str) -> str | None:
        if not text:
            return None
        for fmt in ("%d/%m/%Y", "%d-%m-%Y"):
            try:
                return dt.datetime.strptime(text, fmt).date().isoformat()
            except ValueError:
                pass
        day, month, year = text.split()
        return dt.date(int(year), _MONTHS.split().index(month) + 1, int(day)).isoformat()

    status = {"Aktif": "aktif", "Keluar": "keluar", "Meninggal": "meninggal"}
    return [
        (r[1], r[2], r[3], r[4], iso(r[5]), r[6], r[7], iso(r[8]), "anggota", status[r[9]],
         iso(r[10]), r[11], r[12] == "Ya")
        for r in rows
    ]  # fmt: skip


def _raw_executemany(db: Path, rows: list[tuple[object, ...]], schema: list[str]) -> float:
    """Seconds for one transaction of ``executemany`` into a table made by ``schema``, with
    the app's pragmas (WAL, synchronous=FULL)."""
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    for statement in schema:
        conn.execute(statement)
    columns = ("number, name, nik, sex, birth_date, address, phone, joined_on, category, status, "
               "exit_date, exit_reason, arrears")  # fmt: skip
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO members ({columns}) VALUES ({', '.join('?' * 13)})", rows)
    conn.execute("COMMIT")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def _members_schema(template: Path, *, with_search: bool) -> list[str]:
    """The CREATE statements of the register table as the migrations made it: the table and
    its indexes, and (``with_search``) the trigram name index with the triggers feeding it."""
    conn = sqlite3.connect(template)
    found = conn.execute(
        "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL "
        "AND tbl_name IN ('members', 'members_fts')"
    ).fetchall()
    conn.close()
    order = {"table": 0, "index": 1, "trigger": 2}
    return [
        sql
        for kind, name, sql in sorted(found, key=lambda r: order[r[0]])
        if with_search or not (kind == "trigger" or name == "members_fts")
    ]


ROOT = Path(__file__).resolve().parents[1]


def _cli_env(cache: Path) -> dict[str, str]:
    """The command line's environment: compiled modules kept between runs, as the installed
    app has them (a shell with PYTHONDONTWRITEBYTECODE would compile every module at every
    run), in the bench's own folder so that nothing is written into the source tree."""
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONPYCACHEPREFIX=str(cache))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def end_to_end(source: Path, db: Path) -> tuple[float, float]:
    """Wall seconds and peak memory (MB) of ``python main.py members import`` as a user runs
    it, process start to exit, into a cooperative made by ``python main.py init`` (which runs
    first, untimed, and leaves the modules compiled). The memory is that one process's own
    peak (``wait4`` on it), not the largest of every child the bench has waited for."""
    env = _cli_env(db.parent / "pycache")
    subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "init", "--db", str(db), "--name", "KSP Bench"],
        check=True,
        capture_output=True,
        env=env,
    )
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, str(ROOT / "main.py"), "members", "import", str(source), "--db", str(db)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env=env,
    )
    _pid, status, usage = os.wait4(child.pid, 0)
    elapsed = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    assert child.stderr is not None
    error = child.stderr.read().decode("utf-8", "replace")
    child.stderr.close()
    if child.returncode:
        raise RuntimeError(f"the import failed (exit {child.returncode}): {error[-500:]}")
    return elapsed, usage.ru_maxrss / 1024  # KB on Linux


def run(scale: str) -> list[dict[str, object]]:
    """Import a generated register CSV and time it beside raw executemany."""
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    count = SIZES[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-import-") as folder:
        tmp = Path(folder)
        rows = register_rows(count)
        source = write_register_csv(tmp / "anggota.csv", count)
        template = tmp / "template.sqlite"
        open_database(template).close()
        plain = _raw_executemany(
            tmp / "raw.sqlite", _baseline_rows(rows), _members_schema(template, with_search=False)
        )
        searched = _raw_executemany(
            tmp / "raw-fts.sqlite",
            _baseline_rows(rows),
            _members_schema(template, with_search=True),
        )

        whole, peak_mb = end_to_end(source, tmp / "cli.sqlite")
        services = Services.create(ServiceContext(open_database(tmp / "kuorum.sqlite"), "bench"))
        try:
            start = time.perf_counter()
            preview = services.importer.preview(source)
            checked = time.perf_counter() - start
            assert not preview.blocking, [p.located() for p in preview.problems[:5]]
            start = time.perf_counter()
            outcome = services.importer.commit(preview).value
            committed = time.perf_counter() - start
            assert outcome.added == count
        finally:
            services.close()

    def seconds(value: float) -> str:
        return f"{value:.2f} s"

    n = f"{count:,}"
    # The import fills the name index once after its inserts (member_store.bulk_insert), so
    # the fair baseline is the table without the per-row triggers.
    base = f"{seconds(plain)} raw executemany, same table"
    total = checked + committed
    return [
        {
            "work": f"python main.py members import {n}-row CSV, process start to exit",
            "figure": f"{seconds(whole)} ({whole / plain:.1f}×)",
            "baseline": base,
            "target": "≤ 3× baseline",
            "ok": whole <= 3 * plain,
        },
        {
            "work": "  its peak memory (that process alone)",
            "figure": f"{peak_mb:.0f} MB",
            "baseline": "",
            "target": "< 300 MB",
            "ok": peak_mb < 300,
        },
        {
            "work": f"import {n}-row CSV in process (read, check, commit)",
            "figure": f"{seconds(total)} ({total / plain:.1f}×)",
            "baseline": base,
            "target": "≤ 3× baseline",
            "ok": total <= 3 * plain,
        },
        {
            "work": "  of which the commit, one transaction, name index included",
            "figure": f"{seconds(committed)} ({committed / plain:.1f}×)",
            "baseline": base,
            "target": "≤ 3× baseline",
            "ok": committed <= 3 * plain,
        },
        {
            "work": f"  raw executemany {n} rows through the per-row name-index triggers",
            "figure": seconds(searched),
            "baseline": base,
            "target": "(what row-by-row indexing would cost)",
            "ok": True,
        },
    ]


def main(argv: list[str]) -> int:
    """Print the table for ``quick`` (default) or ``full``."""
    scale = argv[0] if argv else "quick"
    results = run(scale)
    widths = [max(len(str(r[k])) for r in results) for k in ("work", "figure", "baseline")]
    for r in results:
        mark = "ok" if r["ok"] else "MISSED"
        print(f"{r['work']:<{widths[0]}}  {r['figure']:>{widths[1]}}  "
              f"{r['baseline']:<{widths[2]}}  {r['target']}  {mark}")  # fmt: skip
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
