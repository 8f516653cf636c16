"""Checking the audit log: anyone can verify that no recorded change was altered or removed.

The chain alone proves only that it is whole: whoever holds the file can cut it or rebuild it
with fresh hashes. So ``verify`` also holds it against every head remembered outside the
table: the signed berita acara of each locked meeting (kept once at the lock, in
``signed_files``; its bytes must still have the SHA-256 recorded with its document, in its
anchor and in the chain's lock event, and its signatures make its anchor trustworthy even
though it lives in the database), each backup in the backup folder (its file name keeps the
head at the copy), and any signed file handed in (``--anchor``). It reports the lock triggers
that are missing, checks every locked meeting's records against the digest its signed file
carries and the one recorded at its lock, and its kept stays against its attendance history.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from assembly.domain.audit import check_chain
from assembly.domain.record_digest import Anchor, AuditHead, compare, digest_from_json
from assembly.i18n import tr
from assembly.persistence import (
    anchor_store,
    audit_log,
    backup,
    document_store,
    meeting_store,
    settings_store,
)
from assembly.persistence.meeting_store import Connection
from assembly.services.anchor_check import head_lines, read_anchor, signature_report
from assembly.services.anchor_words import difference_lines
from assembly.services.backups import DEFAULT_FOLDER, FOLDER_KEY
from assembly.services.context import ServiceContext
from assembly.services.document_history import documents_off_history
from assembly.services.kept_minutes import kept_problems
from assembly.services.presence import stays_off_history
from assembly.services.record_digest import meeting_digest
from assembly.services.signers_missing import missing_signers
from assembly.services.signing import _read


@dataclass(frozen=True)
class AuditReport:
    """The result of checking the chain: ``head_hash`` is what the minutes print;
    ``problems`` is everything found wrong, chain or anchors (empty when intact)."""

    intact: bool
    events: int
    head_hash: str
    summary: str
    problems: tuple[str, ...] = ()
    anchors: int = 0  # how many remembered heads the chain was held against
    notes: tuple[str, ...] = ()  # what was set aside, and why (backups from before a restore)


class AuditService:
    """Verifies the hash chain of the audit log and everything anchored outside it."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def head_hash(self) -> str:
        """The hash of the newest event ("" for an empty log)."""
        with self._ctx.db.read() as conn:
            head = audit_log.head(conn)
        return head.hash if head else ""

    def verify(self, anchor_files: Sequence[Path] = ()) -> AuditReport:
        """Walk the whole chain, hold it against every remembered head, check the lock
        triggers and every locked meeting; say where anything breaks."""
        problems: list[str] = []
        files: list[tuple[Anchor, str]] = []
        for path in anchor_files:
            anchor, problem = _file_anchor(Path(path), self._ctx)
            if anchor is None:
                problems.append(problem)
            else:
                files.append((anchor, tr("berkas {file}", file=Path(path).name)))
        heads = [(anchor.head, source) for anchor, source in files]
        with self._ctx.db.read() as conn:
            check = check_chain(audit_log.events(conn))
            missing = anchor_store.missing_triggers(conn)
            if missing:
                problems.append(
                    tr(
                        "pemicu penguncian hilang ({n}): {names}",
                        n=len(missing),
                        names=", ".join(missing),
                    )
                )
            locked_heads, locked_problems = _locked_meetings(conn)
            for meeting_id in anchor_store.locked_meetings(conn):
                locked_problems += documents_off_history(conn, meeting_id)
            backups, notes = _before_restores(conn, self._backup_heads(conn))
            heads += locked_heads + backups
            problems += locked_problems
            for anchor, source in files:
                current = meeting_digest(conn, anchor.meeting_id)
                problems += [
                    f"{source}: {line}"
                    for line in difference_lines(compare(anchor.digest, current))
                ]
            problems += head_lines(conn, heads)
        if check.intact and not problems:
            return AuditReport(
                True,
                check.events,
                check.head_hash,
                tr(
                    "Log audit utuh: {n} peristiwa, hash terakhir {hash}; dicocokkan dengan "
                    "{anchors} catatan di luar tabel",
                    n=check.events,
                    hash=check.head_hash,
                    anchors=len(heads),
                ),
                (),
                len(heads),
                tuple(notes),
            )
        if not check.intact:
            reasons = {
                "missing": tr("peristiwa nomor {seq} hilang"),
                "link": tr("peristiwa nomor {seq} tidak tersambung ke peristiwa sebelumnya"),
                "altered": tr("peristiwa nomor {seq} telah diubah"),
            }
            problems.insert(0, reasons[check.reason].format(seq=check.broken_at))
        return AuditReport(
            False,
            check.events,
            check.head_hash,
            tr("Log audit RUSAK: {reason}.", reason="; ".join(problems)),
            tuple(problems),
            len(heads),
            tuple(notes),
        )

    def _backup_heads(self, conn: Connection) -> list[tuple[AuditHead, str, Path]]:
        """The heads kept in the names of the backups in the backup folder."""
        stored = settings_store.get(conn, FOLDER_KEY)
        folder = Path(stored) if stored else self._ctx.db.path.parent / DEFAULT_FOLDER
        found = []
        for path in backup.ours_in(folder):
            info = backup.NAME.match(path.name)
            if info and info["seq"]:
                head = AuditHead(int(info["seq"]), info["head"])
                found.append((head, tr("cadangan {name}", name=path.name), path))
        return found


def _before_restores(
    conn: Connection, backups: list[tuple[AuditHead, str, Path]]
) -> tuple[list[tuple[AuditHead, str]], list[str]]:
    """The backup heads to hold the chain against, and notes on those set aside.

    Restoring a backup legitimately replaces the chain with an older one; the backups taken
    before that restore then remember a history the file no longer has. A backup whose head
    the live chain contradicts is set aside, with a note, when the chain records a restore
    that the backup does not hold (it was taken before it). A backup that holds the restore
    must agree with the chain. Someone who forges a restore event can so hide a cut from
    older backups, never silently: the note names every backup set aside."""
    restores = audit_log.of_kind(conn, "backup.restored")
    kept: list[tuple[AuditHead, str]] = []
    notes: list[str] = []
    for head, source, path in backups:
        conflict = head_lines(conn, [(head, source)])
        before = (
            conflict
            and restores
            and not any(backup.holds_event(path, r.seq, r.hash) for r in restores)
        )
        if before:
            notes.append(
                tr(
                    "{source} dibuat sebelum pemulihan cadangan (peristiwa {seq}); riwayatnya "
                    "tidak dicocokkan",
                    source=source,
                    seq=restores[-1].seq,
                )
            )
        else:
            kept.append((head, source))
    return kept, notes


def _locked_meetings(conn: Connection) -> tuple[list[tuple[AuditHead, str]], list[str]]:
    """Every locked meeting against its anchor: the signed file kept at the lock (its bytes
    held against the SHA-256 recorded then, its signatures checked, then its digest and head
    trusted), the digest recorded then, and its stays against its attendance history."""
    heads: list[tuple[AuditHead, str]] = []
    problems: list[str] = []
    anchored = set()
    for lock in anchor_store.anchors(conn):
        anchored.add(lock.meeting_id)
        name = tr("berita acara rapat {id} yang ditandatangani", id=lock.meeting_id)
        current = meeting_digest(conn, lock.meeting_id)
        lines = difference_lines(compare(digest_from_json(lock.digest), current))
        kept = kept_problems(conn, lock.meeting_id)
        data = document_store.locked_file(conn, lock.meeting_id) if not kept else None
        if data is not None:
            report = signature_report(Path(f"rapat-{lock.meeting_id}.pdf"), data)
            anchor = read_anchor(data)
            if not report.all_valid or anchor is None:
                kept.append(
                    tr(
                        "berita acara rapat {id} yang tersimpan saat dikunci tidak lagi sah",
                        id=lock.meeting_id,
                    )
                )
            else:
                heads.append((anchor.head, name))
                lines += [
                    line
                    for line in difference_lines(compare(anchor.digest, current))
                    if line not in lines
                ]
        problems += kept
        problems += [tr("rapat {id}: {line}", id=lock.meeting_id, line=line) for line in lines]
        edited = stays_off_history(conn, lock.meeting_id)
        if edited:
            problems.append(
                tr(
                    "rapat {id}: masa hadir yang tersimpan tidak sesuai dengan riwayat kehadiran "
                    "untuk anggota nomor {numbers}",
                    id=lock.meeting_id,
                    numbers=", ".join(edited),
                )
            )
    for meeting_id in anchor_store.locked_meetings(conn):
        if meeting_id not in anchored:
            problems.append(
                tr(
                    "rapat {id} terkunci tanpa jangkar tercatat (dikunci oleh versi lama, atau "
                    "jangkarnya dihapus)",
                    id=meeting_id,
                )
            )
    return heads, problems


def _file_anchor(path: Path, ctx: ServiceContext) -> tuple[Anchor | None, str]:
    """The anchor of a signed file handed in, when its signatures hold and it is complete
    (every signer its meeting's set-up requires, when this database holds the meeting); else
    None and why it is not used."""
    data = _read(path, tr("Berkas {path} tidak ditemukan."))
    report = signature_report(path, data)
    anchor = read_anchor(data)
    if anchor is None:
        return None, tr("{file} tidak membawa jangkar basis data", file=path.name)
    with ctx.db.read() as conn:
        meeting = meeting_store.header(conn, anchor.meeting_id)
    if meeting is not None and meeting.document_number != anchor.number:
        meeting = None  # another meeting under that id: the file's own fields decide
    if not report.all_valid or missing_signers(report, meeting, anchor):
        return None, tr(
            "{file} tidak sah (tanda tangan rusak atau belum lengkap); jangkarnya tidak dipakai",
            file=path.name,
        )
    return anchor, ""
