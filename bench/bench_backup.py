"""Backup benchmark (issue 6): one automatic backup of the database — SQLite's online backup
from a fresh connection, fsync, rename, rotation, the audit entry — beside a plain file copy
of the same (checkpointed) file with ``shutil.copyfile`` + fsync, measured in the same run.

Scale "full": 300,000 members; "quick": 30,000. Run alone with
``python -m bench.bench_backup [quick|full]``.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sqlite3
import statistics
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_checkin import _members

SIZES = {"full": 300_000, "quick": 30_000}
ROUNDS = 3
TARGET_RATIO = 3.0


def _prepare(path: Path, members: int) -> object:
    from assembly.domain.cooperative import Cooperative
    from assembly.persistence import member_store
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    ticks = iter(range(1, 1_000_000))
    start = dt.datetime(2026, 3, 14, 9, 0).astimezone()
    services = Services.create(
        ServiceContext(
            open_database(path), "bench", lambda: start + dt.timedelta(seconds=next(ticks))
        )
    )
    services.cooperative.save_cooperative(Cooperative("Koperasi Kredit Bench", code="KB"))
    register = _members(members)
    with services.ctx.db.write() as conn:
        for first in range(0, len(register), 20_000):
            member_store.insert_many(conn, register[first : first + 20_000])  # type: ignore[arg-type]
    # Everything in the main file, so that the plain copy copies the whole database too.
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return services


def _plain_copy(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    with target.open("rb+") as f:
        os.fsync(f.fileno())


def run(scale: str) -> list[dict[str, object]]:
    """Backup time (s) beside a plain copy of the same file, median of three rounds."""
    members = SIZES[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-backup-") as folder:
        base = Path(folder)
        services = _prepare(base / "kuorum.sqlite", members)
        usb = base / "usb"
        usb.mkdir()
        services.backups.choose_folder(usb)  # type: ignore[attr-defined]
        size = (base / "kuorum.sqlite").stat().st_size
        ours: list[float] = []
        plain: list[float] = []
        for i in range(ROUNDS):
            started = time.perf_counter()
            _plain_copy(base / "kuorum.sqlite", base / f"copy-{i}.sqlite")
            plain.append(time.perf_counter() - started)
            started = time.perf_counter()
            result = services.backups.backup_now()  # type: ignore[attr-defined]
            ours.append(time.perf_counter() - started)
            assert result.ok, result.warning
        services.close()  # type: ignore[attr-defined]
    figure, baseline = statistics.median(ours), statistics.median(plain)
    return [
        {
            "work": f"one backup ({members:,} members, {size / 1e6:,.0f} MB file) (s)",
            "figure": round(figure, 3),
            "baseline": round(baseline, 3),
            "target": f"<= {TARGET_RATIO:g}x a plain file copy",
            "ok": figure <= TARGET_RATIO * baseline,
        }
    ]


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
