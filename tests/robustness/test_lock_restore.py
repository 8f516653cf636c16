"""Restoring a backup older than a lock (issue 10 point 5): refused, nothing changed, unless the
user types the meeting's name (``--confirm-meeting``, the dialog's field); the restore is then
recorded both in the file kept aside and in the restored database, after the copy. Backups are
taken after each signature and at the lock (issue 12 point 7), and a failing stick only warns."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from assembly.cli import main
from assembly.domain.meeting import MeetingState
from assembly.ui.dialogs.backup_dialog import BackupDialog
from assembly.ui.operation import Operations
from tests.services.signing_fixtures import PASSPHRASE, Keys, closed_meeting, make_keys
from tests.services.test_backups import ticking

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


def _locked_after_a_backup(services: Any, db_path: Path, tmp_path: Path, keys: Keys) -> Path:
    """A closed meeting backed up, then signed by both officers (locked): the old backup."""
    ticking(services)
    usb = tmp_path / "usb"
    usb.mkdir()
    services.backups.choose_folder(usb)
    meeting_id, pdf = closed_meeting(services, db_path, tmp_path)
    before = services.backups.backup_now()
    assert before.path is not None
    first, _c = services.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.chair, PASSPHRASE, "ketua"
    )
    assert first.backup is not None and first.backup.ok
    assert first.backup.path is not None and "tandatangan" in first.backup.path.name
    second, _c = services.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris"
    )
    assert second.completed and second.backup is not None and second.backup.path is not None
    assert "penguncian" in second.backup.path.name
    assert services.meetings.get(meeting_id).state is MeetingState.LOCKED
    return before.path


def _rows(path: Path, sql: str) -> list[Any]:
    conn = sqlite3.connect(path)
    try:
        return conn.execute(sql).fetchall()
    finally:
        conn.close()


def test_restoring_a_backup_older_than_the_lock_needs_the_meetings_name(
    cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys, capsys: Any
) -> None:
    old = _locked_after_a_backup(cooperative, db_path, tmp_path, keys)
    at_lock = sorted((tmp_path / "usb").glob("*penguncian*"))[0]
    cooperative.close()
    base = ["backup", "restore", str(old), "--db", str(db_path)]
    before = db_path.read_bytes()
    assert main(base) == 2
    err = capsys.readouterr().err
    assert "sudah ditandatangani dan dikunci" in err and '--confirm-meeting "RAT 2025"' in err
    assert main([*base, "--confirm-meeting", "RAT 2024"]) == 2
    capsys.readouterr()
    assert db_path.read_bytes() == before
    assert not list(db_path.parent.glob("*.sebelum-pulih-*"))
    assert _rows(db_path, "SELECT state FROM meetings") == [("locked",)]

    # The backup taken at the lock holds it: restoring it needs no confirmation.
    assert main(["backup", "restore", str(at_lock), "--db", str(db_path)]) == 0
    capsys.readouterr()

    assert main([*base, "--confirm-meeting", "rat  2025"]) == 0
    assert "Kunci Rapat Anggota Tahunan" in capsys.readouterr().err
    assert _rows(db_path, "SELECT state FROM meetings") == [("closed",)]
    # Recorded in the restored file, after the copy ...
    (payload,) = _rows(
        db_path,
        "SELECT payload FROM audit_events WHERE kind = 'backup.restored' ORDER BY seq DESC",
    )[0]
    undone = json.loads(payload)["locks_undone"]
    assert [u["name"] for u in undone] == ["RAT 2025"] and len(undone[0]["sha256"]) == 64
    (kept,) = _rows(db_path, "SELECT value FROM settings WHERE key = 'backup.restored'")[0]
    assert json.loads(kept)["locks_undone"] == undone
    # ... and in the file kept aside, before it was replaced.
    aside = sorted(db_path.parent.glob("kuorum.sebelum-pulih-*.sqlite"))[-1]
    kinds = [k for (k,) in _rows(aside, "SELECT kind FROM audit_events ORDER BY seq")]
    assert kinds[-1] == "backup.restoring"
    assert main(["audit", "verify", "--db", str(db_path)]) == 0


def test_the_dialog_asks_for_the_meetings_name(
    qtbot: QtBot, cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys
) -> None:
    old = _locked_after_a_backup(cooperative, db_path, tmp_path, keys)
    dialog = BackupDialog(cooperative, Operations())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    row = next(
        r
        for r in range(dialog.model.rowCount())
        if (info := dialog.model.info(r)) is not None and info.path.name == old.name
    )
    dialog.table.setFocus()
    dialog.table.selectRow(row)
    emitted: list[str] = []
    dialog.restored.connect(emitted.append)
    qtbot.mouseClick(dialog.restore_button, LEFT)
    box, field = dialog.confirmation, dialog.confirm_meeting
    assert box is not None and field is not None and field.isVisible()
    assert "membatalkan kunci" in box.text()
    yes = box.button(QMessageBox.StandardButton.Yes)
    assert not yes.isEnabled()
    qtbot.keyClicks(field, "RAT 202")
    assert not yes.isEnabled()
    box.grab().save("/tmp/lock-shots/restore-confirm-empty.png")
    qtbot.keyClicks(field, "5")
    assert yes.isEnabled()
    box.grab().save("/tmp/lock-shots/restore-confirm-typed.png")
    qtbot.mouseClick(yes, LEFT)
    assert emitted == [str(db_path)]
    assert _rows(db_path, "SELECT state FROM meetings") == [("closed",)]


def test_a_failing_stick_warns_and_the_signing_goes_on(
    cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    usb.rmdir()  # the stick is pulled
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    first, _c = cooperative.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.chair, PASSPHRASE, "ketua"
    )
    second, _c = cooperative.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris"
    )
    for result in (first, second):
        assert result.backup is not None and not result.backup.ok
        assert "flashdisk dicabut" in result.backup.warning
    assert second.completed
    assert cooperative.meetings.get(meeting_id).state is MeetingState.LOCKED


def test_the_signing_page_shows_the_backup_and_a_pulled_sticks_warning(
    qtbot: QtBot, cooperative: Any, db_path: Path, tmp_path: Path, monkeypatch: Any
) -> None:
    from assembly.ui.pages.signing_page import SigningPage
    from tests.services.voting_fixtures import opened_hall
    from tests.ui.test_signing_page import answer_file_dialogs, make_key, sign

    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    hall = opened_hall(cooperative, db_path)
    cooperative.meetings.close(hall.meeting_id)
    page = SigningPage(cooperative, Operations())
    qtbot.addWidget(page)
    page.resize(1200, 720)
    page.show()
    qtbot.waitExposed(page)
    make_key(qtbot, page, "Anggota Nomor 1", "ketua", tmp_path / "ketua.p12")
    make_key(qtbot, page, "Anggota Nomor 2", "sekretaris", tmp_path / "sekretaris.p12")
    pdf = tmp_path / "berita-acara.pdf"
    answer_file_dialogs(monkeypatch, pdf)
    qtbot.mouseClick(page.export_button, LEFT)
    qtbot.waitUntil(lambda: not page.operations.busy(), timeout=60_000)
    sign(qtbot, page, "ketua", PASSPHRASE)
    assert page.backup_label.isVisible() and "Cadangan dibuat" in page.backup_label.text()
    assert len(list(usb.glob("*tandatangan*.sqlite"))) == 1
    usb.rename(tmp_path / "dicabut")  # the stick is pulled before the last signature
    sign(qtbot, page, "sekretaris", PASSPHRASE)
    assert "terkunci" in page.state_label.text() and "belum" not in page.state_label.text()
    assert "flashdisk dicabut" in page.backup_label.text()
    assert "Rapat berjalan terus" in page.backup_label.text()
    qtbot.wait(50)  # let the layout take the new texts before the picture
    page.grab().save("/tmp/lock-shots/signing-stick-pulled.png")
