"""What the door decides a check-in on, read in one statement: the meeting's own row, the
member and the member's attendance at the meeting.

On PostgreSQL the check-in reads these, and decides, before it takes the one write lock
(:func:`assembly.persistence.pg_database.hold_write_lock`); once it holds the lock it reads
them again with :func:`read` and goes on only when nothing changed (else it decides again, now
under the lock). The other desks so wait only for its writes, and every check still holds when
it writes, as when the lock was taken first.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from assembly.domain.attendance import AttendanceRecord
from assembly.domain.meeting import Meeting
from assembly.domain.members import Member
from assembly.persistence import attendance_store, meeting_store, member_store
from assembly.persistence.tables import attendance, meetings, members


@dataclass(frozen=True)
class DoorRows:
    """The meeting (None: no such meeting), the member (None: no such member or none asked
    for) and the member's attendance (None: not recorded yet)."""

    meeting: Meeting | None
    member: Member | None
    current: AttendanceRecord | None


def read(conn: sa.Connection, meeting_id: int, member_id: int | None) -> DoorRows:
    """The rows the door decides on, as this statement sees them (one indexed look-up each,
    in one round trip)."""
    m, x, a = meetings, members, attendance
    joined = m.outerjoin(x, x.c.id == member_id).outerjoin(
        a, sa.and_(a.c.meeting_id == m.c.id, a.c.member_id == member_id)
    )
    row = conn.execute(
        sa.select(m, x, a)
        .select_from(joined)
        .where(m.c.id == meeting_id)
        .set_label_style(sa.LABEL_STYLE_TABLENAME_PLUS_COL)
    ).first()
    if row is None:
        return DoorRows(None, None, None)
    values = row._mapping
    meeting = meeting_store.from_row({c.name: values[c] for c in m.c})
    member = member_store.from_row({c.name: values[c] for c in x.c}) if values[x.c.id] else None
    current = (
        attendance_store.record_from_row({c.name: values[c] for c in a.c})
        if values[a.c.id]
        else None
    )
    return DoorRows(meeting, member, current)
