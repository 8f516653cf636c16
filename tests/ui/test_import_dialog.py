"""The import dialog driven like a person: type the file's path, read the preview and its
problems, match a column by hand, import, cancel; every model through qtmodeltester."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from assembly.domain.members import Member, Status
from assembly.services.bundle import Services
from assembly.ui.dialogs.import_dialog import ImportDialog
from assembly.ui.operation import Operations

WAIT_MS = 20_000
GOOD = (
    "KOPERASI SIMPAN PINJAM SEJAHTERA;;;;\n"
    "Buku Daftar Anggota;;;;\n"
    ";;;;\n"
    "No. Anggota;Nama Lengkap;NIK;Tgl Masuk;Status\n"
    "KSP-0001;Siti Aminah;3171015708450001;02/05/2001;Aktif\n"
    "KSP-0002;Budi Santoso;3273011203700002;12 Mar 2005;Aktif\n"
    "KSP-0003;Wayan Sudirta;;23 Agustus 1999;Aktif\n"
)


def open_dialog(qtbot: QtBot, services: Services) -> tuple[ImportDialog, Operations]:
    operations = Operations()
    dialog = ImportDialog(services, operations)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog, operations


def type_path(qtbot: QtBot, dialog: ImportDialog, path: Path) -> None:
    """Type the path into the file field and press Enter, then wait for the preview."""
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(path))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy(), timeout=WAIT_MS)


def test_import_a_file_through_the_preview(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    source = tmp_path / "anggota.csv"
    source.write_text(GOOD, encoding="utf-8-sig")
    dialog, operations = open_dialog(qtbot, services)
    assert not dialog.import_button.isEnabled()

    type_path(qtbot, dialog, source)
    assert "judul kolom di baris 4" in dialog.file_info.text()
    assert dialog.header_spin.value() == 4
    assert dialog.mapping.combos["number"].currentText() == "No. Anggota"
    assert dialog.mapping.combos["address"].currentText() == "(tidak diimpor)"
    assert dialog.table_model.rowCount() == 3
    assert "3 anggota baru, 0 anggota berubah, 0 tidak berubah" in dialog.summary.text()
    assert dialog.import_button.isEnabled()

    with qtbot.waitSignal(operations.changed, timeout=WAIT_MS) as changed:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert changed.args is not None and "members" in {a.value for a in changed.args[0].areas}
    qtbot.waitUntil(lambda: not dialog.busy())
    assert "Impor selesai: 3 anggota baru ditambahkan" in dialog.status.text()
    assert services.register.count() == 3
    assert not dialog.import_button.isEnabled()  # done: only Tutup is left
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_a_faulty_file_shows_every_problem_and_cannot_be_imported(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    source = tmp_path / "rusak.csv"
    source.write_text(GOOD + "KSP-0002;Dodi;3273013302001234;31/02/2010;Pasif\n", encoding="utf-8")
    dialog, _operations = open_dialog(qtbot, services)
    type_path(qtbot, dialog, source)
    assert not dialog.import_button.isEnabled()
    assert "4 masalah harus diperbaiki" in dialog.summary.text()
    assert dialog.tabs.tabText(1) == "&Masalah (4)"
    lines = [dialog.problem_model.index(i).data() for i in range(dialog.problem_model.rowCount())]
    assert lines == [
        "Kesalahan — baris 8, kolom No. Anggota: Nomor KSP-0002 sudah dipakai di baris 6",
        "Kesalahan — baris 8, kolom NIK: Tanggal lahir di dalam NIK tidak ada di kalender",
        "Kesalahan — baris 8, kolom Tgl Masuk: Tanggal 31/02/2010 tidak ada di kalender",
        'Kesalahan — baris 8, kolom Status: Status "Pasif" tidak dikenal; pakai Aktif, '
        "Keluar, Meninggal, Diberhentikan, Calon, atau Luar biasa",
    ]
    # Pick the second problem and press Enter: the preview opens on its row.
    bar = dialog.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.MouseButton.LeftButton, pos=bar.tabRect(1).center())
    assert dialog.tabs.currentWidget() is dialog.problem_list
    dialog.problem_list.setFocus()
    dialog.problem_list.setCurrentIndex(dialog.problem_model.index(1))
    qtbot.keyClick(dialog.problem_list, Qt.Key.Key_Return)
    assert dialog.tabs.currentIndex() == 0
    selected = dialog.table.selectionModel().selectedRows()
    assert [dialog.table_model.source_row(i.row()).row for i in selected] == [8]
    dialog.only_problems.setFocus()
    qtbot.keyClick(dialog.only_problems, Qt.Key.Key_Space)
    assert dialog.table_model.rowCount() == 1
    assert services.register.count() == 0


def test_a_column_matched_by_hand(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    source = tmp_path / "kode.csv"
    source.write_text("Kode;Nama;Catatan\nX1;Siti;Jl. Mawar\nX2;Budi;Jl. Melati\n")
    dialog, operations = open_dialog(qtbot, services)
    type_path(qtbot, dialog, source)
    assert "Kolom untuk Nomor anggota tidak ditemukan" in dialog.problem_model.index(0).data()
    assert not dialog.import_button.isEnabled()

    first = dialog.preview
    combo = dialog.mapping.combos["number"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # "(tidak diimpor)" -> "Kode"
    qtbot.waitUntil(lambda: dialog.preview is not first and not dialog.busy(), timeout=WAIT_MS)
    assert dialog.preview is not None and dialog.preview.mapping["number"] == "Kode"
    assert dialog.problem_model.rowCount() == 0
    assert dialog.import_button.isEnabled()
    with qtbot.waitSignal(operations.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert services.register.member_by_number("X2") is not None


def test_a_re_import_shows_what_changes(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    services.register.save(Member("KSP-0001", "Siti Aminah"))
    services.register.save(Member("KSP-0002", "Budi Santoso", address="Jl. Lama"))
    source = tmp_path / "ulang.csv"
    source.write_text(
        "No. Anggota;Nama;Alamat;Status;Tgl Keluar\n"
        "KSP-0001;Siti Aminah;;Aktif;\n"
        "KSP-0002;Budi Santoso;Jl. Baru;Meninggal;01/02/2026\n"
        "KSP-0003;Ani;Jl. Tiga;Aktif;\n"
    )
    dialog, operations = open_dialog(qtbot, services)
    type_path(qtbot, dialog, source)
    assert "1 anggota baru, 1 anggota berubah, 1 tidak berubah" in dialog.summary.text()
    tree = dialog.changes
    changed = tree.topLevelItem(0)
    assert changed.text(0) == "Anggota berubah (1)"
    budi = changed.child(0)
    assert budi.text(0) == "KSP-0002 — Budi Santoso (baris 3)"
    assert [(budi.child(i).text(0), budi.child(i).text(1), budi.child(i).text(2))
            for i in range(budi.childCount())] == [
        ("Alamat", "Jl. Lama", "Jl. Baru"),
        ("Status", "Aktif", "Meninggal dunia"),
        ("Tanggal keluar", "(kosong)", "01/02/2026"),
    ]  # fmt: skip
    with qtbot.waitSignal(operations.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    member = services.register.member_by_number("KSP-0002")
    assert member is not None and member.status is Status.DECEASED


def big_file(path: Path, count: int) -> Path:
    rows = [f"N-{n:05d};Anggota {n}" for n in range(count)]
    path.write_text("No. Anggota;Nama\n" + "\n".join(rows) + "\n")
    return path


def test_cancel_while_importing_leaves_nothing(
    qtbot: QtBot, services: Services, tmp_path: Path, db_path: Path
) -> None:
    dialog, operations = open_dialog(qtbot, services)
    type_path(qtbot, dialog, big_file(tmp_path / "besar.csv", 6000))
    head = services.audit.head_hash()
    # Another program holds the write lock, so the import waits at its start; the user cancels
    # meanwhile, and the import stops as soon as it may begin.
    other = sqlite3.connect(db_path, isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.busy() and dialog.cancel_button.isVisible()
    assert not dialog.mapping.isEnabled() and not dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.cancel_button, Qt.MouseButton.LeftButton)
    other.execute("ROLLBACK")
    other.close()
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.status.text() == "Dibatalkan; tidak ada yang diubah."
    assert services.register.count() == 0 and services.audit.head_hash() == head
    assert dialog.import_button.isEnabled()  # the preview still stands; try again
    with qtbot.waitSignal(operations.changed, timeout=WAIT_MS):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert services.register.count() == 6000


def test_a_20000_row_spreadsheet_shows_progress_while_it_is_read(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.append(["No. Anggota", "Nama", "Status"])
    for n in range(1, 20_001):
        sheet.append([f"KSP-{n:05d}", f"Anggota {n}", "Aktif"])
    source = tmp_path / "besar.xlsx"
    book.save(source)
    size = source.stat().st_size
    dialog, _operations = open_dialog(qtbot, services)
    shown: list[tuple[int, int]] = []  # what the progress bar showed, in order
    bar = dialog.progress_bar
    bar.valueChanged.connect(lambda value: shown.append((value, bar.maximum())))
    dialog.load(source)
    qtbot.waitUntil(lambda: dialog.preview is not None and not dialog.busy(), timeout=60_000)
    assert dialog.preview is not None and len(dialog.preview.new) == 20_000
    # The bar counted the file's bytes as the sheet was unpacked: it moved several times
    # before the whole file was read, and the reading ended before any row was checked.
    reading = [value for value, maximum in shown if maximum == size]
    assert reading[-1] == size
    assert len([value for value in reading if 0 < value < size]) >= 5
    checking = next(i for i, (_value, maximum) in enumerate(shown) if maximum == 20_000)
    assert shown.index((size, size)) < checking


def test_escape_cancels_the_reading_first(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    dialog, _operations = open_dialog(qtbot, services)
    dialog.load(big_file(tmp_path / "besar.csv", 30_000))  # seconds of work
    assert dialog.busy()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert dialog.isVisible() and dialog.status.text() == "Membatalkan…"
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.status.text() == "Dibatalkan; tidak ada yang diubah."
    assert dialog.preview is None
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and dialog.result() == QDialog.DialogCode.Rejected


def test_closing_the_window_while_reading_stops_first(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    dialog, _operations = open_dialog(qtbot, services)
    dialog.load(big_file(tmp_path / "besar.csv", 30_000))  # seconds of work
    assert dialog.busy()
    dialog.close()  # the window's close button
    assert dialog.isVisible() and dialog.status.text() == "Membatalkan…"
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert dialog.status.text() == "Dibatalkan; tidak ada yang diubah."
    dialog.close()
    assert not dialog.isVisible()


def test_the_register_changed_meanwhile_is_refused(
    qtbot: QtBot, services: Services, tmp_path: Path
) -> None:
    source = tmp_path / "anggota.csv"
    source.write_text(GOOD)
    dialog, operations = open_dialog(qtbot, services)
    type_path(qtbot, dialog, source)
    services.register.save(Member("KSP-0003", "Orang Lain"))
    with qtbot.waitSignal(operations.refused, timeout=WAIT_MS) as refused:
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert refused.args is not None and "berubah sejak pratinjau" in refused.args[0]
    boxes = [b for b in dialog.findChildren(QMessageBox) if b.isVisible()]
    assert len(boxes) == 1 and "berubah sejak pratinjau" in boxes[0].text()
    boxes[0].close()
    assert services.register.count() == 1


def test_a_file_that_cannot_be_read(qtbot: QtBot, services: Services, tmp_path: Path) -> None:
    dialog, _operations = open_dialog(qtbot, services)
    dialog.path_edit.setFocus()
    qtbot.keyClicks(dialog.path_edit, str(tmp_path / "tidak-ada.csv"))
    qtbot.keyClick(dialog.path_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.busy(), timeout=WAIT_MS)
    assert "tidak dapat dibaca" in dialog.status.text()
    assert dialog.preview is None and not dialog.import_button.isEnabled()


@pytest.mark.parametrize("only_problems", [False, True])
def test_the_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, services: Services, tmp_path: Path,
    only_problems: bool,
) -> None:  # fmt: skip
    source = tmp_path / "rusak.csv"
    source.write_text(GOOD + "KSP-0002;Dodi;3273013302001234;31/02/2010;Pasif\n;;;;\nx;;;;\n")
    dialog, _operations = open_dialog(qtbot, services)
    type_path(qtbot, dialog, source)
    dialog.table_model.set_only_problems(only_problems)
    qtmodeltester.check(dialog.table_model)
    qtmodeltester.check(dialog.problem_model)


def test_a_register_with_leavers_without_dates_imports_with_one_warning(
    qtbot: QtBot, cooperative: Services
) -> None:
    source = Path(__file__).resolve().parents[1] / "hostile" / "leavers_zero_padded.xlsx"
    dialog, _operations = open_dialog(qtbot, cooperative)
    type_path(qtbot, dialog, source)
    said = "3 anggota keluar/meninggal tanpa tanggal keluar; lengkapi nanti"
    assert said in dialog.summary.text()
    problems = [
        dialog.problem_model.index(i, 0).data() for i in range(dialog.problem_model.rowCount())
    ]
    assert sum(said in text for text in problems) == 1  # once, not a line per leaver
    assert dialog.import_button.isEnabled()
    qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: dialog.outcome is not None, timeout=WAIT_MS)
    assert dialog.outcome is not None and dialog.outcome.added == 6
    gone = cooperative.register.member_by_number("00123")
    assert gone is not None and gone.status is Status.DECEASED and gone.exit_date is None
