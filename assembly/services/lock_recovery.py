"""Finishing a lock a kill interrupted (issue 10 point 5).

The last required signature is written to the PDF first and the lock is committed after it;
power can fail in between, leaving a fully signed berita acara beside a meeting that is still
only closed. Signing notes the target file in the database before writing it
(:data:`~assembly.services.minutes_signing.PENDING_PREFIX`). At the next start, and at the next
``sign --meeting``, each note still there is looked at:

- the file carries every required signature, intact and valid, and is this meeting's berita
  acara: the lock is finished from it (its SHA-256 recorded, the file kept, the audit event
  marked ``recovered``), exactly as if the signing had not been interrupted;
- the file still misses a signature (the kill came before it was written): nothing to finish,
  the signing simply goes on;
- the file is gone or its signatures no longer hold: the user is told exactly what to do.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingState
from assembly.i18n import tr, translator
from assembly.persistence import document_store, settings_store
from assembly.persistence.document_store import BERITA_ACARA
from assembly.services.backups import BackupResult, Reason
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import require_meeting
from assembly.services.minutes_signing import (
    PENDING_PREFIX,
    MinutesSigningService,
    _identify,
    _report,
)
from assembly.services.signers_missing import missing_fields


@dataclass(frozen=True)
class Recovery:
    """What was found for one meeting: ``locked`` when the lock was finished now, else
    ``message`` says what the user must do (empty when there is nothing to do)."""

    meeting_id: int
    path: Path
    locked: bool
    message: str
    backup: BackupResult | None = None


class LockRecovery:
    """Finishes interrupted locks from the signed file, verified first."""

    def __init__(self, ctx: ServiceContext, signing: MinutesSigningService) -> None:
        self._ctx = ctx
        self._signing = signing

    def noted_files(self) -> list[Path]:
        """The files berita acara are being signed into (their folders may hold leftovers)."""
        with self._ctx.db.read() as conn:
            notes = settings_store.starting_with(conn, PENDING_PREFIX)
        return [Path(value) for _key, value in sorted(notes.items())]

    def finish_pending(self) -> list[Recovery]:
        """Look at every pending note; the recoveries worth telling the user (locks
        finished, or what to do), meeting by meeting."""
        with self._ctx.db.read() as conn:
            notes = settings_store.starting_with(conn, PENDING_PREFIX)
        found = []
        for key, value in sorted(notes.items()):
            suffix = key.removeprefix(PENDING_PREFIX)
            if not suffix.isdigit():
                continue
            recovery = self.finish_from_file(int(suffix), Path(value), noted=True)
            if recovery.locked or recovery.message:
                found.append(recovery)
        return found

    def finish_from_file(self, meeting_id: int, path: Path, *, noted: bool = False) -> Recovery:
        """Lock ``meeting_id`` from ``path`` when it is the meeting's berita acara with every
        required signature sound and the meeting is still only closed. ``noted`` when ``path``
        comes from the pending note (a missing file is then worth a message)."""
        with self._ctx.db.read() as conn:
            meeting = require_meeting(conn, meeting_id)
            minutes = document_store.signed_minutes(conn, meeting_id)
        if meeting.state is not MeetingState.CLOSED:
            self._forget(meeting_id)  # locked (or reopened): the note has nothing to finish
            return Recovery(meeting_id, path, False, "")
        try:
            data = path.read_bytes()
        except OSError:
            if not noted:
                return Recovery(meeting_id, path, False, "")
            return Recovery(
                meeting_id, path, False, _file_missing(meeting.title_in(translator()), path)
            )
        from assembly.pdf.signing import document_meta

        try:
            kind = _identify(meeting, document_meta(data), path, minutes)
            report = _report(path, data)
        except DomainError as exc:
            return Recovery(
                meeting_id,
                path,
                False,
                _unusable(meeting.title_in(translator()), path, exc.message),
            )
        if kind != BERITA_ACARA:
            return Recovery(meeting_id, path, False, "")
        if not all(check.ok for check in report.checks):
            reason = tr("ada tanda tangan yang tidak lagi sah (berkas berubah)")
            return Recovery(
                meeting_id, path, False, _unusable(meeting.title_in(translator()), path, reason)
            )
        if missing_fields(report, meeting):
            return Recovery(meeting_id, path, False, "")  # signing goes on as usual
        self._signing.record(meeting_id, BERITA_ACARA, path, report, minutes, data, recovered=True)
        backup = self._signing.backup(Reason.LOCK)
        message = tr(
            "Penandatanganan terakhir berita acara {meeting} sempat terputus. Berkas {path} "
            "sudah bertanda tangan lengkap dan sah; penguncian rapat kini diselesaikan dari "
            "berkas itu.",
            meeting=meeting.title_in(translator()),
            path=path,
        )
        return Recovery(meeting_id, path, True, message, backup)

    def _forget(self, meeting_id: int) -> None:
        with self._ctx.db.write() as conn:
            settings_store.remove(conn, PENDING_PREFIX + str(meeting_id))


def _file_missing(title: str, path: Path) -> str:
    return tr(
        "Penandatanganan berita acara {meeting} terputus dan berkas {path} tidak ditemukan. "
        "Bila berkas bertanda tangan lengkap ada di tempat lain, jalankan `sign --meeting` "
        "dengan berkas itu atau pilih berkas itu di halaman Tanda Tangan; bila tidak, "
        "ekspor ulang berita acara dan tandatangani lagi.",
        meeting=title,
        path=path,
    )


def _unusable(title: str, path: Path, reason: str) -> str:
    return tr(
        "Penandatanganan berita acara {meeting} terputus; berkas {path} tidak dapat dipakai "
        "untuk mengunci rapat: {reason}. Ekspor ulang berita acara dan tandatangani lagi.",
        meeting=title,
        path=path,
        reason=reason,
    )
