"""The secret voting booth: identify, choose, confirm, thank you, and back to the start.

The voter (or the officer beside them) scans a card or types the member number; a proxy holder
can vote for the grantor through the toggle. Who may not vote (absent, not entitled, already
voted) is refused at the scan, before any choice is shown. The choice goes to
``services.ballots.cast`` through the one door; the service records that the member voted and
stores the choice apart with nothing linking the two (DESIGN.md section 3, secret kiosk). The
booth forgets the choice before it says thank you, and it never shows a tally.

The booth follows the meeting's ballot open now: when its ballot closes it says it waits for
the next one, and a new ballot (a run-off) comes up by itself, so no voter is left on a closed
ballot. The chair closes the booth with the button at the bottom (Ctrl+W), after a
confirmation.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import (
    QGuiApplication,
    QKeyEvent,
    QKeySequence,
    QResizeEvent,
    QShortcut,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QMessageBox,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import Ballot, BallotKind, BallotMode, BallotState
from assembly.i18n import tr
from assembly.services.ballots import VoteChoice
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.kiosk.choices import ChoicePanel
from assembly.ui.kiosk.choose import ChoosePage
from assembly.ui.kiosk.identify import IdentifyPage, booth_label
from assembly.ui.kiosk.outcome import RefusedPage, ThanksPage
from assembly.ui.kiosk.waiting import WaitingPage, confirm_close
from assembly.ui.operation import Operations, Refused
from assembly.ui.projector.look import (
    ALERT,
    BACKGROUND,
    MUTED,
    ROLE_COLOURS,
    TEXT,
    dark_style,
    set_hall_font,
)

CHOSEN = ROLE_COLOURS["elected"]
THANKS_MS = 3000
REFUSAL_MS = 6000
_DIGITS = {getattr(Qt.Key, f"Key_{n}"): n for n in range(1, 10)}


class KioskWindow(QWidget):
    """The booth for one ballot."""

    def __init__(
        self,
        services: Services,
        operations: Operations,
        ballot_id: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self._services = services
        self._operations = operations
        self.ballot_id = ballot_id
        self.ballot = services.ballots.get(ballot_id)
        candidates = (
            services.elections.candidates(ballot_id)
            if self.ballot.kind is BallotKind.ELECTION
            else []
        )
        self._voter: tuple[str, str | None] | None = None  # (number, grantor's number)
        self.meeting_id = self.ballot.meeting_id
        self.waiting = False  # no ballot open for the booth: "menunggu ..."
        self.prompt: QMessageBox | None = None
        self.setObjectName("kiosk")
        self.setWindowTitle(tr("Kuorum \u2014 Bilik suara"))
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._style = (
            dark_style("kiosk")
            + f"#kiosk QLineEdit {{ background: #ffffff; color: #000000; padding: 0.2em; }}"
            f"#kiosk QCheckBox {{ color: {TEXT}; }}"
            f"#kiosk QPushButton {{ background: #2a2a2a; color: {TEXT};"
            " border: 3px solid #8a8a8a; border-radius: 12px; padding: 0.3em; }"
            "#kiosk QPushButton:checked { background: #ffffff; color: #000000;"
            " border-color: #ffffff; }"
            f"#kiosk QLabel#hint, #kiosk QLabel#proxy_hint {{ color: {MUTED}; }}"
            f"#kiosk QLabel#message, #kiosk QLabel#refusal {{ color: {ALERT}; }}"
        )
        self.setStyleSheet(self._style)
        self.pages = QStackedWidget(self)
        self._build_identify()
        self._build_choose(candidates)
        self._build_done()
        self.waiting_page = WaitingPage(self.pages)
        self.waiting_label, self.waiting_hint = self.waiting_page.title, self.waiting_page.hint
        self.pages.addWidget(self.waiting_page)
        self.close_button = QPushButton(tr("Tutup bilik suara (Ctrl+W)"), self)
        self.close_button.setObjectName("close_booth")
        self.close_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.close_button.clicked.connect(lambda _c=False: self.ask_to_close())
        shortcut = QShortcut(QKeySequence("Ctrl+W"), self)
        shortcut.activated.connect(self.ask_to_close)
        layout = self.box = QVBoxLayout(self)
        self.title = booth_label("ballot_title", self, self.ballot.title)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.close_button, 0, Qt.AlignmentFlag.AlignRight)
        self._back_timer = QTimer(self)
        self._back_timer.setSingleShot(True)
        self._back_timer.timeout.connect(self.restart)
        # The console, other windows and other desks close and open ballots: the door tells.
        operations.changed.connect(self._changed)  # a bound slot: dropped with the window
        self._scale()
        self.follow()
        self.restart()

    # --- the pages ------------------------------------------------------------------------

    def _build_identify(self) -> None:
        proxies = self._services.proxies.enabled(self.ballot.meeting_id)
        page = self.identify_page = IdentifyPage(proxies, self.pages)
        self.instruction, self.number = page.instruction, page.number
        self.proxy_toggle, self.proxy_hint = page.proxy_toggle, page.proxy_hint
        self.grantor, self.message = page.grantor, page.message
        self.pages.addWidget(page)

    def _build_choose(self, candidates: list[tuple[str, str]]) -> None:
        page = self.choose_page = ChoosePage(
            candidates,
            self.ballot.seats or 1,
            self.pages,
            confirm=self.confirm_choice,
            back=self.restart,
        )
        self.voter, self.hint, self.selection = page.voter, page.hint, page.selection
        self.confirm, self.back = page.confirm, page.back
        self.pages.addWidget(page)

    @property
    def choices(self) -> ChoicePanel:
        """The choices of the ballot in the booth."""
        return self.choose_page.choices

    # --- following the ballot open now ---------------------------------------------------

    def follow(self) -> None:
        """Show the meeting's ballot open now (a named or secret one), or wait for the next;
        a voter who is choosing on a ballot that just closed is sent back (their vote could
        not be recorded any more). The thank-you stays until it times out."""
        ballots = self._services.ballots.ballots(self.meeting_id)
        now = next(
            (b for b in reversed(ballots)
             if b.state is BallotState.OPEN and b.mode is not BallotMode.COUNTED),
            None,
        )  # fmt: skip
        if now is None:
            if self.waiting:
                return
            self.waiting = True
            self.title.hide()  # the closed ballot's title would say it is still on
        elif not self.waiting and now.id == self.ballot_id:
            return
        else:
            self.waiting = False
            self.title.show()
            if now.id != self.ballot_id:
                self._take(now)
        if self.pages.currentWidget() is not self.thanks_page:
            self.restart()

    def _changed(self, changes: Changes) -> None:
        # Ballots open and close as decisions (and a meeting's end); check-ins at the door
        # do not move the booth.
        if self.isVisible() and changes.areas & {Area.DECISIONS, Area.MEETINGS}:
            self.follow()

    def _take(self, ballot: Ballot) -> None:
        """Put ``ballot`` in the booth: its title and its choices."""
        self.ballot, self.ballot_id = ballot, ballot.id or 0
        candidates = (
            self._services.elections.candidates(self.ballot_id)
            if ballot.kind is BallotKind.ELECTION
            else []
        )
        self.choose_page.take(candidates, ballot.seats or 1)
        self.title.setText(ballot.title)
        self._scale()

    def ask_to_close(self) -> QMessageBox:
        """Ask the chair to confirm closing the booth (the ballot itself stays as it is)."""
        self.prompt = confirm_close(self)
        return self.prompt

    def _build_done(self) -> None:
        self.thanks_page = ThanksPage(self.pages)
        self.thanks = self.thanks_page.thanks
        self.refused_page = RefusedPage(self.pages)
        self.refused_title, self.refusal = self.refused_page.title, self.refused_page.refusal
        self.refused_hint = self.refused_page.hint
        for page in (self.thanks_page, self.refused_page):
            self.pages.addWidget(page)

    # --- the flow -------------------------------------------------------------------------

    def restart(self) -> None:
        """Back to "scan or type": everything of the last voter forgotten."""
        self._back_timer.stop()
        self._voter = None
        self.choose_page.forget()
        self.identify_page.forget()
        if self.waiting:
            self.pages.setCurrentWidget(self.waiting_page)
            self.setFocus()
            return
        self.pages.setCurrentWidget(self.identify_page)
        self.number.setFocus()

    def identify(self) -> None:
        """Enter on the number: check the numbers are known and that this member may vote
        on the ballot (open, present and entitled at its snapshot, not voted yet), then
        show the choices."""
        number = self.number.text().strip()
        if not number:
            self.message.setText(tr("Ketik atau pindai nomor anggota."))
            return
        grantor: str | None = None
        if self.proxy_toggle.isChecked():
            grantor = self.grantor.text().strip()
            if not grantor:
                self.grantor.setFocus()
                self.message.setText(tr("Ketik nomor anggota pemberi kuasa."))
                return
        people = []
        for which in (number, grantor):
            if which is None:
                continue
            member = self._services.register.member_by_number(which)
            if member is None:
                self.message.setText(tr("Nomor anggota {number} tidak ditemukan.", number=which))
                self.number.selectAll()
                return
            people.append(f"{member.name} ({member.number})")
        allowed = self._operations.run_inline(
            lambda: self._services.ballots.may_vote(self.ballot_id, number, for_grantor=grantor)
        )
        if isinstance(allowed, Refused):
            self.restart()  # the number is forgotten with the refusal
            self.refuse(allowed.message, tr("Tidak dapat memberikan suara"))
            return
        self._voter = (number, grantor)
        self.voter.setText(
            tr("Surat suara untuk {name}", name=people[0])
            if grantor is None
            else tr(
                "{holder} memberikan suara untuk {grantor}", holder=people[0], grantor=people[1]
            )
        )
        self.pages.setCurrentWidget(self.choose_page)
        self.setFocus()

    def confirm_choice(self) -> None:
        """Enter on the choices: cast the vote through the one door."""
        if self._voter is None:
            return
        number, grantor = self._voter
        if self.ballot.kind is BallotKind.ELECTION:
            picked = self.choices.chosen_numbers()
            if not picked and not self.choose_page.blank_warned:
                self.choose_page.blank_warned = True
                self.choose_page.say(
                    tr("Belum ada calon dipilih. Tekan Enter sekali lagi untuk surat suara kosong.")
                )
                return
            choice: VoteChoice = picked
        else:
            answer = self.choices.motion_choice()
            if answer is None:
                self.choose_page.say(tr("Pilih dahulu: tekan 1, 2 atau 3."))
                return
            choice = answer
        done = self._operations.run_inline(
            lambda: self._services.ballots.cast(self.ballot_id, number, choice, for_grantor=grantor)
        )
        self.restart()  # forget the voter and the choice before anything else is shown
        if isinstance(done, Refused):
            self.refuse(done.message)
            return
        self.pages.setCurrentWidget(self.thanks_page)
        self.setFocus()
        self._back_timer.start(THANKS_MS)

    def refuse(self, message: str, title: str = "") -> None:
        """Say why the vote was not recorded (or, at the scan, why this member cannot vote),
        large, then go back to the start."""
        self.refused_page.say(message, title)
        self.pages.setCurrentWidget(self.refused_page)
        self.setFocus()
        self._back_timer.start(REFUSAL_MS)

    # --- keys and size --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = self.pages.currentWidget()
        if key == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
        elif page is self.waiting_page:
            super().keyPressEvent(event)
        elif page in (self.thanks_page, self.refused_page):
            self.restart()  # any key: the next voter
        elif page is self.choose_page:
            if key in _DIGITS:
                self.choices.pick(_DIGITS[key])
            elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.confirm_choice()
            elif key == Qt.Key.Key_Escape:
                self.restart()
            else:
                super().keyPressEvent(event)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self.identify()  # a line edit passes Enter on to its window (a scanner sends one)
        elif key == Qt.Key.Key_Escape:
            self.restart()
        else:
            super().keyPressEvent(event)

    def _scale(self) -> None:
        height = max(self.height(), 360)
        fonts = {
            self.title: (0.05, True),
            self.instruction: (0.065, True),
            self.number: (0.08, True),
            self.proxy_toggle: (0.04, False),
            self.proxy_hint: (0.04, False),
            self.grantor: (0.08, True),
            self.message: (0.045, True),
            self.voter: (0.045, True),
            self.hint: (0.036, False),
            self.selection: (0.05, True),
            self.confirm: (0.05, True),
            self.back: (0.036, False),
            self.thanks: (0.08, True),
            self.refused_title: (0.07, True),
            self.refusal: (0.05, True),
            self.refused_hint: (0.04, False),
            self.waiting_label: (0.07, True),
            self.waiting_hint: (0.04, False),
            self.close_button: (0.025, False),
        }
        for widget, (fraction, bold) in fonts.items():
            set_hall_font(widget, height, fraction, bold=bold)
        many = len(self.choices.buttons) > 5
        for button in self.choices.buttons:
            set_hall_font(button, height, 0.045 if many else 0.06, bold=True)
            if isinstance(button, QPushButton):
                button.setMinimumHeight(round(height * 0.1))
        margin = round(height * 0.04)
        self.box.setContentsMargins(margin, margin, margin, margin)
        box = round(height * 0.045)
        self.setStyleSheet(
            self._style + f"#kiosk QCheckBox::indicator {{ width: {box}px; height: {box}px;"
            f" border: 4px solid {TEXT}; border-radius: 6px; background: {BACKGROUND}; }}"
            f"#kiosk QCheckBox::indicator:checked {{ background: {CHOSEN}; }}"
            f"#kiosk QCheckBox:checked {{ color: {CHOSEN}; }}"
        )
        self.choices.box.setSpacing(round(height * 0.02))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._scale()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.follow()  # what changed while it was hidden


def open_kiosk(
    services: Services, operations: Operations, ballot_id: int, parent: QWidget | None = None
) -> QWidget:
    """Open the booth for ``ballot_id`` as its own large window (F11 for full screen) and
    return it. Any open named or secret ballot works; a secret one is what it is made for."""
    window = KioskWindow(services, operations, ballot_id, parent)
    screen = QGuiApplication.primaryScreen()
    if screen is not None:
        area = screen.availableGeometry()
        window.resize(round(area.width() * 0.9), round(area.height() * 0.9))
    window.show()
    window.activateWindow()
    window.number.setFocus()
    return window
