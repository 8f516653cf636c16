"""Times in the cooperative's zone (issue 12 point 7): a cooperative in Makassar (WITA) sees
its backups named and listed in WITA, with the zone named, in the dialog, its preview and the
command line; what is stored stays UTC; an older backup named without a zone is still listed
in its right place. The backup itself runs off the window's thread."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import sqlite3
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from assembly.cli import main as cli_main
from assembly.domain.cooperative import TimeZone
from assembly.domain.local_time import shown
from assembly.persistence import backup
from assembly.services.bundle import Services
from assembly.ui.dialogs.backup_dialog import BackupDialog
from assembly.ui.operation import Operations

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def makassar(cooperative: Services) -> Services:
    coop = cooperative.cooperative.cooperative()
    assert coop is not None
    cooperative.cooperative.save_cooperative(replace(coop, time_zone=TimeZone.WITA))
    return cooperative


def test_the_shared_formatter_names_the_zone() -> None:
    utc = dt.datetime(2026, 3, 14, 2, 30, tzinfo=dt.UTC)
    assert shown(utc, TimeZone.WIB) == "14/03/2026 09.30 WIB"
    assert shown(utc, TimeZone.WITA) == "14/03/2026 10.30 WITA"
    assert shown(utc, TimeZone.WIT, seconds=True) == "14/03/2026 11.30.00 WIT"
    assert shown(dt.datetime(2026, 3, 14, 23, 30), TimeZone.WIT) == "15/03/2026 08.30 WIT"


def test_backups_are_named_and_listed_in_wita(
    qtbot: QtBot,
    makassar: Services,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    # An older backup, named before zones were named: the laptop's own clock, the day before.
    legacy_local = dt.datetime(2026, 3, 13, 8, 0).astimezone()
    legacy = backup.make_backup(
        makassar.ctx.db, usb, backup.backup_name("KSP-SB", legacy_local.replace(tzinfo=None), "m")
    )
    dialog = BackupDialog(makassar, Operations())
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    dialog.folder.selectAll()
    qtbot.keyClicks(dialog.folder, str(usb))
    qtbot.keyClick(dialog.folder, Qt.Key.Key_Return)

    qtbot.mouseClick(dialog.backup_button, LEFT)
    # The click returns at once: the copy runs in a worker thread, the window goes on.
    assert dialog.busy and dialog.outcome.text() == "Mencadangkan…"
    qtbot.waitUntil(lambda: not dialog.busy and dialog.model.rowCount() == 2, timeout=20_000)

    # The tests' clock says 09.00 WIB: 10.00 in Makassar.
    made = sorted(p.name for p in usb.iterdir() if p != legacy)
    # The time in the cooperative's zone, then the audit head the copy holds (issue 10).
    assert len(made) == 1
    assert re.fullmatch(
        r"kuorum-KSP-SB-20260314-100000WITA-a\d+h[0-9a-f]{12}-manual\.sqlite", made[0]
    )
    assert dialog.selected() is not None and dialog.selected().path.name.endswith("-manual.sqlite")
    first = dialog.model.index(0, 0).data()
    assert first == "14/03/2026 10.00.00 WITA"
    second = dialog.model.index(1, 0).data()
    assert second == shown(legacy_local, TimeZone.WITA, seconds=True)
    assert dialog.preview.text().count("WITA") >= 1  # "Perubahan terakhir" in WITA too
    assert "Cadangan dibuat" in dialog.outcome.text() and "WITA" in dialog.outcome.text()

    # Stored times stay UTC: the audit event of the backup.
    with sqlite3.connect(db_path) as conn:
        at, payload = conn.execute(
            "SELECT at, payload FROM audit_events WHERE kind = 'backup.made'"
        ).fetchone()
    assert at.endswith("+00:00")
    assert re.fullmatch(
        r".*-100000WITA-a\d+h[0-9a-f]{12}-manual\.sqlite", json.loads(payload)["file"]
    )

    # The command line lists them the same way.
    makassar.close()
    env_db = os.fspath(db_path)
    assert cli_main(["backup", "list", "--db", env_db]) == 0
    out = capsys.readouterr().out
    assert "14/03/2026 10.00.00 WITA" in out


def test_the_desk_and_the_notes_name_the_zone(qtbot: QtBot, cooperative: Services) -> None:
    from assembly.ui.pages.checkin_page import CheckInPage
    from tests.meeting_fixtures import open_meeting, register_members

    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    desk = CheckInPage(cooperative, Operations())
    qtbot.addWidget(desk)
    desk.show()
    qtbot.waitExposed(desk)
    desk.select_meeting(meeting_id)
    qtbot.keyClicks(desk.entry, "0001")
    qtbot.keyClick(desk.entry, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: desk.model.rowCount() == 1)
    qtbot.waitUntil(lambda: desk.model.index(0, 0).data() == "09.00.00 WIB")
    qtbot.keyClick(desk.entry, Qt.Key.Key_F6)  # the member leaves
    qtbot.waitUntil(lambda: desk.model.index(0, 6).data() == "09.00 WIB")
