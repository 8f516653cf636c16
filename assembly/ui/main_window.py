"""The main window: a navigation list on the left, the pages on the right, and a menu. It only
composes; each page owns its own work."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QSettings, Signal
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.cooperative import TimeZone
from assembly.i18n import LANGUAGES, current_language, tr
from assembly.services.bundle import Services
from assembly.services.host import HostService
from assembly.ui.backup_trigger import BackupTrigger
from assembly.ui.dialogs.backup_dialog import BackupDialog
from assembly.ui.dialogs.host_dialog import HostDialog
from assembly.ui.operation import Operations
from assembly.ui.widgets.host_banner import HostBanner

PageFactory = Callable[[Services, Operations], Sequence[tuple[str, QWidget]]]


class MainWindow(QMainWindow):
    """Composes the pages ``page_factory`` makes. ``open_requested`` asks the composition root
    to switch to another database file (a path) or to the demo (``"demo"``);
    ``language_changed`` asks it to rebuild the window in the new language."""

    open_requested = Signal(str)
    language_changed = Signal(str)

    def __init__(
        self, services: Services, operations: Operations, page_factory: PageFactory
    ) -> None:
        super().__init__()
        self.services = services
        self.operations = operations
        self.setObjectName("MainWindow")
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.stack = QStackedWidget()
        for title, page in page_factory(services, operations):
            self.nav.addItem(title)
            self.stack.addWidget(page)
        self.nav.currentRowChanged.connect(self.stack.setCurrentIndex)
        # As wide as the longest page title (in the language shown), so none is cut.
        widest = max(
            (self.nav.fontMetrics().horizontalAdvance(self.nav.item(i).text())
             for i in range(self.nav.count())),
            default=150,
        )  # fmt: skip
        self.nav.setFixedWidth(widest + 32)
        self.nav.setCurrentRow(0)
        central = QWidget()
        layout = QHBoxLayout()
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        outer = QVBoxLayout(central)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        # A desk on the host laptop's database says at once when the host stops answering.
        self.host_banner: HostBanner | None = None
        if services.host_link.remote:
            coop = services.cooperative.cooperative()
            zone = coop.time_zone if coop is not None else TimeZone.WIB
            self.host_banner = HostBanner(services.host_link, zone)
        if self.host_banner is not None:
            outer.addWidget(self.host_banner)
        outer.addLayout(layout, 1)
        self.setCentralWidget(central)
        self._build_menu()
        self._update_title()
        operations.changed.connect(lambda _changes: self._update_title())
        self.backup_trigger = BackupTrigger(services, operations, self)
        self.resize(1200, 760)
        settings = QSettings()
        geometry = settings.value("main_window/geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)

    def page(self, index: int) -> QWidget:
        """The page at ``index`` (for tests and keyboard shortcuts)."""
        return self.stack.widget(index)

    def show_page(self, index: int) -> None:
        """Switch to the page at ``index``."""
        self.nav.setCurrentRow(index)

    def _build_menu(self) -> None:
        file_menu = self.menuBar().addMenu(tr("&Berkas"))
        open_action = QAction(tr("&Buka basis data…"), self)
        open_action.setShortcut(QKeySequence.StandardKey.Open)
        open_action.triggered.connect(self._choose_database)
        file_menu.addAction(open_action)
        demo_action = QAction(tr("Buka koperasi &demo"), self)
        demo_action.triggered.connect(lambda: self.open_requested.emit("demo"))
        file_menu.addAction(demo_action)
        backup_action = QAction(tr("&Cadangan…"), self)
        backup_action.triggered.connect(self.open_backups)
        file_menu.addAction(backup_action)
        host_action = QAction(tr("Laptop &induk untuk beberapa meja…"), self)
        host_action.triggered.connect(self.open_host)
        file_menu.addAction(host_action)
        file_menu.addSeparator()
        quit_action = QAction(tr("&Keluar"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)

        view_menu = self.menuBar().addMenu(tr("&Tampilan"))
        for index in range(self.stack.count()):
            action = QAction(self.nav.item(index).text(), self)
            action.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
            action.triggered.connect(lambda _checked=False, i=index: self.show_page(i))
            view_menu.addAction(action)
        language_menu = view_menu.addMenu(tr("&Bahasa"))
        group = QActionGroup(self)
        for code, name in LANGUAGES.items():
            action = QAction(name, self, checkable=True)
            action.setChecked(code == current_language())
            action.triggered.connect(lambda _checked=False, c=code: self._set_language(c))
            group.addAction(action)
            language_menu.addAction(action)

    def _set_language(self, code: str) -> None:
        if code != current_language():
            self.language_changed.emit(code)

    def _choose_database(self) -> None:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            tr("Buka basis data Kuorum"),
            str(self.services.path.parent),
            tr("Basis data Kuorum (*.sqlite *.db);;Semua berkas (*)"),
        )
        if path:
            self.open_requested.emit(path)

    def _update_title(self) -> None:
        coop = self.services.cooperative.cooperative()
        name = coop.name if coop else tr("Belum ada koperasi")
        demo = f" [{tr('DEMO')}]" if self.services.cooperative.is_demo() else ""
        self.setWindowTitle(f"{name}{demo} — Kuorum")
        if self.services.host_link.remote:
            where = tr("Laptop induk: {host}", host=self.services.host_link.shown())
        else:
            where = tr("Basis data: {path}", path=self.services.location)
        self.statusBar().showMessage(where)

    def open_backups(self) -> BackupDialog:
        """The backups dialog; a restore reopens the database through ``open_requested``."""
        dialog = BackupDialog(self.services, self.operations, self)
        dialog.restored.connect(self.open_requested.emit)
        dialog.made.connect(self.backup_trigger.show_result)
        dialog.open()
        return dialog

    def open_host(self) -> HostDialog:
        """The host dialog: this laptop's server for several desks; opening the meeting on
        this laptop goes through ``open_requested`` with the desks' connection string."""
        path = self.services.path
        source = path if path.suffix == ".sqlite" and path.exists() else None
        dialog = HostDialog(HostService(), self, source=source)
        dialog.join_requested.connect(self.open_requested.emit)
        dialog.join_requested.connect(dialog.accept)
        dialog.open()
        return dialog

    def closeEvent(self, event: object) -> None:
        self.backup_trigger.wait()
        if self.host_banner is not None:
            self.host_banner.stop()
        QSettings().setValue("main_window/geometry", self.saveGeometry())
        super().closeEvent(event)  # type: ignore[arg-type]
