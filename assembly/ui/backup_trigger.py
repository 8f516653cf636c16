"""Backups after each decision and at closing, without touching the decision services: this
listens to :attr:`Operations.changed` and, when the decisions or meetings changed, asks the
backup service (in a worker thread, so the hall's screens never wait on a USB stick) to take a
backup if a decision was recorded or a meeting finished since the last one. The status bar's
"Cadangan terakhir" names the newest backup in the folder, whoever took it: read at start,
after each backup here, after a signature or the lock (the minutes changed), and when the
backups dialog made one (:meth:`BackupTrigger.refresh_latest`)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMainWindow, QWidget

from assembly.i18n import tr
from assembly.services.backups import BackupResult
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.operation import Operations
from assembly.ui.widgets.elided_label import ElidedLabel

COALESCE_MS = 400  # a burst of changes (a ballot closed, then its decision shown) → one backup


class _Signals(QObject):
    done = Signal(object)


class BackupJob(QRunnable):
    """Runs ``work`` (a backup service call) in a pool thread; ``signals.done`` carries its
    :class:`BackupResult` (or None when no backup was due) back to the GUI thread."""

    def __init__(self, work: Callable[[], BackupResult | None]) -> None:
        super().__init__()
        self.signals = _Signals()
        self._work = work

    def run(self) -> None:
        try:
            result = self._work()
        except Exception as exc:  # an error in a pool thread would vanish unseen
            message = getattr(exc, "message", None) or str(exc)
            result = BackupResult(None, tr("Cadangan gagal: {detail}", detail=message))
        self.signals.done.emit(result)


class BackupTrigger(QObject):
    """Takes the automatic backups of one open database. ``finished`` carries each backup's
    result (None when nothing was due). The outcome is shown in ``parent``'s status bar
    (when it is a main window): the time of the last backup, or the warning in red — never a
    dialog, which would take the focus from the desk's scanner."""

    finished = Signal(object)

    def __init__(
        self, services: Services, operations: Operations, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._backups = services.backups  # made here, in the GUI thread
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._running = False
        self._pending = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(COALESCE_MS)
        self._timer.timeout.connect(self._start)
        self.status = ElidedLabel()  # a long file name is cut in its middle, whole in the tip
        self.status.setObjectName("backupStatus")
        self.status.hide()
        self._shown: Path | None = None  # the backup the status bar names
        if isinstance(parent, QMainWindow):
            parent.statusBar().addPermanentWidget(self.status)
        operations.changed.connect(self._on_changed)
        self.refresh_latest()

    @property
    def busy(self) -> bool:
        """Whether a backup is running or waiting to run."""
        return self._running or self._pending or self._timer.isActive()

    def _on_changed(self, changes: Changes) -> None:
        if changes.touches(Area.DECISIONS) or changes.touches(Area.MEETINGS):
            self._timer.start()
        if changes.touches(Area.MINUTES):  # a signature or the lock backs up in the service
            self.refresh_latest()

    def refresh_latest(self) -> None:
        """Name the newest backup in the folder when it is not the one named already (a
        warning shown stays until a newer backup exists)."""
        latest = self._backups.latest()
        if latest is not None and latest != self._shown:
            self.show_result(BackupResult(latest, ""))

    def _start(self) -> None:
        if self._running:
            self._pending = True
            return
        self._running = True
        job = BackupJob(self._backups.backup_if_due)
        job.signals.done.connect(self._done)
        self._pool.start(job)

    def _done(self, result: BackupResult | None) -> None:
        self._running = False
        if result is not None:
            self.show_result(result)
        self.finished.emit(result)
        if self._pending:
            self._pending = False
            self._start()

    def show_result(self, result: BackupResult) -> None:
        """Show ``result`` in the status bar until the next backup."""
        if result.ok and result.path is not None:
            self._shown = result.path
            self.status.setStyleSheet("color: #2f6b2f;")
            prefix = tr("Cadangan terakhir: {name}", name="")  # the name, elided, follows
            self.status.set_parts(prefix, result.path.name, str(result.path))
        if result.warning:
            self.status.setStyleSheet("color: #a3231f; font-weight: bold;")
            self.status.set_parts("", result.warning, whole=True)  # the reason is its middle
        self.status.show()

    def wait(self, msecs: int = 60_000) -> bool:
        """Run a backup still waiting for its burst to end, and wait for the running one to
        finish (before the database is closed)."""
        if self._timer.isActive():
            self._timer.stop()
            self._start()
        return self._pool.waitForDone(msecs)
