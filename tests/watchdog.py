"""The watchdog of a test PostgreSQL server (:mod:`tests.pg_server`): run as its own process,
it holds the read end of a pipe whose write end only the test process holds, and blocks
reading it. When the test process ends for any reason (its normal stop, an exception, a
SIGKILL, a CI timeout) the kernel closes the write end, the read returns end-of-file, and the
watchdog stops the server (``pg_ctl stop -m immediate``) and removes its folder. A postmaster
does not die with the process that started it; without this a killed test run leaves its
servers running, with their ports, shared memory and temporary folders.

Standard library only, started by path (``python tests/pg_watchdog.py FD FOLDER BIN OWNER``),
in a session of its own so a signal to the test run's process group does not reach it.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path


def wait_for_end(fd: int) -> None:
    """Block until every write end of the pipe is closed (nothing is ever written)."""
    while os.read(fd, 4096):
        pass


def stop_and_remove(folder: Path, binaries: Path, owner: str) -> None:
    command = [str(binaries / "pg_ctl"), "-D", str(folder / "data"), "-m", "immediate", "-w"]
    command.append("stop")
    if owner:
        command = ["runuser", "-u", owner, "--", *command]
    if (folder / "data" / "postmaster.pid").exists():
        subprocess.run(command, capture_output=True, cwd="/", check=False)
    shutil.rmtree(folder, ignore_errors=True)


def main(argv: list[str]) -> int:
    fd, folder, binaries, owner = int(argv[1]), Path(argv[2]), Path(argv[3]), argv[4]
    wait_for_end(fd)
    stop_and_remove(folder, binaries, owner)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
