"""The composition root: settings -> database -> services -> QApplication -> window.

``python main.py`` opens the app; ``python main.py SUBCOMMAND …`` runs the headless command
line instead (DESIGN.md section 5).

With ``KUORUM_SCREENSHOT=FILE`` in the environment the app saves a PNG of the main window as
soon as it is shown, then quits (exit code 0 when the PNG was written): the smoke test of the
built program (scripts/smoke_build.sh) and its start-time figure use it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox, QWidget

from assembly import cli
from assembly.domain.errors import DomainError
from assembly.i18n import LANGUAGES, tr
from assembly.services.bundle import Services
from assembly.services.files import remove_leftovers
from assembly.services.host import HostService
from assembly.services.joining import OtherCooperative, is_host_url, open_desk
from assembly.services.locations import database_target, default_database, demo_database
from assembly.ui.background import progress_window
from assembly.ui.collector import MainThreadCollector
from assembly.ui.dialogs.first_start import FirstStartDialog
from assembly.ui.live import ChangeWatcher
from assembly.ui.main_window import MainWindow
from assembly.ui.operation import Operations
from assembly.ui.pages.checkin_page import CheckInPage
from assembly.ui.pages.cooperative_page import CooperativePage
from assembly.ui.pages.decisions_page import DecisionsPage
from assembly.ui.pages.meetings_page import MeetingsPage
from assembly.ui.pages.minutes_page import MinutesPage
from assembly.ui.pages.register_page import RegisterPage
from assembly.ui.pages.signing_page import SigningPage
from assembly.ui.qt_translator import use_language

DEMO_MEMBERS = 1250
SCREENSHOT_VARIABLE = "KUORUM_SCREENSHOT"


def main(argv: Sequence[str] | None = None) -> int:
    """Run a sub-command, or open the app."""
    args = list(sys.argv[1:] if argv is None else argv)
    if cli.first_word(args) in cli.COMMANDS:
        return cli.main(args)
    return run_app(args)


def pages(services: Services, operations: Operations) -> list[tuple[str, QWidget]]:
    """The pages of the main window, in navigation order."""
    return [
        (tr("Buku Daftar Anggota"), RegisterPage(services, operations)),
        (tr("Rapat"), MeetingsPage(services, operations)),
        (tr("Meja Pendaftaran Hadir"), CheckInPage(services, operations)),
        (tr("Keputusan & Pemungutan Suara"), DecisionsPage(services, operations)),
        (tr("Notulen"), MinutesPage(services, operations)),
        (tr("Tanda Tangan & Verifikasi"), SigningPage(services, operations)),
        (tr("Profil Koperasi & AD"), CooperativePage(services, operations)),
    ]


class Kuorum:
    """The running app: one open database, its services, and the main window over them."""

    def __init__(self, app: QApplication) -> None:
        self.app = app
        self.services: Services | None = None
        self.window: MainWindow | None = None
        self.watcher: ChangeWatcher | None = None  # what other windows and desks commit
        self.operations: Operations | None = None  # the door of the shown window
        self.notice: QMessageBox | None = None  # what the start finished or found
        self.start_notes: list[str] = []  # said with the first window (the host started)

    def open(self, path: Path | str, *, demo: bool = False) -> bool:
        """Open ``path`` (with the demo cooperative in it when ``demo``) in a new main window;
        a ``postgresql://`` connection string joins a host laptop as a desk.

        A file or host that cannot be used is reported and the current window stays as it
        was."""
        if is_host_url(path):
            joined = _join_host(str(path), self.window)
            if joined is None:
                return False
            services = joined
        else:
            try:
                services = Services.open(path)
            except DomainError as exc:
                _critical(self.window, exc.message)
                return False
        if services.cooperative.cooperative() is None:
            ready = _fill_demo(services, self.window) if demo else _first_start(services)
            if ready == "demo":
                services.close()
                return self.open(demo_database(), demo=True)
            if isinstance(ready, Services):
                services.close()
                services = ready
            elif not ready:
                services.close()
                return False
        notes = [*self.start_notes, *_after_open(services)]
        self.start_notes = []
        self._show(services)
        if notes:
            # Not modal-blocking: the window is usable while the secretary reads it.
            self.notice = QMessageBox(
                QMessageBox.Icon.Information,
                tr("Kuorum"),
                "\n\n".join(notes),
                QMessageBox.StandardButton.Ok,
                self.window,
            )
            self.notice.open()
        return True

    def _show(self, services: Services) -> None:
        old_window, old_services = self.window, self.services
        operations = Operations()
        if self.operations is not None and self.services is not services:
            self.operations.stop_work()  # long work on the old file ends before it is closed
        self.operations = operations
        services.checkpoint_in_background()  # no scan waits for the log to be copied back
        if self.watcher is not None:
            self.watcher.stop()
        self.watcher = ChangeWatcher(services.live.listen(), operations)
        window = MainWindow(services, operations, pages)
        if window.host_banner is not None:
            self.watcher.link_lost.connect(window.host_banner.feed_lost)
        self.watcher.start()
        window.open_requested.connect(self._open_requested)
        window.language_changed.connect(self._language_changed)
        window.show()
        self.window, self.services = window, services
        if old_window is not None:
            old_window.close()
            old_window.deleteLater()
        if old_services is not None and old_services is not services:
            old_services.close()

    def close(self) -> None:
        """Close the window and the database before Python shuts down, in that order (left to
        the interpreter's final garbage collection, the frozen build aborted on exit)."""
        if self.window is not None:
            self.window.close()
            self.window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
            self.window = None
        if self.watcher is not None:
            self.watcher.stop()
            self.watcher = None
        if self.operations is not None:
            self.operations.stop_work()
            self.operations = None
        if self.services is not None:
            self.services.close()
            self.services = None

    def _open_requested(self, target: str) -> None:
        if target == "demo":
            self.open(demo_database(), demo=True)
        else:
            self.open(target if is_host_url(target) else Path(target))

    def _language_changed(self, code: str) -> None:
        use_language(code)
        QSettings().setValue("language", code)
        if self.services is not None:
            self._show(self.services)


def run_app(argv: Sequence[str]) -> int:
    """Open the main window; returns the process exit code."""
    parser = argparse.ArgumentParser(
        prog="python main.py",
        description=tr("Buka aplikasi Kuorum."),
        epilog=tr(
            "Perintah tanpa layar: {commands}. Bantuan tiap perintah: python main.py PERINTAH "
            "--help",
            commands=", ".join(cli.COMMANDS),
        ),
    )
    parser.add_argument(
        "--db",
        type=database_target,
        help=tr(
            "berkas basis data (bawaan: {path}), atau string koneksi laptop induk "
            "(postgresql://…) untuk bergabung sebagai meja",
            path=default_database(),
        ),
    )
    parser.add_argument("--demo", action="store_true", help=tr("buka koperasi demo"))
    parser.add_argument("--lang", choices=sorted(LANGUAGES), help=tr("bahasa tampilan"))
    args = parser.parse_args(argv)

    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    app.setOrganizationName("Kuorum")
    app.setApplicationName("Kuorum")
    app.setStyle("Fusion")
    collector = MainThreadCollector(app)  # cycles collected on this thread only
    language = args.lang or str(QSettings().value("language", "id"))
    use_language(language if language in LANGUAGES else "id")

    kuorum = Kuorum(app)
    target: Path | str = args.db or default_database()
    if not args.demo and args.db is None:
        # On the host laptop: its server back after a power cut, and its meeting opened.
        host_url, note = start_host_with_app(HostService())
        target = host_url or target
        if note:
            kuorum.start_notes.append(note)
    opened = kuorum.open(demo_database(), demo=True) if args.demo else kuorum.open(target)
    if not opened:
        return 1
    screenshot = os.environ.get(SCREENSHOT_VARIABLE)
    if screenshot:
        _screenshot_when_shown(app, kuorum, Path(screenshot))
    code = app.exec()
    kuorum.close()
    collector.stop()
    return code


def start_host_with_app(host: HostService) -> tuple[str | None, str]:
    """On the host laptop (the one that ran ``host start`` or the dialog), its server started
    again if it stopped without the user asking (a power cut): the desks' connection string
    to open (None: this laptop is no host, or its server was stopped on purpose) and what to
    tell the secretary (empty when there is nothing to say)."""
    try:
        found = host.start_with_app()
    except DomainError as exc:
        return None, exc.message
    if found is None:
        return None, ""
    return found.state.desk_url, found.message


def _screenshot_when_shown(app: QApplication, kuorum: Kuorum, target: Path) -> None:
    """Once the event loop runs: save the main window as a PNG at ``target`` and quit."""

    def grab() -> None:
        saved = kuorum.window is not None and kuorum.window.grab().save(str(target), "PNG")
        app.exit(0 if saved else 1)

    QTimer.singleShot(0, grab)


def _first_start(services: Services) -> str | bool | Services:
    """The first-start wizard: True when a cooperative was created, "demo" to open the demo,
    the services over the host's database when this laptop joined one, False when the user
    closed it."""
    dialog = FirstStartDialog(
        services.cooperative,
        join=lambda url, accept_other: open_desk(url, accept_other=accept_other),
    )
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return False
    if dialog.choice == "join" and dialog.joined is not None:
        return dialog.joined
    return "demo" if dialog.choice == "demo" else True


def _join_host(url: str, parent: QWidget | None) -> Services | None:
    """Open the host's database at ``url`` as a desk; a host now holding another cooperative
    than before is opened only when the secretary confirms. None when refused."""
    try:
        return open_desk(url)
    except OtherCooperative as exc:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            tr("Koperasi lain di laptop induk"),
            exc.message + "\n\n" + tr("Tetap gabung ke koperasi ini?"),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            parent,
        )
        box.setDefaultButton(QMessageBox.StandardButton.No)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return None
    except DomainError as exc:
        _critical(parent, exc.message)
        return None
    try:
        return open_desk(url, accept_other=True)
    except DomainError as exc:
        _critical(parent, exc.message)
        return None


def _fill_demo(services: Services, parent: QWidget | None) -> bool:
    """Create the demo cooperative in an empty database on the door's worker thread, with a
    modal progress dialog (its own event loop: no ``processEvents``)."""
    operations = Operations()
    work = operations.start(lambda progress: services.demo.create(members=DEMO_MEMBERS,
                                                                  progress=progress))  # fmt: skip
    dialog = progress_window(parent, work, tr("Menyiapkan koperasi demo…"), cancellable=False)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    if work.running:
        dialog.exec()  # returns when the work ends and closes the dialog
    if work.message is not None:
        _critical(parent, work.message)
        return False
    return True


def _after_open(services: Services) -> list[str]:
    """At each start: finish a lock a kill interrupted (from the signed file, verified) and
    remove the ``.part`` files killed exports left beside the database, in the backup folder
    and where berita acara were being signed. The messages to show."""
    folders = [services.path.parent, services.backups.settings().folder]
    folders += [path.parent for path in services.lock_recovery.noted_files()]
    try:
        notes = [found.message for found in services.lock_recovery.finish_pending()]
    except DomainError as exc:
        notes = [exc.message]
    remove_leftovers(folders)
    if services.ctx.db.read_only:
        notes.append(
            tr(
                "Basis data {path} dibuka hanya-baca: berkas, folder atau disknya tidak boleh "
                "ditulis. Melihat, memeriksa dan mengekspor dapat; mencatat tidak.",
                path=services.path,
            )
        )
    return notes


def _critical(parent: QWidget | None, message: str) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Critical, tr("Kuorum"), message, QMessageBox.StandardButton.Ok, parent
    )
    box.exec()
