"""The write-ahead log copied back into the database file by a connection of its own, on a
thread of its own, instead of by whichever commit happens to fill it.

Left to SQLite, the commit that takes the log past ``wal_autocheckpoint`` pages (1000) copies
every page in it into the database file and waits for the disk to confirm (``synchronous=FULL``):
at 300,000 members that is one check-in in about sixty waiting 0.3 to 2.8 s at the desk while a
member stands in front of it (bench_day, issue 12 point 11). While the window runs, the app's
connections do no checkpoint (``PRAGMA wal_autocheckpoint=0``) and this thread runs a PASSIVE
checkpoint at most once a second while the log keeps changing: it takes no lock a reader or a
writer waits for, so a commit only appends its own pages to the log and confirms them, as
before, and the log stays a few pages long. A commit stays
durable the moment it returns either way: the log is on the disk; the copy into the database
file is housekeeping. Closing the database (its last connection) still checkpoints and removes
the log, as before.
"""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

INTERVAL_S = 1.0  # how often the log is looked at (a stat of one file)
BUSY_MS = 2000  # a checkpoint waits this long for the file before trying at the next look


class BackgroundCheckpoints:
    """Checkpoints the WAL of the SQLite file at ``path`` from a thread of its own, every
    ``interval_s`` seconds when the log changed since the last look; :meth:`stop` ends the
    thread and closes its connection."""

    def __init__(self, path: Path, *, interval_s: float = INTERVAL_S) -> None:
        self.path = path
        self.wal = path.with_name(path.name + "-wal")
        self.interval_s = interval_s
        self.done = 0  # checkpoints run (for the tests and the bench)
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, name="kuorum-checkpoints", daemon=True)
        self._thread.start()

    def _run(self) -> None:
        conn = sqlite3.connect(self.path, timeout=BUSY_MS / 1000, isolation_level=None)
        try:
            seen = self._look()
            while not self._stop.wait(self.interval_s):
                now = self._look()
                if now != seen and now[1] > 0:
                    self.checkpoint(conn)
                    seen = self._look()
        finally:
            conn.close()

    def _look(self) -> tuple[int, int]:
        """When the log was last written and how long it is (0, 0 when there is none)."""
        try:
            stat = self.wal.stat()
        except OSError:
            return 0, 0
        return stat.st_mtime_ns, stat.st_size

    def checkpoint(self, conn: sqlite3.Connection) -> None:
        """One PASSIVE checkpoint: as much of the log as no reader still needs, copied back;
        a busy or failing file is left for the next look (the log keeps every commit)."""
        try:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        except sqlite3.Error:
            return
        self.done += 1

    def stop(self) -> None:
        """End the thread (after the checkpoint it may be running) and close its connection."""
        self._stop.set()
        self._thread.join()
