"""A host laptop's server for a test: the real cluster of :mod:`assembly.persistence.pg_cluster`
in a temporary folder, on a free port of 127.0.0.1."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from assembly.services.host import HostService
from tests.pg_server import free_port


def host_folder() -> Path:
    """A new folder for a cluster; the server's system user (postgres, when the tests run as
    root) must be able to reach it."""
    parent = Path(tempfile.mkdtemp(prefix="kuorum-host-"))
    parent.chmod(0o711)
    return parent / "host"


@contextmanager
def running_host() -> Iterator[HostService]:
    """A host started (cluster, roles and the Kuorum schema), stopped at the end."""
    service = HostService(host_folder())
    service.start("127.0.0.1", port=free_port())
    try:
        yield service
    finally:
        service.stop()
