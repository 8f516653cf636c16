"""Several laptops for real, reduced (issue 13, "Done means"; the whole day is
scripts/desks_walk.py): the host started by its command, three desk processes and the chair's,
each the real Kuorum window joined as a desk and driven through its widgets; 30 members
checked in, three of them scanned at three desks at the same moment; every desk's quorum panel
reaches the same count through the live feed; the meeting opened and one named vote taken at
the console; the cooperative copied out to SQLite, where the audit chain verifies and the
present count is the desks'."""

from __future__ import annotations

import importlib.util
import shutil
import tempfile
from pathlib import Path

import pytest

from assembly.domain.errors import StorageError
from assembly.persistence.pg_cluster import server_binaries

ROOT = Path(__file__).resolve().parents[2]


def _walk_module() -> object:
    spec = importlib.util.spec_from_file_location("desks_walk", ROOT / "scripts" / "desks_walk.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.slow
def test_three_desks_and_the_chair_on_one_host_agree_and_the_copy_verifies() -> None:
    try:
        server_binaries()
    except StorageError:
        pytest.skip("no PostgreSQL server binaries on this computer")
    out = Path(tempfile.mkdtemp(prefix="kuorum-desks-walk-"))
    out.chmod(0o755)  # the host's server may run as Debian's postgres user
    try:
        figures = _walk_module().short_walk(out)  # type: ignore[attr-defined]
        assert figures["already"] == 6, figures  # 3 members x 2 desks that came second
        assert figures["desks"] == {"desk1": 30, "desk2": 30, "desk3": 30}
        assert figures["state"] == "opened"
        assert figures["ballot"] is not None and figures["vote_open_after_close"] is None
        assert "Log audit utuh" in figures["audit"]
        status = figures["status"]
        assert status["present"]["total"] == 30
        (vote,) = [d for d in status["decisions"] if d["method"] == "voting"]
        assert vote["tally"]["setuju"] + vote["tally"]["tidak_setuju"] == 10
    finally:
        shutil.rmtree(out, ignore_errors=True)
