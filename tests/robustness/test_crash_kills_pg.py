"""The crash harness against PostgreSQL (issue 13, point 4): the desk process running a
scripted meeting is killed with SIGKILL, and so is the server itself (postmaster and backends
at once), at random moments; after each kill every action the desk had confirmed is there,
nothing else is, the audit chain verifies and amcheck finds every table and index sound. The
long version is ``python -m bench --only crash``."""

from __future__ import annotations

from pathlib import Path

import pytest
import sqlalchemy as sa

from bench import crash_driver
from bench.crash_harness import check_after_kill, prepare_database, reference_run, run_kills
from bench.crash_pg import ServerSite
from tests import pg_server


@pytest.mark.slow
def test_desk_and_server_kills_lose_nothing_confirmed(
    own_server: pg_server.TestServer, tmp_path: Path
) -> None:
    report = run_kills(6, seed=20260314, workdir=tmp_path, site=ServerSite(own_server))
    assert report.failures == []
    assert report.kills == report.survived == 6
    assert report.server_kills == 3  # every other kill stopped the server
    assert report.confirmed_actions > 0


def test_the_check_notices_a_missing_an_extra_or_an_edited_action(
    own_server: pg_server.TestServer, tmp_path: Path
) -> None:
    site = ServerSite(own_server)
    template = site.new("template")
    prepare_database(template)
    _ref, reference, reference_db = reference_run(template, tmp_path, site)
    total = len(crash_driver.script())
    assert len(reference["actions"]) == total
    passed, why, _ = check_after_kill(reference_db, total - 3, reference, reference_db, site)
    assert not passed and "audit at" in why  # three more than confirmed
    fresh = site.copy(template, "fresh")
    passed, why, _ = check_after_kill(fresh, 5, reference, reference_db, site)
    assert not passed and "audit at" in why  # five confirmed, none there
    passed, why, committed = check_after_kill(fresh, 0, reference, reference_db, site)
    assert passed and not committed, why
    # The row ids the server hands out are blanked in the comparison, nothing else: a vote's
    # choice edited behind the app's back (guards dropped by the superuser) is found.
    done = site.copy(reference_db, "edited")
    engine = sa.create_engine(done, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql("DROP TRIGGER audit_events_no_update ON audit_events")
        conn.exec_driver_sql(
            "UPDATE audit_events SET payload = replace(payload, 'tidak_setuju', 'setuju') "
            "WHERE kind = 'ballot.voted'"
        )
    engine.dispose()
    passed, why, _ = check_after_kill(done, total, reference, reference_db, site)
    assert not passed and "differs from the reference" in why
