"""Qt's own widgets read Indonesian when the app is in Indonesian (the gettext catalogue
qt-id.po through a QTranslator on the application), and English when it is in English."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QDate, QLocale, Qt
from PySide6.QtWidgets import (
    QCalendarWidget,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QToolButton,
    QTreeView,
)
from pytestqt.qtbot import QtBot

from assembly.ui.qt_translator import use_language

_Box = QMessageBox.StandardButton
_Std = QDialogButtonBox.StandardButton


def menu_texts(field: QLineEdit) -> list[str]:
    """The entries of a text field's right-click menu, without their shortcut keys."""
    menu = field.createStandardContextMenu()
    texts = [a.text().split("\t")[0] for a in menu.actions() if not a.isSeparator()]
    menu.deleteLater()
    return texts


def test_a_text_fields_context_menu_reads_indonesian(qtbot: QtBot) -> None:
    field = QLineEdit("Koperasi Sumber Rejeki")
    qtbot.addWidget(field)
    assert menu_texts(field) == [
        "&Urungkan",
        "Ula&ngi",
        "Po&tong",
        "&Salin",
        "T&empel",
        "Hapus",
        "Pilih Semua",
    ]


def test_switching_to_english_gives_qts_english_and_back(qtbot: QtBot) -> None:
    field = QLineEdit("x")
    qtbot.addWidget(field)
    use_language("en")
    try:
        assert menu_texts(field)[:2] == ["&Undo", "&Redo"]
        box = QMessageBox(QMessageBox.Icon.Question, "Kuorum", "?", _Box.Yes | _Box.No)
        assert box.button(_Box.Yes).text() == "&Yes"
        assert QLocale().monthName(3) == "March"
    finally:
        use_language("id")
    assert menu_texts(field)[:2] == ["&Urungkan", "Ula&ngi"]


def test_a_message_boxs_buttons_read_indonesian(qtbot: QtBot) -> None:
    box = QMessageBox(
        QMessageBox.Icon.Question,
        "Kuorum",
        "Pulihkan cadangan?",
        _Box.Yes | _Box.No | _Box.Ok | _Box.Cancel | _Box.Save | _Box.Close,
    )
    qtbot.addWidget(box)
    texts = {which: box.button(which).text() for which in (_Box.Yes, _Box.No, _Box.Ok)}
    assert texts == {_Box.Yes: "&Ya", _Box.No: "&Tidak", _Box.Ok: "OK"}
    assert box.button(_Box.Cancel).text() == "Batal"
    assert box.button(_Box.Save).text() == "Simpan"
    assert box.button(_Box.Close).text() == "Tutup"


def test_a_dialogs_standard_buttons_read_indonesian(qtbot: QtBot) -> None:
    buttons = QDialogButtonBox(_Std.Save | _Std.Cancel)
    qtbot.addWidget(buttons)
    assert buttons.button(_Std.Save).text() == "Simpan"
    assert buttons.button(_Std.Cancel).text() == "Batal"


def test_a_file_dialog_reads_indonesian(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "daftar-anggota.xlsx").write_bytes(b"")
    dialog = QFileDialog(None, "Pilih berkas daftar anggota", str(tmp_path))
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)

    labels = {label.objectName(): label.text() for label in dialog.findChildren(QLabel)}
    assert labels["lookInLabel"] == "&Lihat di:"
    assert labels["fileNameLabel"] == "&Nama berkas:"
    assert labels["fileTypeLabel"] == "&Jenis berkas:"
    buttons = {b.text() for b in dialog.findChildren(QPushButton)}
    assert {"&Buka", "Batal"} <= buttons
    tips = {b.objectName(): b.toolTip() for b in dialog.findChildren(QToolButton)}
    assert tips["backButton"] == "Kembali"
    assert tips["toParentButton"] == "Folder Induk"
    assert tips["newFolderButton"] == "Buat Folder Baru"
    tree = dialog.findChild(QTreeView, "treeView")
    files = tree.model()
    assert [files.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == [
        "Nama",
        "Ukuran",
        "Jenis",
        "Tanggal Diubah",
    ]

    dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    assert "&Simpan" in {b.text() for b in dialog.findChildren(QPushButton)}


def test_a_date_picker_names_the_months_in_indonesian(qtbot: QtBot) -> None:
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2026, 3, 14))
    calendar.show()
    month = calendar.findChild(QToolButton, "qt_calendar_monthbutton")
    assert month.text() == "Maret"
    assert QLocale().dayName(6) == "Sabtu"
