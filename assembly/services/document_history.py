"""The record of each signed document held against the audit chain (DESIGN.md section 7).

A row of ``meeting_documents`` (the berita acara's and each addendum's SHA-256, file name,
signers, the hash an addendum cites) is written in the same transaction as the audit event
that tells of it (``minutes.locked``, ``minutes.addendum_created``,
``minutes.addendum_signed``, each naming its ``document_id``). The guard triggers of
r0016 refuse changing or removing the row; someone who drops them, edits the row
and puts them back leaves it disagreeing with the chained event: this says where.

Only what the event carries is compared (an event of an older version may carry less). A row
no event tells of (one r0014 added while moving a kept file) is not judged here.
"""

from __future__ import annotations

import json

from assembly.i18n import tr
from assembly.persistence import audit_log, document_store
from assembly.persistence.document_store import (
    ADDENDUM,
    ADDENDUM_SIGNED,
    BERITA_ACARA,
    DocumentRecord,
)
from assembly.persistence.meeting_store import Connection

# The audit event that records each kind of document row.
_EVENTS = {
    "minutes.locked": BERITA_ACARA,
    "minutes.addendum_created": ADDENDUM,
    "minutes.addendum_signed": ADDENDUM_SIGNED,
}


def documents_off_history(conn: Connection, meeting_id: int) -> list[str]:
    """What in the meeting's document records no longer matches the audit events that
    recorded them: a row changed, or gone. Empty when all agree."""
    rows = {record.id: record for record in document_store.documents(conn, meeting_id)}
    lines: list[str] = []
    for kind, document_kind in _EVENTS.items():
        for event in audit_log.of_kind(conn, kind):
            try:
                payload = json.loads(event.payload)
                document_id = int(payload["document_id"])
            except (ValueError, KeyError, TypeError):
                continue
            if payload.get("meeting_id") != meeting_id:
                continue
            file = str(payload.get("file", document_id))
            row = rows.get(document_id)
            if row is None:
                lines.append(
                    tr(
                        "rapat {id}: catatan dokumen {file} (peristiwa audit nomor {seq}) tidak "
                        "lagi tersimpan di basis data",
                        id=meeting_id,
                        file=file,
                        seq=event.seq,
                    )
                )
                continue
            changed = _changed(row, document_kind, payload)
            if changed:
                lines.append(
                    tr(
                        "rapat {id}: catatan dokumen {file} telah diubah, tidak sesuai dengan "
                        "peristiwa audit nomor {seq} ({fields})",
                        id=meeting_id,
                        file=file,
                        seq=event.seq,
                        fields=", ".join(changed),
                    )
                )
    return lines


def _changed(row: DocumentRecord, kind: str, payload: dict[str, object]) -> list[str]:
    """What of the row differs from the event, in the secretary's words."""
    changed = []
    if row.kind != kind:
        changed.append(tr("jenis dokumen"))
    if "file" in payload and row.file_name != payload["file"]:
        changed.append(tr("nama berkas"))
    if "sha256" in payload and row.sha256 != payload["sha256"]:
        changed.append("SHA-256")
    if "cites_sha256" in payload and row.cites_sha256 != payload["cites_sha256"]:
        changed.append(tr("SHA-256 berita acara yang dirujuk"))
    signers = payload.get("signers")
    if isinstance(signers, list) and list(row.signers) != [str(s) for s in signers]:
        changed.append(tr("penanda tangan"))
    return changed
