"""The audit chain cannot be cut or re-written unseen (issue 10, point 3), as long as something
outside the table remembers a later head: the signed berita acara stored at the lock, a backup
(its file name keeps the head), or a signed file handed to ``audit verify --anchor``.

Every attack is made on the real file with sqlite3, the append-only triggers dropped first, and
the chain re-hashed with the public rule wherever that hides the edit from the chain itself.
"""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from assembly.cli import main
from assembly.domain.audit import check_chain, event_hash
from assembly.persistence import audit_log
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from tests.robustness.anchor_fixtures import (
    Locked,
    drop_lock_triggers,
    raw,
    rehash_chain,
)


def backup_after_lock(locked: Locked) -> tuple[Path, int]:
    """A backup taken through the service after the lock: its path and the head in its name."""
    services = Services.open(locked.db, create=False)
    try:
        made = services.backups.backup_now()
    finally:
        services.close()
    assert made.path is not None
    match = re.search(r"-a(\d+)h", made.path.name)
    assert match is not None
    return made.path, int(match[1])


def audit(db: Path, capsys: pytest.CaptureFixture[str], *extra: str) -> tuple[int, str]:
    code = main(["audit", "verify", "--db", str(db), *extra])
    return code, capsys.readouterr().out


def chain_intact(path: Path) -> bool:
    """Whether the chain alone, walked whole, looks unbroken."""
    db = open_database(path)
    try:
        with db.read() as conn:
            return check_chain(audit_log.events(conn)).intact
    finally:
        db.close()


def test_a_backup_names_the_head_it_holds(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    path, _head = backup_after_lock(locked)
    match = re.search(r"-a(\d+)h([0-9a-f]{12})-manual\.sqlite$", path.name)
    assert match is not None, path.name
    copy = sqlite3.connect(path)
    query = "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
    seq, digest = copy.execute(query).fetchone()
    copy.close()
    assert int(match[1]) == seq and digest.startswith(match[2])
    code, out = audit(locked.db, capsys)
    assert code == 0, out
    # The stored signed file, the backups taken after each signature and at the lock, and this
    # one: each held against the chain.
    assert "dicocokkan dengan 4 catatan di luar tabel" in out


def test_the_last_events_deleted(locked: Locked, capsys: pytest.CaptureFixture[str]) -> None:
    backup, head = backup_after_lock(locked)
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute("DELETE FROM audit_events WHERE seq > ?", (head - 3,))
    conn.close()
    code, out = audit(locked.db, capsys)
    assert code == 1
    assert (
        f"log audit dipotong setelah peristiwa {head - 3}: cadangan {backup.name} mencatat "
        f"peristiwa {head}"
    ) in out


def test_one_event_deleted_and_the_rest_rehashed(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    backup, head = backup_after_lock(locked)
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute("DELETE FROM audit_events WHERE seq = 3")
    rehash_chain(conn)
    conn.close()
    assert chain_intact(locked.db)  # the chain alone sees nothing
    code, out = audit(locked.db, capsys)
    assert code == 1
    assert (
        f"log audit ditulis ulang: peristiwa {locked.anchor_seq} tidak sama dengan yang dicatat "
        f"berita acara rapat {locked.meeting_id} yang ditandatangani"
    ) in out
    assert (
        f"log audit ditulis ulang: peristiwa {head} tidak sama dengan yang dicatat cadangan {backup.name}"
        in out
    )


def test_a_payload_forged_and_rehashed(locked: Locked, capsys: pytest.CaptureFixture[str]) -> None:
    backup_after_lock(locked)
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute('UPDATE audit_events SET payload = \'{"number":"9999"}\' WHERE seq = 5')
    rehash_chain(conn)
    conn.close()
    code, out = audit(locked.db, capsys)
    assert code == 1
    assert f"log audit ditulis ulang: peristiwa {locked.anchor_seq}" in out


def test_a_forged_event_appended_in_place_of_the_real_last_one(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    backup, head = backup_after_lock(locked)
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    # The real event the backup remembers (and the backup's own note after it) removed ...
    conn.execute("DELETE FROM audit_events WHERE seq >= ?", (head,))
    # ... and a forged one appended in its place, correctly chained.
    prev_hash, at = conn.execute(
        "SELECT hash, at FROM audit_events WHERE seq = ?", (head - 1,)
    ).fetchone()
    payload = '{"meeting_id":1,"note":"dibuka kembali"}'
    forged = event_hash(prev_hash, head, at, "ketua", "meeting.reopened", payload)
    conn.execute(
        "INSERT INTO audit_events VALUES (?, ?, 'ketua', 'meeting.reopened', ?, ?, ?)",
        (head, at, payload, prev_hash, forged),
    )
    conn.close()
    assert chain_intact(locked.db)
    code, out = audit(locked.db, capsys)
    assert code == 1
    assert (
        f"log audit ditulis ulang: peristiwa {head} tidak sama dengan yang dicatat cadangan "
        f"{backup.name}"
    ) in out


def test_every_event_deleted(locked: Locked, capsys: pytest.CaptureFixture[str]) -> None:
    conn = raw(locked.db)
    drop_lock_triggers(conn)
    conn.execute("DELETE FROM audit_events")
    conn.close()
    code, out = audit(locked.db, capsys)
    assert code == 1
    assert (
        f"log audit dikosongkan: tidak ada satu peristiwa pun, padahal berita acara rapat "
        f"{locked.meeting_id} yang ditandatangani mencatat peristiwa {locked.anchor_seq}"
    ) in out


def test_a_chain_rebuilt_with_nothing_left_inside_is_caught_only_by_a_file_outside(
    locked: Locked, capsys: pytest.CaptureFixture[str]
) -> None:
    """The limit docs/security.md states: remove every anchor the file holds (the stored
    signed file, the lock) and the backups beside it, and re-hash, and the file alone cannot
    tell. The signed PDF the
    members took home still can."""
    # The backups taken at each signature and at the lock remember the head too: the forger
    # who holds the laptop wipes them (a stick kept elsewhere would still tell).
    for kept in locked.db.parent.rglob("kuorum-*.sqlite"):
        kept.unlink()
    conn = raw(locked.db)
    guards = [
        sql for (sql,) in conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger'")
    ]
    drop_lock_triggers(conn)
    conn.execute("DELETE FROM meeting_anchors")
    conn.execute("UPDATE meetings SET state = 'closed'")
    conn.execute("DELETE FROM audit_events WHERE seq = 4")
    rehash_chain(conn)
    conn.close()
    with sqlite3.connect(locked.db) as c:  # put the triggers back, as a careful forger would
        for sql in guards:
            c.execute(sql.replace("CREATE TRIGGER", "CREATE TRIGGER IF NOT EXISTS", 1))
    code, out = audit(locked.db, capsys)
    assert code == 0, out  # nothing outside the table: undetectable, as documented
    code, out = audit(locked.db, capsys, "--anchor", str(locked.pdf))
    assert code == 1
    assert (
        f"log audit ditulis ulang: peristiwa {locked.anchor_seq} tidak sama dengan yang dicatat "
        f"berkas {locked.pdf.name}"
    ) in out


def test_a_restore_sets_older_backups_aside_but_later_ones_still_hold(
    cooperative: Any, db_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A legitimate restore replaces the chain with an older one: the backups taken before it
    are set aside with a note (not an alarm); a backup taken after it still catches a cut."""
    from assembly.domain.members import Member

    cooperative.register.save(Member("A-0001", "Siti Aminah"))
    oldest = cooperative.backups.backup_now().path
    cooperative.register.save(Member("A-0002", "Budi Santoso"))
    newer = cooperative.backups.backup_now().path
    assert oldest is not None and newer is not None
    cooperative.backups.restore(oldest)
    cooperative.close()
    code, out = audit(db_path, capsys)
    assert code == 0, out
    assert f"Catatan: cadangan {newer.name} dibuat sebelum pemulihan cadangan" in out

    services = Services.open(db_path, create=False)
    try:
        services.register.save(Member("A-0003", "Citra Lestari"))
        after = services.backups.backup_now().path
    finally:
        services.close()
    assert after is not None
    seq = int(re.search(r"-a(\d+)h", after.name)[1])  # type: ignore[index]
    conn = raw(db_path)
    drop_lock_triggers(conn)
    conn.execute("DELETE FROM audit_events WHERE seq >= ?", (seq - 1,))
    conn.close()
    code, out = audit(db_path, capsys)
    assert code == 1
    assert f"log audit dipotong setelah peristiwa {seq - 2}: cadangan {after.name}" in out
