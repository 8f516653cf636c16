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


def test_a_problem_under_a_field_never_squeezes_the_field_above(
    qtbot: QtBot, services: Any
) -> None:
    dialog = _wizard(qtbot, services)
    qtbot.mouseClick(dialog.create_button, Qt.MouseButton.LeftButton)
    form = dialog.form
    fields = {"name": form.name, "registration": form.registration_number}
    heights = {key: field.height() for key, field in fields.items()}
    qtbot.keyClicks(form.registration_number, "12345")  # a warning: not 16 digits
    qtbot.keyClick(form.name, Qt.Key.Key_Return)  # an error: no name

    def placed() -> bool:  # once the window has laid itself out again
        return all(
            form.problems[k].mapTo(dialog, form.problems[k].rect().topLeft()).y()
            >= f.mapTo(dialog, f.rect().bottomLeft()).y()
            for k, f in fields.items()
        )

    qtbot.waitUntil(placed, timeout=2000)
    for key, field in fields.items():
        problem = form.problems[key]
        assert problem.isVisible() and problem.height() >= problem.fontMetrics().lineSpacing()
        assert field.height() == heights[key], key  # the field keeps its height
        below = field.mapTo(dialog, field.rect().bottomLeft()).y()
        assert problem.mapTo(dialog, problem.rect().topLeft()).y() >= below, key
    assert dialog.height() >= dialog.minimumSizeHint().height()
