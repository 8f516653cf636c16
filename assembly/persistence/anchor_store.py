"""The anchors recorded at each meeting's lock, and the triggers the schema requires.

An anchor row is written in the lock's own transaction and never changed (migration
r0007_anchor's triggers refuse it). Someone holding the file can still drop those triggers,
as they can drop the lock's: :func:`missing_triggers` says which of the required ones are
gone, and the stored signed berita acara (kept once, in ``signed_files``: see
:func:`assembly.persistence.document_store.locked_file`) lets ``audit verify`` trust its own
anchor anyway.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from dataclasses import dataclass

import sqlalchemy as sa

from assembly.persistence.tables import meeting_anchors
from assembly.persistence.timestamps import required, to_text


@dataclass(frozen=True)
class LockAnchor:
    """What one meeting's lock recorded."""

    meeting_id: int
    digest: str  # canonical JSON, see domain.record_digest.digest_to_json
    audit_seq: int
    audit_hash: str
    signed_sha256: str  # the bytes are in signed_files (document_store.locked_file)
    recorded_at: dt.datetime


def record(conn: sa.Connection, anchor: LockAnchor) -> None:
    """Add the anchor of a lock (inside the lock's write transaction)."""
    conn.execute(
        sa.insert(meeting_anchors).values(
            meeting_id=anchor.meeting_id,
            digest=anchor.digest,
            audit_seq=anchor.audit_seq,
            audit_hash=anchor.audit_hash,
            signed_sha256=anchor.signed_sha256,
            recorded_at=to_text(anchor.recorded_at),
        )
    )


def anchors(conn: sa.Connection) -> Iterator[LockAnchor]:
    """Every recorded anchor, by meeting id."""
    ids = conn.execute(sa.select(meeting_anchors.c.meeting_id).order_by("meeting_id")).scalars()
    for meeting_id in list(ids):
        anchor = anchor_of(conn, meeting_id)
        assert anchor is not None
        yield anchor


def anchor_of(conn: sa.Connection, meeting_id: int) -> LockAnchor | None:
    """The anchor recorded at the meeting's lock (None when it was not locked here)."""
    row = conn.execute(
        sa.select(meeting_anchors).where(meeting_anchors.c.meeting_id == meeting_id)
    ).first()
    if row is None:
        return None
    return LockAnchor(
        row.meeting_id,
        row.digest,
        row.audit_seq,
        row.audit_hash,
        row.signed_sha256,
        required(row.recorded_at),
    )


def locked_meetings(conn: sa.Connection) -> list[int]:
    """The ids of the meetings in the locked state."""
    statement = sa.text("SELECT id FROM meetings WHERE state = 'locked' ORDER BY id")
    return [int(i) for i in conn.execute(statement).scalars()]


# The append-only histories (migrations r0001 and r0002): the audit log, attendance events and
# quorum checks never change once written.
_APPEND_ONLY = tuple(
    f"{table}_no_{action}"
    for table in ("audit_events", "attendance_events", "quorum_checks")
    for action in ("update", "delete")
)


def required_triggers() -> list[str]:
    """The names of the triggers the schema requires: the append-only histories', the
    lock's, the anchors' and the signed documents' records'."""
    # Imported here, not at the top: the migrations load Alembic (half a second of every
    # start), which only ``audit verify`` and a migration need.
    from assembly.persistence.migrations.versions.r0005_minutes_lock import _lock_triggers
    from assembly.persistence.migrations.versions.r0006_secret import (
        _lock_triggers as _secret_lock_triggers,
    )
    from assembly.persistence.migrations.versions.r0007_anchor import anchor_triggers
    from assembly.persistence.migrations.versions.r0008_lock import (
        _TRIGGERS as _signed_file_triggers,
    )
    from assembly.persistence.migrations.versions.r0014_kept_once import stays_guards
    from assembly.persistence.migrations.versions.r0016_documents_guarded import document_guards

    # r0006 replaced the per-vote secret choices (and their lock triggers) by totals.
    lock = [name for name, _sql in _lock_triggers() if "secret_choices" not in name]
    later = _secret_lock_triggers("secret_totals") + anchor_triggers() + list(_signed_file_triggers)
    stays = [guard.name for guard in stays_guards()]
    documents = [guard.name for guard in document_guards()]
    return [*_APPEND_ONLY, *lock, *(name for name, _sql in later), *stays, *documents]


def missing_triggers(conn: sa.Connection) -> list[str]:
    """The required triggers that are not in the database (SQLite or PostgreSQL)."""
    from assembly.persistence.migrations.guards import trigger_names

    present = trigger_names(conn)
    return [name for name in required_triggers() if name not in present]
