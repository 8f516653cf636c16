"""Signing a meeting's berita acara (and its addenda), and the lock that follows.

The chair signs, then the secretary (then the witnesses named in the document), each in their
own field, as incremental updates (DESIGN.md section 4). Every signature is verified as soon as
it is placed. When every required field carries an intact, valid signature, one write
transaction records the signed file's SHA-256 and locks the meeting: from then on the
database's triggers refuse any change to its records, and a correction can only be an addendum
that cites that hash (UU ITE Pasal 11: any change after signing must be detectable).

Required fields: those of the roles decided at the meeting's set-up, the one list of
:func:`assembly.domain.signers.required_signers` (the chair's and the secretary's always).

A kill can fall between writing the last signature and the lock's transaction. So before a
berita acara is signed, the file it is written to is noted in the database (``lock.pending.*``);
the lock removes that note. A note still there at the next start (or the next ``sign``) points
to the file :mod:`assembly.services.lock_recovery` verifies and finishes the lock from. The lock
also keeps the signed file itself, byte for byte, so re-exporting gives the signed file. A
backup is taken after each signature and at the lock; a failing stick only warns.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from assembly.domain.cooperative import TimeZone
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting, MeetingState
from assembly.domain.signers import required_signers, signer_field
from assembly.i18n import tr, translator
from assembly.pdf.signature_fields import ROLE_KEYS, role_from_field, role_of, stamp_time
from assembly.persistence import audit_log, document_store, settings_store
from assembly.persistence.document_store import (
    ADDENDUM,
    ADDENDUM_SIGNED,
    BERITA_ACARA,
    DocumentRecord,
)
from assembly.services.backups import BackupResult, BackupService, Reason
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import require_meeting
from assembly.services.record_digest import record_lock
from assembly.services.signers_missing import missing_fields
from assembly.services.signing import Signed, SigningService, _read

if TYPE_CHECKING:  # pyHanko loads with these: imported when a PDF is signed or checked
    from assembly.pdf.signing import DocumentMeta
    from assembly.pdf.verification import SignatureCheck
    from assembly.services.signature_report import VerificationReport

PENDING_PREFIX = "lock.pending."  # + meeting id: the file the berita acara is being signed into


@dataclass(frozen=True)
class MinutesSigned:
    """One signature placed: the signature, the file's verification after it, the required
    fields still empty, and whether this signature completed the document (and locked the
    meeting, for a berita acara)."""

    signed: Signed
    report: VerificationReport
    kind: str
    missing: tuple[str, ...]
    completed: bool
    backup: BackupResult | None = None  # the backup after this signature (a warning if failed)


@dataclass(frozen=True)
class SigningStatus:
    """Where the signing of a meeting's berita acara stands."""

    meeting_id: int
    state: MeetingState
    signed: tuple[str, ...]  # field names with a sound signature (in the file checked)
    missing: tuple[str, ...]  # required field names still empty or unsound
    minutes: DocumentRecord | None  # the signed berita acara recorded at the lock
    addenda: tuple[DocumentRecord, ...]
    report: VerificationReport | None = None

    @property
    def locked(self) -> bool:
        """Whether the meeting is locked."""
        return self.state is MeetingState.LOCKED


class MinutesSigningService:
    """Signs a meeting's berita acara and addenda in the officers' fields; locks the meeting
    when the berita acara is complete."""

    def __init__(self, ctx: ServiceContext, backups: BackupService | None = None) -> None:
        self._ctx = ctx
        self._signing = SigningService(ctx)
        self._backups = backups or BackupService(ctx)

    def sign_minutes(
        self,
        meeting_id: int,
        pdf_path: Path,
        key_path: Path,
        passphrase: str,
        role: str,
        out_path: Path | None = None,
    ) -> Done[MinutesSigned]:
        """Sign ``pdf_path`` (this meeting's berita acara, or an addendum to it) as ``role``.
        Refused, with nothing changed, for another document, a meeting not closed (or, for
        the berita acara, already locked), a role without a field, or earlier signatures that
        no longer verify."""
        from assembly.pdf.signing import document_meta

        pdf_path = Path(pdf_path)
        officer = role_of(role)
        with self._ctx.db.read() as conn:
            meeting = require_meeting(conn, meeting_id)
            minutes = document_store.signed_minutes(conn, meeting_id)
        data = _read(pdf_path, tr("Berkas {path} tidak ditemukan; tidak ada yang diubah."))
        kind = _identify(meeting, document_meta(data), pdf_path, minutes)
        before = _report(pdf_path, data)
        _check_before(before, officer.field, pdf_path)
        target = Path(out_path) if out_path else pdf_path
        # Only the signature that completes the berita acara is noted: an open note costs a
        # verification at every start.
        last = kind == BERITA_ACARA and missing_fields(before, meeting) == (officer.field,)
        if last:
            self._note_pending(meeting_id, target)
        try:
            signed = self._signing.sign(pdf_path, key_path, passphrase, officer.key, out_path)
        except BaseException:
            if last and _untouched(target, before.sha256 if target == pdf_path else None):
                self._forget_pending(meeting_id)  # refused (a wrong passphrase): no file made
            raise
        data = signed.path.read_bytes()
        report = _report(signed.path, data)
        if not all(check.ok for check in report.checks):
            raise DomainError(
                tr(
                    "Tanda tangan sudah dibubuhkan pada {path}, tetapi pemeriksaan sesudahnya "
                    "gagal; berkas ini jangan dipakai. Rapat tidak dikunci.",
                    path=signed.path,
                )
            )
        missing = missing_fields(report, meeting)
        changes = Changes.of(Area.MINUTES, ids=(meeting_id,))
        if missing:
            backup = self.backup(Reason.SIGNATURE)
            return Done(MinutesSigned(signed, report, kind, missing, False, backup), changes)
        self.record(meeting_id, kind, signed.path, report, minutes, data)
        changes = changes | Changes.of(Area.MEETINGS, ids=(meeting_id,))
        backup = self.backup(Reason.LOCK if kind == BERITA_ACARA else Reason.SIGNATURE)
        return Done(MinutesSigned(signed, report, kind, (), True, backup), changes)

    def backup(self, reason: Reason) -> BackupResult:
        """A backup after a signature or at the lock (issue 12): never stops the signing, a
        failure is a warning to show."""
        try:
            return self._backups.backup_now(reason)
        except Exception as exc:  # the signature is placed: nothing may undo that now
            message = getattr(exc, "message", None) or str(exc)
            return BackupResult(None, tr("Cadangan gagal: {detail}", detail=message))

    def _note_pending(self, meeting_id: int, target: Path) -> None:
        """Remember the file the berita acara is being signed into, before it is written."""
        with self._ctx.db.write() as conn:
            settings_store.put(conn, PENDING_PREFIX + str(meeting_id), str(target.absolute()))

    def _forget_pending(self, meeting_id: int) -> None:
        with self._ctx.db.write() as conn:
            settings_store.remove(conn, PENDING_PREFIX + str(meeting_id))

    def status(self, meeting_id: int, pdf_path: Path | None = None) -> SigningStatus:
        """The meeting's state, its recorded documents, and, when ``pdf_path`` is given, which
        required fields of that file are signed and which are missing. Without a file, a
        locked meeting's signers come from the record and an unlocked one misses all."""
        with self._ctx.db.read() as conn:
            meeting = require_meeting(conn, meeting_id)
            records = document_store.documents(conn, meeting_id)
        minutes = next((r for r in records if r.kind == BERITA_ACARA), None)
        addenda = tuple(r for r in records if r.kind in (ADDENDUM, ADDENDUM_SIGNED))
        report = None
        if pdf_path is not None:
            report = _report(
                Path(pdf_path), _read(Path(pdf_path), tr("Berkas {path} tidak ditemukan."))
            )
            signed = tuple(c.field for c in report.checks if c.ok)
            missing = missing_fields(report, meeting)
        elif minutes is not None:
            signed = tuple(
                role_of(line.split(":", 1)[0]).field for line in minutes.signers if ":" in line
            )
            missing = ()
        else:
            signed = ()
            missing = tuple(signer_field(k) for k in required_signers(meeting))
        return SigningStatus(meeting_id, meeting.state, signed, missing, minutes, addenda, report)

    def record(
        self,
        meeting_id: int,
        kind: str,
        path: Path,
        report: VerificationReport,
        minutes: DocumentRecord | None,
        data: bytes,
        *,
        recovered: bool = False,
    ) -> None:
        """One transaction: the document row and its signed file, the lock (for a berita
        acara, clearing the pending note), the audit. ``data`` is the file ``report``
        verified; ``recovered`` when the lock is finished after an interrupted signing."""
        signers = tuple(_signer_line(check) for check in report.checks)
        with self._ctx.db.write() as conn:
            meeting = require_meeting(conn, meeting_id)
            if kind == BERITA_ACARA:
                if meeting.state is not MeetingState.CLOSED:
                    raise DomainError(_not_closed(meeting))
                document_id = document_store.record(
                    conn, meeting_id, BERITA_ACARA, report.sha256, path.name,
                    signers, self._ctx.now(), self._ctx.actor,
                )  # fmt: skip
                document_store.keep_file(conn, document_id, data)
                document_store.lock_meeting(conn, meeting_id)
                record_lock(conn, meeting_id, data, self._ctx.now())
                settings_store.remove(conn, PENDING_PREFIX + str(meeting_id))
                document_store.remember_path(conn, meeting_id, str(path.absolute()))
                event = "minutes.locked"
            else:
                assert minutes is not None
                document_id = document_store.record(
                    conn, meeting_id, ADDENDUM_SIGNED, report.sha256, path.name,
                    signers, self._ctx.now(), self._ctx.actor, cites_sha256=minutes.sha256,
                )  # fmt: skip
                document_store.keep_file(conn, document_id, data)
                event = "minutes.addendum_signed"
            audit_log.append(
                conn,
                self._ctx.actor,
                event,
                {
                    "meeting_id": meeting_id,
                    "document_id": document_id,
                    "file": path.name,
                    "sha256": report.sha256,
                    "signers": list(signers),
                    "cites_sha256": minutes.sha256 if minutes and kind != BERITA_ACARA else None,
                    **({"recovered": True} if recovered else {}),
                },
            )


def _identify(
    meeting: Meeting, meta: DocumentMeta, path: Path, minutes: DocumentRecord | None
) -> str:
    """Whether the PDF is this meeting's berita acara or an addendum to it, by what the
    export wrote into its document information; DomainError for anything else."""
    from assembly.pdf.addendum import KEYWORD

    number = meeting.document_number or ""
    if KEYWORD in meta.keywords:
        if f"rapat={meeting.id};" not in meta.keywords + ";":
            raise DomainError(_foreign(path, number))
        if meeting.state is not MeetingState.LOCKED or minutes is None:
            raise DomainError(
                tr("Adendum hanya dapat ditandatangani untuk rapat yang sudah dikunci.")
            )
        if f"sha256={minutes.sha256}" not in meta.keywords:
            raise DomainError(
                tr(
                    "Adendum {path} tidak mengutip berita acara yang tercatat untuk rapat ini; "
                    "tidak ada yang diubah.",
                    path=path.name,
                )
            )
        return ADDENDUM
    subject = meta.subject.strip()
    if not number or not (subject == number or subject.endswith(" " + number)):
        raise DomainError(_foreign(path, number))
    if meeting.state is MeetingState.LOCKED:
        raise DomainError(
            tr(
                "Berita acara rapat ini sudah ditandatangani lengkap dan rapat dikunci; "
                "perbaikan dibuat dengan adendum. Tidak ada yang diubah."
            )
        )
    if meeting.state is not MeetingState.CLOSED:
        raise DomainError(_not_closed(meeting))
    return BERITA_ACARA


def _untouched(target: Path, sha256: str | None) -> bool:
    """Whether signing left ``target`` as it was (``sha256``; None: it did not exist)."""
    try:
        data = target.read_bytes()
    except OSError:
        return sha256 is None
    return sha256 is not None and hashlib.sha256(data).hexdigest() == sha256


def _check_before(report: VerificationReport, field: str, path: Path) -> None:
    """The role's field must be waiting, and every signature already on must still hold."""
    if any(not check.ok for check in report.checks):
        raise DomainError(
            tr(
                "Tanda tangan yang sudah ada pada {path} tidak lagi sah (berkas berubah "
                "setelah ditandatangani); jangan tandatangani berkas ini. Tidak ada yang diubah.",
                path=path.name,
            )
        )
    role = role_from_field(field)
    title = role.title(translator()) if role else field
    if any(check.field == field for check in report.checks):
        raise DomainError(
            tr(
                "Dokumen ini sudah ditandatangani sebagai {role}; tidak ada yang diubah.",
                role=title,
            )
        )
    if field not in report.unsigned_fields:
        raise DomainError(
            tr(
                "Dokumen ini tidak memiliki kolom tanda tangan untuk {role}; tidak ada yang "
                "diubah.",
                role=title,
            )
        )


def _report(path: Path, data: bytes) -> VerificationReport:
    """The verification of ``data`` without an audit event (a check inside signing)."""
    from assembly.pdf.verification import empty_signature_fields, verify_pdf
    from assembly.services.signature_report import VerificationReport

    return VerificationReport(
        path,
        hashlib.sha256(data).hexdigest(),
        tuple(verify_pdf(data)),
        tuple(empty_signature_fields(data)),
    )


def _signer_line(check: SignatureCheck) -> str:
    """``ketua: Umi Salamah (TTE tidak tersertifikasi)``, as stored with the document."""
    key = check.role.key if check.role else check.field
    cert = check.certificate
    return f"{key}: {cert.name} ({cert.label.value})" if cert else f"{key}: ?"


def _foreign(path: Path, number: str) -> str:
    return tr(
        "Berkas {path} bukan berita acara rapat ini (nomor {number}); ekspor berita acara "
        "rapat ini lalu tandatangani berkas itu. Tidak ada yang diubah.",
        path=path.name,
        number=number or "-",
    )


def _not_closed(meeting: Meeting) -> str:
    return tr(
        "Berita acara ditandatangani setelah rapat ditutup; status rapat sekarang {state}. "
        "Tidak ada yang diubah.",
        state=tr(meeting.state.key),
    )


@dataclass(frozen=True)
class SignatureRow:
    """One signature as the table shows it."""

    role: str
    signer: str
    label: str
    time: str
    intact: str
    after: str
    verdict: str
    ok: bool
    sound: bool  # intact and valid
    changed_after: bool
    detail: str


def signature_rows(report: VerificationReport, zone: TimeZone | None) -> list[SignatureRow]:
    """The signatures of ``report`` as table rows, times in the cooperative's zone."""
    return [row_of(check, zone) for check in report.checks]


def role_choices() -> list[tuple[str, str]]:
    """Every signing role as (key, title), in signing order, for a chooser."""
    words = translator()
    return [(key, role_of(key).title(words)) for key in ROLE_KEYS]


def row_of(check: SignatureCheck, zone: TimeZone | None) -> SignatureRow:
    """The strings of one signature; times in the cooperative's zone (WIB/WITA/WIT)."""
    role = check.role.title(translator()) if check.role else tr("peran tidak dikenal")
    cert = check.certificate
    intact = tr("Utuh") if check.intact and check.valid else tr("RUSAK")
    if check.changed_after:
        after = tr("DIUBAH sesudah ditandatangani")
    elif check.later_revisions:
        after = tr("Hanya ditambah tanda tangan")
    else:
        after = tr("Tidak ada tambahan")
    return SignatureRow(
        role=f"{role} ({check.field})",
        signer=cert.name if cert else "?",
        label=cert.label.value if cert else "",
        time=stamp_time(check.signing_time, zone or TimeZone.WIB) if check.signing_time else "",
        intact=intact,
        after=after,
        verdict=tr("SAH") if check.ok else tr("TIDAK SAH"),
        ok=check.ok,
        sound=check.intact and check.valid,
        changed_after=check.changed_after,
        detail=(cert.fingerprint if cert else "") + (f"\n{check.problem}" if check.problem else ""),
    )
