"""Host copy benchmark (issue 13): the whole cooperative copied from its SQLite file into the host
laptop's PostgreSQL (``host copy-in``) and back out into one new SQLite file (``host copy-out``),
each with its ``audit verify`` of the copy, beside SQLite's online backup of the same file
(a byte-for-byte copy, the fastest way a database can be copied at all) as the baseline.

Scale "full": 300,000 members; "quick": 30,000. Needs Debian's PostgreSQL server binaries.
Run alone with ``python -m bench.bench_host_copy [quick|full]``.
"""

from __future__ import annotations

import json
import socket
import sys
import tempfile
import time
from pathlib import Path

from bench.bench_backup import _prepare

SIZES = {"full": 300_000, "quick": 30_000}
TARGET_S = {"full": 180.0, "quick": 30.0}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def run(scale: str) -> list[dict[str, object]]:
    """Seconds for copy-in and copy-out (each with its audit verify), beside a SQLite backup."""
    from assembly.persistence.database import backup_to
    from assembly.services.host import HostService
    from assembly.services.host_copy import copy_between

    members = SIZES[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-host-") as folder:
        base = Path(folder)
        base.chmod(0o711)  # the server's system user reaches it when run as root
        source = base / "kuorum.sqlite"
        services = _prepare(source, members)
        started = time.perf_counter()
        backup_to(services.ctx.db, base / "backup.sqlite")  # type: ignore[attr-defined]
        baseline = time.perf_counter() - started
        services.close()  # type: ignore[attr-defined]
        host = HostService(base / "host", port=_free_port())
        host.start("127.0.0.1")
        try:
            url = host.state().host_url
            started = time.perf_counter()
            into = copy_between(source, url)
            copy_in = time.perf_counter() - started
            started = time.perf_counter()
            out = copy_between(url, base / "akhir.sqlite")
            copy_out = time.perf_counter() - started
        finally:
            host.stop()
    assert into.audit_intact and out.audit_intact and into.rows == out.rows
    target = TARGET_S[scale]
    return [
        {
            "work": f"host copy-in ({members:,} members, {into.rows:,} rows) (s)",
            "figure": round(copy_in, 2),
            "baseline": round(baseline, 2),
            "target": f"<= {target:g} s",
            "ok": copy_in <= target,
        },
        {
            "work": f"host copy-out ({members:,} members, {out.rows:,} rows) (s)",
            "figure": round(copy_out, 2),
            "baseline": round(baseline, 2),
            "target": f"<= {target:g} s",
            "ok": copy_out <= target,
        },
    ]


if __name__ == "__main__":
    print(json.dumps(run(sys.argv[1] if len(sys.argv) > 1 else "quick"), indent=2))
