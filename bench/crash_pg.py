"""The crash harness against PostgreSQL (issue 13, point 4): the host laptop's server holds the
cooperative, a desk process runs the scripted meeting of :mod:`bench.crash_driver`, and a kill
stops either the desk (SIGKILL of its process, mid check-in or mid vote) or the server itself
(SIGKILL of the postmaster and its backends together, as a pulled plug would; the next start
recovers from the WAL). After each kill the database is held against the reference run exactly
as the SQLite file is (:func:`bench.crash_harness.check_after_kill`): every action the desk
had confirmed is there, completely, and nothing else is; the audit chain verifies; amcheck
finds every table and index sound.

:func:`desks_under_server_kill`: several desk processes check members in at once and the
server is killed under them; afterwards every check-in a desk had confirmed is there, each
member once, each with its door event and its audit event, and at most one unconfirmed
check-in per desk (the one in flight, whole or absent).
"""

from __future__ import annotations

import json
import signal
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from bench.crash_harness import Database

ROOT = Path(__file__).resolve().parents[1]

# Ids PostgreSQL's sequences hand out: a number taken by a transaction that never committed is
# not given back (nor, after a crash, up to 32 numbers the server had not yet logged), so a run
# killed and resumed numbers its rows differently from the reference. The audit log is compared
# with these values blanked; the row counts and the chain still hold every row to account.
SERVER_IDS = ("id", "event_id", "check_id", "undoes", "ballot", "decision", "proxy_id")


class ServerSite:
    """Databases on a PostgreSQL test server (:class:`tests.pg_server.TestServer`); odd kills
    stop the desk process, even kills the server (which is started again)."""

    def __init__(self, server: Any) -> None:
        self.server = server

    def _admin(self, *statements: str) -> None:
        engine = sa.create_engine(self.server.url(), isolation_level="AUTOCOMMIT")
        try:
            with engine.connect() as conn:
                for statement in statements:
                    conn.exec_driver_sql(statement)
        finally:
            engine.dispose()

    def new(self, name: str) -> str:
        self._admin(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)", f"CREATE DATABASE {name}")
        return str(self.server.url(name))

    def copy(self, source: Database, name: str) -> str:
        template = sa.make_url(str(source)).database
        self._admin(
            f"DROP DATABASE IF EXISTS {name} WITH (FORCE)",
            f"CREATE DATABASE {name} TEMPLATE {template}",
        )
        return str(self.server.url(name))

    def kill(self, process: subprocess.Popen[str], number: int) -> bool:
        if number % 2:
            process.send_signal(signal.SIGKILL)
            return False
        self.server.kill()
        if process.poll() is None:  # the desk has not noticed yet: it dies with the host
            process.send_signal(signal.SIGKILL)
        process.wait()
        self.server.start()
        return True

    def integrity(self, db: Database) -> str:
        """amcheck over every table (``verify_heapam``) and every b-tree index of Kuorum's."""
        engine = sa.create_engine(str(db), isolation_level="AUTOCOMMIT")
        found: list[str] = []
        try:
            with engine.connect() as conn:
                conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS amcheck")
                relations = conn.exec_driver_sql(
                    "SELECT c.oid, c.relname, c.relkind FROM pg_class c "
                    "JOIN pg_namespace n ON n.oid = c.relnamespace "
                    "LEFT JOIN pg_am a ON a.oid = c.relam "
                    "WHERE n.nspname = 'public' AND (c.relkind = 'r' OR "
                    "(c.relkind = 'i' AND a.amname = 'btree'))"
                ).all()
                for oid, name, kind in relations:
                    if kind == "r":
                        bad = conn.exec_driver_sql(
                            "SELECT blkno, msg FROM verify_heapam(%(oid)s)", {"oid": oid}
                        ).all()
                        found += [f"{name} page {block}: {msg}" for block, msg in bad]
                    else:
                        try:
                            conn.exec_driver_sql(
                                "SELECT bt_index_check(%(oid)s, true)", {"oid": oid}
                            )
                        except sa.exc.DBAPIError as exc:
                            found.append(f"{name}: {exc.orig}")
        finally:
            engine.dispose()
        return "; ".join(found) or "ok"

    def audit_rows(self, db: Database, upto: int) -> list[Any]:
        engine = sa.create_engine(str(db), poolclass=sa.pool.NullPool)
        try:
            with engine.connect() as conn:
                rows = conn.execute(
                    sa.text(
                        "SELECT seq, actor, kind, payload FROM audit_events WHERE seq <= :upto "
                        "ORDER BY seq"
                    ),
                    {"upto": upto},
                ).all()
        finally:
            engine.dispose()
        return [[seq, actor, kind, _blank_ids(payload)] for seq, actor, kind, payload in rows]


def _blank_ids(payload: str) -> Any:
    data = json.loads(payload)
    if isinstance(data, dict):
        for key in SERVER_IDS:
            if isinstance(data.get(key), int):
                data[key] = "#"
    return data


@dataclass
class DeskKill:
    """What one server kill under several desks left: the check-ins each desk had confirmed,
    those in the database, and what did not hold."""

    desks: int
    confirmed: set[str] = field(default_factory=set)
    present: set[str] = field(default_factory=set)
    problems: list[str] = field(default_factory=list)

    @property
    def unconfirmed(self) -> set[str]:
        """In the database without a desk's confirmation: committed as the server died."""
        return self.present - self.confirmed


def desks_under_server_kill(
    server: Any, url: str, meeting_id: int, numbers: list[str], desks: int, kill_after: int,
    folder: Path,
) -> DeskKill:  # fmt: skip
    """``desks`` desk processes check ``numbers`` in (each its own share, at once); once the
    first desk has confirmed ``kill_after``, the server is killed, then started again, and the
    database is checked."""
    from tests.robustness.desk_worker import ready

    go = folder / "mulai"
    shares = [numbers[i::desks] for i in range(desks)]
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.desk_worker", url, str(go), "check_in",
             str(meeting_id), ",".join(share)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for share in shares
    ]  # fmt: skip
    ready(go, desks)
    go.write_text("mulai")
    result = DeskKill(desks)
    first = processes[0].stdout
    assert first is not None
    seen = 0
    while seen < kill_after:  # the first desk has confirmed this many: pull the plug
        line = first.readline()
        if not line:
            result.problems.append("the first desk stopped before the kill")
            break
        result.confirmed.add(json.loads(line)["number"])
        seen += 1
    server.kill()
    for process in processes:
        out, err = process.communicate(timeout=120)
        result.confirmed |= {json.loads(x)["number"] for x in out.splitlines() if x[:1] == "{"}
        if process.returncode == 0:
            result.problems.append("a desk finished its share although the host died")
        elif "OperationalError" not in err:
            result.problems.append(f"a desk stopped without saying it lost the host: {err[-300:]}")
    server.start()
    check_check_ins(url, meeting_id, result)
    return result


def check_check_ins(url: str, meeting_id: int, result: DeskKill) -> None:
    from assembly.services.bundle import Services

    engine = sa.create_engine(url, poolclass=sa.pool.NullPool)
    try:
        with engine.connect() as conn:
            rows = conn.execute(
                sa.text(
                    "SELECT m.number, "
                    "(SELECT count(*) FROM attendance_events e WHERE e.meeting_id = a.meeting_id "
                    " AND e.member_id = a.member_id AND e.kind = 'check_in') "
                    "FROM attendance a JOIN members m ON m.id = a.member_id "
                    "WHERE a.meeting_id = :m"
                ),
                {"m": meeting_id},
            ).all()
            logged = conn.execute(
                sa.text("SELECT payload FROM audit_events WHERE kind = 'attendance.check_in'")
            ).scalars()
            audit = [json.loads(p)["number"] for p in logged]
    finally:
        engine.dispose()
    result.present = {number for number, _ in rows}
    if len(rows) != len(result.present):
        result.problems.append("a member is in the attendance twice")
    result.problems += [f"{n}: {k} door events" for n, k in rows if k != 1]
    if sorted(audit) != sorted(result.present):
        result.problems.append("the audit log's check-ins differ from the attendance")
    lost = result.confirmed - result.present
    if lost:
        result.problems.append(f"{len(lost)} confirmed check-ins lost: {sorted(lost)[:5]}")
    if len(result.unconfirmed) > result.desks:
        result.problems.append(f"{len(result.unconfirmed)} check-ins no desk had in flight")
    services = Services.open(url, create=False)
    try:
        report = services.audit.verify()
    finally:
        services.close()
    if not report.intact:
        result.problems.append(report.summary)


def host_meeting(server: Any, name: str, members: int) -> tuple[str, int, list[str]]:
    """A new database ``name`` on ``server`` holding a cooperative of ``members`` and a RAT
    open for check-in: its URL, the meeting's id and the member numbers."""
    import datetime as dt
    from dataclasses import replace

    from assembly.domain.cooperative import Cooperative, TimeZone
    from assembly.domain.meeting import MeetingMode, MeetingType, Officer, OfficerRole
    from assembly.domain.members import Member
    from assembly.persistence import member_store
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext
    from bench.crash_driver import START

    url = ServerSite(server).new(name)
    services = Services.create(ServiceContext(open_database(url), "sekretaris", lambda: START))
    try:
        services.cooperative.save_cooperative(
            Cooperative(name="Koperasi Kredit Sehati", city="Maumere", time_zone=TimeZone.WITA)
        )
        numbers = [f"KSP-{n:05d}" for n in range(1, members + 1)]
        with services.ctx.db.write() as conn:
            member_store.insert_many(conn, [Member(n, f"Anggota {n[-5:]}") for n in numbers])
        meeting = services.meetings.new_meeting(MeetingType.RAT, START.date())
        meeting = replace(
            meeting,
            cutoff_date=dt.date(2026, 3, 1),
            venue="Aula Koperasi",
            mode=MeetingMode.OFFLINE,
            officers=(
                Officer(OfficerRole.CHAIR, "Anggota 00001", None),
                Officer(OfficerRole.SECRETARY, "Anggota 00002", None),
            ),
        )
        saved, _changes = services.meetings.create(meeting)
        assert saved.id is not None
        services.meetings.open_check_in(saved.id)
    finally:
        services.close()
    return url, saved.id, numbers
