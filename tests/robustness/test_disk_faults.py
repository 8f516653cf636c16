"""Where the disk fails (issue 10 point 8): a really full disk during check-in, a vote, an
import and exports gives a clear Indonesian message, writes nothing half, and the meeting goes
on once space is freed; a file-size limit (EFBIG) does the same; a read-only database opens
read-only for reading commands and is never called damaged.

The full disk is a real one: a small tmpfs mounted for the test (as root, which CI is), filled
to the last block. Without root, :func:`test_a_file_size_limit_refuses_writes_cleanly` still
produces real EFBIG failures with ``RLIMIT_FSIZE`` in a child process."""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from assembly.cli import main
from assembly.domain.ballots import BallotMode, Choice
from assembly.domain.errors import DomainError
from tests.services.voting_fixtures import Hall, no_consensus, opened_hall

ROOT = Path(__file__).resolve().parents[2]
FULL = "disk penuh"


def _mount(folder: Path, options: str) -> bool:
    folder.mkdir(exist_ok=True)
    if os.geteuid() != 0 or shutil.which("mount") is None:
        return False
    done = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)], capture_output=True
    )
    return done.returncode == 0


def _unmount(folder: Path) -> None:
    subprocess.run(["umount", "-l", str(folder)], capture_output=True)


class Disk:
    """A small real file system: ``fill`` takes every free block, ``free`` gives them back."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.filler = folder / "pengisi.bin"

    def fill(self, services: Any | None) -> None:
        # The write-ahead log emptied first (as after a backup): the next commit needs new
        # blocks, which the disk no longer has.
        if services is not None:
            with services.ctx.db.engine.connect() as conn:
                conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
        fd = os.open(self.filler, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        try:
            while True:
                os.write(fd, b"\0" * 65536)
        except OSError as exc:
            assert exc.errno == 28  # ENOSPC
        try:
            while True:
                os.write(fd, b"\0")
        except OSError:
            pass
        finally:
            os.close(fd)
        assert shutil.disk_usage(self.folder).free == 0

    def free(self) -> None:
        self.filler.unlink()


@pytest.fixture
def disk(tmp_path: Path) -> Iterator[Disk]:
    folder = tmp_path / "disk"
    if not _mount(folder, "size=6m"):
        pytest.skip(
            "needs root and tmpfs mounting to make a real full disk; "
            "test_a_file_size_limit_refuses_writes_cleanly covers EFBIG without it"
        )
    try:
        yield Disk(folder)
    finally:
        _unmount(folder)


@pytest.fixture
def hall_on_disk(disk: Disk, template_db: Path) -> Iterator[tuple[Hall, Disk]]:
    """The voting fixtures' opened meeting, its database on the small disk."""
    yield from _hall_in(disk.folder, template_db, disk)


@pytest.fixture
def hall_to_lock(tmp_path: Path, template_db: Path) -> Iterator[tuple[Hall, Disk]]:
    """The same meeting in a folder that can be made read-only: its own small file system as
    root (remounted read-only), else a plain folder (file and folder modes)."""
    folder = tmp_path / "stick"
    mounted = _mount(folder, "size=16m")
    try:
        yield from _hall_in(folder, template_db, Disk(folder))
    finally:
        if mounted:
            _unmount(folder)


def _hall_in(folder: Path, template_db: Path, disk: Disk) -> Iterator[tuple[Hall, Disk]]:
    from assembly.domain.cooperative import Cooperative, TimeZone
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext
    from tests.conftest import FIXED_NOW

    path = folder / "kuorum.sqlite"
    shutil.copyfile(template_db, path)
    services = Services.create(ServiceContext(open_database(path), "sekretaris", lambda: FIXED_NOW))
    services.cooperative.save_cooperative(
        Cooperative(name="Koperasi Uji Disk", legal_entity_number="1/BH/2001",
                    registration_number="1", address="Jl. Uji 1", city="Bandung",
                    time_zone=TimeZone.WIB, code="KUD")
    )  # fmt: skip
    hall = opened_hall(services, path)
    yield hall, disk
    services.close()


def _count(services: Any, table: str) -> int:
    with services.ctx.db.read() as conn:
        return int(conn.execute(sa.text(f"SELECT count(*) FROM {table}")).scalar_one())


def test_check_in_and_a_vote_on_a_full_disk_then_the_meeting_goes_on(
    hall_on_disk: tuple[Hall, Disk],
) -> None:
    hall, disk = hall_on_disk
    services = hall.services
    item = no_consensus(hall, 2)
    ballot, _ = services.ballots.open_motion(hall.meeting_id, item, BallotMode.NAMED, "SHU 40%")
    assert ballot.id is not None
    present, votes = _count(services, "attendance"), _count(services, "named_votes")
    events = _count(services, "audit_events")
    disk.fill(services)
    with pytest.raises(DomainError) as refused:
        services.checkin.check_in(hall.meeting_id, "0007")
    assert FULL in refused.value.message and "rapat dapat dilanjutkan" in refused.value.message
    with pytest.raises(DomainError, match=FULL):
        services.ballots.cast(ballot.id, "0001", Choice.YES)
    # Nothing half-written: the same rows, the same chain.
    assert (_count(services, "attendance"), _count(services, "named_votes")) == (present, votes)
    assert _count(services, "audit_events") == events
    disk.free()
    services.checkin.check_in(hall.meeting_id, "0007")
    services.ballots.cast(ballot.id, "0001", Choice.YES)
    assert _count(services, "attendance") == present + 1
    assert _count(services, "named_votes") == votes + 1
    assert services.audit.verify().intact


def test_an_import_on_a_full_disk_writes_no_row(
    hall_on_disk: tuple[Hall, Disk], tmp_path: Path
) -> None:
    hall, disk = hall_on_disk
    services = hall.services
    source = tmp_path / "anggota.csv"
    rows = ["Nomor anggota,Nama"] + [f"B-{n:04d},Anggota Baru {n}" for n in range(1, 301)]
    source.write_text("\n".join(rows) + "\n", encoding="utf-8")
    preview = services.importer.preview(source)
    before = _count(services, "members")
    disk.fill(services)
    with pytest.raises(DomainError, match=FULL):
        services.importer.commit(preview)
    assert _count(services, "members") == before
    disk.free()
    services.importer.commit(preview)
    assert _count(services, "members") == before + 300


def test_exports_onto_a_full_disk_leave_nothing(hall_on_disk: tuple[Hall, Disk]) -> None:
    hall, disk = hall_on_disk
    services = hall.services
    services.meetings.close(hall.meeting_id)
    disk.fill(services)
    for target, export in (
        (disk.folder / "daftar.csv", lambda p: services.exporter.export(p)),
        (disk.folder / "daftar.xlsx", lambda p: services.exporter.export(p)),
        (disk.folder / "berita-acara.pdf", lambda p: services.minutes.export(hall.meeting_id, p)),
    ):
        with pytest.raises(DomainError) as refused:
            export(target)
        assert FULL in refused.value.message and target.name in refused.value.message
        assert not target.exists()
        assert not list(disk.folder.glob(".*.part"))
    disk.free()
    services.minutes.export(hall.meeting_id, disk.folder / "berita-acara.pdf")
    assert (disk.folder / "berita-acara.pdf").read_bytes().startswith(b"%PDF")


def test_the_command_line_on_a_full_disk_says_so(
    hall_on_disk: tuple[Hall, Disk], tmp_path: Path, capsys: Any
) -> None:
    hall, disk = hall_on_disk
    source = tmp_path / "anggota.csv"
    source.write_text("Nomor anggota,Nama\nC-0001,Anggota Baris Perintah\n", encoding="utf-8")
    disk.fill(hall.services)
    code = main(["members", "import", str(source), "--db", str(hall.path)])
    err = capsys.readouterr().err
    assert code == 2 and FULL in err and "Traceback" not in err and "rusak" not in err
    disk.free()
    assert main(["members", "import", str(source), "--db", str(hall.path)]) == 0


@contextlib.contextmanager
def _read_only(folder: Path) -> Iterator[None]:
    """``folder`` made read-only: a read-only remount of its own file system (root, where
    file modes do not bind), else file and folder modes."""
    if os.path.ismount(folder):
        done = subprocess.run(["mount", "-o", "remount,ro", str(folder)], capture_output=True)
        assert done.returncode == 0, done.stderr
        try:
            yield
        finally:
            subprocess.run(["mount", "-o", "remount,rw", str(folder)], capture_output=True)
        return
    for path in folder.iterdir():
        path.chmod(0o444)
    folder.chmod(0o555)
    try:
        yield
    finally:
        folder.chmod(0o755)


def test_a_read_only_database_reads_and_exports_and_is_never_called_damaged(
    qtbot: Any, hall_to_lock: tuple[Hall, Disk], tmp_path: Path, capsys: Any
) -> None:
    hall, _disk = hall_to_lock
    if not os.path.ismount(hall.path.parent) and os.geteuid() == 0:
        pytest.skip("as root only a read-only mount makes a file unwritable, and mounting failed")
    hall.services.meetings.close(hall.meeting_id)
    hall.services.close()  # the desk is closed; someone copied the file to a locked stick
    with _read_only(hall.path.parent):
        assert not os.access(hall.path, os.W_OK)
        assert main(["status", "--db", str(hall.path)]) == 0
        out = capsys.readouterr()
        assert "Koperasi Uji Disk" in out.out and "rusak" not in out.err
        assert main(["members", "export", str(tmp_path / "daftar.csv"), "--db",
                     str(hall.path)]) == 0  # fmt: skip
        assert main(["minutes", "export", "--meeting", str(hall.meeting_id), "--db",
                     str(hall.path), "--out", str(tmp_path / "ba.pdf")]) == 0  # fmt: skip
        assert main(["audit", "verify", "--db", str(hall.path)]) == 0
        capsys.readouterr()
        source = tmp_path / "anggota.csv"
        source.write_text("Nomor anggota,Nama\nD-0001,Anggota\n", encoding="utf-8")
        assert main(["members", "import", str(source), "--db", str(hall.path)]) == 2
        err = capsys.readouterr().err
        assert "hanya dapat dibaca" in err and "rusak" not in err
        # The app opens it too, and says it is read-only.
        from PySide6.QtWidgets import QApplication

        from assembly.app import Kuorum

        app = QApplication.instance()
        assert isinstance(app, QApplication)
        kuorum = Kuorum(app)
        assert kuorum.open(hall.path)
        assert kuorum.notice is not None and "hanya-baca" in kuorum.notice.text()
        assert kuorum.services is not None and kuorum.services.ctx.db.read_only
        kuorum.notice.grab().save("/tmp/lock-shots/read-only-notice.png")
        kuorum.notice.close()
        assert kuorum.window is not None
        kuorum.close()  # the window, the door's listener thread, then the file
    assert (tmp_path / "daftar.csv").stat().st_size > 0
    assert (tmp_path / "ba.pdf").read_bytes().startswith(b"%PDF")


def test_opening_on_a_full_disk_is_not_called_damaged(hall_on_disk: tuple[Hall, Disk]) -> None:
    from assembly.domain.errors import StorageError
    from assembly.services.bundle import Services

    hall, disk = hall_on_disk
    hall.services.close()  # the log and its index are removed; opening needs room for them
    disk.fill(None)
    with pytest.raises(StorageError) as refused:
        Services.open(hall.path, create=False)
    assert FULL in refused.value.message and "tidak rusak" in refused.value.message
    disk.free()
    again = Services.open(hall.path, create=False)
    try:
        assert again.audit.verify().intact
    finally:
        again.close()


_CHILD = """
import json, resource, signal, sys
from pathlib import Path
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
from assembly.domain.errors import DomainError
from assembly.services.bundle import Services
db, out = Path(sys.argv[1]), Path(sys.argv[2])
services = Services.open(db, create=False)
with services.ctx.db.engine.connect() as conn:
    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
limit = 4096  # no file may grow past 4 KiB: the log's first page and the export exceed it
resource.setrlimit(resource.RLIMIT_FSIZE, (limit, resource.RLIM_INFINITY))
found = {}
try:
    services.checkin.check_in(int(sys.argv[3]), "0007")
    found["check_in"] = "saved"
except DomainError as exc:
    found["check_in"] = exc.message
try:
    services.exporter.export(out)
    found["export"] = "saved"
except DomainError as exc:
    found["export"] = exc.message
services.close()
print(json.dumps(found))
"""


def test_a_file_size_limit_refuses_writes_cleanly(
    cooperative: Any, db_path: Path, tmp_path: Path
) -> None:
    hall = opened_hall(cooperative, db_path)
    for n in range(1, 100):
        cooperative.register.save(
            cooperative.register.member(hall.ids["0001"]).__class__(f"E-{n:04d}", f"Anggota {n}")
        )
    attendance = _count(cooperative, "attendance")
    cooperative.close()
    out = tmp_path / "daftar.csv"
    child = subprocess.run(
        [sys.executable, "-c", _CHILD, str(db_path), str(out), str(hall.meeting_id)],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert child.returncode == 0, child.stderr
    found = json.loads(child.stdout.strip().splitlines()[-1])
    # SQLite reports the refused write as an I/O error: said so, plainly, not "damaged".
    assert "tidak disimpan" in found["check_in"] and "Tidak ada yang berubah" in found["check_in"]
    assert "rapat dapat dilanjutkan" in found["check_in"] and "rusak" not in found["check_in"]
    assert "melebihi ukuran" in found["export"] and not out.exists()
    assert not list(tmp_path.glob(".*.part"))
    from assembly.services.bundle import Services

    again = Services.open(db_path, create=False)
    try:
        assert _count(again, "attendance") == attendance
        again.checkin.check_in(hall.meeting_id, "0007")
        assert _count(again, "attendance") == attendance + 1
        assert again.audit.verify().intact
    finally:
        again.close()
