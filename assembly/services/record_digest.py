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
    Digester,
    RecordDigest,
    Section,
    digest_to_json,
    section_digest,
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
    """The digest of the meeting's records as the database holds them now. One section is
    read and hashed at a time: the 150,000 attendance rows, the register rows and the named
    votes are never all in memory together (issue 11, point 10)."""
    present = Digester(Section.ATTENDANCE)
    register = Digester(Section.REGISTER)
    for number, attended, entry in meeting_records.attendance_stream(conn, meeting_id):
        present.add(number, attended)
        register.add(number, entry)
    sections = {Section.ATTENDANCE: present.digest(), Section.REGISTER: register.digest()}
    del present, register
    totals: dict[str, Any] = meeting_records.ballot_rows(conn, meeting_id)
    for ballot in ballot_store.for_meeting(conn, meeting_id):
        assert ballot.id is not None
        key = str(ballot.id)
        if key in totals:
            totals[key] = {**totals[key], "tally": tally_of(conn, ballot)[0]}
    sections[Section.TOTALS] = section_digest(Section.TOTALS, totals)
    for section, stream in (
        (Section.PARTICIPATION, meeting_records.participation_stream),
        (Section.NAMED_VOTES, meeting_records.named_vote_stream),
    ):
        digester = Digester(section)
        for key, row in stream(conn, meeting_id):
            digester.add(key, row)
        sections[section] = digester.digest()
    sections[Section.DECISIONS] = section_digest(
        Section.DECISIONS, meeting_records.decision_rows(conn, meeting_id)
    )
    sections[Section.NOTES] = section_digest(
        Section.NOTES, meeting_records.note_rows(conn, meeting_id)
    )
    return RecordDigest({s: sections[s] for s in Section})


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
