"""Backups of the open database to a second folder (a USB stick), their rotation, what each one
holds, and putting one back (issue 6; DESIGN.md section 7).

A backup is taken with SQLite's online backup API from a fresh connection: one read
transaction, so the copy is one consistent moment even while the desks keep writing (WAL lets
them). It is written to a temporary file in the target folder, flushed to the stick, and only
then renamed to its final name, so a stick pulled out half-way never leaves a file that looks
like a backup but is not one.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from assembly.domain.cooperative import TimeZone
from assembly.domain.disk import disk_problem
from assembly.domain.errors import StorageError
from assembly.domain.local_time import ZONE_NAMES
from assembly.domain.meeting import zone_of
from assembly.i18n import tr
from assembly.persistence import audit_log, settings_store
from assembly.persistence.database import (
    APPLICATION_ID,
    BUSY_TIMEOUT_S,
    SQLITE_HEADER,
    Database,
    _inspect_existing,
)
from assembly.persistence.tables import decisions, meetings

STAMP = "%Y%m%d-%H%M%S"
# kuorum-<label>-<YYYYMMDD-HHMMSS><zone>-a<seq>h<hash>-<reason>.sqlite; the label is the
# cooperative's code or the database file's stem, reduced to letters, digits, "_" and "-"; the
# time is the cooperative's (WIB, WITA or WIT, named; older names carry no zone: the laptop's
# own time). Since the anchor (issue 10), the audit log's head at the copy follows the time
# (a<seq>h<first 12 hex of its hash>), so the stick remembers how far the chain had come even
# if the live file's chain is later cut.
NAME = re.compile(
    r"^kuorum-(?P<label>[A-Za-z0-9_-]+?)-(?P<stamp>\d{8}-\d{6})(?P<zone>WITA|WIB|WIT)?"
    r"(?:-a(?P<seq>\d+)h(?P<head>[0-9a-f]{12}))?-(?P<reason>[a-z0-9-]+)\.sqlite$"
)
HEAD_CHARS = 12
_NEVER = dt.datetime.min.replace(tzinfo=dt.UTC)
_UNSAFE = re.compile(r"[^A-Za-z0-9_]+")


class BackupWriteError(StorageError):
    """A backup could not be written; ``detail`` says why in the user's words."""

    def __init__(self, folder: Path, detail: str) -> None:
        super().__init__(detail)
        self.folder = folder
        self.detail = detail


@dataclass(frozen=True)
class MeetingBrief:
    """One meeting as a backup holds it (raw codes; the service words them)."""

    kind: str
    financial_year: int | None
    subject: str
    date: str
    state: str


@dataclass(frozen=True)
class BackupInfo:
    """What one backup file holds, read without changing it. ``problem`` is set (and the
    figures are empty) when the file cannot be read as a Kuorum database."""

    path: Path
    label: str
    taken_at: dt.datetime
    reason: str
    size: int
    cooperative: str = ""
    code: str = ""
    members: int = 0
    meetings: tuple[MeetingBrief, ...] = ()
    last_seq: int = 0
    last_at: str = ""
    revision: str = ""
    problem: str = ""
    head_seq: int = 0  # the audit head the file name remembers (0: a name from before)
    head_hash: str = ""  # its first HEAD_CHARS hex digits


def safe_label(text: str) -> str:
    """``text`` reduced to what a file name on any stick accepts."""
    return _UNSAFE.sub("-", text).strip("-") or "kuorum"


def backup_name(label: str, when: dt.datetime, reason: str) -> str:
    """The file name of a backup of ``label`` taken at ``when`` because of ``reason``."""
    reason = re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "manual"
    zone = when.tzname() if when.tzname() in ZONE_NAMES else ""
    return f"kuorum-{safe_label(label)}-{when.strftime(STAMP)}{zone}-{reason}.sqlite"


def is_ours(path: Path) -> bool:
    """Whether ``path`` is named like our backups and carries Kuorum's application id."""
    if not NAME.match(path.name) or not path.is_file():
        return False
    try:
        with path.open("rb") as f:
            header = f.read(72)
    except OSError:
        return False
    return header[:16] == SQLITE_HEADER and int.from_bytes(header[68:72], "big") == APPLICATION_ID


def make_backup(db: Database, folder: Path, name: str) -> Path:
    """Write a consistent copy of ``db`` to ``folder/name`` (a number is added to the reason
    when that name is taken). Raises :class:`BackupWriteError` when the folder is missing,
    read-only or full; nothing is left behind then."""
    try:
        with _temporary(folder) as tmp:
            if db.is_postgresql:
                _copy_out(db, tmp)
            else:
                _copy(db.path, tmp)
            name = _with_head(name, tmp)
            target = folder / name
            counter = 2
            while target.exists():
                target = folder / name.replace(".sqlite", f"-{counter}.sqlite")
                counter += 1
            os.replace(tmp, target)
        _fsync_dir(folder)
    except (OSError, sqlite3.Error, sa.exc.OperationalError) as exc:
        raise BackupWriteError(folder, describe(exc)) from exc
    return target


def _copy_out(db: Database, tmp: Path) -> None:
    """The whole cooperative on the host's PostgreSQL copied into the SQLite file ``tmp``
    (every table and the audit chain, in one read transaction of the host: one moment), as
    ``host copy-out`` does; the file is then a SQLite cooperative like any other backup."""
    from assembly.persistence.cooperative_copy import copy_cooperative
    from assembly.persistence.database import CLOSED_SUFFIX, open_database, truncate_wal

    tmp.unlink()  # open_database makes the file anew (migrated to the same revision)
    target = open_database(tmp, create=True)
    try:
        copy_cooperative(db, target)
        truncate_wal(target)
    finally:
        target.close()
        # The note a closed database leaves beside itself has no place on the stick.
        tmp.with_name(tmp.name + CLOSED_SUFFIX).unlink(missing_ok=True)
    conn = sqlite3.connect(tmp)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file on the stick
    finally:
        conn.close()
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())


def _with_head(name: str, copy: Path) -> str:
    """``name`` with the audit head of the copy just made (``-a412h1a2b3c4d5e6f`` after the
    time); unchanged for a copy without audit events."""
    conn = sqlite3.connect(copy)
    try:
        row = conn.execute(
            "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"
        ).fetchone()
    finally:
        conn.close()
    match = NAME.match(name)
    if row is None or match is None:
        return name
    head = f"a{row[0]}h{row[1][:HEAD_CHARS]}"
    zone = match["zone"] or ""
    return f"kuorum-{match['label']}-{match['stamp']}{zone}-{head}-{match['reason']}.sqlite"


def copy_live(db: Database, target: Path) -> None:
    """A consistent copy of the open database at ``target`` (for keeping it aside)."""
    with _temporary(target.parent) as tmp:
        _copy(db.path, tmp)
        os.replace(tmp, target)
    _fsync_dir(target.parent)


@contextlib.contextmanager
def _temporary(folder: Path) -> Iterator[Path]:
    fd, name = tempfile.mkstemp(dir=folder, prefix=".kuorum-", suffix=".part")
    tmp = Path(name)
    try:
        # Held while the copy is written: a later start removes only ``.part`` files no live
        # process holds (services.files.remove_leftovers).
        with contextlib.suppress(ImportError, OSError):
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        yield tmp
    finally:
        os.close(fd)
        tmp.unlink(missing_ok=True)  # gone already after the rename


def _copy(source: Path, tmp: Path) -> None:
    # One step (pages=-1): the copy is one read transaction, one moment of the database. WAL
    # lets writers go on meanwhile; a step-wise copy would restart at each of their commits.
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_S)
    try:
        dest = sqlite3.connect(tmp)
        try:
            src.backup(dest)
            # A single self-contained file: no -wal/-shm beside it on the stick.
            dest.execute("PRAGMA journal_mode=DELETE")
        finally:
            dest.close()
    finally:
        src.close()
    with tmp.open("rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":  # Windows cannot open a folder to flush it; NTFS orders renames
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def describe(exc: BaseException) -> str:
    """Why a write failed, in the user's words."""
    return disk_problem(exc)


def ours_in(folder: Path) -> list[Path]:
    """Our backups in ``folder``, newest first (by the time in the name)."""
    try:
        candidates = [p for p in folder.iterdir() if NAME.match(p.name)]
    except OSError:
        return []
    found = [p for p in candidates if is_ours(p)]
    return sorted(found, key=_order, reverse=True)


def _order(path: Path) -> tuple[dt.datetime, int, int]:
    # Two backups in one second: the one with the higher added number ("-2", "-3") is newer,
    # else the one written later.
    match = NAME.match(path.name)
    number = re.search(r"-(\d+)$", match["reason"]) if match else None
    return _stamp_of(path), int(number[1]) if number else 1, path.stat().st_mtime_ns


def rotate(folder: Path, label: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups of ``label``; the deleted paths. Files that
    are not ours (other names, or without Kuorum's mark) are never touched."""
    label = safe_label(label)
    mine = [p for p in ours_in(folder) if _label_of(p) == label]
    removed = []
    for path in mine[max(keep, 1) :]:
        path.unlink()
        removed.append(path)
    return removed


def _label_of(path: Path) -> str:
    match = NAME.match(path.name)
    return match["label"] if match else ""


def _stamp_of(path: Path) -> dt.datetime:
    """When the backup was taken, as an aware time (from the zone in its name, else the
    laptop's own zone, as older names were written)."""
    match = NAME.match(path.name)
    assert match is not None
    try:
        stamp = dt.datetime.strptime(match["stamp"], STAMP)
    except ValueError:
        return _NEVER
    if match["zone"]:
        return stamp.replace(tzinfo=zone_of(TimeZone(match["zone"])))
    return stamp.astimezone()


def read_info(path: Path) -> BackupInfo:
    """What the backup at ``path`` holds, read-only (the stick may be write-protected)."""
    match = NAME.match(path.name)
    base = BackupInfo(
        path,
        match["label"] if match else "",
        _stamp_of(path) if match else _NEVER,
        match["reason"] if match else "",
        path.stat().st_size if path.exists() else 0,
        head_seq=int(match["seq"]) if match and match["seq"] else 0,
        head_hash=match["head"] or "" if match else "",
    )
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error as exc:
        return _with_problem(base, str(exc))
    try:
        if conn.execute("PRAGMA application_id").fetchone()[0] != APPLICATION_ID:
            return _with_problem(base, tr("bukan basis data Kuorum"))
        return _figures(conn, base)
    except sqlite3.Error as exc:
        return _with_problem(base, tr("rusak: {detail}", detail=exc))
    finally:
        conn.close()


def _with_problem(base: BackupInfo, problem: str) -> BackupInfo:
    return dataclasses.replace(base, problem=problem)


def _figures(conn: sqlite3.Connection, base: BackupInfo) -> BackupInfo:
    coop = conn.execute("SELECT name, code FROM cooperative").fetchone() or ("", "")
    members = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    meetings: tuple[MeetingBrief, ...] = ()
    if _has_table(conn, "meetings"):
        meetings = tuple(
            MeetingBrief(*row)
            for row in conn.execute(
                "SELECT kind, financial_year, subject, date, state FROM meetings "
                "ORDER BY date DESC, id DESC"
            )
        )
    seq, at = conn.execute(
        "SELECT seq, at FROM audit_events ORDER BY seq DESC LIMIT 1"
    ).fetchone() or (
        0,
        "",
    )
    revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    return BackupInfo(
        base.path,
        base.label,
        base.taken_at,
        base.reason,
        base.size,
        cooperative=coop[0],
        code=coop[1],
        members=members,
        meetings=meetings,
        last_seq=seq,
        last_at=at,
        revision=revision[0] if revision else "",
        head_seq=base.head_seq,
        head_hash=base.head_hash,
    )


def _has_table(conn: sqlite3.Connection, name: str) -> bool:
    query = "SELECT 1 FROM sqlite_master WHERE type='table' AND name=?"
    return conn.execute(query, (name,)).fetchone() is not None


def locked_ids(conn: sa.Connection) -> list[int]:
    """The ids of the live database's locked meetings."""
    rows = conn.execute(
        sa.select(meetings.c.id).where(meetings.c.state == "locked").order_by(meetings.c.id)
    ).scalars()
    return [int(row) for row in rows]


def meeting_states(path: Path) -> dict[int, str]:
    """Each meeting's state in the backup at ``path`` (read-only), by id."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    try:
        if not _has_table(conn, "meetings"):
            return {}
        return {int(i): str(state) for i, state in conn.execute("SELECT id, state FROM meetings")}
    finally:
        conn.close()


def check_restorable(path: Path) -> None:
    """The checks :func:`open_database` makes: ours, not damaged, not from a newer Kuorum.
    Raises :class:`StorageError` with the reason; an older revision passes (it is migrated
    when the restored file is opened)."""
    _inspect_existing(path)


def restore(db: Database, backup: Path, when: dt.datetime) -> Path:
    """Put ``backup`` in place of the open database ``db``; the path the current file was
    kept at (``<stem>.sebelum-pulih-<time>.sqlite`` beside it).

    ``db`` is closed on the way: the caller opens the restored file anew. Refused (nothing
    changed, no file left) when the backup fails the checks or another process has the
    database open."""
    check_restorable(backup)
    live = db.path
    aside = live.with_name(f"{live.stem}.sebelum-pulih-{when.strftime(STAMP)}.sqlite")
    try:
        copy_live(db, aside)
    except (OSError, sqlite3.Error) as exc:
        raise StorageError(
            tr(
                "Basis data saat ini tidak dapat disimpan ke samping ({detail}); tidak ada yang "
                "dipulihkan.",
                detail=describe(exc),
            )
        ) from exc
    db.close()
    wal = live.with_name(live.name + "-wal")
    if wal.exists() and wal.stat().st_size > 0:
        # Another process still holds the file: replacing it under them would mix their log
        # with the restored pages.
        aside.unlink()
        raise StorageError(tr("Basis data sedang dipakai oleh proses lain. Coba lagi sebentar."))
    with _temporary(live.parent) as tmp:
        shutil.copyfile(backup, tmp)
        with tmp.open("rb+") as f:
            os.fsync(f.fileno())
        for leftover in (wal, live.with_name(live.name + "-shm")):
            leftover.unlink(missing_ok=True)
        os.replace(tmp, live)
    _fsync_dir(live.parent)
    return aside


def milestone(conn: sa.Connection) -> tuple[int, int, int, int]:
    """What a backup after each decision, at closing and at the lock watches: the number of
    decisions, the newest decision's id, the number of finished meetings (closed, locked,
    postponed) and the number of locked ones."""
    count, newest = conn.execute(
        sa.select(sa.func.count(), sa.func.coalesce(sa.func.max(decisions.c.id), 0))
    ).one()
    finished = conn.execute(
        sa.select(sa.func.count())
        .select_from(meetings)
        .where(meetings.c.state.in_(("closed", "locked", "postponed")))
    ).scalar_one()
    locked = conn.execute(
        sa.select(sa.func.count()).select_from(meetings).where(meetings.c.state == "locked")
    ).scalar_one()
    return int(count), int(newest), int(finished), int(locked)


def note(
    db: Database,
    actor: str,
    kind: str,
    payload: Mapping[str, Any],
    settings: Mapping[str, str] | None = None,
) -> bool:
    """Append an audit event (and store ``settings``) in a write of its own; False when the
    live database cannot take it just now (a backup never stops the meeting for that)."""
    try:
        with db.write() as conn:
            for key, value in (settings or {}).items():
                settings_store.put(conn, key, value)
            audit_log.append(conn, actor, kind, payload)
    except (sa.exc.SQLAlchemyError, StorageError):
        return False
    return True


def holds_event(path: Path, seq: int, digest: str) -> bool:
    """Whether the backup at ``path`` holds audit event ``seq`` with hash ``digest`` (read
    without changing it; False for a file that cannot be read)."""
    try:
        conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro&immutable=1", uri=True)
    except sqlite3.Error:
        return False
    try:
        row = conn.execute("SELECT hash FROM audit_events WHERE seq = ?", (seq,)).fetchone()
    except sqlite3.Error:
        return False
    finally:
        conn.close()
    return row is not None and row[0] == digest
