"""The signed documents of a meeting (the berita acara and its addenda) and the lock.

Rows are only ever added: a signed berita acara is recorded once, with the SHA-256 of the file
as signed, and each addendum cites that hash. Locking a meeting is one UPDATE of its state; the
triggers of migration r0005 then refuse every later change to the meeting's records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from assembly.domain.meeting import MeetingState
from assembly.persistence import settings_store
from assembly.persistence.tables import meeting_documents, meetings, signed_files
from assembly.persistence.timestamps import required, to_text

BERITA_ACARA = "berita_acara"
ADDENDUM = "addendum"
ADDENDUM_SIGNED = "addendum_signed"  # an addendum as signed (the one above: as written)


@dataclass(frozen=True)
class DocumentRecord:
    """One recorded document of a meeting."""

    id: int
    meeting_id: int
    kind: str
    sha256: str
    file_name: str
    signers: tuple[str, ...]
    cites_sha256: str | None
    recorded_at: dt.datetime
    actor: str


def record(
    conn: sa.Connection,
    meeting_id: int,
    kind: str,
    sha256: str,
    file_name: str,
    signers: tuple[str, ...],
    recorded_at: dt.datetime,
    actor: str,
    cites_sha256: str | None = None,
) -> int:
    """Add a document row; its id. ``signers`` are stored one per line."""
    result = conn.execute(
        sa.insert(meeting_documents).values(
            meeting_id=meeting_id,
            kind=kind,
            sha256=sha256,
            file_name=file_name,
            signers="\n".join(signers),
            cites_sha256=cites_sha256,
            recorded_at=to_text(recorded_at),
            actor=actor,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def keep_file(conn: sa.Connection, document_id: int, data: bytes) -> None:
    """Store the signed file of a recorded document, byte for byte (once; never changed)."""
    conn.execute(sa.insert(signed_files).values(document_id=document_id, data=data))


def locked_file(conn: sa.Connection, meeting_id: int) -> bytes | None:
    """The signed berita acara the meeting was locked with, as kept at the lock: the one
    copy (r0014) that export, ``audit verify``, ``verify --db``, the reporting pack and
    the signing page read. None when the meeting was not locked here."""
    statement = (
        sa.select(signed_files.c.data)
        .join(meeting_documents, meeting_documents.c.id == signed_files.c.document_id)
        .where(
            meeting_documents.c.meeting_id == meeting_id,
            meeting_documents.c.kind == BERITA_ACARA,
        )
        .order_by(meeting_documents.c.id)
        .limit(1)
    )
    data = conn.execute(statement).scalar()
    return bytes(data) if data is not None else None


def documents(conn: sa.Connection, meeting_id: int) -> list[DocumentRecord]:
    """Every recorded document of the meeting, oldest first."""
    rows = conn.execute(
        sa.select(meeting_documents)
        .where(meeting_documents.c.meeting_id == meeting_id)
        .order_by(meeting_documents.c.id)
    ).all()
    return [_record(row._mapping) for row in rows]


def signed_minutes(conn: sa.Connection, meeting_id: int) -> DocumentRecord | None:
    """The signed berita acara the meeting was locked with, if any."""
    for document in documents(conn, meeting_id):
        if document.kind == BERITA_ACARA:
            return document
    return None


def lock_meeting(conn: sa.Connection, meeting_id: int) -> bool:
    """Set a closed meeting's state to LOCKED; False when it was not closed (nothing done)."""
    result = conn.execute(
        sa.update(meetings)
        .where(meetings.c.id == meeting_id, meetings.c.state == MeetingState.CLOSED.value)
        .values(state=MeetingState.LOCKED.value)
    )
    return result.rowcount == 1


def _record(row: sa.RowMapping) -> DocumentRecord:
    return DocumentRecord(
        id=row["id"],
        meeting_id=row["meeting_id"],
        kind=row["kind"],
        sha256=row["sha256"],
        file_name=row["file_name"],
        signers=tuple(line for line in row["signers"].split("\n") if line),
        cites_sha256=row["cites_sha256"],
        recorded_at=required(row["recorded_at"]),
        actor=row["actor"],
    )


def _path_key(meeting_id: int) -> str:
    return f"minutes.signed_path.{meeting_id}"


def remember_path(conn: sa.Connection, meeting_id: int, path: str) -> None:
    """Where the signed berita acara of ``meeting_id`` was written (for the reporting pack to
    offer it; the record itself keeps only the file's name and hash)."""
    settings_store.put(conn, _path_key(meeting_id), path)


def remembered_path(conn: sa.Connection, meeting_id: int) -> str | None:
    """Where the signed berita acara was written, when this database knows it."""
    return settings_store.get(conn, _path_key(meeting_id))
