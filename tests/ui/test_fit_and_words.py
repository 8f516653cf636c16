"""Text that fits and speaks Indonesian (issue 12 point 9): at 1200 x 800 the window stays
1200 wide, the desk's placeholder and every column title are whole; the desk does not move
between scans; the reporting pack offers the signed berita acara the app already knows. (The
wrong passphrase, one message in a dialog that stays open: tests/ui/test_signing_page.py.)"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QDialogButtonBox, QHeaderView, QTableView
from pytestqt.qtbot import QtBot

from assembly.app import pages
from assembly.domain.meeting import MeetingState
from assembly.domain.members import Member
from assembly.ui.main_window import MainWindow
from assembly.ui.operation import Operations
from assembly.ui.pages.meetings_page import MeetingsPage
from tests.meeting_fixtures import open_meeting, register_members
from tests.services.signing_fixtures import PASSPHRASE, closed_meeting, make_keys


@pytest.fixture
def window(qtbot: QtBot, cooperative: Any) -> MainWindow:
    register_members(cooperative)
    cooperative.register.save(
        Member("0013", "Raden Ajeng Kartini Sosroningrat Wulandari Purbaningsih Hadiwijoyo")
    )
    open_meeting(cooperative, subject="Perubahan Anggaran Dasar dan Pemilihan Pengawas Baru")
    widget = MainWindow(cooperative, Operations(), pages)
    qtbot.addWidget(widget)
    widget.resize(1200, 800)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def titles_fit(table: QTableView) -> list[str]:
    """The column titles cut at the table's width (with room for the sort arrow)."""
    header: QHeaderView = table.horizontalHeader()
    metrics = header.fontMetrics()
    cut = []
    for column in range(header.count()):
        title = str(table.model().headerData(column, Qt.Orientation.Horizontal) or "")
        if header.sectionSize(column) < metrics.horizontalAdvance(title) + 12:
            cut.append(title)
    return cut


def test_at_1200_px_nothing_is_cut(qtbot: QtBot, window: MainWindow) -> None:
    for index in range(window.stack.count()):
        window.show_page(index)
        qtbot.wait(10)
        assert window.width() == 1200, f"page {index} widens the window"
    window.show_page(2)
    desk = window.page(2)
    entry = desk.entry  # type: ignore[attr-defined]
    entry.ensurePolished()
    room = entry.contentsRect().width() - 16
    assert QFontMetrics(entry.font()).horizontalAdvance(entry.placeholderText()) <= room
    assert titles_fit(desk.table) == []  # type: ignore[attr-defined]
    assert "Pukul keluar" in [
        desk.model.headerData(c, Qt.Orientation.Horizontal)  # type: ignore[attr-defined]
        for c in range(desk.model.columnCount())  # type: ignore[attr-defined]
    ]
    window.show_page(0)
    register = window.page(0)
    qtbot.wait(10)
    assert titles_fit(register.table) == []  # type: ignore[attr-defined]


def test_the_desk_does_not_move_between_scans(qtbot: QtBot, window: MainWindow) -> None:
    window.show_page(2)
    desk: Any = window.page(2)
    qtbot.wait(10)

    def places() -> tuple[int, int, int, int]:
        return (
            desk.result_box.height(),
            desk.out_button.mapTo(desk, desk.out_button.rect().topLeft()).y(),
            desk.search.mapTo(desk, desk.search.rect().topLeft()).y(),
            desk.table.mapTo(desk, desk.table.rect().topLeft()).y(),
        )

    before = places()
    # Admitted with a short name, the longest name, one already in, an unknown number,
    # a calon who may not vote.
    for typed in ("0001", "0013", "0001", "99999", "0009"):
        qtbot.keyClicks(desk.entry, typed)
        qtbot.keyClick(desk.entry, Qt.Key.Key_Return)
        qtbot.wait(80)  # the list's refresh after the scan
        assert places() == before, f"the desk moved after {typed}"
    # A name typed: the matches take the result's place, nothing below moves either.
    qtbot.keyClicks(desk.entry, "Luar Biasa")
    qtbot.waitUntil(lambda: desk.matches.isVisible())
    assert places() == before
    assert desk.matches.item(0).text().startswith("0011")
    qtbot.keyClick(desk.entry, Qt.Key.Key_Return)  # picks the highlighted match
    qtbot.wait(80)
    assert not desk.matches.isVisible() and desk.result_box.isVisible()
    assert places() == before
    present = desk.services.checkin.quorum(desk.meeting_id).attending
    assert present == 4  # 0001, 0013, 0009 and 0011 are in


def test_the_reporting_pack_offers_the_signed_berita_acara(
    qtbot: QtBot, cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    keys = make_keys(tmp_path / "keys")
    for role, key in (("ketua", keys.chair), ("sekretaris", keys.secretary)):
        cooperative.minutes_signing.sign_minutes(meeting_id, pdf, key, PASSPHRASE, role)
    assert cooperative.meetings.get(meeting_id).state is MeetingState.LOCKED
    page = MeetingsPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.show()
    page.select(meeting_id)
    dialog: Any = page.reporting_pack()
    assert dialog is not None
    assert dialog.signed.text() == str(pdf.absolute())
    folder = tmp_path / "paket"
    dialog.folder.setText(str(folder))
    qtbot.mouseClick(
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(lambda: dialog.pack is not None, timeout=60_000)  # the door's worker
    assert dialog.pack.signed
    packed = [f for f in folder.iterdir() if f.suffix == ".pdf" and "berita" in f.name]
    digest = hashlib.sha256(pdf.read_bytes()).hexdigest()
    assert any(hashlib.sha256(f.read_bytes()).hexdigest() == digest for f in packed)
    dialog.close()

    # A file changed after signing is not offered as the signed one.
    pdf.write_bytes(pdf.read_bytes() + b"\n% appended\n")
    again: Any = page.reporting_pack()
    assert again.signed.text() == ""
