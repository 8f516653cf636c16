"""A host laptop's server for a test: the real cluster of :mod:`assembly.persistence.pg_cluster`
in a temporary folder, on a free port of 127.0.0.1, stopped and its folder removed at the end
(by a watchdog even when the test run is killed: :mod:`tests.watchdog`)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assembly.persistence.pg_cluster import PgCluster
from assembly.services.host import HostService
from tests.pg_server import free_port
from tests.watchdog import Lifeline, watch


def host_folder() -> Path:
    """A new folder for a cluster; the server's system user (postgres, when the tests run as
    root) must be able to reach it."""
    parent = Path(tempfile.mkdtemp(prefix="kuorum-host-"))
    parent.chmod(0o711)
    return parent / "host"


def watch_host(folder: Path) -> Lifeline:
    """A watchdog that stops the cluster in ``folder`` (of :func:`host_folder`) and removes
    its temporary folder once the test process is gone, or when released."""
    cluster = PgCluster(folder)
    stop = [str(cluster.binaries / "pg_ctl"), "-D", str(cluster.data), "-m", "immediate", "-w"]
    stop.append("stop")
    if cluster.owner is not None:
        stop = ["runuser", "-u", cluster.owner, "--", *stop]
    return watch([stop], [str(folder.parent)])


@contextmanager
def running_host() -> Iterator[HostService]:
    """A host started (cluster, roles and the Kuorum schema), stopped at the end."""
    folder = host_folder()
    line = watch_host(folder)
    service = HostService(folder)
    try:
        service.start("127.0.0.1", port=free_port())
        yield service
    finally:
        service.stop()
        line.release()
