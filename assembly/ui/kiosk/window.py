"""The secret voting booth: identify, choose, confirm, thank you, and back to the start.

The voter (or the officer beside them) scans a card or types the member number; a proxy holder
can vote for the grantor through the toggle. The choice goes to ``services.ballots.cast``
through the one door; the service records that the member voted and stores the choice apart
with nothing linking the two (DESIGN.md section 3, secret kiosk). The booth forgets the choice
before it says thank you, and it never shows a tally.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QCheckBox,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import BallotKind, BallotState
from assembly.i18n import tr
from assembly.services.ballots import VoteChoice
from assembly.services.bundle import Services
from assembly.ui.kiosk.choices import ChoicePanel
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


def _label(name: str, parent: QWidget, text: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


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
        self._blank_warned = False
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
        layout = self.box = QVBoxLayout(self)
        self.title = _label("ballot_title", self, self.ballot.title)
        layout.addWidget(self.title)
        layout.addWidget(self.pages, 1)
        self._back_timer = QTimer(self)
        self._back_timer.setSingleShot(True)
        self._back_timer.timeout.connect(self.restart)
        self._scale()
        self.restart()

    # --- the pages ------------------------------------------------------------------------

    def _build_identify(self) -> None:
        page = self.identify_page = QWidget(self.pages)
        self.instruction = _label("instruction", page, tr("Pindai kartu atau ketik nomor anggota"))
        self.number = QLineEdit(page)
        self.number.setObjectName("number")
        proxies = self._services.proxies.enabled(self.ballot.meeting_id)
        self.proxy_toggle = QCheckBox(tr("Memberikan suara untuk pemberi kuasa"), page)
        self.proxy_toggle.setObjectName("proxy_toggle")
        self.proxy_toggle.setVisible(proxies)
        self.proxy_hint = _label(
            "proxy_hint", page, tr("Nomor anggota pemberi kuasa (sesuai surat kuasa)")
        )
        self.grantor = QLineEdit(page)
        self.grantor.setObjectName("grantor")
        self.proxy_toggle.toggled.connect(self._proxy_toggled)
        self.message = _label("message", page)
        layout = QVBoxLayout(page)
        for widget in (self.instruction, self.number, self.proxy_toggle, self.proxy_hint):
            layout.addWidget(widget)
        layout.addWidget(self.grantor)
        layout.addWidget(self.message)
        layout.addStretch(1)
        self._proxy_toggled(False)
        self.pages.addWidget(page)

    def _build_choose(self, candidates: list[tuple[str, str]]) -> None:
        page = self.choose_page = QWidget(self.pages)
        self.voter = _label("voter", page)
        seats = self.ballot.seats or 1
        hint = (
            tr(
                "Tekan nomor calon untuk memilih, paling banyak {seats}; lalu Enter. "
                "Esc untuk kembali.",
                seats=seats,
            )
            if candidates
            else tr("Tekan 1, 2 atau 3; lalu Enter. Esc untuk kembali.")
        )
        self.hint = _label("hint", page, hint)
        self.choices = ChoicePanel(candidates, seats, page)
        self.choices.changed.connect(self._selection_changed)
        self.choices.refused_pick.connect(self._say_on_choose)
        self.selection = _label("selection", page)
        self.confirm = QPushButton(tr("Konfirmasi (Enter)"), page)
        self.confirm.setObjectName("confirm")
        self.confirm.clicked.connect(self.confirm_choice)
        self.back = QPushButton(tr("Kembali (Esc)"), page)
        self.back.setObjectName("back")
        self.back.clicked.connect(self.restart)
        for button in (self.confirm, self.back):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        layout = QVBoxLayout(page)
        layout.addWidget(self.voter)
        layout.addWidget(self.hint)
        layout.addWidget(self.choices, 1)
        layout.addWidget(self.selection)
        for button in (self.confirm, self.back):
            layout.addWidget(button)
        self.pages.addWidget(page)

    def _build_done(self) -> None:
        self.thanks_page = QWidget(self.pages)
        self.thanks = _label(
            "thanks", self.thanks_page, tr("Terima kasih, suara Anda sudah tercatat")
        )
        self.thanks.setAlignment(Qt.AlignmentFlag.AlignCenter)
        QVBoxLayout(self.thanks_page).addWidget(self.thanks)
        self.refused_page = QWidget(self.pages)
        self.refused_title = _label("refused_title", self.refused_page, tr("Suara tidak dicatat"))
        self.refusal = _label("refusal", self.refused_page)
        self.refused_hint = _label(
            "refused_hint", self.refused_page, tr("Tekan tombol apa saja untuk kembali.")
        )
        layout = QVBoxLayout(self.refused_page)
        for widget in (self.refused_title, self.refusal, self.refused_hint):
            layout.addWidget(widget)
        layout.addStretch(1)
        for page in (self.thanks_page, self.refused_page):
            self.pages.addWidget(page)

    # --- the flow -------------------------------------------------------------------------

    def restart(self) -> None:
        """Back to "scan or type": everything of the last voter forgotten."""
        self._back_timer.stop()
        self._voter = None
        self._blank_warned = False
        self.choices.clear()
        self.voter.clear()
        self.selection.clear()
        self.number.clear()
        self.grantor.clear()
        self.message.clear()
        self.proxy_toggle.setChecked(False)
        self.pages.setCurrentWidget(self.identify_page)
        self.number.setFocus()

    def identify(self) -> None:
        """Enter on the number: check the ballot is open and the numbers are known, then
        show the choices. Whether this member may vote is the service's to say on casting."""
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
        if self._services.ballots.get(self.ballot_id).state is not BallotState.OPEN:
            self.refuse(tr("Pemungutan suara ini sudah ditutup atau dibatalkan."))
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
            if not picked and not self._blank_warned:
                self._blank_warned = True
                self._say_on_choose(
                    tr("Belum ada calon dipilih. Tekan Enter sekali lagi untuk surat suara kosong.")
                )
                return
            choice: VoteChoice = picked
        else:
            answer = self.choices.motion_choice()
            if answer is None:
                self._say_on_choose(tr("Pilih dahulu: tekan 1, 2 atau 3."))
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

    def refuse(self, message: str) -> None:
        """Say why the vote was not recorded, large, then go back to the start."""
        self.refusal.setText(message)
        self.pages.setCurrentWidget(self.refused_page)
        self.setFocus()
        self._back_timer.start(REFUSAL_MS)

    def _say_on_choose(self, text: str) -> None:
        self.selection.setText(text)

    def _selection_changed(self) -> None:
        self._blank_warned = False
        self.selection.setText(self.choices.summary())

    def _proxy_toggled(self, on: bool) -> None:
        self.proxy_hint.setVisible(on)
        self.grantor.setVisible(on)
        if on:
            self.grantor.setFocus()
        else:
            self.number.setFocus()

    # --- keys and size --------------------------------------------------------------------

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = self.pages.currentWidget()
        if key == Qt.Key.Key_F11:
            if self.isFullScreen():
                self.showNormal()
            else:
                self.showFullScreen()
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
