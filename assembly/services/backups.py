"""Automatic backups to a second folder the secretary chooses (a USB stick), their list with
what each holds, and restoring one (issue 6; DESIGN.md section 7).

A backup never stops the meeting: a full disk, a pulled stick or a read-only folder gives a
:class:`BackupResult` with a warning to show, and the meeting's own records are untouched.
"""

from __future__ import annotations

import datetime as dt
import json
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError, StorageError
from assembly.domain.local_time import in_zone
from assembly.domain.meeting import Meeting, MeetingState, MeetingType
from assembly.i18n import tr, translator
from assembly.persistence import (
    audit_log,
    backup,
    cooperative_store,
    document_store,
    host_link,
    settings_store,
)
from assembly.persistence.backup import BackupInfo, MeetingBrief
from assembly.persistence.database import open_database
from assembly.services.changes import Changes
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import require_meeting

__all__ = [
    "BackupInfo",
    "BackupResult",
    "BackupService",
    "BackupSettings",
    "LockAtRisk",
    "Reason",
]

FOLDER_KEY, KEEP_KEY, MILESTONE_KEY = "backup.folder", "backup.keep", "backup.milestone"
RESTORED_KEY = "backup.restored"  # the last restore, written into the restored file
DEFAULT_KEEP = 20
MAX_KEEP = 999
DEFAULT_FOLDER = "cadangan"  # beside the database until the secretary chooses a stick


class Reason(StrEnum):
    """Why a backup was taken; part of its file name."""

    MANUAL = "manual"
    DECISION = "keputusan"
    CLOSING = "penutupan"
    SIGNATURE = "tandatangan"
    LOCK = "penguncian"

    @property
    def label(self) -> str:
        """The reason as the list shows it."""
        return {
            Reason.MANUAL: tr("manual"),
            Reason.DECISION: tr("setelah keputusan"),
            Reason.CLOSING: tr("rapat ditutup"),
            Reason.SIGNATURE: tr("setelah tanda tangan"),
            Reason.LOCK: tr("rapat dikunci"),
        }[self]


def reason_label(code: str) -> str:
    """The list's wording of the reason in a backup's file name."""
    base = code.rsplit("-", 1)[0] if code[-1:].isdigit() else code
    return Reason(base).label if base in Reason._value2member_map_ else code


def meeting_line(brief: MeetingBrief) -> str:
    """ "RAT 2025 — 14/03/2026 — Ditutup": one meeting of a backup, for the preview."""
    kind = MeetingType(brief.kind).short if brief.kind in MeetingType._value2member_map_ else ""
    state = (
        tr(MeetingState(brief.state).key)
        if brief.state in MeetingState._value2member_map_
        else brief.state
    )
    title = " ".join(p for p in (kind, str(brief.financial_year or ""), brief.subject) if p)
    try:
        day = dt.date.fromisoformat(brief.date).strftime("%d/%m/%Y")
    except ValueError:
        day = brief.date
    return f"{title} — {day} — {state}"


@dataclass(frozen=True)
class BackupSettings:
    """Where backups go and how many of this database's are kept. ``chosen`` is False while
    the folder is still the default one beside the database."""

    folder: Path
    keep: int
    chosen: bool


@dataclass(frozen=True)
class BackupResult:
    """What one backup did: the file made, or the warning to show (the meeting goes on)."""

    path: Path | None
    warning: str = ""
    removed: tuple[Path, ...] = ()
    note: str = ""  # said instead of a file when another computer makes the backups

    @property
    def ok(self) -> bool:
        """Whether the backup was written."""
        return self.path is not None


@dataclass(frozen=True)
class RestoreResult:
    """The restored database (to be opened anew) and where the replaced one was kept."""

    restored: Path
    aside: Path
    locks_undone: tuple[LockAtRisk, ...] = ()


@dataclass(frozen=True)
class LockAtRisk:
    """A meeting locked in the open database that a backup holds unlocked (or not at all):
    restoring it would undo a signed, locked record. ``name`` is what the user types."""

    meeting_id: int
    name: str
    title: str
    state_in_backup: str  # the state's label there; "" when the backup lacks the meeting
    sha256: str  # of the signed berita acara recorded at the lock


def confirm_name(meeting: Meeting) -> str:
    """ "RAT 2025": the meeting's name as typed to confirm undoing its lock (the type's short
    name and the financial year, or the date when it has none)."""
    year = str(meeting.financial_year) if meeting.financial_year else meeting.date.isoformat()
    return f"{meeting.kind.short} {year}"


def _normal(text: str) -> str:
    return " ".join(text.replace('"', " ").split()).casefold()


class BackupService:
    """Backups of the open database. Safe to call from a worker thread: backups of one
    process are taken one at a time."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._lock = threading.Lock()
        self._here: bool | None = None

    def settings(self) -> BackupSettings:
        """The backup folder and how many to keep."""
        with self._ctx.db.read() as conn:
            folder = settings_store.get(conn, FOLDER_KEY)
            keep = settings_store.get(conn, KEEP_KEY)
        default = self._ctx.db.path.parent / DEFAULT_FOLDER
        return BackupSettings(
            Path(folder) if folder else default,
            int(keep) if keep and keep.isdigit() else DEFAULT_KEEP,
            bool(folder),
        )

    def choose_folder(self, folder: Path | str) -> Changes:
        """Make ``folder`` (an existing folder, e.g. on a USB stick) the backup folder."""
        path = Path(folder).expanduser().absolute()
        if not path.is_dir():
            raise DomainError(tr("Folder {path} tidak ada. Pilih folder yang ada.", path=path))
        self._save({FOLDER_KEY: str(path)}, "backup.folder", {"folder": str(path)})
        return Changes()

    def set_keep(self, keep: int) -> Changes:
        """Keep the newest ``keep`` backups of this database (1 to 999)."""
        if not 1 <= keep <= MAX_KEEP:
            raise DomainError(
                tr("Jumlah cadangan yang disimpan harus 1 sampai {most}.", most=MAX_KEEP)
            )
        self._save({KEEP_KEY: str(keep)}, "backup.keep", {"keep": keep})
        return Changes()

    def _save(self, values: dict[str, str], kind: str, payload: dict[str, object]) -> None:
        with self._ctx.db.write() as conn:
            for key, value in values.items():
                settings_store.put(conn, key, value)
            audit_log.append(conn, self._ctx.actor, kind, payload)

    def label(self) -> str:
        """The name backups of this database carry: the cooperative's code, else the file's."""
        with self._ctx.db.read() as conn:
            coop = cooperative_store.load(conn)
        return backup.safe_label(coop.code if coop and coop.code else self._ctx.db.path.stem)

    def zone(self) -> TimeZone:
        """The cooperative's time zone, in which backup times are named and shown."""
        with self._ctx.db.read() as conn:
            coop = cooperative_store.load(conn)
        return coop.time_zone if coop else TimeZone.WIB

    def made_here(self) -> bool:
        """Whether this computer makes the backups: always with a SQLite file; with the
        host's PostgreSQL only on the host laptop itself (docs/two-desks.md). A desk never
        writes one: its data lives on the host, whose app backs up after each decision, at
        closing and at the lock, whichever desk made them."""
        if self._here is None:
            self._here = host_link.on_this_computer(self._ctx.db)
        return self._here

    def backup_now(self, reason: Reason | str = Reason.MANUAL) -> BackupResult:
        """Take a backup now and rotate the old ones. Never raises for a disk problem: the
        result carries the warning instead, and the failure is in the audit log. On a desk of
        the host's PostgreSQL a manual backup is refused saying where backups are made; an
        automatic one (after a signature, at the lock) makes none and says so."""
        if not self.made_here():
            if Reason(reason) is Reason.MANUAL:
                raise DomainError(_desk_refusal())
            return BackupResult(None, note=_made_on_host())
        with self._lock:
            return self._backup(Reason(reason))

    def backup_if_due(self) -> BackupResult | None:
        """A backup when a decision was recorded or a meeting finished since the last one
        (None when nothing of the kind happened). The UI calls this after each change to the
        decisions or meetings; the command line's ``backup auto`` too."""
        if not self.made_here():
            return None  # the host laptop's app backs up what this desk did
        with self._lock:
            with self._ctx.db.read() as conn:
                now = backup.milestone(conn)
                stored = settings_store.get(conn, MILESTONE_KEY)
            last = _milestone(stored, now)
            if now == last:
                return None
            if now[3] != last[3]:
                reason = Reason.LOCK  # a meeting locked at another desk (here: already done)
            elif now[2] != last[2]:
                reason = Reason.CLOSING
            else:
                reason = Reason.DECISION
            return self._backup(reason)

    def _backup(self, reason: Reason) -> BackupResult:
        config = self.settings()
        folder = config.folder
        with self._ctx.db.read() as conn:
            milestone = backup.milestone(conn)
        # Named with the cooperative's time and zone: "…-20260314-103000WIB-keputusan.sqlite".
        name = backup.backup_name(self.label(), in_zone(self._ctx.now(), self.zone()), reason.value)
        try:
            if not config.chosen:
                folder.mkdir(parents=True, exist_ok=True)
            elif not folder.is_dir():
                # A pulled stick: never create its folder on the laptop's own disk instead.
                raise backup.BackupWriteError(
                    folder, tr("folder tidak ditemukan (flashdisk dicabut?)")
                )
            path = backup.make_backup(self._ctx.db, folder, name)
        except (backup.BackupWriteError, OSError) as exc:
            detail = (
                exc.detail if isinstance(exc, backup.BackupWriteError) else backup.describe(exc)
            )
            warning = tr(
                "Cadangan tidak dapat ditulis ke {folder}: {detail}. Rapat berjalan terus; "
                "ganti atau periksa flashdisk.",
                folder=folder,
                detail=detail,
            )
            backup.note(
                self._ctx.db,
                self._ctx.actor,
                "backup.failed",
                {"folder": str(folder), "reason": reason.value, "detail": detail},
            )
            return BackupResult(None, warning)
        size = path.stat().st_size
        removed: list[Path] = []
        warning = ""
        try:
            removed = backup.rotate(folder, self.label(), config.keep)
        except OSError as exc:
            warning = tr(
                "Cadangan lama di {folder} tidak dapat dihapus: {detail}.",
                folder=folder,
                detail=backup.describe(exc),
            )
        payload = {
            "file": path.name,
            "folder": str(folder),
            "reason": reason.value,
            "bytes": size,
            "removed": [p.name for p in removed],
        }
        # Every backup covers what happened so far: the next automatic one waits for news.
        settings = {MILESTONE_KEY: ":".join(map(str, milestone))}
        backup.note(self._ctx.db, self._ctx.actor, "backup.made", payload, settings)
        return BackupResult(path, warning, tuple(removed))

    def latest(self) -> Path | None:
        """The newest of our backups in the backup folder (None: none there), whoever took
        it: the automatic one after a decision, the one after a signature or at the lock, a
        manual one or the command line's. Reads only the folder and the files' headers."""
        found = backup.ours_in(self.settings().folder)
        return found[0] if found else None

    def backups(self) -> list[BackupInfo]:
        """Our backups in the backup folder, newest first, each with what it holds."""
        return [backup.read_info(p) for p in backup.ours_in(self.settings().folder)]

    def locks_at_risk(self, path: Path | str) -> list[LockAtRisk]:
        """The meetings locked here that the backup at ``path`` holds unlocked or not at all
        (a backup taken before their lock)."""
        source = Path(path).absolute()
        backup.check_restorable(source)
        states = backup.meeting_states(source)
        found = []
        with self._ctx.db.read() as conn:
            for meeting_id in backup.locked_ids(conn):
                if states.get(meeting_id) == MeetingState.LOCKED.value:
                    continue
                meeting = require_meeting(conn, meeting_id)
                record = document_store.signed_minutes(conn, meeting_id)
                state = states.get(meeting_id, "")
                label = (
                    tr(MeetingState(state).key)
                    if state in MeetingState._value2member_map_
                    else state
                )
                found.append(
                    LockAtRisk(
                        meeting_id, confirm_name(meeting), meeting.title_in(translator()), label,
                        record.sha256 if record else "",
                    )
                )  # fmt: skip
        return found

    def restore(
        self, path: Path | str, confirm_meeting: str | Sequence[str] | None = None
    ) -> RestoreResult:
        """Put the backup at ``path`` in place of the open database, keeping the current file
        aside first. A foreign, damaged or newer backup is refused and nothing changes. A
        backup older than a lock held here is refused too unless ``confirm_meeting`` names
        each such meeting (:func:`confirm_name`; several separated by ";"). The restore is
        recorded in the database before it is replaced (so the copy kept aside carries it)
        and again in the restored one, after the copy. The services are stale afterwards:
        open :attr:`RestoreResult.restored` anew."""
        source = Path(path).absolute()
        if self._ctx.db.is_postgresql:
            raise DomainError(_no_restore_on_host(source))
        if not source.is_file():
            raise StorageError(tr("Berkas {path} tidak ada.", path=source))
        at_risk = self.locks_at_risk(source)
        typed = [confirm_meeting] if isinstance(confirm_meeting, str) else confirm_meeting or []
        names = {_normal(part) for text in typed for part in text.split(";") if part.strip()}
        unconfirmed = [r for r in at_risk if _normal(r.name) not in names
                       and _normal(r.title) not in names]  # fmt: skip
        if unconfirmed:
            raise DomainError(_refusal(source, unconfirmed))
        payload: dict[str, object] = {
            "from": str(source),
            "locks_undone": [
                {
                    "meeting_id": r.meeting_id,
                    "name": r.name,
                    "sha256": r.sha256,
                    "state_in_backup": r.state_in_backup,
                }
                for r in at_risk
            ],
        }
        with self._lock:
            backup.note(self._ctx.db, self._ctx.actor, "backup.restoring", payload)
            aside = backup.restore(self._ctx.db, source, self._ctx.now())
            restored = open_database(self._ctx.db.path, create=False)  # migrates an older one
            try:
                info = backup.read_info(source)
                payload |= {"aside": aside.name, "revision": info.revision}
                backup.note(restored, self._ctx.actor, "backup.restored", payload,
                            {RESTORED_KEY: json.dumps(payload, sort_keys=True)})  # fmt: skip
            finally:
                restored.close()
        return RestoreResult(self._ctx.db.path, aside, tuple(at_risk))


def _milestone(stored: str | None, now: tuple[int, ...]) -> tuple[int, ...]:
    """The milestone of the last backup; one stored by an older Kuorum (three numbers, no
    lock count) counts the locks as they are now, so an upgrade alone takes no backup."""
    if not stored:
        return (0,) * len(now)
    last = tuple(int(x) for x in stored.split(":"))
    return last + now[len(last) :]


def _made_on_host() -> str:
    return tr(
        "Cadangan dibuat oleh Kuorum di laptop induk (ke folder cadangannya), bukan di meja ini."
    )


def _desk_refusal() -> str:
    return tr(
        "Meja ini bekerja di basis data laptop induk; cadangan dibuat di laptop induk: buka "
        "Berkas → Cadangan di sana, atau jalankan di laptop induk: python main.py backup now "
        "--db STRING-KONEKSI. Tidak ada yang dibuat di meja ini."
    )


def _no_restore_on_host(source: Path) -> str:
    return tr(
        "Basis data ini ada di laptop induk (PostgreSQL); cadangan {file} tidak dipulihkan ke "
        "dalamnya. Cadangan adalah koperasi SQLite utuh: buka berkasnya dengan Berkas → Buka "
        "basis data… (atau --db {file}), atau salin ke laptop induk yang kosong dengan python "
        "main.py host copy-in. Tidak ada yang diubah.",
        file=source,
    )


def _refusal(source: Path, at_risk: list[LockAtRisk]) -> str:
    lines = [
        tr(
            "{meeting} sudah ditandatangani dan dikunci di sini; di cadangan {file} rapat ini "
            "{state}.",
            meeting=r.title,
            file=source.name,
            state=r.state_in_backup or tr("belum ada"),
        )
        for r in at_risk
    ]
    names = "; ".join(r.name for r in at_risk)
    lines.append(
        tr(
            "Memulihkan cadangan ini membatalkan kunci itu. Bila memang perlu, ketik nama rapat "
            '"{names}" untuk mengonfirmasi (baris perintah: --confirm-meeting "{names}"). '
            "Tidak ada yang dipulihkan.",
            names=names,
        )
    )
    return " ".join(lines)
