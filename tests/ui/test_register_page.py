"""The register page driven as a person would: search as you type, filter, sort, add with
Ctrl+N, edit with Enter, record a death, export; the table's model through qtmodeltester."""

from __future__ import annotations

import datetime as dt
import random
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtWidgets import QApplication, QProgressDialog, QPushButton
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from assembly.domain.members import Category, Member, Status
from assembly.domain.register_query import RegisterQuery
from assembly.persistence import member_store
from assembly.ui.dialogs.exit_dialog import ENDINGS, ExitDialog
from assembly.ui.dialogs.member_dialog import MemberDialog
from assembly.ui.models.member_table_model import PAGE, PENDING, MemberTableModel
from assembly.ui.operation import Operations
from assembly.ui.pages.register_page import SEARCH_DELAY_MS, RegisterPage

FIRST = ["Siti", "Agus", "Budi", "Dewi", "Nur", "Wayan", "Maria", "Ahmad", "Sri", "Putu"]
LAST = ["Aminah", "Santoso", "Kurniawan", "Lestari", "Sitompul", "Harahap", "Wijaya"]


def _fill(services: Any, count: int) -> None:
    rng = random.Random(3)
    members = [
        Member(
            f"KSP-{n:05d}",
            f"{rng.choice(FIRST)} {rng.choice(LAST)}",
            category=Category.CANDIDATE if n % 25 == 0 else Category.MEMBER,
            joined_on=dt.date(2000, 1, 1) + dt.timedelta(days=n),
        )
        for n in range(1, count + 1)
    ]
    members.append(Member("KSP-99999", "Theresia Bataona", nik="5310015708450001"))
    # Bulk rows straight into the real file: the fixture is data, not the behaviour tested.
    with services.ctx.db.write() as conn:
        member_store.insert_many(conn, members)


@pytest.fixture
def page(qtbot: QtBot, cooperative: Any) -> RegisterPage:
    _fill(cooperative, 1200)
    widget = RegisterPage(cooperative, Operations())
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _modal(qtbot: QtBot, kind: type, act: Any) -> None:
    """Run ``act(dialog)`` on the modal dialog the next step opens."""

    def handle() -> None:
        dialog = QApplication.activeModalWidget()
        if not isinstance(dialog, kind):
            QTimer.singleShot(20, handle)
            return
        act(dialog)

    QTimer.singleShot(0, handle)


def test_the_table_model_passes_the_model_tester(
    qtmodeltester: ModelTester, cooperative: Any
) -> None:
    _fill(cooperative, 450)
    model = MemberTableModel(cooperative.search)
    model.set_query(RegisterQuery())
    qtmodeltester.check(model)
    model.set_query(RegisterQuery("sit"))
    qtmodeltester.check(model)


def test_rows_beyond_the_first_page_arrive_without_data_querying(
    qtbot: QtBot, cooperative: Any
) -> None:
    _fill(cooperative, 700)
    model = MemberTableModel(cooperative.search)
    model.set_query(RegisterQuery())
    assert model.rowCount() == 701
    last = model.index(700, 0)
    assert model.data(last) == PENDING  # not fetched yet: data() does not query
    with qtbot.waitSignal(model.dataChanged, timeout=2000):
        pass
    assert model.data(last) == "KSP-99999"
    assert model.data(model.index(PAGE, 1)) is None  # "…" stands in the first column only


def test_search_as_you_type_finds_by_name_number_and_nik(qtbot: QtBot, page: RegisterPage) -> None:
    assert page.count_label.text() == "1.201 anggota"
    page.search.setFocus()
    qtbot.keyClicks(page.search, "theresia")
    assert page.model.total == 1201  # still typing: nothing searched yet
    qtbot.wait(SEARCH_DELAY_MS + 100)
    assert page.count_label.text() == "1 dari 1.201"
    assert page.model.data(page.model.index(0, 1)) == "Theresia Bataona"
    page.search.clear()
    qtbot.keyClicks(page.search, "5310 0157")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)  # search now, go to the first row
    assert page.model.data(page.model.index(0, 0)) == "KSP-99999"
    assert page.table.hasFocus() and page.current_member_id() is not None
    assert page.detail.values["name"].text() == "Theresia Bataona"
    assert page.detail.values["vote"].text() == "Boleh hadir dan memberi suara"
    page.search.clear()
    qtbot.keyClicks(page.search, "ksp-0001")
    qtbot.waitUntil(lambda: page.model.total == 10)


def test_filters_and_sorting_go_through_the_query(qtbot: QtBot, page: RegisterPage) -> None:
    page.category.setCurrentIndex(page.category.findData(Category.CANDIDATE.value))
    assert page.count_label.text() == "48 dari 1.201"
    assert {page.model.data(page.model.index(r, 3)) for r in range(48)} == {"Calon anggota"}
    page.category.setCurrentIndex(0)
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(1) + 20, 5),
    )
    names = [page.model.data(page.model.index(r, 1)) for r in range(50)]
    assert names == sorted(names, key=str.lower) and page.model.query.sort.value == "name"
    # NIK has no sort of its own: clicking it keeps the order and the indicator.
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(2) + 20, 5),
    )
    assert page.model.query.sort.value == "name" and header.sortIndicatorSection() == 1


def test_ctrl_n_adds_a_member_and_the_table_shows_it(qtbot: QtBot, page: RegisterPage) -> None:
    page.activateWindow()
    qtbot.waitActive(page)

    def fill(dialog: MemberDialog) -> None:
        qtbot.keyClicks(dialog.number, "KSP-50000")
        qtbot.keyClicks(dialog.name, "Fransiskus Lamanepa")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    _modal(qtbot, MemberDialog, fill)
    qtbot.keyClick(page.table, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert page.services.register.member_by_number("KSP-50000") is not None
    assert page.count_label.text() == "1.202 anggota"


def test_enter_on_a_row_edits_the_member(qtbot: QtBot, page: RegisterPage) -> None:
    qtbot.keyClicks(page.search, "theresia")
    qtbot.keyClick(page.search, Qt.Key.Key_Down)

    def rename(dialog: MemberDialog) -> None:
        dialog.name.selectAll()
        qtbot.keyClicks(dialog.name, "Theresia Avila Bataona")
        qtbot.keyClick(dialog.name, Qt.Key.Key_Return)

    _modal(qtbot, MemberDialog, rename)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    assert page.services.register.member_by_number("KSP-99999").name == "Theresia Avila Bataona"
    assert page.detail.values["name"].text() == "Theresia Avila Bataona"


def test_a_death_is_recorded_and_shown(qtbot: QtBot, page: RegisterPage) -> None:
    qtbot.keyClicks(page.search, "KSP-00007")
    qtbot.keyClick(page.search, Qt.Key.Key_Return)

    def died(dialog: ExitDialog) -> None:
        dialog.choices.button(ENDINGS.index(Status.DECEASED)).click()
        dialog.date.selectAll()
        qtbot.keyClicks(dialog.date, "01/03/2026")
        qtbot.keyClick(dialog.date, Qt.Key.Key_Return)

    _modal(qtbot, ExitDialog, died)
    qtbot.mouseClick(page.exit_button, Qt.MouseButton.LeftButton)
    member = page.services.register.member_by_number("KSP-00007")
    assert member.status is Status.DECEASED and member.exit_date == dt.date(2026, 3, 1)
    # The row's labels fill in when the table next paints its page of rows.
    qtbot.waitUntil(lambda: page.model.data(page.model.index(0, 4)) == "Meninggal dunia")
    assert "Meninggal dunia pada 01/03/2026" in page.detail.values["exit"].text()
    assert page.detail.values["vote"].text().startswith("Tidak dapat hadir")
    assert page.services.audit.verify().intact


def test_export_writes_the_register(qtbot: QtBot, page: RegisterPage, tmp_path: Path) -> None:
    target = tmp_path / "anggota.csv"
    work = page.export_to(target)
    with qtbot.waitSignal(work.ended, timeout=30_000):
        assert work.running  # on the door's worker thread: the screen is not held
    assert work.result == 1201
    assert not any(d.isVisible() for d in page.findChildren(QProgressDialog))  # bar gone
    lines = target.read_text(encoding="utf-8-sig").splitlines()
    assert len(lines) == 1202 and "Theresia Bataona" in lines[-1] + "".join(lines)


def test_cancelling_the_export_leaves_no_file_behind(
    qtbot: QtBot, page: RegisterPage, tmp_path: Path
) -> None:
    # A register long enough that its book takes a while (about 700 pages).
    more = [Member(f"KSP-{n}", f"Anggota {n}") for n in range(100_000, 120_000)]
    with page.services.ctx.db.write() as conn:
        member_store.insert_many(conn, more)
    target = tmp_path / "ekspor" / "buku-daftar-anggota.pdf"
    target.parent.mkdir()
    work = page.export_to(target)
    (dialog,) = page.findChildren(QProgressDialog)
    # The bar shows while the book is made; the secretary presses Batal.
    qtbot.waitUntil(lambda: dialog.isVisible() and dialog.value() > 0, timeout=10_000)
    (batal,) = [b for b in dialog.findChildren(QPushButton) if b.text() == "Batal"]
    if Path("/tmp/live-shots").is_dir():
        page.window().grab().save("/tmp/live-shots/export-running.png")
        dialog.grab().save("/tmp/live-shots/export-bar.png")
    with qtbot.waitSignal(work.ended, timeout=10_000):
        qtbot.mouseClick(batal, Qt.MouseButton.LeftButton)
    assert work.cancelled and work.result is None
    assert work.message == "Dibatalkan; tidak ada yang diubah."
    assert list(target.parent.iterdir()) == []  # neither the PDF nor its .part


def test_scrolling_to_the_end_fetches_the_last_page(qtbot: QtBot, page: RegisterPage) -> None:
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.data(page.model.index(1200, 0)) != PENDING)
    assert page.model.data(page.model.index(1200, 1)) == "Theresia Bataona"


def test_leavers_without_an_exit_date_are_listed_and_completed(
    qtbot: QtBot, page: RegisterPage
) -> None:
    # Three leavers as an imported register holds them: a status, no exit date.
    with page.services.ctx.db.write() as conn:
        member_store.insert_many(
            conn,
            [
                Member("KSP-70001", "Maria Goreti", status=Status.RESIGNED),
                Member("KSP-70002", "Petrus Batubara", status=Status.DECEASED),
                Member("KSP-70003", "Agnes Wulandari", status=Status.EXPELLED),
            ],
        )
    page.status.setCurrentIndex(page.status.findText("Keluar tanpa tanggal keluar (lengkapi)"))
    qtbot.waitUntil(lambda: page.model.rowCount() == 3)
    assert page.count_label.text().startswith("3 ")
    shown = {page.model.data(page.model.index(row, 0)) for row in range(3)}
    assert shown == {"KSP-70001", "KSP-70002", "KSP-70003"}
    page.table.setFocus()
    page.select_row(1)
    assert "tanggal keluar belum diketahui" in page.detail.values["exit"].text()

    warned: list[str] = []

    def complete(dialog: MemberDialog) -> None:
        warned.append(dialog._problems["exit_date"].text())  # the date is still unknown
        qtbot.keyClicks(dialog.exit_date, "01/05/2020")
        qtbot.keyClick(dialog.exit_date, Qt.Key.Key_Return)

    _modal(qtbot, MemberDialog, complete)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    petrus = page.services.register.member_by_number("KSP-70002")
    assert petrus.exit_date == dt.date(2020, 5, 1)
    assert warned and "belum diketahui" in warned[0]
    qtbot.waitUntil(lambda: page.model.rowCount() == 2)
