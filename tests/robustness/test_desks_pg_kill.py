"""A SIGKILL of the PostgreSQL server while two desks check members in loses no check-in a
desk had confirmed (issue 13, the crash harness's promise on the host): a desk confirms only
after the commit returned, the server commits durably (fsync on, synchronous_commit on), and
the next start recovers from the WAL. The desks report the loss of the host as an error."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
import sqlalchemy as sa

from assembly.domain.cooperative import Cooperative, TimeZone
from assembly.domain.members import Member
from assembly.persistence import member_store
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests import pg_server
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import open_meeting
from tests.robustness.desk_worker import ready

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def own_server() -> Iterator[pg_server.TestServer]:
    """A server of this test alone: killing it leaves the session's server alone."""
    server = pg_server.start_server()
    yield server
    server.stop()


@pytest.mark.slow
def test_killing_the_server_loses_no_confirmed_check_in(
    own_server: pg_server.TestServer, tmp_path: Path
) -> None:
    engine = sa.create_engine(own_server.url(), isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("CREATE DATABASE rat")
    engine.dispose()
    url = own_server.url("rat")
    services = Services.create(ServiceContext(open_database(url), "sekretaris", lambda: FIXED_NOW))
    services.cooperative.save_cooperative(
        Cooperative(name="Koperasi Kredit Sehati", city="Maumere", time_zone=TimeZone.WITA)
    )
    numbers = [f"KSP-{n:04d}" for n in range(1, 1201)]
    with services.ctx.db.write() as conn:
        member_store.insert_many(conn, [Member(n, f"Anggota {n[-4:]}") for n in numbers])
    meeting_id = open_meeting(services)
    services.close()

    go = tmp_path / "mulai"
    desks = [
        subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.desk_worker", url, str(go), "check_in",
             str(meeting_id), ",".join(half)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        for half in (numbers[:600], numbers[600:])
    ]  # fmt: skip
    ready(go, len(desks))
    go.write_text("mulai")
    confirmed: list[str] = []
    assert desks[0].stdout is not None
    while len(confirmed) < 40:  # the first desk has confirmed 40 members: pull the plug
        line = desks[0].stdout.readline()
        assert line, desks[0].stderr.read() if desks[0].stderr else ""
        confirmed.append(json.loads(line)["number"])
    own_server.kill()
    for desk in desks:
        out, err = desk.communicate(timeout=120)
        confirmed += [json.loads(x)["number"] for x in out.splitlines() if x.startswith("{")]
        assert desk.returncode != 0 and "OperationalError" in err  # the desk says it lost the host
    own_server.start()

    db = open_database(url, create=False)
    try:
        with db.read() as conn:
            present = set(
                conn.execute(
                    sa.text(
                        "SELECT m.number FROM attendance a JOIN members m ON m.id = a.member_id "
                        "WHERE a.meeting_id = :m"
                    ),
                    {"m": meeting_id},
                ).scalars()
            )
    finally:
        db.close()
    assert len(confirmed) >= 40
    assert set(confirmed) <= present  # every confirmed check-in survived the kill
    services = Services.open(url, create=False)
    try:
        assert services.audit.verify().intact
    finally:
        services.close()
