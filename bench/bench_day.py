"""The big cooperative's day through the real window (issue 12 point 11): start to a usable
main window, the chair's console shown for the first time (on the held RAT the demo opens it
on, half the register attended), saving a meeting in its dialog, opening check-in, showing the
desk, each scan at the desk, and the longest freeze of the window while "Cadangkan sekarang"
copies the whole database, at 300,000 members, each driven the way the secretary does it (offscreen
QApplication, the real MainWindow made by the composition root in ``assembly/app.py``).

Beside each figure, a baseline measured in the same run: for the start, a bare QApplication
showing an empty QMainWindow (the floor Python and Qt set); for the other steps, one durable
single-row INSERT + COMMIT (``synchronous=FULL``, WAL) on the same file system (the floor the
disk sets for any saved action); for the backup, the longest gap between ticks of the same
10 ms timer in the same window with nothing running.

The register is the demo cooperative (``python main.py demo --db F --members N``: 300,000 in
"full", 30,000 in "quick"), made once per run in a temporary folder, or reused from the file
named by ``KUORUM_BENCH_DAY_DB`` (never changed: the bench works on a copy). Run alone with
``python -m bench.bench_day [quick|full] [--profile]``.
"""

from __future__ import annotations

import itertools
import os
import resource
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

ROOT = Path(__file__).resolve().parents[1]
SIZES = {"full": 300_000, "quick": 30_000}
SCANS = 20
TARGETS = {
    "start": 2.0,
    "save": 1.0,
    "open": 1.0,
    "desk": 1.0,
    "console": 1.0,
    "scan": 0.2,
    "stall": 0.2,
}
READY = "kuorum-bench-ready"

_START_APP = f"""
import sys
from pathlib import Path
from PySide6.QtWidgets import QApplication
from assembly.app import Kuorum
app = QApplication([sys.argv[0]])
app.setOrganizationName("KuorumBench")
app.setApplicationName("KuorumBench")
app.setStyle("Fusion")
kuorum = Kuorum(app)
assert kuorum.open(Path(sys.argv[1]))
app.processEvents()
print("{READY}", flush=True)
kuorum.close()  # as the secretary quits: the next start finds the file as Kuorum left it
"""

_START_BARE = f"""
import sys
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication([sys.argv[0]])
app.setStyle("Fusion")
window = QMainWindow()
window.resize(1200, 760)
window.show()
app.processEvents()
print("{READY}", flush=True)
"""


def _demo(path: Path, members: int) -> None:
    subprocess.run(
        [
            sys.executable,
            str(ROOT / "main.py"),
            "demo",
            "--db",
            str(path),
            "--members",
            str(members),
        ],
        check=True,
        cwd=ROOT,
        stdout=subprocess.DEVNULL,
    )


def _started(code: str, db: Path, env: dict[str, str]) -> float:
    """Seconds from launching a Python process running ``code`` to its "ready" line."""
    return _start(code, db, env)[0]


def _start(code: str, db: Path, env: dict[str, str]) -> tuple[float, float]:
    """Seconds from launching a Python process running ``code`` to its "ready" line, and the
    CPU seconds the process used in all (the part a busy machine cannot inflate)."""
    cpu_before = resource.getrusage(resource.RUSAGE_CHILDREN)
    began = time.perf_counter()
    child = subprocess.Popen(
        [sys.executable, "-c", code, str(db)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None
    for line in child.stdout:
        if line.strip() == READY:
            break
    took = time.perf_counter() - began
    child.wait()
    if child.returncode:
        raise RuntimeError(f"the app did not start (exit {child.returncode})")
    cpu_after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (cpu_after.ru_utime - cpu_before.ru_utime) + (cpu_after.ru_stime - cpu_before.ru_stime)
    return took, cpu


def _bare_commit(folder: Path) -> Callable[[], float]:
    conn = sqlite3.connect(folder / "baseline.sqlite", isolation_level=None)
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("CREATE TABLE IF NOT EXISTS t (id INTEGER PRIMARY KEY, v TEXT)")

    def once() -> float:
        began = time.perf_counter()
        conn.execute("BEGIN")
        conn.execute("INSERT INTO t (v) VALUES (datetime('now'))")
        conn.execute("COMMIT")
        return time.perf_counter() - began

    return once


class _Day:
    """The secretary's day in the real window over ``db``."""

    def __init__(self, db: Path) -> None:
        from PySide6.QtWidgets import QApplication

        from assembly.app import Kuorum

        app = QApplication.instance() or QApplication([sys.argv[0]])
        assert isinstance(app, QApplication)
        app.setOrganizationName("KuorumBench")
        app.setApplicationName("KuorumBench")
        self.app = app
        self.kuorum = Kuorum(app)
        assert self.kuorum.open(db)
        assert self.kuorum.window is not None and self.kuorum.services is not None
        self.window = self.kuorum.window
        self.services = self.kuorum.services
        self.app.processEvents()

    def settle(self) -> None:
        """Let the deferred work after an action run (timers of up to 0.3 s), as the next
        person at the desk would wait for it."""
        from PySide6.QtTest import QTest

        QTest.qWait(320)

    def timed(self, action: Callable[[], object]) -> float:
        """Seconds from the action to its result painted (its handlers and the events it
        posted processed)."""
        began = time.perf_counter()
        action()
        self.app.processEvents()
        return time.perf_counter() - began

    def draft(self) -> int:
        from assembly.domain.meeting import MeetingState

        drafts = [m for m in self.services.meetings.list() if m.state is MeetingState.DRAFT]
        if drafts:
            return drafts[0].id
        meeting = self.services.meetings.create(self.services.meetings.new_meeting()).value
        assert meeting.id is not None
        return meeting.id

    def save_meeting(self, meeting_id: int, venue: str) -> float:
        """Open the draft in its dialog, change the venue, press Simpan; the seconds from the
        press to the dialog closed and the list showing it."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest
        from PySide6.QtWidgets import QDialogButtonBox

        self.window.show_page(1)
        page = self.window.page(1)
        page.select(meeting_id)  # type: ignore[attr-defined]
        dialog = page.edit_meeting()  # type: ignore[attr-defined]
        self.app.processEvents()
        dialog.venue.setText(venue)
        button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
        took = self.timed(lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton))
        stored = self.services.meetings.get(meeting_id).venue
        if stored != venue:
            raise RuntimeError(f"the meeting was not saved (venue {stored!r})")
        return took

    def open_check_in(self, meeting_id: int) -> float:
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        page = self.window.page(1)
        page.select(meeting_id)  # type: ignore[attr-defined]
        button = page.check_in_button  # type: ignore[attr-defined]
        took = self.timed(lambda: QTest.mouseClick(button, Qt.MouseButton.LeftButton))
        if not self.services.meetings.get(meeting_id).state.takes_attendance:
            raise RuntimeError("check-in did not open")
        return took

    def show_desk(self) -> float:
        return self.timed(lambda: self.window.show_page(2))

    def show_console(self) -> tuple[float, int]:
        """The chair's console shown for the first time since the start, on the meeting it
        opens on (the demo's held RAT: half the register attended); the seconds to it painted
        and how many attended that meeting."""
        took = self.timed(lambda: self.window.show_page(3))
        page = self.window.page(3)
        shown = page.meeting_id  # type: ignore[attr-defined]
        if page.snapshot is None or shown is None:  # type: ignore[attr-defined]
            raise RuntimeError("the console showed no meeting")
        self.window.show_page(0)
        self.app.processEvents()
        return took, self.present(shown)

    def scan(self, number: str) -> float:
        """Type a member number and Enter in the desk's field, as a scanner does."""
        from PySide6.QtCore import Qt
        from PySide6.QtTest import QTest

        desk = self.window.page(2)
        entry = desk.entry  # type: ignore[attr-defined]
        QTest.keyClicks(entry, number)

        def press() -> None:
            QTest.keyClick(entry, Qt.Key.Key_Return)

        return self.timed(press)

    def backup_stall(self, folder: Path) -> tuple[float, float]:
        """A backup taken with "Cadangkan sekarang" while the window keeps running: the
        longest gap between two ticks of a 10 ms timer during it, and the backup's duration."""
        from PySide6.QtCore import QElapsedTimer, Qt, QTimer
        from PySide6.QtTest import QTest

        folder.mkdir()
        self.services.backups.choose_folder(folder)
        dialog = self.window.open_backups()
        self.app.processEvents()
        clock = QElapsedTimer()
        clock.start()
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
        timer.start()
        began = time.perf_counter()
        QTest.mouseClick(dialog.backup_button, Qt.MouseButton.LeftButton)
        while dialog.busy:
            self.app.processEvents()
            QTest.qWait(5)
        took = time.perf_counter() - began
        timer.stop()
        dialog.close()
        if not any(folder.glob("kuorum-*.sqlite")):
            raise RuntimeError("no backup was written")
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        return (max(gaps) / 1000 if gaps else took), took

    def idle_stall(self, seconds: float) -> float:
        """The longest gap between ticks of the same timer with nothing running."""
        from PySide6.QtCore import QElapsedTimer, QTimer
        from PySide6.QtTest import QTest

        clock = QElapsedTimer()
        clock.start()
        ticks: list[int] = []
        timer = QTimer()
        timer.setInterval(10)
        timer.timeout.connect(lambda: ticks.append(clock.elapsed()))
        timer.start()
        QTest.qWait(int(seconds * 1000))
        timer.stop()
        gaps = [b - a for a, b in itertools.pairwise(ticks)]
        return max(gaps) / 1000 if gaps else 0.0

    def present(self, meeting_id: int) -> int:
        with sqlite3.connect(self.services.path) as conn:
            query = "SELECT count(*) FROM attendance WHERE meeting_id = ?"
            return int(conn.execute(query, (meeting_id,)).fetchone()[0])

    def numbers(self, meeting_id: int, count: int) -> list[str]:
        """Active members not yet present, spread over the register."""
        with sqlite3.connect(self.services.path) as conn:
            rows = conn.execute(
                "SELECT number FROM members WHERE status = 'aktif' AND category = 'anggota' "
                "AND id NOT IN (SELECT member_id FROM attendance WHERE meeting_id = ?) "
                "ORDER BY (id * 7919) % 100003 LIMIT ?",
                (meeting_id, count),
            ).fetchall()
        return [r[0] for r in rows]

    def close(self) -> None:
        """Close as the secretary quits: the window, the change watcher's thread, the long
        work and the database, in that order."""
        self.kuorum.close()


def _row(work: str, figure: float, baseline: float, target: float) -> dict[str, object]:
    return {
        "work": work,
        "figure": round(figure, 3),
        "baseline": round(baseline, 4),
        "target": f"≤ {target:g} s",
        "ok": figure <= target,
    }


def run(scale: str, profile: bool = False) -> list[dict[str, object]]:
    """The day's figures (seconds) at the scale's register size, each beside its baseline."""
    members = SIZES[scale]
    with tempfile.TemporaryDirectory(prefix="kuorum-bench-day-") as tmp:
        folder = Path(tmp)
        db = folder / "kuorum.sqlite"
        given = os.environ.get("KUORUM_BENCH_DAY_DB")
        if given:
            shutil.copyfile(given, db)
        else:
            _demo(db, members)
        env = dict(os.environ, XDG_CONFIG_HOME=str(folder / "config"), PYTHONPATH=str(ROOT))
        # Compiled modules kept between starts, as the installed app has them (a shell with
        # PYTHONDONTWRITEBYTECODE would compile every module at every start), in the run's
        # own folder so that nothing is written into the source tree or the environment.
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")
        # One start untimed: a file made by an older Kuorum is migrated (with its safety copy)
        # once, at its first opening, and the modules are compiled; the figure is every start
        # after that.
        _started(_START_APP, db, env)
        app_runs = [_start(_START_APP, db, env) for _ in range(3)]
        bare_runs = [_start(_START_BARE, db, env) for _ in range(3)]
        starts, bare_starts = [r[0] for r in app_runs], [r[0] for r in bare_runs]
        config_before = os.environ.get("XDG_CONFIG_HOME")
        os.environ["XDG_CONFIG_HOME"] = env["XDG_CONFIG_HOME"]  # no settings of the user's
        bare = _bare_commit(folder)
        floor = statistics.median(bare() for _ in range(20))

        profiler = None
        if profile:
            import cProfile

            profiler = cProfile.Profile()
        day = _Day(db)
        meeting_id = day.draft()
        if profiler:
            profiler.enable()
        console, attended = day.show_console()
        day.settle()
        saves = []
        for n in range(3):
            saves.append(day.save_meeting(meeting_id, f"Gedung Serbaguna {n}"))
            day.settle()
        opened = day.open_check_in(meeting_id)
        day.settle()
        desk = day.show_desk()
        day.settle()
        scans = []
        before = day.present(meeting_id)
        for number in day.numbers(meeting_id, SCANS):
            scans.append(day.scan(number))
            day.settle()

        if day.present(meeting_id) != before + len(scans):
            raise RuntimeError("not every scan was recorded")
        stall, backup_took = day.backup_stall(folder / "usb")
        idle = day.idle_stall(min(backup_took, 3.0))
        if profiler:
            profiler.disable()
        day.close()
        if config_before is None:
            os.environ.pop("XDG_CONFIG_HOME", None)
        else:
            os.environ["XDG_CONFIG_HOME"] = config_before

    if profiler:
        import pstats

        pstats.Stats(profiler).sort_stats("cumulative").print_stats(40)
    where = f"{members:,} members"
    return [
        _row(f"start to usable window (median of 3), {where}", statistics.median(starts),
             statistics.median(bare_starts), TARGETS["start"]),
        _row(f"start: CPU seconds of the start process to its exit (median of 3), {where}",
             statistics.median(r[1] for r in app_runs),
             statistics.median(r[1] for r in bare_runs), TARGETS["start"]),
        _row(f"save a meeting in its dialog (slowest of 3), {where}", max(saves), floor,
             TARGETS["save"]),
        _row(f"open check-in (Buka pendaftaran hadir), {where}", opened, floor, TARGETS["open"]),
        _row(f"show the check-in desk, {where}", desk, floor, TARGETS["desk"]),
        _row(f"chair's console, first show (its meeting: {attended:,} attended), {where}",
             console, floor, TARGETS["console"]),
        _row(f"scan shown at the desk (slowest of {len(scans)}; median "
             f"{statistics.median(scans):.3f} s), {where}", max(scans), floor,
             TARGETS["scan"]),
        _row(f"longest freeze of the window during a {backup_took:.1f} s backup "
             f"(Cadangkan sekarang), {where}; baseline: the same window idle", stall, idle,
             TARGETS["stall"]),
    ]  # fmt: skip


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    chosen = next((a for a in sys.argv[1:] if a in SIZES), "quick")
    for figure in run(chosen, profile="--profile" in sys.argv):
        print(figure)
