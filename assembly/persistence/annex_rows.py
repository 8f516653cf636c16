"""The Daftar Hadir of the berita acara read a chunk at a time (issue 11, point 10).

One ordered query over the attendees and their stays whose rows come ``CHUNK`` at a time
(``yield_per``: a server-side cursor on PostgreSQL, SQLite's own cursor on SQLite), so that
150,000 attendees never sit in memory as a list: the caller writes each one where it goes (a
page of the PDF, a line of an embedded file) and lets it go. Read inside the caller's read
transaction, so that every pass over the list sees the same records.
"""

from __future__ import annotations

from collections.abc import Iterator

import sqlalchemy as sa

from assembly.domain.attendance import Channel
from assembly.domain.attendance_query import AttendanceEntry
from assembly.domain.presence import Attendee, Stay
from assembly.persistence import attendance_store
from assembly.persistence.tables import attendance, attendance_stays
from assembly.persistence.timestamps import required
from assembly.persistence.vote_records import CHUNK


def listing(conn: sa.Connection, meeting_id: int) -> Iterator[tuple[AttendanceEntry, Attendee]]:
    """Everyone on the Daftar Hadir (present or left, not cancelled), in order of arrival,
    each with their rights as the door recorded them and their stays as kept in step with the
    history; an attendee whose every move was taken back comes with no stay."""
    s = attendance_stays.c
    joined, columns = attendance_store.listed_columns()
    statement = (
        sa.select(
            *columns,
            s.started_at.label("stay_start"),
            s.channel.label("stay_channel"),
            s.ended_at.label("stay_end"),
            s.returned.label("stay_returned"),
            s.left_meeting.label("stay_left"),
        )
        .select_from(
            joined.outerjoin(
                attendance_stays,
                sa.and_(
                    s.meeting_id == attendance.c.meeting_id, s.member_id == attendance.c.member_id
                ),
            )
        )
        .where(*attendance_store.listed_where(conn, meeting_id))
        .order_by(attendance.c.arrived_at, attendance.c.id, s.seq)
    )
    channels = {c.value: c for c in Channel}
    current: AttendanceEntry | None = None
    current_id = None
    stays: list[Stay] = []
    result = conn.execute(statement, execution_options={"yield_per": CHUNK})
    for row in result.mappings():
        if row["id"] != current_id:
            if current is not None:
                yield current, _attendee(current, stays)
            current_id, current, stays = row["id"], attendance_store.entry_of(row), []
        if row["stay_start"] is not None:
            end = row["stay_end"]
            stays.append(
                Stay(
                    required(row["stay_start"]),
                    channels[row["stay_channel"]],
                    None if end is None else required(end),
                    bool(row["stay_returned"]),
                    bool(row["stay_left"]),
                )
            )
    if current is not None:
        yield current, _attendee(current, stays)


def _attendee(entry: AttendanceEntry, stays: list[Stay]) -> Attendee:
    return Attendee(entry.member_id, entry.counted, entry.may_vote, entry.category, tuple(stays))
