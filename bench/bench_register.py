"""Register benchmarks (DESIGN.md section 6): search at 300,000 members, the member table
opened and scrolled to the end, and app start to a usable main window.

``run(scale)`` returns one dict per figure with keys work, figure, baseline, target, ok.
Scale "full" uses 300,000 members, "quick" 30,000. Run alone with
``python -m bench.bench_register [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

SIZES = {"full": 300_000, "quick": 30_000}
ROOT = Path(__file__).resolve().parents[1]

_FIRST = [
    "Agus",
    "Ahmad",
    "Andi",
    "Ani",
    "Annisa",
    "Arif",
    "Bambang",
    "Budi",
    "Cahya",
    "Citra",
    "Dedi",
    "Dewi",
    "Dian",
    "Dwi",
    "Eka",
    "Endang",
    "Fajar",
    "Fitri",
    "Gita",
    "Hadi",
    "Hendra",
    "Indah",
    "Intan",
    "Joko",
    "Kartika",
    "Komang",
    "Lestari",
    "Made",
    "Maria",
    "Muhammad",
    "Nur",
    "Nyoman",
    "Putri",
    "Putu",
    "Rahmat",
    "Ratna",
    "Rina",
    "Rizky",
    "Sari",
    "Siti",
    "Slamet",
    "Sri",
    "Teguh",
    "Tri",
    "Wahyu",
    "Wayan",
    "Yanti",
    "Yohanes",
    "Yulia",
    "Yusuf",
    "Maria",
    "Fransiskus",
    "Aloysius",
    "Theresia",
    "Yosef",
    "Paulus",
    "Petrus",
    "Agnes",
]
_MIDDLE = [
    "Nur",
    "Dwi",
    "Tri",
    "Putra",
    "Putri",
    "Indah",
    "Sri",
    "Maria",
    "Ayu",
    "Eka",
    "Adi",
    "Budi",
    "Rahma",
    "Dewi",
    "Fitri",
    "Yoga",
    "Kurnia",
]
_LAST = [
    "Aminah",
    "Hartono",
    "Wijaya",
    "Santoso",
    "Saputra",
    "Lestari",
    "Kurniawan",
    "Setiawan",
    "Hidayat",
    "Nugroho",
    "Pratama",
    "Susanti",
    "Wulandari",
    "Rahayu",
    "Sitompul",
    "Simanjuntak",
    "Nainggolan",
    "Siregar",
    "Harahap",
    "Lubis",
    "Nasution",
    "Tanjung",
    "Pohan",
    "Manurung",
    "Wibowo",
    "Gunawan",
    "Halim",
    "Tanoto",
    "Sinaga",
    "Purba",
    "Ginting",
    "Tarigan",
    "Sembiring",
    "Da",
    "Costa",
    "Fernandes",
    "Lamanepa",
    "Bataona",
    "Kleden",
    "Manuk",
    "Wahyudi",
    "Suharto",
    "Sulistyo",
    "Kusuma",
    "Permana",
    "Firmansyah",
    "Ramadhan",
    "Syahputra",
    "Hasibuan",
    "Batubara",
    "Daulay",
    "Panjaitan",
    "Simatupang",
    "Situmorang",
]
_STREETS = [
    "Merdeka",
    "Sudirman",
    "Diponegoro",
    "Ahmad",
    "Yani",
    "Gatot",
    "Subroto",
    "Kartini",
    "Pahlawan",
    "Flamboyan",
]
_CITIES = (
    ("3273", "Bandung"),
    ("3171", "Jakarta Selatan"),
    ("5310", "Sikka"),
    ("5371", "Kupang"),
    ("3507", "Malang"),
    ("6171", "Pontianak"),
)


def generated_members(count: int, seed: int = 7) -> Iterator[object]:
    """``count`` plausible register entries: Indonesian names, NIKs whose region and birth
    date fit, join dates over decades, some calon, resigned, deceased and expelled members."""
    from assembly.domain.members import Category, Member, Sex, Status

    rng = random.Random(seed)
    for n in range(1, count + 1):
        sex = Sex.FEMALE if rng.random() < 0.52 else Sex.MALE
        parts = [rng.choice(_FIRST)]
        if rng.random() < 0.35:
            parts.append(rng.choice(_MIDDLE))
        parts.append(rng.choice(_LAST))
        birth = dt.date(1940, 1, 1) + dt.timedelta(days=rng.randrange(0, 365 * 65))
        joined = max(birth + dt.timedelta(days=365 * 17), dt.date(1975, 1, 1))
        joined += dt.timedelta(days=rng.randrange(0, max(1, (dt.date(2026, 1, 1) - joined).days)))
        code, city = rng.choice(_CITIES)
        day = birth.day + (40 if sex is Sex.FEMALE else 0)
        nik = f"{code}{rng.randrange(1, 30):02d}{day:02d}{birth:%m%y}{rng.randrange(1, 9999):04d}"
        roll = rng.random()
        category = Category.MEMBER
        status = Status.ACTIVE
        exit_date = None
        reason = ""
        if roll < 0.04:
            category = Category.CANDIDATE
        elif roll < 0.05:
            category = Category.EXTRAORDINARY
        elif roll < 0.11:
            status, reason = Status.RESIGNED, "Mengundurkan diri"
        elif roll < 0.14:
            status, reason = Status.DECEASED, ""
        elif roll < 0.15:
            status, reason = Status.EXPELLED, "Tidak memenuhi kewajiban"
        if status is not Status.ACTIVE:
            span = max(1, (dt.date(2026, 1, 1) - joined).days)
            exit_date = joined + dt.timedelta(days=rng.randrange(1, span + 1))
        yield Member(
            number=f"{n:07d}",
            name=" ".join(parts),
            category=category,
            status=status,
            nik=nik if rng.random() < 0.9 else None,
            sex=sex,
            birth_date=birth,
            address=f"Jl. {rng.choice(_STREETS)} No. {rng.randrange(1, 200)}, {city}",
            phone=f"08{rng.randrange(11, 99)}{rng.randrange(10_000_000, 99_999_999)}",
            joined_on=joined,
            exit_date=exit_date,
            exit_reason=reason,
            arrears=rng.random() < 0.08,
        )


def fill(path: Path, count: int) -> None:
    """A register of ``count`` generated members in a new database at ``path``."""
    from assembly.domain.cooperative import Cooperative
    from assembly.persistence import member_store
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    services = Services.create(ServiceContext(open_database(path), "bench"))
    services.cooperative.save_cooperative(
        Cooperative("Koperasi Kredit Bench Sejahtera", city="Maumere", code="KB")
    )
    batch: list[object] = []
    with services.ctx.db.write() as conn:
        for member in generated_members(count):
            batch.append(member)
            if len(batch) == 20_000:
                member_store.insert_many(conn, batch)  # type: ignore[arg-type]
                batch.clear()
        member_store.insert_many(conn, batch)  # type: ignore[arg-type]
    services.close()


# --- the benchmarks ---------------------------------------------------------------------------

SEARCH_TARGET_MS = 10.0
TABLE_TARGET_S = 1.0
TABLE_TARGET_MB = 400.0
START_TARGET_S = 2.0
_QUERIES = 300


def _queries(db: object, count: int, seed: int = 5) -> list[str]:
    """What people type into the search field: scanned or typed member numbers (also as
    people say them, without or with one zero in front), NIKs whole or begun, names as they
    are typed letter by letter, and a family name alone."""
    from assembly.domain.member_numbers import number_key
    from assembly.persistence import member_store

    rng = random.Random(seed)
    texts: list[str] = []
    with db.read() as conn:  # type: ignore[attr-defined]
        top = member_store.count(conn)
        while len(texts) < count:
            member = member_store.get(conn, rng.randrange(1, top + 1))
            if member is None:
                continue
            kind = rng.randrange(8)
            if kind == 0:
                texts.append(member.number)
            elif kind == 6:
                texts.append(number_key(member.number))  # as people say it: "12345"
            elif kind == 7:
                texts.append("0" + number_key(member.number))  # or "012345"
            elif kind == 1:
                texts.append(member.number[: rng.randrange(3, 7)])
            elif kind == 2 and member.nik:
                texts.append(member.nik if rng.random() < 0.5 else member.nik[:6])
            elif kind in (3, 4):
                name = member.name
                texts.extend(name[:n].lower() for n in range(1, min(len(name), 12) + 1))
            else:
                texts.append(member.name.split()[-1])
    return texts[:count]


def _percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(share * (len(ordered) - 1)))]


def bench_search(path: Path, members: int) -> list[dict[str, object]]:
    """Count plus first page, as each keystroke asks, through the search service."""
    from assembly.domain.register_query import RegisterQuery
    from assembly.persistence import member_store
    from assembly.services.bundle import Services

    services = Services.open(path)
    texts = _queries(services.ctx.db, _QUERIES)
    search = services.search
    for text in texts[:20]:  # warm the page cache, as a running app has
        search.search(RegisterQuery(text), 100)
    timings = []
    for text in texts:
        start = time.perf_counter()
        search.search(RegisterQuery(text), 100)
        timings.append((time.perf_counter() - start) * 1000)
    rng = random.Random(1)
    lookups = []
    for _ in range(len(texts)):
        member_id = rng.randrange(1, members + 1)
        start = time.perf_counter()
        with services.ctx.db.read() as conn:
            member_store.get(conn, member_id)
        lookups.append((time.perf_counter() - start) * 1000)
    services.close()
    p50, p95 = _percentile(timings, 0.5), _percentile(timings, 0.95)
    base = _percentile(lookups, 0.5)
    return [
        {
            "work": f"search the register ({members:,} members, {len(texts)} queries)",
            "figure": f"p50 {p50:.2f} ms, p95 {p95:.2f} ms",
            "baseline": f"primary-key lookup p50 {base:.2f} ms",
            "target": f"p95 <= {SEARCH_TARGET_MS:.0f} ms",
            "ok": p95 <= SEARCH_TARGET_MS,
        }
    ]


_TABLE_SCRIPT = r"""
import json, resource, sys, time
from pathlib import Path
from PySide6.QtWidgets import QApplication
app = QApplication([])
from assembly.services.bundle import Services
from assembly.ui.operation import Operations
from assembly.ui.pages.register_page import RegisterPage
from assembly.ui.models.member_table_model import PENDING
services = Services.open(Path(sys.argv[1]))

def high_water_kb():
    # VmHWM belongs to this process's own memory map; ru_maxrss would carry over the peak of
    # the parent the process was forked from (the bench runner, large after other benches).
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

before = high_water_kb()
start = time.perf_counter()
page = RegisterPage(services, Operations())
page.resize(1200, 800)
page.show()
app.processEvents()
opened = time.perf_counter() - start
page.table.scrollToBottom()
last = page.model.rowCount() - 1
while page.model.data(page.model.index(last, 0)) == PENDING:
    app.processEvents()
ended = time.perf_counter() - start
# Then 200 presses of Page Up, as a person holding the key would.
bar = page.table.verticalScrollBar()
step = max(1, bar.pageStep())
presses = 200
for _ in range(presses):
    bar.setValue(bar.value() - step)
    app.processEvents()
    app.processEvents()
paged = (time.perf_counter() - start - ended) / presses
peak = high_water_kb()
print(json.dumps({"opened": opened, "ended": ended, "paged": paged, "rows": last + 1,
                  "before_mb": before / 1024, "peak_mb": peak / 1024}))
"""

_START_SCRIPT = r"""
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
app = QApplication([sys.argv[0]])
QTimer.singleShot(0, lambda: (print("ready", flush=True), app.quit()))
if sys.argv[1] == "bare":
    from PySide6.QtWidgets import QMainWindow
    window = QMainWindow()
    window.show()
    sys.exit(app.exec())
from assembly.app import run_app
sys.exit(run_app(["--db", sys.argv[1]]))
"""


def _child_env() -> dict[str, str]:
    env = dict(os.environ)
    env.setdefault("QT_QPA_PLATFORM", "offscreen")
    env["PYTHONPATH"] = str(ROOT)
    return env


def bench_table(path: Path, members: int) -> list[dict[str, object]]:
    """Open the register page over the whole register and scroll to its end, in a fresh
    process so that its peak memory is its own."""
    from assembly.persistence.database import open_database

    out = subprocess.run(
        [sys.executable, "-c", _TABLE_SCRIPT, str(path)],
        env=_child_env(),
        capture_output=True,
        text=True,
        check=True,
        cwd=ROOT,
    )
    result = json.loads(out.stdout.strip().splitlines()[-1])
    db = open_database(path)
    start = time.perf_counter()
    with db.read() as conn:
        conn.exec_driver_sql(
            "SELECT * FROM members ORDER BY number LIMIT 200 OFFSET ?", (members - 200,)
        ).all()
    raw = time.perf_counter() - start
    db.close()
    ok = result["ended"] <= TABLE_TARGET_S and result["peak_mb"] <= TABLE_TARGET_MB
    return [
        {
            "work": f"open the member table at {result['rows']:,} rows, scroll to the end",
            "figure": (
                f"{result['ended']:.2f} s (shown after {result['opened']:.2f} s); "
                f"peak RSS {result['peak_mb']:.0f} MB; then Page Up "
                f"{result['paged'] * 1000:.0f} ms a press"
            ),
            "baseline": (
                f"raw SQL of the last page {raw * 1000:.0f} ms; RSS before the page "
                f"{result['before_mb']:.0f} MB"
            ),
            "target": f"<= {TABLE_TARGET_S:.0f} s, <= {TABLE_TARGET_MB:.0f} MB",
            "ok": ok,
        }
    ]


def _time_to_ready(argument: str) -> float:
    start = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", _START_SCRIPT, argument],
        env=_child_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        cwd=ROOT,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == "ready":
            break
    ready = time.perf_counter() - start
    child.wait(timeout=60)
    return ready


def bench_start(path: Path) -> list[dict[str, object]]:
    """Process start to a shown, idle main window, beside a bare Qt window."""
    bare = min(_time_to_ready("bare") for _ in range(2))
    app = min(_time_to_ready(str(path)) for _ in range(2))
    return [
        {
            "work": "app start to usable main window",
            "figure": f"{app:.2f} s",
            "baseline": f"bare Qt main window {bare:.2f} s",
            "target": f"<= {START_TARGET_S:.0f} s",
            "ok": app <= START_TARGET_S,
        }
    ]


def run(scale: str) -> list[dict[str, object]]:
    """Every register benchmark at ``scale`` ("full": 300,000 members, "quick": 30,000)."""
    members = SIZES[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-") as folder:
        path = Path(folder) / "register.sqlite"
        fill(path, members)
        rows = bench_search(path, members)
        rows += bench_table(path, members)
        rows += bench_start(path)
    return rows


def _print(rows: list[dict[str, object]]) -> None:
    for row in rows:
        mark = "ok" if row["ok"] else "MISSED"
        print(
            f"{row['work']}\n    {row['figure']}  |  {row['baseline']}  |  {row['target']}  {mark}"
        )


if __name__ == "__main__":
    _print(run(sys.argv[1] if len(sys.argv) > 1 else "quick"))
