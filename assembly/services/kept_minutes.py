"""The signed berita acara a meeting was locked with, read from the one place it is kept.

The lock keeps the signed file once, in ``signed_files`` beside its recorded document
(migration r0014; before it a second copy sat in the anchor and the two could
disagree). Whatever hands that file out (re-exporting a locked meeting's berita acara, the
reporting pack, ``verify --db`` without a file, the signing page) reads it here, and gets it
only when its bytes still have the SHA-256 recorded at the lock.
"""

from __future__ import annotations

import hashlib
import json

from assembly.domain.errors import DomainError
from assembly.i18n import tr
from assembly.persistence import anchor_store, audit_log, document_store
from assembly.persistence.meeting_store import Connection


def kept_file(conn: Connection, meeting_id: int) -> bytes | None:
    """The signed berita acara kept at the meeting's lock; None when the meeting was not
    locked with a file kept here. DomainError when the kept bytes are not the file whose
    SHA-256 the lock recorded (the row was replaced behind the triggers)."""
    record = document_store.signed_minutes(conn, meeting_id)
    data = document_store.locked_file(conn, meeting_id) if record is not None else None
    if record is None or data is None:
        return None
    if hashlib.sha256(data).hexdigest() != record.sha256:
        raise DomainError(
            tr(
                "Berkas bertanda tangan yang disimpan untuk rapat {id} tidak cocok dengan "
                "SHA-256 yang tercatat saat penguncian ({sha}); basis data telah diubah. Pakai "
                "berkas bertanda tangan asli atau cadangan, dan periksa dengan `audit verify`.",
                id=meeting_id,
                sha=record.sha256,
            )
        )
    return data


def kept_problems(conn: Connection, meeting_id: int) -> list[str]:
    """What is wrong with the signed berita acara kept at the meeting's lock: missing, or
    bytes whose SHA-256 is not the one recorded with its document, in its anchor and in the
    audit chain's lock event (empty when all agree, or when the meeting is not locked with an
    anchor here)."""
    anchor = anchor_store.anchor_of(conn, meeting_id)
    if anchor is None:
        return []
    data = document_store.locked_file(conn, meeting_id)
    if data is None:
        return [
            tr(
                "berita acara bertanda tangan rapat {id} tidak lagi tersimpan di basis data",
                id=meeting_id,
            )
        ]
    sha = hashlib.sha256(data).hexdigest()
    record = document_store.signed_minutes(conn, meeting_id)
    recorded = {anchor.signed_sha256}
    if record is not None:
        recorded.add(record.sha256)
    for event in audit_log.of_kind(conn, "minutes.locked"):
        payload = json.loads(event.payload)
        if payload.get("meeting_id") == meeting_id and payload.get("sha256"):
            recorded.add(str(payload["sha256"]))
    if recorded == {sha}:
        return []
    return [
        tr(
            "berita acara bertanda tangan rapat {id} yang tersimpan di basis data telah diubah "
            "(SHA-256 {sha}, tercatat saat penguncian {recorded})",
            id=meeting_id,
            sha=sha,
            recorded=", ".join(sorted(recorded - {sha})),
        )
    ]
