"""The banner a desk shows while the host laptop does not answer (DESIGN.md section 9).

Each second a worker thread asks the host whether it answers (never the screen's thread: an
unplugged cable takes two seconds to time out). The banner shows at the first failed answer
and goes at the first good one (the change feed's thread, which notices a broken connection
first, shows it at once: :meth:`HostBanner.feed_lost`); meanwhile every action is refused with the same message by the
services, so nothing shows as saved that the host did not commit."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QLabel, QWidget

from assembly.domain.cooperative import TimeZone
from assembly.domain.local_time import in_zone
from assembly.i18n import tr
from assembly.services.host_link import HostLinkService

CHECK_EVERY_MS = 1000


class _Answer(QObject):
    arrived = Signal(bool)


class _Check(QRunnable):
    def __init__(self, link: HostLinkService, answer: _Answer) -> None:
        super().__init__()
        self._link = link
        self._answer = answer

    def run(self) -> None:
        self._answer.arrived.emit(self._link.reachable())


class HostBanner(QLabel):
    """Hidden while the host answers; a red line saying the host is lost otherwise, since when
    in the cooperative's time zone (``zone``, read while the host still answered), as every
    other time at the desk is shown."""

    def __init__(
        self, link: HostLinkService, zone: TimeZone, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._zone = zone
        self.setObjectName("host_banner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #b3261e; color: white; font-weight: bold; padding: 8px 12px;"
        )
        self.hide()
        self._link = link
        self._pool = QThreadPool(self)
        self._pool.setMaxThreadCount(1)
        self._answer = _Answer(self)
        self._answer.arrived.connect(self._show_answer)
        self._asking = False
        self.lost_since: dt.datetime | None = None
        self._timer = QTimer(self)
        self._timer.setInterval(CHECK_EVERY_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    def check(self) -> None:
        """Ask the host once (unless a question is still on its way)."""
        if self._asking:
            return
        self._asking = True
        self._pool.start(_Check(self._link, self._answer))

    def feed_lost(self, lost: bool) -> None:
        """The change feed lost the host's connection (shown at once) or has it back (asked
        at once, so the banner goes without waiting for the next check)."""
        if lost:
            self._show_answer(False, asked=False)
        else:
            self.check()

    def stop(self) -> None:
        """Stop asking and wait for the question on its way (the window closes)."""
        self._timer.stop()
        self._pool.waitForDone()

    def _show_answer(self, answers: bool, *, asked: bool = True) -> None:
        if asked:
            self._asking = False
        if answers:
            self.lost_since = None
            self.hide()
            return
        if self.lost_since is None:
            self.lost_since = dt.datetime.now(dt.UTC)
        self.setText(
            tr(
                "Laptop induk tidak terhubung sejak {time}. Catatan baru TIDAK disimpan dan "
                "tidak dikonfirmasi; meja menyambung lagi sendiri begitu laptop induk "
                "menjawab. Periksa kabel atau Wi-Fi dan laptop induk.",
                time=f"{in_zone(self.lost_since, self._zone):%H.%M.%S} {self._zone.value}",
            )
        )
        self.show()
