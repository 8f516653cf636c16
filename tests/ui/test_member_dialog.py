"""The add/edit form, typed into as a person would: Enter saves, Esc cancels, problems show
beside their field while typing, warnings do not block."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.domain.members import Category, Member, Sex, Status
from assembly.ui.dialogs.member_dialog import CHECK_DELAY_MS, MemberDialog
from assembly.ui.operation import Operations


def _dialog(qtbot: QtBot, services: Any, member: Member | None = None) -> MemberDialog:
    dialog = MemberDialog(services, Operations(), member)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _settle(qtbot: QtBot) -> None:
    qtbot.wait(CHECK_DELAY_MS + 60)


def test_a_member_typed_in_and_enter_pressed_is_in_the_register(
    qtbot: QtBot, cooperative: Any
) -> None:
    dialog = _dialog(qtbot, cooperative)
    qtbot.keyClicks(dialog.number, "KSP-0100")
    qtbot.keyClick(dialog.number, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Siti   Aminah")
    qtbot.keyClick(dialog.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "3171015708450001")
    dialog.sex.setCurrentIndex(dialog.sex.findData(Sex.FEMALE))
    qtbot.keyClicks(dialog.birth_date, "17/08/1945")
    qtbot.keyClicks(dialog.address, "Jl. Kartini No. 5, Bandung")
    qtbot.keyClicks(dialog.joined_on, "02-05-2001")
    qtbot.keyClick(dialog.joined_on, Qt.Key.Key_Return)
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    saved = cooperative.register.member_by_number("KSP-0100")
    assert saved is not None
    assert (saved.name, saved.nik, saved.sex, saved.birth_date, saved.joined_on) == (
        "Siti Aminah",
        "3171015708450001",
        Sex.FEMALE,
        dt.date(1945, 8, 17),
        dt.date(2001, 5, 2),
    )
    assert saved.category is Category.MEMBER and saved.status is Status.ACTIVE


def test_problems_show_beside_their_field_and_block_the_save(
    qtbot: QtBot, cooperative: Any
) -> None:
    cooperative.register.save(Member("KSP-0001", "Budi Santoso"))
    dialog = _dialog(qtbot, cooperative)
    qtbot.keyClicks(dialog.number, "KSP-0001")
    _settle(qtbot)
    number_problem = dialog._problems["number"]
    assert number_problem.isVisible() and "sudah dipakai oleh Budi Santoso" in number_problem.text()
    assert not dialog._problems["name"].isVisible()  # untouched fields stay quiet
    qtbot.keyClicks(dialog.nik, "31710133020012")
    qtbot.keyClicks(dialog.birth_date, "31/02/1980")
    _settle(qtbot)
    assert "16 angka" in dialog._problems["nik"].text()
    assert "tidak ada di kalender" in dialog._problems["birth_date"].text()
    qtbot.keyClick(dialog.nik, Qt.Key.Key_Return)
    assert dialog.isVisible()  # not saved
    assert "Nama wajib diisi" in dialog._problems["name"].text()
    assert dialog.focusWidget() is dialog.number
    assert "merah" in dialog.summary.text()
    assert cooperative.register.count() == 1


def test_an_unknown_nik_region_warns_but_saves(qtbot: QtBot, cooperative: Any) -> None:
    dialog = _dialog(qtbot, cooperative)
    qtbot.keyClicks(dialog.number, "KSP-0002")
    qtbot.keyClicks(dialog.name, "Ani Lestari")
    qtbot.keyClicks(dialog.nik, "9971011708450001")
    _settle(qtbot)
    warning = dialog._problems["nik"]
    assert warning.isVisible() and warning.warning and "tidak dikenal" in warning.text()
    assert not warning.is_error
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)
    assert cooperative.register.member_by_number("KSP-0002").nik == "9971011708450001"


def test_escape_cancels_and_changes_nothing(qtbot: QtBot, cooperative: Any) -> None:
    dialog = _dialog(qtbot, cooperative)
    qtbot.keyClicks(dialog.number, "KSP-0003")
    qtbot.keyClicks(dialog.name, "Dedi")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Escape)
    assert dialog.result() == MemberDialog.DialogCode.Rejected
    assert cooperative.register.count() == 0


def test_editing_keeps_the_member_and_records_an_exit(qtbot: QtBot, cooperative: Any) -> None:
    member, _ = cooperative.register.save(
        Member("KSP-0004", "Yohanes Kleden", joined_on=dt.date(1999, 3, 3))
    )
    dialog = _dialog(qtbot, cooperative, member)
    assert dialog.number.text() == "KSP-0004" and not dialog.exit_date.isEnabled()
    dialog.name.selectAll()
    qtbot.keyClicks(dialog.name, "Yohanes Don Bosco Kleden")
    dialog.status.setCurrentIndex(dialog.status.findData(Status.RESIGNED))
    assert dialog.exit_date.isEnabled()
    _settle(qtbot)
    # No date yet: a warning (registers often do not know it), not a refusal.
    problem = dialog._problems["exit_date"]
    assert problem.warning and "belum diketahui" in problem.text()
    qtbot.keyClicks(dialog.exit_date, "05/01/2026")
    qtbot.keyClicks(dialog.exit_reason, "Pindah ke Kupang")
    qtbot.keyClick(dialog.exit_reason, Qt.Key.Key_Return)
    stored = cooperative.register.member(member.id)
    assert stored.name == "Yohanes Don Bosco Kleden" and stored.status is Status.RESIGNED
    assert stored.exit_date == dt.date(2026, 1, 5) and stored.exit_reason == "Pindah ke Kupang"
    assert cooperative.register.count() == 1


def test_save_and_add_types_a_paper_register_in_page_by_page(
    qtbot: QtBot, cooperative: Any
) -> None:
    for n in (1, 2, 7):
        cooperative.register.save(Member(f"KSP-{n:05d}", f"Anggota {n}"))
    dialog = _dialog(qtbot, cooperative)
    # The next free number in the register's own pattern, ready to keep or type over.
    assert dialog.number.text() == "KSP-00008" and dialog.number.selectedText() == "KSP-00008"
    qtbot.keyClick(dialog.number, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.focusWidget(), "Siti Aminah")
    qtbot.keyClicks(dialog.joined_on, "02/05/2001")
    qtbot.mouseClick(dialog.save_and_add_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and "KSP-00008 Siti Aminah tersimpan" in dialog.added.text()
    # A fresh form: the next number, the join date kept, the cursor in the name.
    assert dialog.number.text() == "KSP-00009" and dialog.name.text() == ""
    assert dialog.joined_on.text() == "02/05/2001" and dialog.focusWidget() is dialog.name
    assert not any(p.isVisible() for p in dialog._problems.values())  # no stale errors
    qtbot.keyClicks(dialog.name, "Budi Santoso")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert dialog.number.text() == "KSP-00010"
    qtbot.keyClicks(dialog.name, "Citra Lestari")
    qtbot.keyClick(dialog.name, Qt.Key.Key_Return)  # Enter saves and closes
    assert dialog.result() == MemberDialog.DialogCode.Accepted
    for number, name in (("KSP-00008", "Siti Aminah"), ("KSP-00009", "Budi Santoso"),
                         ("KSP-00010", "Citra Lestari")):  # fmt: skip
        saved = cooperative.register.member_by_number(number)
        assert saved is not None and saved.name == name
        assert saved.joined_on == dt.date(2001, 5, 2)
    assert cooperative.register.count() == 6


def test_save_and_add_keeps_a_refused_form_as_typed(qtbot: QtBot, cooperative: Any) -> None:
    cooperative.register.save(Member("0041", "Ani"))
    dialog = _dialog(qtbot, cooperative)
    assert dialog.number.text() == "0042"
    qtbot.keyClicks(dialog.number, "0041")  # types over the proposal: a number in use
    qtbot.keyClicks(dialog.name, "Dedi")
    qtbot.mouseClick(dialog.save_and_add_button, Qt.MouseButton.LeftButton)
    assert "sudah dipakai oleh Ani" in dialog._problems["number"].text()
    assert dialog.name.text() == "Dedi" and dialog.added.text() == ""
    assert cooperative.register.count() == 1


def test_a_problem_under_a_field_never_squeezes_the_field(qtbot: QtBot, cooperative: Any) -> None:
    dialog = _dialog(qtbot, cooperative)
    heights = {key: field.height() for key, field in dialog._fields.items()}
    qtbot.keyClicks(dialog.nik, "123")
    qtbot.keyClicks(dialog.birth_date, "31/02/1980")
    dialog.status.setCurrentIndex(dialog.status.findData(Status.DECEASED))
    dialog.number.clear()
    qtbot.keyClick(dialog.nik, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.height() >= dialog.minimumHeight())
    shown = [key for key, problem in dialog._problems.items() if problem.isVisible()]
    assert {"number", "name", "nik", "birth_date", "exit_date"} <= set(shown)
    for key, field in dialog._fields.items():
        assert field.height() >= heights[key], key
    for key in shown:
        problem = dialog._problems[key]
        assert problem.height() >= problem.fontMetrics().lineSpacing()
        # Each problem lies below its own field, not over it.
        field = dialog._fields[key]
        below = field.mapTo(dialog, field.rect().bottomLeft()).y()
        assert problem.mapTo(dialog, problem.rect().topLeft()).y() >= below, key
