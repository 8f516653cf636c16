"""Checking a signed berita acara against the database it anchors, strictly.

``verify FILE.pdf`` passes only when every signature holds, every required signer has signed
(:mod:`assembly.services.signers_missing`: with the database, the roles decided at the
meeting's set-up, the ones the lock requires; without it, those the file's fields require) and, with ``--db``, the database still holds the records and the audit chain
the file's anchor remembers. A file cut back to an earlier revision loses the later
signatures and fails the same way. Times are shown in the cooperative's zone: the database's
when given, else the one the anchor carries.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING

from assembly.domain.audit import check_chain
from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting
from assembly.domain.record_digest import (
    Anchor,
    AnchorFormatError,
    AuditHead,
    anchor_from_json,
    chain_position,
    compare,
)
from assembly.i18n import tr
from assembly.persistence import audit_log, cooperative_store, meeting_store
from assembly.persistence.meeting_store import Connection
from assembly.services.anchor_words import chain_line, difference_lines
from assembly.services.context import ServiceContext
from assembly.services.document_history import documents_off_history
from assembly.services.kept_minutes import kept_file, kept_problems
from assembly.services.presence import stays_off_history
from assembly.services.record_digest import meeting_digest
from assembly.services.signers_missing import missing_signers
from assembly.services.signing import _read

if TYPE_CHECKING:
    from assembly.services.signature_report import VerificationReport

ANCHOR_FILE = "jangkar.json"


@dataclass(frozen=True)
class FileVerdict:
    """A signed file checked: its signatures, the required signers missing, its anchor, and
    (with a database) what no longer matches. ``database`` is False when no database was
    given."""

    report: VerificationReport
    missing: tuple[str, ...]  # role titles
    anchor: Anchor | None
    differences: tuple[str, ...] = ()
    database: bool = False

    @property
    def ok(self) -> bool:
        """Every signature sound, every required signer there, and the database matching."""
        return self.report.all_valid and not self.missing and not self.differences

    def lines(self) -> list[str]:
        """The full report: signatures, then the signers and the anchor, then the verdict."""
        return [*self.report.lines(), *self.anchor_lines(), self.verdict()]

    def anchor_lines(self) -> list[str]:
        """What the signature table does not show: the signers missing, the anchor, and
        what in the database no longer matches it."""
        lines: list[str] = []
        if self.missing:
            lines.append(
                tr("TIDAK SAH: belum ditandatangani: {roles}", roles=", ".join(self.missing))
            )
        if self.anchor is not None:
            head = self.anchor.head
            lines.append(
                tr(
                    "Jangkar: rapat {id} ({number}), log audit peristiwa {seq} hash {hash}, "
                    "intisari catatan {digest}",
                    id=self.anchor.meeting_id,
                    number=self.anchor.number or "-",
                    seq=head.seq,
                    hash=head.hash or "-",
                    digest=self.anchor.digest.sha256,
                )
            )
        if self.database:
            if self.differences:
                lines.append(tr("Basis data TIDAK cocok dengan berkas ini:"))
                lines.extend(f"  - {line}" for line in self.differences)
            else:
                lines.append(
                    tr("Basis data cocok: catatan rapat dan log audit sama dengan jangkar berkas.")
                )
        return lines

    def verdict(self) -> str:
        """One line: may this file and this database be relied on."""
        if self.ok:
            return tr("HASIL: SAH") if not self.database else tr("HASIL: SAH dan basis data cocok")
        return tr("HASIL: TIDAK SAH")


class AnchorService:
    """Checks signed berita acara files against the open database (or alone)."""

    def __init__(self, ctx: ServiceContext | None) -> None:
        self._ctx = ctx

    def verify_file(self, pdf_path: Path, *, with_database: bool = True) -> FileVerdict:
        """Check ``pdf_path`` strictly; with the database (when there is one and
        ``with_database``), also compare its records and audit chain with the anchor."""
        pdf_path = Path(pdf_path)
        data = _read(pdf_path, tr("Berkas {path} tidak ditemukan."))
        report = signature_report(pdf_path, data)
        anchor = read_anchor(data)
        use_db = self._ctx is not None and with_database
        zone = self._zone() if use_db else None
        if zone is None and anchor is not None and anchor.zone in TimeZone.__members__:
            zone = TimeZone[anchor.zone]
        report = replace(report, zone=zone)
        differences: tuple[str, ...] = ()
        meeting = self._meeting(anchor) if use_db and anchor is not None else None
        if use_db:
            if anchor is None:
                differences = (
                    tr(
                        "berkas ini tidak membawa jangkar basis data (log audit dan intisari "
                        "catatan); tidak dapat dicocokkan"
                    ),
                )
            else:
                differences = tuple(self.differences(anchor, tr("berkas ini")))
        missing = missing_signers(report, meeting, anchor)
        return FileVerdict(report, missing, anchor, differences, use_db)

    def _meeting(self, anchor: Anchor) -> Meeting | None:
        """The meeting ``anchor`` names, when this database holds it (by id and number): its
        roles decided at set-up are the signers required."""
        assert self._ctx is not None
        with self._ctx.db.read() as conn:
            meeting = meeting_store.header(conn, anchor.meeting_id)
        return meeting if meeting is not None and meeting.document_number == anchor.number else None

    def differences(self, anchor: Anchor, source: str) -> list[str]:
        """What in the database no longer matches ``anchor`` (empty when all matches)."""
        assert self._ctx is not None
        with self._ctx.db.read() as conn:
            meeting = meeting_store.header(conn, anchor.meeting_id)
            if meeting is None or meeting.document_number != anchor.number:
                return [
                    tr(
                        "rapat {id} dengan nomor {number} tidak ada di basis data ini",
                        id=anchor.meeting_id,
                        number=anchor.number or "-",
                    ),
                    *chain_lines(conn, [(anchor.head, source)]),
                ]
            found = difference_lines(compare(anchor.digest, meeting_digest(conn, meeting.id or 0)))
            found += kept_problems(conn, anchor.meeting_id)
            found += documents_off_history(conn, anchor.meeting_id)
            edited = stays_off_history(conn, anchor.meeting_id)
            if edited:
                found.append(
                    tr(
                        "rapat {id}: masa hadir yang tersimpan tidak sesuai dengan riwayat "
                        "kehadiran untuk anggota nomor {numbers}",
                        id=anchor.meeting_id,
                        numbers=", ".join(edited),
                    )
                )
            return found + chain_lines(conn, [(anchor.head, source)])

    def mismatches(self, meeting_id: int, signed_pdf: bytes | None = None) -> list[str]:
        """What in the database no longer matches the meeting's signed berita acara:
        ``signed_pdf`` when given, else the one stored at its lock; empty when it matches or
        there is no signed file to hold it against."""
        if signed_pdf is None:
            assert self._ctx is not None
            with self._ctx.db.read() as conn:
                signed_pdf = kept_file(conn, meeting_id)
        anchor = read_anchor(signed_pdf) if signed_pdf is not None else None
        if anchor is None or anchor.meeting_id != meeting_id:
            return []
        return self.differences(anchor, tr("berita acara yang ditandatangani"))

    def _zone(self) -> TimeZone | None:
        assert self._ctx is not None
        with self._ctx.db.read() as conn:
            coop = cooperative_store.load(conn)
        return coop.time_zone if coop else None


def chain_lines(conn: Connection, heads: list[tuple[AuditHead, str]]) -> list[str]:
    """The audit chain walked whole, then held against each head remembered outside it."""
    check = check_chain(audit_log.events(conn))
    lines: list[str] = []
    if not check.intact:
        reasons = {
            "missing": tr("log audit rusak: peristiwa nomor {seq} hilang"),
            "link": tr("log audit rusak: peristiwa nomor {seq} tidak tersambung ke sebelumnya"),
            "altered": tr("log audit rusak: peristiwa nomor {seq} telah diubah"),
        }
        lines.append(reasons[check.reason].replace("{seq}", str(check.broken_at)))
    return lines + [line for line in head_lines(conn, heads) if line not in lines]


def head_lines(conn: Connection, heads: list[tuple[AuditHead, str]]) -> list[str]:
    """The audit chain held against each head remembered outside it: where it was cut or
    rewritten (empty when every remembered event is still there, unchanged)."""
    lines: list[str] = []
    head = audit_log.head(conn)
    last = head.seq if head else 0
    for remembered, source in heads:
        event = audit_log.at(conn, remembered.seq) if remembered.seq else None
        live = [(event.seq, event.hash)] if event else []
        position = chain_position(remembered, live, last)
        if position != "ok":
            line = chain_line(position, remembered.seq, last, source)
            if line not in lines:
                lines.append(line)
    return lines


def read_anchor(data: bytes) -> Anchor | None:
    """The anchor embedded in a berita acara's bytes (None when it carries none)."""
    from assembly.pdf.attachments import read_attachment

    raw = read_attachment(data, ANCHOR_FILE)
    if raw is None:
        return None
    try:
        return anchor_from_json(raw)
    except AnchorFormatError:
        raise DomainError(
            tr("Jangkar di dalam berkas ini rusak atau dari versi lain dan tidak dapat dibaca.")
        ) from None


def signature_report(path: Path, data: bytes) -> VerificationReport:
    """Every signature in ``data`` checked, and the empty signature fields (no audit)."""
    from assembly.pdf.verification import empty_signature_fields, verify_pdf
    from assembly.services.signature_report import VerificationReport

    try:
        checks = verify_pdf(data)
    except DomainError as exc:
        raise DomainError(f"{path}: {exc.message}") from None
    return VerificationReport(
        path, hashlib.sha256(data).hexdigest(), tuple(checks), tuple(empty_signature_fields(data))
    )
