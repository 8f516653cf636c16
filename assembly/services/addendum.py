"""Addenda: the only correction to a meeting whose berita acara is signed and locked.

The addendum names the signed berita acara by the SHA-256 recorded at the lock, its file name
and its signing date, states the correction, and carries empty fields for the chair and the
secretary to sign (:meth:`MinutesSigningService.sign_minutes` signs it). It is recorded in
the meeting's documents with the hash it cites, in the same transaction as its audit event;
the file is written inside that transaction, so a failure leaves neither.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import io
from dataclasses import dataclass
from pathlib import Path

from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingState, OfficerRole
from assembly.domain.minutes import full_title, place_of
from assembly.i18n import LANGUAGES, tr, translator
from assembly.pdf.addendum import AddendumContent, write_addendum
from assembly.pdf.dates import clock_with_zone
from assembly.pdf.layout import PageSetup, Paper, long_date
from assembly.persistence import audit_log, cooperative_store, document_store
from assembly.persistence.document_store import ADDENDUM
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.files import write_atomically
from assembly.services.meeting_lookup import require_meeting

MAX_TEXT = 4000  # a correction is a few paragraphs; anything longer is a new meeting's matter


@dataclass(frozen=True)
class AddendumWritten:
    """An addendum written and recorded."""

    path: Path
    sha256: str
    cites_sha256: str
    sequence: int


class AddendumService:
    """Writes and records addenda to locked meetings' berita acara."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx

    def create(
        self, meeting_id: int, text: str, out_path: Path, paper: str = "A4", lang: str = "id"
    ) -> Done[AddendumWritten]:
        """Write the addendum with ``text`` as its correction to ``out_path`` and record it.
        Refused, with nothing written, unless the meeting is locked."""
        text = text.strip()
        if not text:
            raise DomainError(tr("Isi perbaikan pada adendum wajib diisi."))
        if len(text) > MAX_TEXT:
            raise DomainError(tr("Isi perbaikan paling banyak {n} karakter.", n=MAX_TEXT))
        if lang not in LANGUAGES:
            raise DomainError(tr("Bahasa {lang} tidak dikenal.", lang=lang))
        target = Path(out_path)
        if target.exists():
            raise DomainError(
                tr("Berkas {path} sudah ada; pilih nama lain. Tidak ada yang diubah.", path=target)
            )
        t = translator(lang)
        now = self._ctx.now()
        with self._ctx.db.write() as conn:
            meeting = require_meeting(conn, meeting_id)
            minutes = document_store.signed_minutes(conn, meeting_id)
            if meeting.state is not MeetingState.LOCKED or minutes is None:
                raise DomainError(
                    tr(
                        "Adendum hanya dibuat untuk rapat yang berita acaranya sudah "
                        "ditandatangani dan dikunci; rapat ini {state}.",
                        state=tr(meeting.state.key),
                    )
                )
            coop = cooperative_store.load(conn)
            if coop is None:
                raise DomainError(tr("Isi profil koperasi lebih dahulu."))
            earlier = [d for d in document_store.documents(conn, meeting_id) if d.kind == ADDENDUM]
            sequence = len(earlier) + 1
            zone = coop.time_zone
            signed_at = minutes.recorded_at.astimezone(_offset(zone.utc_offset_hours))
            local_now = now.astimezone(_offset(zone.utc_offset_hours))
            chair = meeting.officer(OfficerRole.CHAIR)
            secretary = meeting.officer(OfficerRole.SECRETARY)
            today = long_date(local_now.date(), t)
            content = AddendumContent(
                cooperative=coop,
                meeting_id=meeting_id,
                meeting_title=full_title(meeting, t),
                document_number=meeting.document_number or "-",
                sequence=sequence,
                cited_file=minutes.file_name,
                cited_sha256=minutes.sha256,
                signed_on=t.tr(
                    "{date}, pukul {time}",
                    date=long_date(signed_at.date(), t),
                    time=clock_with_zone(signed_at, zone.value),
                ),
                correction=text,
                place_date=f"{place_of(coop)}, {today}" if place_of(coop) else today,
                chair=chair.name if chair else "",
                secretary=secretary.name if secretary else "",
            )
            buffer = io.BytesIO()
            write_addendum(buffer, content, PageSetup(paper=_paper(paper)), language=lang)
            data = buffer.getvalue()
            digest = hashlib.sha256(data).hexdigest()
            document_id = document_store.record(
                conn, meeting_id, ADDENDUM, digest, target.name, (), now, self._ctx.actor,
                cites_sha256=minutes.sha256,
            )  # fmt: skip
            audit_log.append(
                conn,
                self._ctx.actor,
                "minutes.addendum_created",
                {
                    "meeting_id": meeting_id,
                    "document_id": document_id,
                    "sequence": sequence,
                    "file": target.name,
                    "sha256": digest,
                    "cites_sha256": minutes.sha256,
                    "text": text,
                },
            )
            # Last inside the transaction: a file that cannot be written undoes the record.
            write_atomically(target, lambda out: out.write(data), mode=0o644)
        written = AddendumWritten(target, digest, minutes.sha256, sequence)
        return Done(written, Changes.of(Area.MINUTES, ids=(meeting_id,)))


def _offset(hours: int) -> dt.tzinfo:
    return dt.timezone(dt.timedelta(hours=hours))


def _paper(paper: str) -> Paper:
    try:
        return Paper(paper.upper())
    except ValueError:
        raise DomainError(
            tr("Ukuran kertas {paper} tidak dikenal; pilih A4 atau F4.", paper=paper)
        ) from None
