"""Writing one attendance change inside a transaction: the row, its history entry and the
audit event together, and the members represented by proxy following their holder out and
back in. Shared by the door, the online import and the proxies."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceRecord,
    AttendanceState,
    Channel,
    EventKind,
)
from assembly.domain.members import Member
from assembly.persistence import attendance_store, audit_log
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text


def write_move(
    conn: Connection,
    actor: str,
    meeting_id: int,
    member: Member,
    kind: EventKind,
    after: AttendanceRecord,
    before: AttendanceRecord | None,
    at: dt.datetime,
    *,
    proxy_id: int | None = None,
    undoes: int | None = None,
) -> int:
    """Store ``after`` as the member's attendance, append the history entry (keeping
    ``before`` so that an undo can restore it) and the audit event; the entry's id. A
    ``before`` of None (no attendance row yet) is the member's first move at the meeting."""
    assert member.id is not None
    event = AttendanceEvent(
        member.id, kind, at, actor, after.channel, before, undoes=undoes, proxy_id=proxy_id
    )
    if before is None:
        event_id = attendance_store.first_move(conn, meeting_id, after, event)
    else:
        attendance_store.save(conn, meeting_id, after)
        event_id = attendance_store.add_event(conn, meeting_id, event)
    audit_log.append(
        conn,
        actor,
        f"attendance.{kind.value}",
        {
            "meeting_id": meeting_id,
            "member_id": member.id,
            "number": member.number,
            "channel": after.channel.value,
            "state": after.state.value,
            "at": to_text(at),
            "event_id": event_id,
            "undoes": undoes,
            "proxy_id": proxy_id,
        },
    )
    return event_id


def follow_holder(
    conn: Connection, actor: str, meeting_id: int, holder: Member, present: bool, at: dt.datetime
) -> int:
    """Members represented by ``holder`` leave with them (``present`` False) or come back with
    them; how many moved. Each move is a history entry; one audit event covers them."""
    assert holder.id is not None
    moved = []
    for rec in attendance_store.represented_by(conn, meeting_id, holder.id):
        if rec.present == present:
            continue
        after = replace(
            rec,
            state=AttendanceState.PRESENT if present else AttendanceState.LEFT,
            left_at=None if present else at,
        )
        attendance_store.save(conn, meeting_id, after)
        attendance_store.add_event(
            conn,
            meeting_id,
            AttendanceEvent(
                rec.member_id,
                EventKind.HOLDER_RETURNED if present else EventKind.HOLDER_LEFT,
                at,
                actor,
                Channel.PROXY,
                rec,
                proxy_id=rec.proxy_id,
            ),
        )
        moved.append(rec.member_id)
    if moved:
        audit_log.append(
            conn,
            actor,
            "attendance.holder_returned" if present else "attendance.holder_left",
            {
                "meeting_id": meeting_id,
                "holder_id": holder.id,
                "represented": moved,
                "at": to_text(at),
            },
        )
    return len(moved)
