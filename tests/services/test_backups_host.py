"""Backups of a cooperative on the host laptop's PostgreSQL (issue 13 point 4): the host copies
the whole cooperative out into one SQLite file in the backup folder, named in the
cooperative's time zone, listed with the SQLite backups, restorable by opening it as a SQLite
cooperative, and its audit chain verifies; after each signature, at the lock and after each
decision as on one laptop. A desk never writes one (the host's app does)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.cli import main
from assembly.domain.errors import DomainError
from assembly.persistence.host_link import same_computer
from assembly.persistence.tables import attendance, audit_events, members
from assembly.services.backups import Reason
from assembly.services.bundle import Services
from tests.services.signing_fixtures import PASSPHRASE, closed_meeting, make_keys
from tests.services.voting_fixtures import opened_hall

ON_THE_HOST = pytest.mark.parametrize("engine_kind", ["postgresql"])


def _rows(services: Services, table: sa.Table) -> int:
    with services.ctx.db.read() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def _in_file(path: Path, table: str) -> int:
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
    finally:
        conn.close()


@ON_THE_HOST
def test_sign_and_lock_on_the_host_each_leave_a_sqlite_backup_that_verifies(
    cooperative: Any,
    db_path: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    assert cooperative.backups.made_here()  # this test's server runs on this computer
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    keys = make_keys(tmp_path / "keys")
    signing = cooperative.minutes_signing

    first = signing.sign_minutes(meeting_id, pdf, keys.chair, PASSPHRASE, "ketua").value
    assert not first.completed and first.backup is not None
    assert first.backup.ok and first.backup.warning == "", first.backup.warning
    signed = first.backup.path
    assert signed is not None and signed.parent == usb
    assert re.fullmatch(
        r"kuorum-KSP-SB-20260314-090000WIB-a\d+h[0-9a-f]{12}-tandatangan\.sqlite", signed.name
    )
    assert [p.name for p in usb.iterdir()] == [signed.name]  # no -wal, note or .part beside
    assert main(["audit", "verify", "--db", str(signed)]) == 0
    assert "utuh" in capsys.readouterr().out
    # Every row of the host is in the file (members, check-ins, the audit chain up to it).
    assert _in_file(signed, "members") == _rows(cooperative, members)
    assert _in_file(signed, "attendance") == _rows(cooperative, attendance)
    assert _in_file(signed, "audit_events") >= _rows(cooperative, audit_events) - 1

    second = signing.sign_minutes(meeting_id, pdf, keys.secretary, PASSPHRASE, "sekretaris")
    assert second.value.completed
    lock = second.value.backup
    assert lock is not None and lock.path is not None, lock
    assert lock.path.name.endswith("-penguncian.sqlite")
    assert main(["audit", "verify", "--db", str(lock.path)]) == 0
    capsys.readouterr()

    # Listed with the SQLite backups, newest first, in the cooperative's zone.
    listed = cooperative.backups.backups()
    assert [b.path for b in listed[:2]] == [lock.path, signed]
    # Nothing more is due: the host's app, hearing the lock, takes no second backup of it.
    assert cooperative.backups.backup_if_due() is None

    # Restorable as a SQLite cooperative: opened as one, the meeting is there, locked.
    restored = Services.open(lock.path, create=False)
    try:
        assert restored.meetings.get(meeting_id).state.value == "locked"
        assert restored.audit.verify().intact
    finally:
        restored.close()
    # Not poured back into the host's database: refused, saying how to use it.
    with pytest.raises(DomainError, match="Berkas → Buka basis data"):
        cooperative.backups.restore(lock.path)


@ON_THE_HOST
def test_a_decision_made_elsewhere_is_backed_up_by_the_host(
    cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    hall = opened_hall(cooperative, db_path)
    desk = Services.open(str(db_path), create=False)  # another desk's connection
    try:
        desk.decisions.record_consensus(hall.meeting_id, hall.items[0], "Laporan disahkan")
    finally:
        desk.close()
    made = cooperative.backups.backup_if_due()
    assert made is not None and made.path is not None
    assert made.path.name.endswith("-keputusan.sqlite")
    assert main(["audit", "verify", "--db", str(made.path)]) == 0
    manual = cooperative.backups.backup_now(Reason.MANUAL)
    assert manual.ok and manual.path is not None and manual.path != made.path


def test_which_connections_stay_on_one_computer() -> None:
    assert same_computer("127.0.0.1", "127.0.0.1")
    assert same_computer("192.168.1.10", "192.168.1.10")  # the host's app on its LAN address
    assert same_computer(None, None)  # a Unix socket
    assert same_computer("::1", "::1")
    assert not same_computer("192.168.1.23", "192.168.1.10")  # a desk
