"""The lock holds across crashes (issue 10 point 5): a real Kuorum process placing the last
required signature is killed with SIGKILL before the signed PDF is written, after it is written
but before the lock commits, and after the lock; the next ``sign`` (or the next start of the
app) finishes the lock from the signed file, verified first, or says exactly what to do. A
locked meeting's berita acara, re-exported after a member is renamed, is the signed file byte
for byte."""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from assembly.cli import main
from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingState
from assembly.persistence import audit_log
from tests.services.signing_fixtures import PASSPHRASE, Keys, closed_meeting, make_keys

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> Keys:
    return make_keys(tmp_path_factory.mktemp("keys"))


@dataclass
class Half:
    """A closed meeting whose berita acara carries the chair's signature only."""

    db: Path
    meeting_id: int
    pdf: Path
    keys: Keys


@pytest.fixture
def half_signed(cooperative: Any, db_path: Path, tmp_path: Path, keys: Keys) -> Half:
    meeting_id, pdf = closed_meeting(cooperative, db_path, tmp_path)
    first, _c = cooperative.minutes_signing.sign_minutes(
        meeting_id, pdf, keys.chair, PASSPHRASE, "ketua"
    )
    assert first.missing == ("TTD_Sekretaris",)
    cooperative.close()
    return Half(db_path, meeting_id, pdf, keys)


class Child:
    """A signing (or exporting) Kuorum process stopped at ``moment``, alive until killed."""

    def __init__(self, half: Half, moment: str, target: Path | None = None) -> None:
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tests.robustness.lock_signer", str(half.db),
             str(target or half.pdf), str(half.keys.secretary), moment, str(half.meeting_id)],
            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
            env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        )  # fmt: skip
        assert self.process.stdout is not None
        line = self.process.stdout.readline().strip()
        if line != "STOP":
            self.process.kill()
            _out, err = self.process.communicate()
            pytest.fail(f"the child did not reach {moment}: {line!r} {err}")

    def kill(self) -> None:
        self.process.send_signal(signal.SIGKILL)
        assert self.process.wait() == -signal.SIGKILL
        assert self.process.stdout is not None and self.process.stderr is not None
        self.process.stdout.close()
        self.process.stderr.close()


@pytest.fixture
def opened(half_signed: Half) -> Iterator[Any]:
    """Services over the half-signed file, opened after the child is gone (call it later)."""
    from assembly.persistence.database import open_database
    from assembly.services.bundle import Services
    from assembly.services.context import ServiceContext
    from tests.conftest import FIXED_NOW

    made: list[Any] = []

    def open_() -> Any:
        made.append(
            Services.create(
                ServiceContext(open_database(half_signed.db), "sekretaris", lambda: FIXED_NOW)
            )
        )
        return made[-1]

    yield open_
    for services in made:
        services.close()


def _state(services: Any, meeting_id: int) -> MeetingState:
    return services.meetings.get(meeting_id).state  # type: ignore[no-any-return]


def _sign_again(half: Half, monkeypatch: pytest.MonkeyPatch) -> int:
    monkeypatch.setenv("KUORUM_PASSPHRASE", PASSPHRASE)
    return main(
        ["sign", str(half.pdf), "--meeting", str(half.meeting_id), "--db", str(half.db),
         "--key", str(half.keys.secretary), "--role", "sekretaris"]
    )  # fmt: skip


def _assert_locked_with_the_file(services: Any, half: Half) -> None:
    """Locked, the recorded hash is the file's, both signatures verify, the chain holds, and a
    re-export gives the signed bytes."""
    assert _state(services, half.meeting_id) is MeetingState.LOCKED
    data = half.pdf.read_bytes()
    status = services.minutes_signing.status(half.meeting_id, half.pdf)
    assert status.minutes is not None
    assert status.minutes.sha256 == hashlib.sha256(data).hexdigest()
    assert status.missing == () and status.report.all_valid
    assert services.audit.verify().intact
    again = half.pdf.with_name("lagi.pdf")
    services.minutes.export(half.meeting_id, again)
    assert again.read_bytes() == data


def test_killed_before_the_pdf_is_written_the_next_sign_signs_and_locks(
    half_signed: Half, opened: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    before = half_signed.pdf.read_bytes()
    Child(half_signed, "before_pdf").kill()
    # The signed copy died in its temporary file: the file on disk is untouched.
    assert half_signed.pdf.read_bytes() == before
    assert list(half_signed.pdf.parent.glob(".*.part"))
    services = opened()
    assert _state(services, half_signed.meeting_id) is MeetingState.CLOSED
    services.close()
    assert _sign_again(half_signed, monkeypatch) == 0
    assert "kini dikunci" in capsys.readouterr().out
    _assert_locked_with_the_file(opened(), half_signed)


def test_killed_between_the_pdf_and_the_lock_the_next_sign_finishes_the_lock(
    half_signed: Half, opened: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    Child(half_signed, "before_lock").kill()
    services = opened()
    # The danger this point is about: a fully signed PDF beside a meeting not locked.
    report = services.signing.verify(half_signed.pdf)
    assert report.all_valid and len(report.checks) == 2
    assert _state(services, half_signed.meeting_id) is MeetingState.CLOSED
    services.close()
    assert _sign_again(half_signed, monkeypatch) == 0
    out = capsys.readouterr().out
    assert "sempat terputus" in out and "sudah dikunci dengan berkas ini" in out
    services = opened()
    _assert_locked_with_the_file(services, half_signed)
    with services.ctx.db.read() as conn:
        events = [e for e in audit_log.events(conn) if e.kind == "minutes.locked"]
    assert len(events) == 1 and json.loads(events[0].payload)["recovered"] is True


def test_killed_after_the_lock_the_next_sign_says_it_is_done(
    half_signed: Half, opened: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    Child(half_signed, "after_lock").kill()
    services = opened()
    assert _state(services, half_signed.meeting_id) is MeetingState.LOCKED
    services.close()
    assert _sign_again(half_signed, monkeypatch) == 0
    assert "sudah dikunci dengan berkas ini" in capsys.readouterr().out
    _assert_locked_with_the_file(opened(), half_signed)


def test_the_app_start_finishes_the_lock_and_removes_killed_exports_leftovers(
    qtbot: Any, half_signed: Half, opened: Any
) -> None:
    from PySide6.QtWidgets import QApplication

    from assembly.app import Kuorum

    Child(half_signed, "before_lock").kill()
    # An export killed just before its rename leaves its .part beside the database ...
    Child(half_signed, "export", half_signed.db.with_name("ekspor.pdf")).kill()
    dead = list(half_signed.db.parent.glob(".ekspor.pdf.*.part"))
    assert len(dead) == 1
    # ... while another export, alive and writing, holds its own: that one must stay.
    alive = Child(half_signed, "export", half_signed.db.with_name("lain.pdf"))
    foreign = half_signed.db.with_name(".unduhan.part")
    foreign.write_bytes(b"bukan milik Kuorum")
    try:
        live = list(half_signed.db.parent.glob(".lain.pdf.*.part"))
        assert len(live) == 1
        app = QApplication.instance()
        assert isinstance(app, QApplication)
        kuorum = Kuorum(app)
        assert kuorum.open(half_signed.db)
        assert kuorum.notice is not None and "sempat terputus" in kuorum.notice.text()
        assert not dead[0].exists() and live[0].exists()
        assert foreign.exists()  # another program's hidden .part is not ours to remove
        assert kuorum.services is not None
        _assert_locked_with_the_file(kuorum.services, half_signed)
        kuorum.notice.grab().save("/tmp/lock-shots/start-recovered.png")
        kuorum.notice.close()
        assert kuorum.window is not None
        kuorum.close()  # the window, the door's listener thread, then the file
    finally:
        alive.kill()


def test_a_noted_file_gone_or_changed_says_what_to_do(
    half_signed: Half, opened: Any, monkeypatch: pytest.MonkeyPatch, capsys: Any
) -> None:
    Child(half_signed, "before_lock").kill()
    complete = half_signed.pdf.read_bytes()
    # Changed after signing: one byte inside the signed range.
    changed = bytearray(complete)
    changed[len(changed) // 3] ^= 0x01
    half_signed.pdf.write_bytes(bytes(changed))
    services = opened()
    found = services.lock_recovery.finish_pending()
    assert len(found) == 1 and not found[0].locked
    assert "tidak dapat dipakai" in found[0].message and "tandatangani lagi" in found[0].message
    assert _state(services, half_signed.meeting_id) is MeetingState.CLOSED
    half_signed.pdf.unlink()
    found = services.lock_recovery.finish_pending()
    assert "tidak ditemukan" in found[0].message and str(half_signed.pdf) in found[0].message
    assert _state(services, half_signed.meeting_id) is MeetingState.CLOSED
    # The complete file found elsewhere: `sign --meeting` with it finishes the lock.
    services.close()
    moved = half_signed.pdf.with_name("ditemukan.pdf")
    moved.write_bytes(complete)
    monkeypatch.setenv("KUORUM_PASSPHRASE", PASSPHRASE)
    args = ["sign", str(moved), "--meeting", str(half_signed.meeting_id)]
    assert main([*args, "--db", str(half_signed.db), "--key", str(half_signed.keys.secretary),
                 "--role", "sekretaris"]) == 0  # fmt: skip
    assert "sudah dikunci dengan berkas ini" in capsys.readouterr().out
    half_signed.pdf.write_bytes(complete)
    _assert_locked_with_the_file(opened(), half_signed)


def test_a_locked_meeting_re_exports_the_signed_file_after_a_rename(
    half_signed: Half, opened: Any, tmp_path: Path
) -> None:
    from dataclasses import replace

    services = opened()
    services.minutes_signing.sign_minutes(
        half_signed.meeting_id, half_signed.pdf, half_signed.keys.secretary, PASSPHRASE,
        "sekretaris",
    )  # fmt: skip
    signed = half_signed.pdf.read_bytes()
    first = services.register.member_by_number("0001")
    assert first is not None
    services.register.save(replace(first, name="Nama Baru Setelah Kunci"))
    assert services.register.member(first.id).name == "Nama Baru Setelah Kunci"
    out = tmp_path / "ekspor-cli.pdf"
    assert main(["minutes", "export", "--meeting", str(half_signed.meeting_id), "--db",
                 str(half_signed.db), "--out", str(out)]) == 0  # fmt: skip
    assert out.read_bytes() == signed
    services.minutes.export(half_signed.meeting_id, tmp_path / "ekspor-app.pdf")
    assert (tmp_path / "ekspor-app.pdf").read_bytes() == signed
    # The reporting pack carries today's Daftar Hadir beside the signed file: it refuses while
    # the register of those present differs from what the signature vouches for, naming it,
    # and packs the signed bytes once the record is put back.
    with pytest.raises(DomainError, match="data anggota yang hadir berubah"):
        services.reporting.write(half_signed.meeting_id, tmp_path / "paket")
    assert not (tmp_path / "paket").exists()
    services.register.save(first)
    pack = services.reporting.write(half_signed.meeting_id, tmp_path / "paket")
    assert pack.signed
    assert (tmp_path / "paket" / "berita_acara_ditandatangani.pdf").read_bytes() == signed


def test_only_the_last_signature_is_noted_and_a_refused_one_leaves_no_note(
    half_signed: Half, opened: Any
) -> None:

    services = opened()
    assert services.lock_recovery.noted_files() == []  # the chair's signature is not the last
    with pytest.raises(DomainError, match="Kata sandi kunci salah"):
        services.minutes_signing.sign_minutes(
            half_signed.meeting_id, half_signed.pdf, half_signed.keys.secretary, "salah-sandi",
            "sekretaris",
        )  # fmt: skip
    assert services.lock_recovery.noted_files() == []
    assert services.lock_recovery.finish_pending() == []


def test_the_kept_file_cannot_be_swapped(
    half_signed: Half, opened: Any, tmp_path: Path, capsys: Any
) -> None:
    import sqlite3

    services = opened()
    services.minutes_signing.sign_minutes(
        half_signed.meeting_id, half_signed.pdf, half_signed.keys.secretary, PASSPHRASE,
        "sekretaris",
    )  # fmt: skip
    services.close()
    raw = sqlite3.connect(half_signed.db)
    forged = b"%PDF-1.7 berita acara palsu"
    # Through SQL the kept file is neither replaced nor removed ...
    for sql in ("UPDATE signed_files SET data = ?", "DELETE FROM signed_files WHERE ? IS NOT NULL"):
        with pytest.raises(sqlite3.IntegrityError, match="kuorum:meeting-locked"):
            raw.execute(sql, (forged,))
    # ... and whoever drops the trigger to swap it gets no export of the forgery.
    raw.execute("DROP TRIGGER signed_files_no_update")
    raw.execute("UPDATE signed_files SET data = ?", (forged,))
    raw.commit()
    raw.close()
    target = tmp_path / "ekspor.pdf"
    code = main(["minutes", "export", "--meeting", str(half_signed.meeting_id), "--db",
                 str(half_signed.db), "--out", str(target)])  # fmt: skip
    assert code == 2 and not target.exists()
    assert "tidak cocok dengan SHA-256" in capsys.readouterr().err
