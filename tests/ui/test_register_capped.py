"""A common fragment typed into the register's search, driven as a person does it: the count
line says "lebih dari 1.000 cocok" instead of counting every match, scrolling to the end
reads on (the scroll bar grows, nothing is hidden), sorting by a column keeps reading on, and
the exact count is back when the search is cleared."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QPoint, Qt
from pytestqt.qtbot import QtBot

from assembly.domain.members import Member
from assembly.domain.quorum import thousands
from assembly.persistence import member_store
from assembly.persistence.member_search import KEYSTROKE_CAP
from assembly.ui.models.member_table_model import PAGE
from assembly.ui.operation import Operations
from assembly.ui.pages.register_page import SEARCH_DELAY_MS, RegisterPage

FIRST = ["Siti", "Agus", "Budi", "Dewi", "Nur", "Wayan", "Maria", "Ahmad", "Sri", "Putu"]
LAST = ["Aminah", "Santoso", "Kurniawan", "Lestari", "Sitompul", "Harahap", "Wijaya"]
MATCHING = KEYSTROKE_CAP + 450  # numbers KSP-00001...: more than the cap
OTHERS = 40
CAP = thousands(KEYSTROKE_CAP)


@pytest.fixture
def page(qtbot: QtBot, cooperative: Any) -> RegisterPage:
    members = [
        Member(f"KSP-{n:05d}", f"{FIRST[n % 10]} {LAST[(n // 10) % 7]}")
        for n in range(1, MATCHING + 1)
    ]
    members += [Member(f"LB-{n:03d}", f"Yohanes {LAST[n % 7]}") for n in range(OTHERS)]
    # Bulk rows straight into the real file: the fixture is data, not the behaviour tested.
    with cooperative.ctx.db.write() as conn:
        member_store.insert_many(conn, members)
    widget = RegisterPage(cooperative, Operations())
    qtbot.addWidget(widget)
    widget.resize(1200, 700)
    widget.show()
    qtbot.waitExposed(widget)
    return widget


def _type(qtbot: QtBot, page: RegisterPage, text: str) -> None:
    page.search.setFocus()
    qtbot.keyClicks(page.search, text)
    qtbot.waitUntil(lambda: page.model.query.text == text, timeout=SEARCH_DELAY_MS + 2000)


def _end(qtbot: QtBot, page: RegisterPage) -> None:
    """Ctrl+End in the table, as a person goes to its last row (with no row chosen yet, the
    first press chooses the first row, as Qt's views do: press again)."""
    page.table.setFocus()
    if not page.table.currentIndex().isValid():
        qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)


def _read_to_the_end(qtbot: QtBot, page: RegisterPage) -> None:
    """Ctrl+End again and again, until the table has read every match."""
    while page.model.more:
        rows = page.model.rowCount()
        _end(qtbot, page)
        qtbot.waitUntil(lambda rows=rows: page.model.rowCount() > rows or not page.model.more)


def _numbers(page: RegisterPage, rows: range) -> list[str]:
    return [str(page.model.data(page.model.index(r, 0))) for r in rows]


def test_a_common_fragment_says_more_than_the_cap_and_reads_on_when_scrolled(
    qtbot: QtBot, page: RegisterPage
) -> None:
    total = MATCHING + OTHERS
    assert page.count_label.text() == f"{thousands(total)} anggota"
    _type(qtbot, page, "ksp")
    assert page.count_label.text() == (
        f"lebih dari {CAP} cocok — ketik lebih banyak untuk mempersempit"
    )
    assert page.model.rowCount() == KEYSTROKE_CAP and page.model.more
    bar = page.table.verticalScrollBar()
    _end(qtbot, page)  # to the cap's row: the view reaches the known end and reads on
    qtbot.waitUntil(lambda: page.model.rowCount() > KEYSTROKE_CAP)
    assert page.model.rowCount() == KEYSTROKE_CAP + PAGE
    # The scroll bar grew past the cap (it scrolls by rows: the cap's rows end below it).
    qtbot.waitUntil(lambda: bar.maximum() > KEYSTROKE_CAP)
    more = thousands(KEYSTROKE_CAP + PAGE)
    assert page.count_label.text().startswith(f"lebih dari {more} cocok")
    _read_to_the_end(qtbot, page)  # 200 more, 200 more, then the last 50
    assert page.model.rowCount() == MATCHING
    assert page.count_label.text() == f"{thousands(MATCHING)} dari {thousands(total)}"
    _end(qtbot, page)
    qtbot.waitUntil(lambda: _numbers(page, range(MATCHING - 3, MATCHING))[0] != "…")
    assert _numbers(page, range(MATCHING - 3, MATCHING)) == [
        f"KSP-{n:05d}" for n in range(MATCHING - 2, MATCHING + 1)
    ]
    # Clearing the search (the field's own clear button, or select all and delete): the
    # exact count of the register is back.
    page.search.setFocus()
    qtbot.keyClick(page.search, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(page.search, Qt.Key.Key_Delete)
    qtbot.waitUntil(lambda: page.count_label.text() == f"{thousands(total)} anggota")
    assert page.model.rowCount() == total and not page.model.more


def test_sorting_by_a_column_keeps_reading_on_past_the_cap(
    qtbot: QtBot, page: RegisterPage
) -> None:
    _type(qtbot, page, "ksp")
    header = page.table.horizontalHeader()
    qtbot.mouseClick(
        header.viewport(),
        Qt.MouseButton.LeftButton,
        pos=QPoint(header.sectionViewportPosition(1) + 20, 5),
    )
    assert page.model.query.sort.value == "name"
    assert page.count_label.text().startswith(f"lebih dari {CAP} cocok")
    _read_to_the_end(qtbot, page)
    assert page.model.rowCount() == MATCHING
    # Every match once, in name order (then by id), across the cap: read every page.
    seen: list[tuple[str, str]] = []
    for first in range(0, MATCHING, PAGE):
        page.table.scrollTo(page.model.index(first, 0))
        row = min(first + PAGE, MATCHING) - 1
        page.model.data(page.model.index(row, 0))
        qtbot.waitUntil(lambda row=row: page.model.data(page.model.index(row, 0)) != "…")
        for r in range(first, row + 1):
            item = page.model.row_item(r)
            assert item is not None
            seen.append((item.name.lower(), item.number))
    assert len({number for _name, number in seen}) == MATCHING
    names = [name for name, _number in seen]
    assert names == sorted(names)


def test_a_change_while_reading_on_keeps_the_rows_read_and_finds_the_new_member(
    qtbot: QtBot, page: RegisterPage, cooperative: Any
) -> None:
    _type(qtbot, page, "ksp")
    _end(qtbot, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == KEYSTROKE_CAP + PAGE)
    # Another desk's (here: this window's) new member: the register changed.
    page.operations.run(
        page, lambda: cooperative.register.save(Member("KSP-99999", "Nur Anggota Baru"))
    )
    assert page.model.rowCount() == KEYSTROKE_CAP + PAGE and page.model.more  # scroll kept
    more = thousands(KEYSTROKE_CAP + PAGE)
    assert page.count_label.text().startswith(f"lebih dari {more} cocok")
    _read_to_the_end(qtbot, page)
    assert page.model.rowCount() == MATCHING + 1
    last = MATCHING
    page.table.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.data(page.model.index(last, 0)) != "…")
    assert page.model.data(page.model.index(last, 1)) == "Nur Anggota Baru"
