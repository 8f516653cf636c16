"""The host laptop's private PostgreSQL cluster, in the user's data folder (DESIGN.md section 9).

Debian's server binaries (``/usr/lib/postgresql/<version>/bin``) create it with ``initdb``;
``pg_ctl`` starts and stops it. The cluster belongs to the user running Kuorum (PostgreSQL
refuses to run as root; the tests, which run as root in CI, hand it to the ``postgres`` system
user through ``owner``).

- Two roles: ``kuorum_induk``, the superuser the host laptop itself uses (migrations, copying a
  cooperative in and out), reachable from this computer only; ``kuorum_meja``, the desks' login
  role, not a superuser, which may read and write the cooperative's rows and nothing more
  (no new tables, roles or databases). Both have a generated password, stored with
  ``scram-sha-256``; ``pg_hba.conf`` lets the desk role in from the chosen LAN subnet only.
- The server listens on the LAN address the user picked (and 127.0.0.1 for the host laptop),
  on :data:`DEFAULT_PORT`, not 5432, so it never meets the system's own PostgreSQL.
- Durable and forgetful, like the SQLite file (DESIGN.md section 7): ``fsync``,
  ``synchronous_commit`` and ``full_page_writes`` on; ``wal_level=minimal`` with no archive
  and no replication, ``wal_recycle=off`` (a finished WAL segment is deleted, not renamed and
  kept for reuse with its old pages) and ``wal_init_zero=on``; no statement text in the
  server log (a refused vote's values never reach ``log/``).

The settings (address, port, passwords) live beside the cluster in ``kuorum-host.json``
(mode 0600); starting again on the same folder after a restart or a crash needs nothing else.
"""

from __future__ import annotations

import ipaddress
import json
import os
import shutil
import subprocess
import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from pathlib import Path

from assembly.domain.errors import StorageError
from assembly.i18n import tr
from assembly.persistence.pg_host_setup import (
    DATABASE,
    DESK_ROLE,
    HOST_ROLE,
    HostSettings,
    create_roles,
    new_password,
    write_config,
)

__all__ = ["DATABASE", "DEFAULT_PORT", "DESK_ROLE", "HOST_ROLE", "HostSettings", "PgCluster"]

DEFAULT_PORT = 54329
SETTINGS_FILE = "kuorum-host.json"
_START_WAIT_S = 60


@dataclass(frozen=True)
class ClusterStatus:
    """What ``pg_ctl status`` says about the cluster."""

    created: bool
    running: bool
    pid: int | None = None


def server_binaries() -> Path:
    """The folder holding ``initdb`` and ``pg_ctl``: Debian's newest, else those on PATH."""
    debian = sorted(
        Path("/usr/lib/postgresql").glob("*/bin/initdb"),
        key=lambda p: int(p.parent.parent.name) if p.parent.parent.name.isdigit() else 0,
    )
    if debian:
        return debian[-1].parent
    found = shutil.which("initdb")
    if found is None:
        raise StorageError(
            tr(
                "Program server PostgreSQL tidak ditemukan di komputer ini. Pasang paket "
                "postgresql (perintah pemasangan di README) lalu ulangi."
            )
        )
    return Path(found).resolve().parent


def subnet_of(address: str, netmask: str | int = 24) -> str:
    """The network ``address`` lies in (``192.168.1.0/24``)."""
    return str(ipaddress.ip_interface(f"{address}/{netmask}").network)


def server_owner() -> str | None:
    """The system user the server runs as: None (the user running Kuorum) on a laptop; when
    Kuorum runs as root (CI, a test machine), Debian's ``postgres`` user, since PostgreSQL
    refuses to run as root."""
    if os.name == "nt" or os.geteuid() != 0:
        return None
    import pwd  # Unix only

    try:
        pwd.getpwnam("postgres")
    except KeyError:
        return None
    return "postgres"


class PgCluster:
    """The cluster in ``folder`` (its data in ``folder/data``). ``owner`` is the system user
    the server runs as (see :func:`server_owner`, the default)."""

    def __init__(
        self, folder: Path, *, binaries: Path | None = None, owner: str | None = ""
    ) -> None:
        self.folder = Path(folder)
        self.data = self.folder / "data"
        self._binaries = binaries
        self.owner = server_owner() if owner == "" else owner

    @property
    def binaries(self) -> Path:
        if self._binaries is None:
            self._binaries = server_binaries()
        return self._binaries

    # -- settings ------------------------------------------------------------------------

    def settings(self) -> HostSettings:
        """The stored settings; a folder without a cluster is refused saying so."""
        path = self.folder / SETTINGS_FILE
        try:
            values = json.loads(path.read_text(encoding="utf-8"))
            return HostSettings(**values)
        except (OSError, ValueError, TypeError) as exc:
            raise StorageError(
                tr(
                    "Belum ada server laptop induk di {folder}. Buat dulu: python main.py host "
                    "start --address ALAMAT-IP.",
                    folder=self.folder,
                )
            ) from exc

    def _save_settings(self, settings: HostSettings) -> None:
        path = self.folder / SETTINGS_FILE
        part = path.with_name(path.name + ".part")
        fd = os.open(part, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(asdict(settings), f, indent=2)
            f.flush()
            os.fsync(f.fileno())
        os.replace(part, path)

    # -- life cycle ----------------------------------------------------------------------

    def exists(self) -> bool:
        return (self.data / "PG_VERSION").exists() and (self.folder / SETTINGS_FILE).exists()

    def create(
        self, address: str, *, subnet: str | None = None, port: int = DEFAULT_PORT
    ) -> HostSettings:
        """``initdb`` a new cluster listening on ``address``, its roles and the empty
        ``kuorum`` database; leaves it running. Refused when the folder holds one already."""
        _check_address(address)
        if self.data.exists() and any(self.data.iterdir()):
            raise StorageError(
                tr("Folder {folder} sudah berisi server laptop induk.", folder=self.data)
            )
        settings = HostSettings(
            address=address,
            subnet=subnet or subnet_of(address),
            port=port,
            host_password=new_password(),
            desk_password=new_password(),
        )
        self.folder.mkdir(parents=True, exist_ok=True)
        self._give(self.folder)
        self.folder.chmod(0o700)
        secret = self.folder / "initdb-password"
        fd = os.open(secret, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(settings.host_password + "\n")
        self._give(secret)
        try:
            self._run(
                "initdb", "-D", str(self.data), "-U", HOST_ROLE, "--pwfile", str(secret),
                "--auth=scram-sha-256", "--encoding=UTF8", "--locale=C.UTF-8",
            )  # fmt: skip
        finally:
            secret.unlink(missing_ok=True)
        self._save_settings(settings)
        write_config(self.data, settings, self._give)
        self.start()
        create_roles(settings)
        return settings

    def move(self, address: str, *, subnet: str | None = None) -> HostSettings:
        """Listen on another LAN address (the laptop joined another network); restarts the
        server when it runs."""
        _check_address(address)
        old = self.settings()
        settings = HostSettings(
            address, subnet or subnet_of(address), old.port, old.host_password, old.desk_password
        )
        self._save_settings(settings)
        write_config(self.data, settings, self._give)
        if self.status().running:
            self.stop()
            self.start()
        return settings

    def start(self) -> HostSettings:
        """Start the cluster (again, after a restart or a crash) and wait until it accepts
        connections. Starting a running cluster does nothing.

        Right after a crash (the server killed), the killed server's process and its helpers
        need a moment to be gone and to leave its shared memory; until then a new server
        refuses to start, so it is tried again for up to :data:`_START_WAIT_S` seconds."""
        settings = self.settings()
        if self.status().running:
            return settings
        log = self.folder / "server.log"
        deadline = time.monotonic() + _START_WAIT_S
        while True:
            result = self._call(
                "pg_ctl", "-D", str(self.data), "-l", str(log), "-w", "-t", str(_START_WAIT_S),
                "start",
            )  # fmt: skip
            if result.returncode == 0:
                return settings
            detail = _last_lines(log)
            leftover = "shared memory block" in detail or "postmaster.pid" in detail
            if not leftover or time.monotonic() > deadline:
                raise StorageError(
                    tr(
                        "Server laptop induk tidak dapat dijalankan di {address}:{port}: {detail}",
                        address=settings.address,
                        port=settings.port,
                        detail=detail or (result.stderr or result.stdout).strip(),
                    )
                )
            time.sleep(0.5)

    def stop(self) -> None:
        """Stop the cluster (``fast``: open sessions are ended, committed work is kept)."""
        if self.status().running:
            self._run("pg_ctl", "-D", str(self.data), "-m", "fast", "-w", "stop")

    def status(self) -> ClusterStatus:
        """Whether the cluster exists and runs (``pg_ctl status``: 0 runs, 3 stopped)."""
        if not (self.data / "PG_VERSION").exists():
            return ClusterStatus(created=False, running=False)
        result = self._call("pg_ctl", "-D", str(self.data), "status")
        if result.returncode != 0:
            return ClusterStatus(created=True, running=False)
        pid = None
        for word in result.stdout.replace(")", " ").split():
            if word.isdigit():
                pid = int(word)
                break
        if pid is not None and _dead(pid):
            return ClusterStatus(created=True, running=False)
        return ClusterStatus(created=True, running=True, pid=pid)

    # -- inside ----------------------------------------------------------------------------

    def _run(self, *args: str) -> None:
        result = self._call(*args)
        if result.returncode != 0:
            detail = (result.stderr or result.stdout).strip().splitlines()
            raise StorageError(detail[-1] if detail else f"{args[0]}: {result.returncode}")

    def _call(self, *args: str) -> subprocess.CompletedProcess[str]:
        command: Sequence[str] = [str(self.binaries / args[0]), *args[1:]]
        if self.owner is not None:
            command = ["runuser", "-u", self.owner, "--", *command]
        elif os.name != "nt" and os.geteuid() == 0:
            raise StorageError(
                tr(
                    "Server laptop induk tidak dapat dijalankan oleh pengguna root. Jalankan "
                    "Kuorum sebagai pengguna biasa."
                )
            )
        return subprocess.run(command, capture_output=True, text=True, cwd=self.folder, check=False)

    def _give(self, path: Path) -> None:
        """Hand ``path`` to the system user the server runs as (tests run as root)."""
        if self.owner is not None:
            import pwd  # Unix only

            entry = pwd.getpwnam(self.owner)
            os.chown(path, entry.pw_uid, entry.pw_gid)


def _check_address(address: str) -> None:
    try:
        parsed = ipaddress.IPv4Address(address)
    except ValueError as exc:
        raise StorageError(
            tr("{address} bukan alamat IPv4 (contoh: 192.168.1.10).", address=address)
        ) from exc
    if parsed.is_unspecified or parsed.is_multicast:
        raise StorageError(
            tr("{address} bukan alamat IPv4 (contoh: 192.168.1.10).", address=address)
        )


def _dead(pid: int) -> bool:
    """Whether ``pid`` is a killed process nobody has reaped yet (a zombie, which
    ``pg_ctl status`` takes for a running server)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False  # not Linux, or gone: pg_ctl's answer stands
    return stat.rsplit(")", 1)[-1].split()[0] in ("Z", "X")


def _last_lines(log: Path, count: int = 3) -> str:
    try:
        lines = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()
    except OSError:
        return ""
    return " / ".join(lines[-count:])
