"""The choice panel of the booth: three big buttons for a motion, or one box per candidate
up to the seats. Keys 1-9 pick; nothing here remembers a choice once ``clear()`` ran."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from assembly.domain.ballots import Choice
from assembly.i18n import tr

MOTION_CHOICES = (Choice.YES, Choice.NO, Choice.ABSTAIN)


class ChoicePanel(QWidget):
    """The options of one ballot. ``changed`` fires whenever the selection changes;
    ``refused_pick`` when a voter tries to pick more candidates than there are seats."""

    changed = Signal()
    refused_pick = Signal(str)

    def __init__(
        self,
        candidates: Sequence[tuple[str, str]],
        seats: int,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.candidates = tuple(candidates)
        self.seats = seats
        self.is_election = bool(candidates)
        self.group = QButtonGroup(self)
        self.group.setExclusive(not self.is_election)
        layout = self.box = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.buttons: list[QAbstractButton] = []
        if self.is_election:
            for index, (number, name) in enumerate(self.candidates, start=1):
                key = f"{index}  " if index <= 9 else ""
                self.buttons.append(QCheckBox(f"{key}{name} ({number})", self))
        else:
            for index, choice in enumerate(MOTION_CHOICES, start=1):
                push = QPushButton(f"{index}  {tr(choice.key)}", self)
                push.setCheckable(True)
                self.buttons.append(push)
        for index, button in enumerate(self.buttons):
            button.setObjectName(f"choice_{index + 1}")
            # Keys go to the booth window, never to a focused button that Enter would press.
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.group.addButton(button, index)
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.idToggled.connect(self._toggled)

    def pick(self, number: int) -> None:
        """Key ``number`` (1-based): select that answer, or toggle that candidate."""
        button = self.group.button(number - 1)
        if button is None:
            return
        if self.is_election:
            button.toggle()
        else:
            button.setChecked(True)

    def _toggled(self, index: int, checked: bool) -> None:
        if checked and self.is_election and len(self.chosen_numbers()) > self.seats:
            self.group.button(index).setChecked(False)
            self.refused_pick.emit(tr("Pilih paling banyak {seats} calon.", seats=self.seats))
            return
        self.changed.emit()

    def motion_choice(self) -> Choice | None:
        """The answer picked on a motion, if any."""
        index = self.group.checkedId()
        return MOTION_CHOICES[index] if not self.is_election and index >= 0 else None

    def chosen_numbers(self) -> list[str]:
        """The member numbers of the candidates picked."""
        return [
            number
            for (number, _name), button in zip(self.candidates, self.buttons, strict=True)
            if button.isChecked()
        ]

    def summary(self) -> str:
        """The selection in words, for the voter to check before confirming."""
        if self.is_election:
            names = [
                name
                for (_number, name), button in zip(self.candidates, self.buttons, strict=True)
                if button.isChecked()
            ]
            return tr("Pilihan Anda: {names}", names=", ".join(names)) if names else ""
        choice = self.motion_choice()
        return tr("Pilihan Anda: {choice}", choice=tr(choice.key)) if choice else ""

    def clear(self) -> None:
        """Forget the selection (an exclusive group keeps one button down, so lift that)."""
        self.group.blockSignals(True)
        self.group.setExclusive(False)
        for button in self.buttons:
            button.setChecked(False)
        self.group.setExclusive(not self.is_election)
        self.group.blockSignals(False)
        self.changed.emit()
