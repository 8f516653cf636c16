"""The backups dialog as the secretary uses it (folder typed, backups made, one previewed and
restored after the confirmation), a newer backup refused with nothing changed, and the
automatic backup when a ballot is closed through the one door — also onto a full stick."""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMainWindow, QMessageBox
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from assembly.domain.ballots import BallotMode, Choice
from assembly.domain.members import Member
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.ui.backup_trigger import BackupTrigger
from assembly.ui.dialogs.backup_dialog import BackupDialog
from assembly.ui.main_window import MainWindow
from assembly.ui.operation import Operations
from tests.services.test_backups import small_disk, ticking
from tests.services.voting_fixtures import no_consensus, opened_hall

LEFT = Qt.MouseButton.LeftButton


def _dialog(qtbot: QtBot, services: Services) -> BackupDialog:
    dialog = BackupDialog(services, Operations())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def _backup(qtbot: QtBot, dialog: BackupDialog, rows: int) -> None:
    qtbot.mouseClick(dialog.backup_button, LEFT)
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == rows, timeout=10_000)


def test_backups_made_previewed_and_one_restored(
    qtbot: QtBot, cooperative: Services, db_path: Path, tmp_path: Path, qtmodeltester: ModelTester
) -> None:
    ticking(cooperative)
    usb = tmp_path / "usb"
    usb.mkdir()
    dialog = _dialog(qtbot, cooperative)
    assert "Belum dipilih" in dialog.folder_hint.text()
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)
    assert cooperative.backups.settings().folder == usb
    assert "otomatis" in dialog.folder_hint.text()
    dialog.keep.selectAll()
    qtbot.keyClicks(dialog.keep, "5")
    qtbot.waitUntil(lambda: cooperative.backups.settings().keep == 5)

    cooperative.register.save(Member("A-0001", "Siti Aminah"))
    _backup(qtbot, dialog, 1)
    cooperative.register.save(Member("A-0002", "Budi Santoso"))
    _backup(qtbot, dialog, 2)
    _backup(qtbot, dialog, 3)
    assert "Cadangan dibuat" in dialog.outcome.text()
    qtmodeltester.check(dialog.model)

    dialog.table.setFocus()
    dialog.table.selectRow(2)  # the oldest: one member
    info = dialog.selected()
    assert info is not None and info.members == 1
    text = dialog.preview.text()
    assert "Koperasi Simpan Pinjam Sejahtera Bersama" in text
    assert "Anggota</b></td><td>1<" in text and "belum ada rapat" in text
    assert "peristiwa audit #" in text

    emitted: list[str] = []
    dialog.restored.connect(emitted.append)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    box = dialog.confirmation
    assert box is not None and box.isVisible()
    assert str(db_path) in box.text() and info.path.name in box.text()
    assert "kuorum.sebelum-pulih-" in box.informativeText()
    qtbot.mouseClick(box.button(QMessageBox.StandardButton.Yes), LEFT)
    assert emitted == [str(db_path)]
    assert not dialog.isVisible()
    aside = list(db_path.parent.glob("kuorum.sebelum-pulih-*.sqlite"))
    assert len(aside) == 1
    reopened = Services.open(db_path, create=False)
    try:
        assert reopened.audit.verify().intact
    finally:
        reopened.close()
    conn = sqlite3.connect(db_path)
    assert conn.execute("SELECT number FROM members").fetchall() == [("A-0001",)]
    conn.close()


def test_a_newer_backup_is_refused_and_nothing_changes(
    qtbot: QtBot, cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    made = cooperative.backups.backup_now()
    assert made.path is not None
    conn = sqlite3.connect(made.path)
    conn.execute("UPDATE alembic_version SET version_num = 'r9999'")
    conn.commit()
    conn.close()
    dialog = _dialog(qtbot, cooperative)
    before = sorted(p.name for p in db_path.parent.iterdir())
    emitted: list[str] = []
    dialog.restored.connect(emitted.append)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert dialog.confirmation is not None
    qtbot.mouseClick(dialog.confirmation.button(QMessageBox.StandardButton.Yes), LEFT)
    refusal = next(b for b in dialog.findChildren(QMessageBox) if b.isVisible())
    assert "versi Kuorum yang lebih baru" in refusal.text()
    assert emitted == [] and dialog.isVisible()
    assert sorted(p.name for p in db_path.parent.iterdir()) == before
    cooperative.register.save(Member("A-0001", "Siti Aminah"))  # the database is still open


def _close_ballot_through_operations(services: Services, db_path: Path) -> tuple[Any, Any]:
    hall = opened_hall(services, db_path)
    ballot, _ = services.ballots.open_motion(
        hall.meeting_id, no_consensus(hall, 2), BallotMode.NAMED, "SHU dibagi 40% menurut jasa"
    )
    for number in ("0001", "0002", "0003"):
        services.ballots.cast(ballot.id, number, Choice.YES)
    return hall, ballot


def test_a_ballot_closed_through_operations_triggers_a_backup(
    qtbot: QtBot, cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    _hall, ballot = _close_ballot_through_operations(cooperative, db_path)
    window = QMainWindow()
    qtbot.addWidget(window)
    operations = Operations()
    trigger = BackupTrigger(cooperative, operations, window)
    with qtbot.waitSignal(trigger.finished, timeout=10_000) as done:
        result = operations.run(window, lambda: cooperative.ballots.close(ballot.id))
    assert result is not None
    assert done.args[0] is not None and done.args[0].ok
    files = list(usb.glob("kuorum-KSP-SB-*-keputusan.sqlite"))
    assert len(files) == 1
    assert "Cadangan terakhir: " + files[0].name == trigger.status.full_text
    # A vote cast changes the decisions area but records no decision: no new backup.
    with qtbot.waitSignal(trigger.finished, timeout=10_000) as again:
        operations.changed.emit(Changes.of(Area.DECISIONS))
    assert again.args[0] is None
    assert trigger.wait()


def test_a_full_stick_warns_in_the_status_bar_and_the_ballot_still_closes(
    qtbot: QtBot, cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    _hall, ballot = _close_ballot_through_operations(cooperative, db_path)
    with small_disk(tmp_path / "usb", "size=64k") as usb:
        cooperative.backups.choose_folder(usb)
        window = QMainWindow()
        qtbot.addWidget(window)
        operations = Operations()
        trigger = BackupTrigger(cooperative, operations, window)
        with qtbot.waitSignal(trigger.finished, timeout=10_000):
            result = operations.run(window, lambda: cooperative.ballots.close(ballot.id))
        assert result is not None  # the triggering call succeeded
        assert cooperative.ballots.get(ballot.id).state.value == "closed"
        assert "disk penuh" in trigger.status.text()
        assert trigger.status.text().endswith("ganti atau periksa flashdisk.")
        assert window.findChildren(QMessageBox) == []  # nothing takes the desk's focus


def test_the_main_window_opens_the_backups(qtbot: QtBot, cooperative: Services) -> None:
    window = MainWindow(cooperative, Operations(), lambda _s, _o: [])
    qtbot.addWidget(window)
    titles = [a.text() for a in window.menuBar().actions()[0].menu().actions()]
    assert "&Cadangan…" in titles
    dialog = window.open_backups()
    assert dialog.isVisible() and dialog.windowTitle() == "Cadangan basis data"
    dialog.reject()
