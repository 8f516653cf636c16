"""A throwaway PostgreSQL server for the test session: ``initdb`` in a temporary folder, started
on a free port on 127.0.0.1, stopped and removed at the end.

PostgreSQL refuses to run as root, and CI runs as root: there the cluster belongs to the
``postgres`` system user (created by Debian's ``postgresql`` package) and every server command
runs as that user. The server binaries are found as the host laptop finds them
(:func:`assembly.persistence.pg_cluster.server_binaries`: Debian's).

Each server has a watchdog (:mod:`tests.watchdog`) that stops it and removes its folder
once the test process is gone, however it ended: a killed test run leaves no server behind.
"""

from __future__ import annotations

import contextlib
import os
import pwd
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from assembly.persistence.pg_cluster import server_binaries
from tests import watchdog as lifeline

SUPERUSER = "kuorum_test"
PASSWORD = "kuorum-test-password"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class TestServer:
    folder: Path
    port: int
    bin: Path
    owner: str | None  # the system user the server runs as when the tests run as root
    # Stops the server and removes its folder once this process is gone (tests.watchdog).
    watchdog: lifeline.Lifeline | None = field(default=None, repr=False)

    @property
    def data(self) -> Path:
        return self.folder / "data"

    def url(self, database: str = "postgres") -> str:
        """A SQLAlchemy URL (psycopg 3) for ``database`` as the test superuser."""
        return f"postgresql+psycopg://{SUPERUSER}:{PASSWORD}@127.0.0.1:{self.port}/{database}"

    def run(self, args: Sequence[str]) -> None:
        command = [str(self.bin / args[0]), *args[1:]]
        if self.owner is not None:
            command = ["runuser", "-u", self.owner, "--", *command]
        subprocess.run(command, check=True, capture_output=True, cwd=self.folder)

    def start(self) -> None:
        """Start the server on its data folder (again, after :meth:`kill`)."""
        options = (
            f"-c listen_addresses=127.0.0.1 -c port={self.port} "
            f"-c unix_socket_directories='{self.folder}' -c fsync=on -c max_connections=200 "
            # As the host cluster (docs/security.md): a WAL segment no longer needed is
            # removed, not renamed for reuse with a past secret ballot's changes inside.
            "-c wal_recycle=off -c wal_keep_size=0 -c archive_mode=off"
        )
        log = str(self.folder / "server.log")
        self.run(["pg_ctl", "-D", str(self.data), "-l", log, "-o", options, "-w", "start"])

    def kill(self) -> None:
        """SIGKILL the postmaster, as a pulled plug or a crash would stop it (its children
        exit when they find it gone; the next start recovers from the WAL)."""
        pid = int((self.data / "postmaster.pid").read_text().split()[0])
        children = [p for p in _processes() if _parent(p) == pid]
        os.kill(pid, signal.SIGKILL)
        for child in children:  # a pulled plug stops the backends too, at the same moment
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
        deadline = time.monotonic() + 30
        while any(Path(f"/proc/{p}").exists() for p in [pid, *children]):
            if time.monotonic() > deadline:
                raise RuntimeError("the killed server's processes did not exit")
            time.sleep(0.05)

    def stop(self) -> None:
        """Stop the server and remove its folder: releasing the watchdog has it do that
        (the same path as when this process dies); done here as well should it not."""
        if self.watchdog is not None:
            self.watchdog.release()
        if not self.folder.exists():
            return  # the watchdog did it
        try:
            self.run(["pg_ctl", "-D", str(self.data), "-m", "immediate", "-w", "stop"])
        except subprocess.CalledProcessError:
            pass  # not running (killed by a test and not started again)
        finally:
            shutil.rmtree(self.folder, ignore_errors=True)


def _processes() -> list[int]:
    return [int(p.name) for p in Path("/proc").iterdir() if p.name.isdigit()]


def _parent(pid: int) -> int | None:
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return None
    return int(stat.rsplit(")", 1)[1].split()[1])


def watch(server: TestServer) -> None:
    """Start the server's watchdog (:mod:`tests.watchdog`): it stops the server and removes
    its folder once this process is gone."""
    stop = [str(server.bin / "pg_ctl"), "-D", str(server.data), "-m", "immediate", "-w", "stop"]
    if server.owner is not None:
        stop = ["runuser", "-u", server.owner, "--", *stop]
    server.watchdog = lifeline.watch([stop], [str(server.folder)])


def start_server() -> TestServer:
    """A fresh cluster, started and accepting connections, watched from its first file on."""
    owner = None
    folder = Path(tempfile.mkdtemp(prefix="kuorum-pg-"))
    if os.geteuid() == 0:
        owner = "postgres"
        entry = pwd.getpwnam(owner)
        os.chown(folder, entry.pw_uid, entry.pw_gid)
    folder.chmod(0o700)
    server = TestServer(folder, free_port(), server_binaries(), owner)
    watch(server)
    secret = folder / "pw"
    secret.write_text(PASSWORD + "\n")
    if owner is not None:
        entry = pwd.getpwnam(owner)
        os.chown(secret, entry.pw_uid, entry.pw_gid)
    server.run(
        [
            "initdb",
            "-D",
            str(server.data),
            "-U",
            SUPERUSER,
            "--pwfile",
            str(secret),
            "--auth=scram-sha-256",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
        ]
    )
    server.start()
    return server
