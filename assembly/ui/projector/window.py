"""The projector window: what the hall reads on the big screen, refreshed whenever this window,
another window or another desk changes the meeting (through the door's ``changed`` signal).

It shows the cooperative and the meeting, the agenda item taken up, the quorum, an open ballot's
progress (never a running tally, whatever the mode) and, once the ballot is closed, its result
as large bars with the statement and the rule applied (UU 25/1992 Pasal 24: the hall hears the
result and the base it was counted from)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QLabel, QStackedWidget, QVBoxLayout, QWidget

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.operation import Operations
from assembly.ui.projector.bars import ProgressBarView, ResultBars
from assembly.ui.projector.content import ProjectorView, Stage, view_of
from assembly.ui.projector.look import MUTED, dark_style, set_hall_font


def _label(name: str, parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class ProjectorWindow(QWidget):
    """The hall's screen for one meeting. ``refresh()`` reads the console snapshot now; each
    change to the meeting's attendance, decisions or state calls it while the window is shown,
    whichever window or desk made it."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        meeting_id: int,
        parent: QWidget | None = None,
    ):
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self.meeting_id = meeting_id
        self.view: ProjectorView | None = None
        self.setObjectName("projector")
        self.setWindowTitle(tr("Kuorum \u2014 Layar rapat"))
        self.setStyleSheet(
            dark_style("projector")
            + ", ".join(
                f"#projector QLabel#{name}"
                for name in ("header", "mode", "result_mode", "rule", "proxy_note", "result_proxy")
            )
            + f" {{ color: {MUTED}; }}"
        )
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        coop = services.cooperative.cooperative()
        self._cooperative = coop.name if coop is not None else ""

        self.header = _label("header", self)
        self.item = _label("item", self)
        self.quorum = _label("quorum", self)
        self.stage = QStackedWidget(self)
        self.idle_page = QWidget(self.stage)
        self.voting_page = QWidget(self.stage)
        self.ballot_title = _label("ballot_title", self.voting_page)
        self.mode = _label("mode", self.voting_page)
        self.progress_bar = ProgressBarView(self.voting_page)
        self.progress_bar.setObjectName("progress_bar")
        self.progress = _label("progress", self.voting_page)
        self.proxy_note = _label("proxy_note", self.voting_page)
        voting = QVBoxLayout(self.voting_page)
        for widget in (self.ballot_title, self.mode, self.progress_bar, self.progress):
            voting.addWidget(widget)
        voting.addWidget(self.proxy_note)
        voting.addStretch(1)
        self.result_page = QWidget(self.stage)
        self.result_title = _label("result_title", self.result_page)
        self.result_mode = _label("result_mode", self.result_page)
        self.bars = ResultBars(self.result_page)
        self.bars.setObjectName("bars")
        self.statement = _label("statement", self.result_page)
        self.rule = _label("rule", self.result_page)
        self.result_proxy = _label("result_proxy", self.result_page)
        result = QVBoxLayout(self.result_page)
        result.addWidget(self.result_title)
        result.addWidget(self.result_mode)
        result.addWidget(self.bars, 1)
        for widget in (self.statement, self.rule, self.result_proxy):
            result.addWidget(widget)
        for inner in (voting, result):
            inner.setContentsMargins(0, 0, 0, 0)
        for page in (self.idle_page, self.voting_page, self.result_page):
            self.stage.addWidget(page)
        layout = self.box = QVBoxLayout(self)
        for widget in (self.header, self.item, self.quorum):
            layout.addWidget(widget)
        layout.addWidget(self.stage, 1)

        operations.changed.connect(self._changed)  # a bound slot: dropped with the window
        self._scale()
        self.refresh()

    def toggle_full_screen(self) -> None:
        """F11: full screen on, or off."""
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()

    def refresh(self) -> None:
        """Read the console snapshot now and show it."""
        try:
            snap = self._services.console.snapshot(self.meeting_id)
        except DomainError as exc:
            # A screen in the hall has nobody to click a message box away: say it on screen.
            self.header.setText(exc.message)
            return
        self.show_view(view_of(snap, self._cooperative))

    def show_view(self, view: ProjectorView) -> None:
        """Put ``view`` on screen."""
        if view == self.view:
            return
        self.view = view
        self.header.setText(view.header)
        self.item.setText(view.item)
        self.item.setVisible(bool(view.item))
        self.quorum.setText(view.quorum)
        if view.stage is Stage.VOTING:
            self.ballot_title.setText(view.ballot_title)
            self.mode.setText(view.mode)
            self.progress.setText(view.progress)
            self.proxy_note.setText(view.proxy_note)
            self.progress_bar.set_progress(view.voted, view.eligible)
            self.stage.setCurrentWidget(self.voting_page)
        elif view.stage is Stage.RESULT:
            self.result_title.setText(view.ballot_title)
            self.result_mode.setText(view.mode)
            self.bars.set_rows(view.bars)
            self.statement.setText(view.statement)
            self.rule.setText(view.rule)
            self.result_proxy.setText(view.proxy_note)
            self.stage.setCurrentWidget(self.result_page)
        else:
            self.bars.set_rows(())
            self.stage.setCurrentWidget(self.idle_page)

    def shown_texts(self) -> list[str]:
        """Every text the hall can read now: the visible labels and the visible bars."""
        texts = [
            label.text()
            for label in self.findChildren(QLabel)
            if label.isVisibleTo(self) and label.text()
        ]
        if self.bars.isVisibleTo(self):
            texts += self.bars.texts()
        return texts

    def _scale(self) -> None:
        height = max(self.height(), 360)
        sizes = {
            self.header: (0.036, False),
            self.item: (0.05, True),
            self.quorum: (0.045, False),
            self.ballot_title: (0.06, True),
            self.mode: (0.04, False),
            self.progress: (0.075, True),
            self.proxy_note: (0.04, False),
            self.result_title: (0.05, True),
            self.result_mode: (0.036, False),
            self.statement: (0.052, True),
            self.rule: (0.04, False),
            self.result_proxy: (0.036, False),
        }
        for widget, (fraction, bold) in sizes.items():
            set_hall_font(widget, height, fraction, bold=bold)
        self.progress_bar.setFixedHeight(round(height * 0.09))
        margin = round(height * 0.04)
        self.box.setContentsMargins(margin, margin, margin, margin)
        self.box.setSpacing(round(height * 0.02))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # The window has no focusable child, so its keys arrive here.
        if event.key() == Qt.Key.Key_F11:
            self.toggle_full_screen()
        elif event.key() == Qt.Key.Key_Escape and self.isFullScreen():
            self.showNormal()
        else:
            super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.refresh()

    def _changed(self, changes: Changes) -> None:
        shown = {Area.MEETINGS, Area.ATTENDANCE, Area.DECISIONS, Area.COOPERATIVE}
        if changes.areas & shown and self.isVisible():
            self.refresh()


def open_projector(
    services: Services, operations: Operations, meeting_id: int, parent: QWidget | None = None
) -> QWidget:
    """Open the projector for ``meeting_id`` as its own window: full screen on a second screen
    when there is one (the one the console is not on), else a large normal window (F11 toggles
    full screen, Esc leaves it). Returns the window."""
    window = ProjectorWindow(services, operations, meeting_id, parent)
    screens = QGuiApplication.screens()
    if len(screens) > 1:
        here = parent.screen() if parent is not None else QGuiApplication.primaryScreen()
        target = next((s for s in screens if s != here), screens[-1])
        window.setScreen(target)
        window.setGeometry(target.geometry())
        window.showFullScreen()
    else:
        screen = QGuiApplication.primaryScreen()
        if screen is not None:
            area = screen.availableGeometry()
            window.resize(round(area.width() * 0.8), round(area.height() * 0.8))
        else:
            window.resize(1280, 720)
        window.show()
    window.activateWindow()
    return window
