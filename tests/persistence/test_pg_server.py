"""The test session's own PostgreSQL server answers, with a password, over TCP, and goes
with the test run that started it, even a killed one."""

from __future__ import annotations

import socket
import subprocess
import sys
import time
from pathlib import Path

import sqlalchemy as sa


def test_the_session_server_accepts_a_password_login(pg_server: object) -> None:
    engine = sa.create_engine(pg_server.url())  # type: ignore[attr-defined]
    try:
        with engine.connect() as conn:
            version = conn.execute(sa.text("SHOW server_version_num")).scalar_one()
            user = conn.execute(sa.text("SELECT current_user")).scalar_one()
    finally:
        engine.dispose()
    assert int(version) >= 150000
    assert user == "kuorum_test"


def test_a_wrong_password_is_refused(pg_server: object) -> None:
    url = pg_server.url().replace("kuorum-test-password", "salah")  # type: ignore[attr-defined]
    engine = sa.create_engine(url)
    try:
        with engine.connect():
            raise AssertionError("a wrong password was accepted")
    except sa.exc.OperationalError as exc:
        assert "password authentication failed" in str(exc)
    finally:
        engine.dispose()


_CHILD = """
import sys
from tests.pg_server import start_server
server = start_server()
pid = (server.data / "postmaster.pid").read_text().split()[0]
print(server.port, pid, server.folder, server.watchdog.pid, flush=True)
sys.stdin.read()  # until the test kills this process
"""


def _gone(pid: int) -> bool:
    """Whether process ``pid`` has ended (a zombie nobody reaped counts as ended)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[1].split()[0] == "Z"


def _refused(port: int) -> bool:
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        return True
    return False


def test_a_killed_test_run_leaves_no_server_behind() -> None:
    """A process starts a server through tests.pg_server and is SIGKILLed (as a CI timeout
    kills pytest): its watchdog stops the server and removes its folder."""
    root = Path(__file__).resolve().parents[2]
    with subprocess.Popen(
        [sys.executable, "-c", _CHILD],
        cwd=root,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    ) as child:
        assert child.stdout is not None
        port, postmaster, folder, watchdog = child.stdout.readline().split()
        assert not _gone(int(postmaster)) and not _refused(int(port)) and Path(folder).is_dir()
        child.kill()
        child.wait()
    deadline = time.monotonic() + 60
    while not (_gone(int(postmaster)) and _gone(int(watchdog))):
        assert time.monotonic() < deadline, "the killed run's server is still running"
        time.sleep(0.05)
    assert _refused(int(port))
    assert not Path(folder).exists()


def test_a_normal_stop_ends_the_watchdog_too() -> None:
    from tests.pg_server import start_server

    server = start_server()
    assert server.watchdog is not None
    watchdog = server.watchdog
    server.stop()
    assert watchdog.process.poll() == 0
    assert not server.folder.exists()
