"""The digest of a meeting's records and the anchor of its berita acara, computed in one place.

Read inside the caller's transaction, so the digest, the audit head and whatever else the
caller reads (the berita acara's content) are one moment of the database. The berita acara's
export, the lock, ``verify --db``, ``audit verify`` and the reporting pack all call
:func:`meeting_digest`; nothing else decides what the digest covers.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from typing import Any

from assembly.domain.meeting import Meeting
from assembly.domain.record_digest import (
    Anchor,
    AuditHead,
    RecordDigest,
    Section,
    digest_records,
    digest_to_json,
)
from assembly.persistence import (
    anchor_store,
    audit_log,
    ballot_store,
    cooperative_store,
    meeting_records,
)
from assembly.persistence.anchor_store import LockAnchor
from assembly.persistence.meeting_store import Connection
from assembly.services.ballot_results import tally_of


def meeting_digest(conn: Connection, meeting_id: int) -> RecordDigest:
    """The digest of the meeting's records as the database holds them now."""
    present, register = meeting_records.attendance_rows(conn, meeting_id)
    totals: dict[str, Any] = meeting_records.ballot_rows(conn, meeting_id)
    for ballot in ballot_store.for_meeting(conn, meeting_id):
        assert ballot.id is not None
        key = str(ballot.id)
        if key in totals:
            totals[key] = {**totals[key], "tally": tally_of(conn, ballot)[0]}
    return digest_records(
        {
            Section.ATTENDANCE: present,
            Section.REGISTER: register,
            Section.PARTICIPATION: meeting_records.participation_rows(conn, meeting_id),
            Section.TOTALS: totals,
            Section.NAMED_VOTES: meeting_records.named_vote_rows(conn, meeting_id),
            Section.DECISIONS: meeting_records.decision_rows(conn, meeting_id),
            Section.NOTES: meeting_records.note_rows(conn, meeting_id),
        }
    )


def audit_head(conn: Connection) -> AuditHead:
    """The audit log's newest event (0 and "" in an empty log)."""
    head = audit_log.head(conn)
    return AuditHead(head.seq, head.hash) if head else AuditHead(0, "")


def anchor_of(conn: Connection, meeting: Meeting) -> Anchor:
    """What the berita acara of ``meeting`` carries, read now."""
    assert meeting.id is not None
    coop = cooperative_store.load(conn)
    return Anchor(
        meeting.id,
        meeting.document_number,
        (coop.time_zone if coop else meeting.time_zone).value,  # as the app shows times
        audit_head(conn),
        meeting_digest(conn, meeting.id),
    )


def record_lock(conn: Connection, meeting_id: int, signed_pdf: bytes, at: dt.datetime) -> None:
    """Inside the lock's transaction: record the digest of the meeting's records as they are
    locked, the audit head, and the SHA-256 of the signed berita acara (its bytes are kept
    once, with its document: ``document_store.keep_file``)."""
    head = audit_head(conn)
    anchor_store.record(
        conn,
        LockAnchor(
            meeting_id,
            digest_to_json(meeting_digest(conn, meeting_id)),
            head.seq,
            head.hash,
            hashlib.sha256(signed_pdf).hexdigest(),
            at,
        ),
    )
