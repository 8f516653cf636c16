"""The backup service: a backup after each decision and at closing, a pulled stick, a read-only
folder or a full disk gives a warning and the meeting goes on, and a restore keeps the current
file aside before putting the backup in its place."""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import re
import subprocess
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.domain.errors import DomainError, StorageError
from assembly.domain.members import Member
from assembly.persistence.tables import audit_events
from assembly.services.bundle import Services
from tests.conftest import FIXED_NOW
from tests.services.voting_fixtures import opened_hall

pytestmark = pytest.mark.sqlite_only(
    "backups are copies of the SQLite file; a PostgreSQL cooperative is copied out by the host"
)

WARNING_TAIL = "Rapat berjalan terus; ganti atau periksa flashdisk."


@contextlib.contextmanager
def small_disk(folder: Path, options: str) -> Iterator[Path]:
    """A real file system at ``folder``: a tiny tmpfs (``size=64k``) for a full stick, or a
    read-only one (``ro``). Needs root to mount; skipped elsewhere."""
    folder.mkdir()
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if done.returncode != 0:
        pytest.skip(f"mounting a small file system needs root: {done.stderr!r}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


@contextlib.contextmanager
def read_only_folder(folder: Path) -> Iterator[Path]:
    """A folder nobody may write: a read-only mount as root (root ignores file modes), the
    folder's mode otherwise."""
    if os.geteuid() == 0:
        with small_disk(folder, "ro,size=1m") as mounted:
            yield mounted
        return
    folder.mkdir()
    folder.chmod(0o555)
    try:
        yield folder
    finally:
        folder.chmod(0o755)


def ticking(services: Services) -> None:
    """Let the services' clock move a minute at each reading, as a real meeting's does."""
    minutes = iter(range(1, 10_000))
    services.ctx.now = lambda: FIXED_NOW + dt.timedelta(minutes=next(minutes))


def audit_kinds(services: Services) -> list[tuple[str, dict[str, Any]]]:
    with services.ctx.db.read() as conn:
        rows = conn.execute(sa.select(audit_events.c.kind, audit_events.c.payload)).all()
    return [(kind, json.loads(payload)) for kind, payload in rows]


def test_a_backup_after_each_decision_and_at_closing(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    hall = opened_hall(cooperative, db_path)
    assert cooperative.backups.backup_if_due() is None  # no decision yet
    ticking(cooperative)
    cooperative.decisions.record_consensus(hall.meeting_id, hall.items[0], "Laporan disahkan")
    first = cooperative.backups.backup_if_due()
    assert first is not None and first.ok and first.warning == ""
    assert first.path is not None and first.path.parent == usb
    assert re.fullmatch(
        r"kuorum-KSP-SB-20260314-090200WIB-a\d+h[0-9a-f]{12}-keputusan\.sqlite", first.path.name
    )
    assert cooperative.backups.backup_if_due() is None  # nothing new since
    cooperative.meetings.close(hall.meeting_id)
    closing = cooperative.backups.backup_if_due()
    assert closing is not None and closing.path is not None
    assert closing.path.name.endswith("-penutupan.sqlite")
    listed = cooperative.backups.backups()
    assert [i.path for i in listed] == [closing.path, first.path]
    assert listed[0].meetings[0].state == "closed" and listed[1].meetings[0].state == "opened"
    assert listed[0].members == 12
    kinds = [k for k, _p in audit_kinds(cooperative)]
    assert kinds.count("backup.made") == 2
    assert cooperative.audit.verify().intact


def test_rotation_keeps_the_chosen_number(cooperative: Services, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    cooperative.backups.set_keep(3)
    ticking(cooperative)
    results = [cooperative.backups.backup_now() for _ in range(5)]
    assert all(r.ok for r in results)
    assert [r.path for r in cooperative.backups.backups()] == [r.path for r in results[:1:-1]]
    assert results[-1].removed == (results[1].path,)
    with pytest.raises(DomainError, match="1 sampai 999"):
        cooperative.backups.set_keep(0)
    assert cooperative.backups.settings().keep == 3


def test_without_a_chosen_folder_backups_go_beside_the_database(
    cooperative: Services, db_path: Path
) -> None:
    settings = cooperative.backups.settings()
    assert settings.folder == db_path.parent / "cadangan" and not settings.chosen
    assert settings.keep == 20
    result = cooperative.backups.backup_now()
    assert result.path is not None and result.path.parent == db_path.parent / "cadangan"


def test_a_missing_folder_is_refused_when_chosen(cooperative: Services, tmp_path: Path) -> None:
    with pytest.raises(DomainError, match="tidak ada"):
        cooperative.backups.choose_folder(tmp_path / "tidak-ada")
    assert not cooperative.backups.settings().chosen


def _failed_backup_leaves_meeting_going(services: Services, hall: Any, folder: Path) -> str:
    """Record a decision (the triggering call succeeds), back up, check nothing stopped."""
    row, _changes = services.decisions.record_consensus(
        hall.meeting_id, hall.items[0], "Laporan disahkan"
    )
    assert row is not None
    result = services.backups.backup_if_due()
    assert result is not None and not result.ok and result.path is None
    assert result.warning.startswith(f"Cadangan tidak dapat ditulis ke {folder}: ")
    assert result.warning.endswith(WARNING_TAIL)
    # The meeting goes on: the next decision is recorded as usual.
    services.decisions.record_consensus(hall.meeting_id, hall.items[1], "SHU dibagi")
    assert len(services.decisions.decisions(hall.meeting_id)) == 2
    failed = [p for k, p in audit_kinds(services) if k == "backup.failed"]
    assert failed and failed[0]["folder"] == str(folder)
    assert services.audit.verify().intact
    return result.warning


def test_a_pulled_stick_gives_a_warning_and_the_meeting_goes_on(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    hall = opened_hall(cooperative, db_path)
    usb.rmdir()  # the stick is pulled out
    warning = _failed_backup_leaves_meeting_going(cooperative, hall, usb)
    assert "folder tidak ditemukan (flashdisk dicabut?)" in warning
    assert not usb.exists()  # not re-created on the laptop's own disk


def test_a_read_only_folder_gives_a_warning(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    with read_only_folder(tmp_path / "usb") as usb:
        cooperative.backups.choose_folder(usb)
        warning = _failed_backup_leaves_meeting_going(cooperative, hall, usb)
        assert "folder hanya-baca atau tidak boleh ditulis" in warning


def test_a_full_disk_gives_a_warning_and_leaves_no_part_file(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    with small_disk(tmp_path / "usb", "size=64k") as usb:
        cooperative.backups.choose_folder(usb)
        warning = _failed_backup_leaves_meeting_going(cooperative, hall, usb)
        assert "disk penuh" in warning
        assert list(usb.iterdir()) == []


def test_restore_keeps_the_current_file_aside_then_replaces_it(
    cooperative: Services, db_path: Path, tmp_path: Path
) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    cooperative.backups.choose_folder(usb)
    cooperative.register.save(Member("A-0001", "Siti Aminah"))
    taken = cooperative.backups.backup_now()
    assert taken.path is not None
    cooperative.register.save(Member("A-0002", "Budi Santoso"))  # after the backup
    result = cooperative.backups.restore(taken.path)
    assert result.restored == db_path
    assert result.aside.name == "kuorum.sebelum-pulih-20260314-090000.sqlite"
    assert result.aside.parent == db_path.parent
    restored = Services.open(db_path, create=False)
    aside = Services.open(result.aside, create=False)
    try:
        assert [m.number for m in _members(restored)] == ["A-0001"]
        assert [m.number for m in _members(aside)] == ["A-0001", "A-0002"]
        kinds = audit_kinds(restored)
        assert kinds[-1][0] == "backup.restored"
        assert kinds[-1][1]["aside"] == result.aside.name
        assert restored.audit.verify().intact and aside.audit.verify().intact
    finally:
        restored.close()
        aside.close()


def test_restoring_a_file_that_is_not_there_is_refused(
    cooperative: Services, tmp_path: Path
) -> None:
    with pytest.raises(StorageError, match="tidak ada"):
        cooperative.backups.restore(tmp_path / "x.sqlite")


def _members(services: Services) -> list[Member]:
    from assembly.persistence.tables import members

    with services.ctx.db.read() as conn:
        numbers = conn.execute(sa.select(members.c.number).order_by(members.c.number)).scalars()
        return [Member(n, "") for n in numbers]
