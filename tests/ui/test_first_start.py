"""The first-start wizard: create a cooperative from the form, or choose the demo."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.domain.cooperative import TimeZone
from assembly.ui.dialogs.first_start import FirstStartDialog


def _wizard(qtbot: QtBot, services: Any) -> FirstStartDialog:
    dialog = FirstStartDialog(services.cooperative)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def test_creating_a_cooperative_saves_its_profile(qtbot: QtBot, services: Any) -> None:
    dialog = _wizard(qtbot, services)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 1 and dialog.focusWidget() is dialog.form.name
    qtbot.keyClick(dialog.form.name, Qt.Key.Key_Return)  # nothing typed yet
    assert dialog.isVisible() and "wajib diisi" in dialog.form.problems["name"].text()
    qtbot.keyClicks(dialog.form.name, "Kopdit Pintu Air")
    qtbot.keyClicks(dialog.form.city, "Maumere")
    dialog.form.time_zone.setCurrentIndex(dialog.form.time_zone.findData(TimeZone.WITA))
    qtbot.keyClicks(dialog.form.code, "KPA")
    qtbot.keyClick(dialog.form.code, Qt.Key.Key_Return)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.choice == "created"
    coop = services.cooperative.cooperative()
    assert (coop.name, coop.city, coop.time_zone, coop.code) == (
        "Kopdit Pintu Air",
        "Maumere",
        TimeZone.WITA,
        "KPA",
    )
    assert (coop.fiscal_year_end_month, coop.fiscal_year_end_day) == (12, 31)
    profile = services.cooperative.ad_profile()
    assert profile.version == 1 and not profile.confirmed


def test_back_then_demo_chooses_the_demo_and_saves_nothing(qtbot: QtBot, services: Any) -> None:
    dialog = _wizard(qtbot, services)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.back_button, Qt.MouseButton.LeftButton)
    assert dialog.pages.currentIndex() == 0
    qtbot.mouseClick(dialog.demo_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == FirstStartDialog.DialogCode.Accepted
    assert dialog.choice == "demo"
    assert services.cooperative.cooperative() is None


def test_escape_leaves_without_a_choice(qtbot: QtBot, services: Any) -> None:
    dialog = _wizard(qtbot, services)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == FirstStartDialog.DialogCode.Rejected and dialog.choice == ""
