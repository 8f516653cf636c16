"""The booth's ballot paper: whose vote it is, how to choose (a motion's 1, 2 or 3, or up to
the seats' number of candidates), the choices, what is chosen so far, and Konfirmasi /
Kembali. An election confirmed with no candidate chosen asks once more before a blank
ballot is cast."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QVBoxLayout, QWidget

from assembly.i18n import tr
from assembly.ui.kiosk.choices import ChoicePanel
from assembly.ui.kiosk.identify import booth_label


class ChoosePage(QWidget):
    """The choices of one ballot (``candidates``: (number, name) for an election, none for
    a motion); ``confirm`` and ``back`` are the window's acts."""

    def __init__(
        self,
        candidates: list[tuple[str, str]],
        seats: int,
        parent: QWidget,
        *,
        confirm: Callable[[], object],
        back: Callable[[], object],
    ) -> None:
        super().__init__(parent)
        self.blank_warned = False  # told once that no candidate is chosen
        self.voter = booth_label("voter", self)
        self.hint = booth_label("hint", self)
        self.choices = self._panel(candidates, seats)
        self.selection = booth_label("selection", self)
        self.confirm = QPushButton(tr("Konfirmasi (Enter)"), self)
        self.confirm.setObjectName("confirm")
        self.confirm.clicked.connect(lambda _c=False: confirm())
        self.back = QPushButton(tr("Kembali (Esc)"), self)
        self.back.setObjectName("back")
        self.back.clicked.connect(lambda _c=False: back())
        for button in (self.confirm, self.back):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.box = QVBoxLayout(self)
        self.box.addWidget(self.voter)
        self.box.addWidget(self.hint)
        self.box.addWidget(self.choices, 1)
        self.box.addWidget(self.selection)
        for button in (self.confirm, self.back):
            self.box.addWidget(button)

    def _panel(self, candidates: list[tuple[str, str]], seats: int) -> ChoicePanel:
        self.hint.setText(
            tr(
                "Tekan nomor calon untuk memilih, paling banyak {seats}; lalu Enter. "
                "Esc untuk kembali.",
                seats=seats,
            )
            if candidates
            else tr("Tekan 1, 2 atau 3; lalu Enter. Esc untuk kembali.")
        )
        panel = ChoicePanel(candidates, seats, self)
        panel.changed.connect(self._selection_changed)
        panel.refused_pick.connect(self.say)
        return panel

    def take(self, candidates: list[tuple[str, str]], seats: int) -> None:
        """Put another ballot's choices in place of these."""
        old = self.choices
        self.choices = self._panel(candidates, seats)
        self.box.replaceWidget(old, self.choices)
        old.hide()
        old.deleteLater()

    def forget(self) -> None:
        """Clear the voter, the choices and what was said of them."""
        self.blank_warned = False
        self.choices.clear()
        self.voter.clear()
        self.selection.clear()

    def say(self, text: str) -> None:
        """Say ``text`` where the selection is shown."""
        self.selection.setText(text)

    def _selection_changed(self) -> None:
        self.blank_warned = False
        self.selection.setText(self.choices.summary())
