"""Kill a real Kuorum process with SIGKILL at random moments and prove nothing confirmed is lost.

:func:`run_kills` prepares a database (register and a meeting), runs the scripted meeting of
:mod:`bench.crash_driver` once without interruption to learn what the database holds after each
action, then again and again on fresh copies, killing the driver after a random delay (most of
a driver's time is spent inside durable commits, so many kills land mid-write) and restarting
it on the same file until the script is done. After every kill the file is reopened and checked:

- its audit log and row counts equal those of the reference after the last confirmed action,
  or after the one in flight (which may have committed before its OK line was printed) —
  so every confirmed action is there, completely, and nothing else is;
- ``PRAGMA integrity_check`` says ok; the audit chain verifies (``services.audit``).

Where the database lives and what a kill stops is a :class:`FileSite` (a SQLite file, the
driver killed) or :class:`bench.crash_pg.ServerSite` (a database on a PostgreSQL server; the
desk process killed, or the server itself, as a pulled plug would).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any, Protocol

from bench import crash_driver

ROOT = Path(__file__).resolve().parents[1]


@dataclass
class KillReport:
    """What the kills found: ``survived`` kills passed every check; ``failures`` says why the
    others did not."""

    kills: int = 0
    survived: int = 0
    in_flight_committed: int = 0
    confirmed_actions: int = 0
    cycles: int = 0
    failures: list[str] = field(default_factory=list)
    server_kills: int = 0  # of ``kills``, those that stopped the database server itself


Database = Path | str  # a SQLite file, or a PostgreSQL URL


class Site(Protocol):
    """Where the harness keeps its databases, and what a kill stops."""

    def new(self, name: str) -> Database:
        """An empty database called ``name`` (made afresh)."""

    def copy(self, source: Database, name: str) -> Database:
        """A copy of ``source`` called ``name`` (made afresh); nobody may be connected."""

    def kill(self, process: subprocess.Popen[str], number: int) -> bool:
        """Kill number ``number`` (from 1) while ``process`` runs; whether it stopped the
        server (after which it is running again)."""

    def integrity(self, db: Database) -> str:
        """The engine's own check of the database's pages: "ok", or what it found."""

    def audit_rows(self, db: Database, upto: int) -> list[Any]:
        """What the audit log records up to ``upto``, as the reference comparison reads it."""


class FileSite:
    """SQLite files in ``folder``; a kill is a SIGKILL of the driver."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder

    def new(self, name: str) -> Path:
        path = self.folder / f"{name}.sqlite"
        for part in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
            part.unlink(missing_ok=True)
        return path

    def copy(self, source: Database, name: str) -> Path:
        path = self.new(name)
        shutil.copyfile(source, path)
        return path

    def kill(self, process: subprocess.Popen[str], number: int) -> bool:
        process.send_signal(signal.SIGKILL)
        return False

    def integrity(self, db: Database) -> str:
        return integrity(Path(db))

    def audit_rows(self, db: Database, upto: int) -> list[Any]:
        conn = sqlite3.connect(f"{Path(db).as_uri()}?mode=ro", uri=True)
        try:
            return conn.execute(
                "SELECT seq, actor, kind, payload FROM audit_events WHERE seq <= ? ORDER BY seq",
                (upto,),
            ).fetchall()
        finally:
            conn.close()


def prepare_database(path: Database) -> None:
    """A cooperative, a register of 40 active members and a RAT with three agenda items."""
    from assembly.domain.cooperative import Cooperative, TimeZone
    from assembly.domain.meeting import AgendaItem, MeetingMode, MeetingType, Officer, OfficerRole
    from assembly.domain.members import Member
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext

    services = Services.create(
        ServiceContext(open_database(path), "sekretaris", lambda: crash_driver.START)
    )
    try:
        services.cooperative.save_cooperative(
            Cooperative(
                name="Koperasi Uji Tahan Banting",
                legal_entity_number="1/BH/2001",
                registration_number="3273010010001",
                address="Jl. Merdeka No. 1",
                city="Bandung",
                time_zone=TimeZone.WIB,
                code="KUTB",
            )
        )
        for n in range(1, crash_driver.MEMBERS + 1):
            services.register.save(
                Member(
                    crash_driver.number(n),
                    f"Anggota Nomor {n}",
                    joined_on=dt.date(2001, 1, 1) + dt.timedelta(days=n),
                )
            )
        meeting = services.meetings.new_meeting(MeetingType.RAT, crash_driver.START.date())
        meeting = replace(
            meeting,
            cutoff_date=dt.date(2026, 3, 1),
            venue="Aula Koperasi",
            mode=MeetingMode.OFFLINE,
            officers=(
                Officer(OfficerRole.CHAIR, "Anggota Nomor 1", None),
                Officer(OfficerRole.SECRETARY, "Anggota Nomor 2", None),
            ),
            agenda=(
                AgendaItem("Pengesahan laporan pertanggungjawaban pengurus"),
                AgendaItem("Pembagian SHU"),
                AgendaItem("Rencana kerja 2026"),
            ),
        )
        services.meetings.create(meeting)
    finally:
        services.close()


def audit_digest(path: Database, upto: int, site: Site | None = None) -> str:
    """A digest of what the audit log records up to ``upto`` (kind, actor, payload; not the
    wall-clock time, which differs from run to run)."""
    rows = (site or FileSite(Path(path).parent)).audit_rows(path, upto)
    return hashlib.sha256(json.dumps(rows).encode()).hexdigest()


def integrity(path: Path) -> str:
    """``PRAGMA integrity_check`` of the file."""
    conn = sqlite3.connect(path)
    try:
        return "; ".join(r[0] for r in conn.execute("PRAGMA integrity_check").fetchall())
    finally:
        conn.close()


def audit_intact(path: Database) -> tuple[bool, str]:
    """Open the file as Kuorum does and verify the audit chain."""
    from assembly.services.bundle import Services

    services = Services.open(path, create=False)
    try:
        report = services.audit.verify()
    finally:
        services.close()
    return report.intact, report.summary


def _driver(path: Database, reference: Path | None) -> subprocess.Popen[str]:
    command = [sys.executable, "-m", "bench.crash_driver", str(path)]
    if reference is not None:
        command += ["--reference", str(reference)]
    return subprocess.Popen(
        command,
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONPATH": str(ROOT)},
    )


class _Lines:
    """Reads a driver's stdout on a thread, so the harness can kill it at any moment."""

    def __init__(self, process: subprocess.Popen[str]) -> None:
        self.lines: list[str] = []
        self.ready = threading.Event()
        assert process.stdout is not None
        self._thread = threading.Thread(target=self._read, args=(process.stdout,), daemon=True)
        self._thread.start()

    def _read(self, stream: Any) -> None:
        for line in stream:
            self.lines.append(line.rstrip("\n"))
            if line.startswith("READY"):
                self.ready.set()
        self.ready.set()

    def join(self) -> None:
        self._thread.join(timeout=30)


def reference_run(
    template: Database, workdir: Path, site: Site | None = None
) -> tuple[Path, dict[str, Any], Database]:
    """One uninterrupted run on a copy of ``template``: the reference file (its OK lines and
    how long the script took after start-up), the parsed reference, the finished database."""
    done = (site or FileSite(workdir)).copy(template, "reference")
    base_seq = crash_driver.progress(done)["seq"]
    process = _driver(done, None)
    lines = _Lines(process)
    lines.ready.wait(timeout=60)
    began = time.perf_counter()
    process.wait(timeout=300)
    span = time.perf_counter() - began
    lines.join()
    assert process.stderr is not None and process.stdout is not None
    err = process.stderr.read()
    process.stderr.close()
    process.stdout.close()
    if process.returncode != 0:
        raise RuntimeError(f"the reference run failed: {err[-2000:]}")
    actions = [json.loads(line.split(" ", 2)[2]) for line in lines.lines if line[:3] == "OK "]
    reference = {"base_seq": base_seq, "actions": actions, "span": span}
    path = workdir / "reference.json"
    path.write_text(json.dumps(reference))
    return path, reference, done


def check_after_kill(
    path: Database,
    confirmed: int,
    reference: dict[str, Any],
    reference_db: Database,
    site: Site | None = None,
) -> tuple[bool, str, bool]:
    """Check the killed driver's file against the reference after ``confirmed`` actions (all
    runs on this file together). (passed, why not, whether the in-flight action committed)."""
    site = site or FileSite(Path(path).parent)
    actions = reference["actions"]
    states = [{"seq": reference["base_seq"], "counts": None}, *actions]
    now = crash_driver.progress(path)
    allowed = [confirmed] + ([confirmed + 1] if confirmed < len(actions) else [])
    match = [i for i in allowed if states[i]["seq"] == now["seq"]]
    if not match:
        return (
            False,
            f"audit at {now['seq']}, expected {[states[i]['seq'] for i in allowed]}",
            False,
        )
    at = match[-1]
    if at > 0 and states[at]["counts"] != now["counts"]:
        return False, f"rows {now['counts']} != {states[at]['counts']} after action {at}", False
    if audit_digest(path, now["seq"], site) != audit_digest(reference_db, now["seq"], site):
        return False, "the audit log differs from the reference", False
    check = site.integrity(path)
    if check != "ok":
        return False, f"integrity check: {check}", False
    intact, summary = audit_intact(path)
    if not intact:
        return False, summary, False
    return True, "", at > confirmed


def run_kills(n: int, seed: int, workdir: Path, site: Site | None = None) -> KillReport:
    """Kill ``n`` times at random moments (the driver, or what ``site`` kills), checking the
    database after each kill."""
    workdir.mkdir(parents=True, exist_ok=True)
    site = site or FileSite(workdir)
    rng = random.Random(seed)
    template = site.new("template")
    prepare_database(template)
    reference_file, reference, reference_db = reference_run(template, workdir, site)
    report = KillReport()
    total = len(reference["actions"])
    path: Database = template
    confirmed = total  # start with a fresh file
    while report.kills < n:
        if confirmed >= total:
            path = site.copy(template, "crash")
            confirmed = 0
            report.cycles += 1
        process = _driver(path, reference_file)
        lines = _Lines(process)
        lines.ready.wait(timeout=60)
        # Within the time the rest of the script took in the reference run.
        time.sleep(rng.uniform(0, reference["span"] * (total - confirmed) / total))
        killed = process.poll() is None
        if killed:
            report.server_kills += site.kill(process, report.kills + 1)
        process.wait()
        lines.join()
        assert process.stderr is not None
        err = process.stderr.read()
        process.stderr.close()
        if process.stdout is not None:
            process.stdout.close()
        if not killed and process.returncode != 0:
            report.failures.append(f"driver exited {process.returncode}: {err[-1500:]}")
            confirmed = total
            continue
        ok_ids = [line.split(" ", 2)[1] for line in lines.lines if line.startswith("OK ")]
        start = next(
            (int(line.split()[1]) for line in lines.lines if line.startswith("READY")), None
        )
        if start is not None and ok_ids:
            confirmed = int(ok_ids[-1][1:]) + 1
        elif start is not None:
            confirmed = max(confirmed, start)
        report.confirmed_actions += len(ok_ids)
        if not killed:
            confirmed = total
            continue  # it finished before the kill: nothing to check beyond the run itself
        report.kills += 1
        passed, why, committed = check_after_kill(path, confirmed, reference, reference_db, site)
        if passed:
            report.survived += 1
            report.in_flight_committed += committed
        else:
            report.failures.append(f"kill {report.kills}: {why}")
            confirmed = total
    return report


if __name__ == "__main__":
    import tempfile

    count = int(sys.argv[1]) if len(sys.argv) > 1 else 10
    with tempfile.TemporaryDirectory() as folder:
        print(run_kills(count, 1, Path(folder)))
