"""A watchdog for what a test leaves running outside itself (a PostgreSQL server, a network
namespace): a process of its own holding the read end of a pipe whose write end only the test
process holds, blocked reading it. When the test process ends for any reason (its normal
end, an exception, a SIGKILL, a CI timeout) the kernel closes the write end, the read returns
end-of-file, and the watchdog runs the clean-up it was given (``pg_ctl stop -m immediate``,
``ip netns del``) and removes the folders. A postmaster does not die with the process that
started it; without this a killed test run leaves its servers running, with their ports,
shared memory and temporary folders, and its namespaces in place.

Standard library only: the watchdog runs this file by path
(``python tests/watchdog.py FD SPEC``, SPEC a JSON object of ``commands`` and ``folders``),
in a session of its own so a signal to the test run's process group does not reach it.
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Sequence
from dataclasses import dataclass


@dataclass
class Lifeline:
    """The test process's side: the watchdog and the write end of its pipe."""

    process: subprocess.Popen[bytes]
    write_end: int | None

    @property
    def pid(self) -> int:
        return self.process.pid

    def release(self, timeout: float = 60) -> None:
        """Let go now: the watchdog cleans up as if this process had died, and ends."""
        self._let_go()
        with contextlib.suppress(subprocess.TimeoutExpired):
            self.process.wait(timeout=timeout)

    def _let_go(self) -> None:
        if self.write_end is not None:
            with contextlib.suppress(OSError):
                os.close(self.write_end)
            self.write_end = None


def watch(commands: Sequence[Sequence[str]], folders: Sequence[str] = ()) -> Lifeline:
    """Start a watchdog that runs ``commands`` and removes ``folders`` once this process (and
    every process it forks without exec) is gone, or :meth:`Lifeline.release` is called.
    ``os.pipe`` ends are not inherited by the programs this process starts."""
    spec = json.dumps({"commands": [list(c) for c in commands], "folders": list(folders)})
    read_end, write_end = os.pipe()
    try:
        process = subprocess.Popen(
            [sys.executable, os.path.abspath(__file__), str(read_end), spec],
            pass_fds=(read_end,),
            start_new_session=True,
            stdin=subprocess.DEVNULL,
            cwd="/",
        )
    except BaseException:
        os.close(write_end)
        raise
    finally:
        os.close(read_end)
    line = Lifeline(process, write_end)
    # A child forked from this process (multiprocessing's desks) lets go of the lifeline:
    # one outliving a killed test run must not keep the watchdog waiting.
    os.register_at_fork(after_in_child=line._let_go)
    return line


def wait_for_end(fd: int) -> None:
    """Block until every write end of the pipe is closed (nothing is ever written)."""
    while os.read(fd, 4096):
        pass


def clean_up(spec: dict[str, list[object]]) -> None:
    for command in spec["commands"]:
        subprocess.run(command, capture_output=True, cwd="/", check=False)  # type: ignore[call-overload]
    for folder in spec["folders"]:
        shutil.rmtree(str(folder), ignore_errors=True)


def main(argv: list[str]) -> int:
    fd, spec = int(argv[1]), json.loads(argv[2])
    wait_for_end(fd)
    clean_up(spec)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
