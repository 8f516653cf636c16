"""Four check-in desks on one PostgreSQL database (issue 13): four Kuorum processes check in
3,000 members at once, 10% of them scanned at two desks. Afterwards each member is in once,
the quorum counts exactly them, and the audit chain verifies: every write queues on the one
advisory lock (``pg_database.WRITE_LOCK``) and the attendance's UNIQUE key decides a race."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.domain.members import Member
from assembly.persistence import member_store
from assembly.persistence.tables import attendance, attendance_events
from assembly.services.bundle import Services
from tests.meeting_fixtures import open_meeting
from tests.robustness.desk_worker import ready

ROOT = Path(__file__).resolve().parents[2]
MEMBERS = 3000
DESKS = 4


def _desks(
    url: str, go: Path, meeting_id: int, queues: list[list[str]]
) -> list[list[dict[str, Any]]]:
    processes = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.desk_worker", url, str(go), "check_in",
             str(meeting_id), ",".join(numbers)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for numbers in queues
    ]  # fmt: skip
    ready(go, len(processes))
    go.write_text("mulai")
    results = []
    for process in processes:
        out, err = process.communicate(timeout=600)
        assert process.returncode == 0, err
        results.append([json.loads(line) for line in out.splitlines()])
    return results


@pytest.mark.slow
@pytest.mark.parametrize("engine_kind", ["postgresql"])
def test_four_desks_check_in_3000_members_once_each(
    cooperative: Services, db_path: str, tmp_path: Path
) -> None:
    numbers = [f"KSP-{n:05d}" for n in range(1, MEMBERS + 1)]
    with cooperative.ctx.db.write() as conn:
        member_store.insert_many(conn, [Member(n, f"Anggota {n[-5:]}") for n in numbers])
    meeting_id = open_meeting(cooperative)
    share = MEMBERS // DESKS
    queues = [numbers[i * share : (i + 1) * share] for i in range(DESKS)]
    for i in range(DESKS):  # 10% of all members are scanned again at the next desk
        queues[(i + 1) % DESKS] += queues[i][: MEMBERS // 10 // DESKS]
    results = _desks(db_path, tmp_path / "mulai", meeting_id, queues)

    lines = [r for desk in results for r in desk]
    assert len(lines) == MEMBERS + MEMBERS // 10
    assert not [r for r in lines if r["outcome"].startswith("refused")]
    assert sum(r["outcome"] == "already_present" for r in lines) == MEMBERS // 10
    waits = sorted(r["ms"] for r in lines)
    print(f"four desks on PostgreSQL: {len(waits)} scans, p50 {waits[len(waits) // 2]:.1f} ms, "
          f"p95 {waits[int(len(waits) * 0.95)]:.1f} ms")  # fmt: skip
    with cooperative.ctx.db.read() as conn:
        present = conn.execute(
            sa.select(sa.func.count()).where(attendance.c.meeting_id == meeting_id)
        ).scalar_one()
        twice = conn.execute(
            sa.select(attendance_events.c.member_id)
            .where(
                attendance_events.c.meeting_id == meeting_id, attendance_events.c.kind == "check_in"
            )
            .group_by(attendance_events.c.member_id)
            .having(sa.func.count() > 1)
        ).all()
    assert present == MEMBERS and twice == []
    assert cooperative.checkin.quorum(meeting_id).present == MEMBERS
    assert cooperative.audit.verify().intact
