"""Crash safety (DESIGN.md section 7): a real Kuorum process killed with SIGKILL at random
moments loses nothing it had confirmed, adds nothing else, and leaves an intact file with an
unbroken audit chain. The long version is ``python -m bench --only crash``."""

from __future__ import annotations

import shutil
from pathlib import Path

from bench import crash_driver
from bench.crash_harness import check_after_kill, reference_run, run_kills


def test_ten_random_kills_lose_nothing_confirmed(tmp_path: Path) -> None:
    report = run_kills(10, seed=20260314, workdir=tmp_path)
    assert report.failures == []
    assert report.kills == report.survived == 10
    assert report.confirmed_actions > 0


def test_the_check_notices_a_missing_or_extra_action(tmp_path: Path) -> None:
    from bench.crash_harness import prepare_database

    template = tmp_path / "template.sqlite"
    prepare_database(template)
    ref_file, reference, reference_db = reference_run(template, tmp_path)
    total = len(crash_driver.script())
    assert len(reference["actions"]) == total
    # The finished file holds all actions: claiming fewer were confirmed means an extra one.
    passed, why, _ = check_after_kill(reference_db, total - 3, reference, reference_db)
    assert not passed and "audit at" in why
    # The untouched template holds none: claiming five were confirmed means five are lost.
    fresh = tmp_path / "fresh.sqlite"
    shutil.copyfile(template, fresh)
    passed, why, _ = check_after_kill(fresh, 5, reference, reference_db)
    assert not passed and "audit at" in why
    passed, why, committed = check_after_kill(fresh, 0, reference, reference_db)
    assert passed, why
    assert not committed
    assert ref_file.exists()
