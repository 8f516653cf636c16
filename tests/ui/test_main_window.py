"""The main window composed from ``assembly.app.pages``; switching the language to English
rebuilds every text."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from assembly.app import Kuorum, pages
from assembly.i18n import current_language
from assembly.ui.main_window import MainWindow
from assembly.ui.operation import Operations
from assembly.ui.pages.cooperative_page import CooperativePage
from assembly.ui.pages.register_page import RegisterPage


def test_the_pages_are_composed_in_order(qtbot: QtBot, cooperative: Any) -> None:
    window = MainWindow(cooperative, Operations(), pages)
    qtbot.addWidget(window)
    assert [window.nav.item(i).text() for i in range(window.nav.count())] == [
        "Buku Daftar Anggota",
        "Rapat",
        "Meja Pendaftaran Hadir",
        "Keputusan & Pemungutan Suara",
        "Notulen",
        "Tanda Tangan & Verifikasi",
        "Profil Koperasi & AD",
    ]
    assert isinstance(window.page(0), RegisterPage)
    assert isinstance(window.page(6), CooperativePage)
    assert window.windowTitle() == "Koperasi Simpan Pinjam Sejahtera Bersama — Kuorum"
    window.show_page(6)
    assert window.stack.currentWidget() is window.page(6)
    # Every title fits the navigation list without being cut.
    widest = max(
        window.nav.fontMetrics().horizontalAdvance(window.nav.item(i).text())
        for i in range(window.nav.count())
    )
    assert window.nav.width() > widest


def test_switching_to_english_rebuilds_the_texts(
    qtbot: QtBot, cooperative: Any, db_path: Path
) -> None:
    cooperative.close()  # the app opens the file itself
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    kuorum = Kuorum(app)
    try:
        assert kuorum.open(db_path)
        indonesian = kuorum.window
        assert indonesian is not None
        register = indonesian.page(0)
        assert isinstance(register, RegisterPage)
        assert register.add_button.text() == "&Tambah…"
        indonesian.language_changed.emit("en")
        english = kuorum.window
        assert english is not None and english is not indonesian
        assert current_language() == "en"
        assert english.nav.item(0).text() == "Member Register"
        assert english.nav.item(6).text() == "Cooperative & AD profile"
        page = english.page(0)
        assert isinstance(page, RegisterPage)
        assert page.add_button.text() == "&Add…"
        assert page.count_label.text() == "0 members"
        assert page.model.headerData(1, Qt.Orientation.Horizontal) == "Name"
        assert page.search.placeholderText().startswith("Search member number")
        coop = english.page(6)
        assert isinstance(coop, CooperativePage)
        assert [coop.tabs.tabText(i) for i in range(2)] == ["Cooperative profile", "AD profile"]
        english.show_page(6)  # the example counts the register when the page is shown
        assert coop.ad_form.quorum_example.text() == "With 0 members entitled to vote: at least 1"
    finally:
        kuorum.close()  # the window, the door's listener thread, then the file
