"""What counting who was present when reads: the attendance history without the records it
replaced, each attendee's rights as the door recorded them, the holders of surat kuasa, and
a fingerprint that changes whenever any of these may have (issue 11, point 1)."""

from __future__ import annotations

from collections.abc import Iterable

import sqlalchemy as sa

from assembly.domain.attendance import AttendanceEvent, Channel, EventKind
from assembly.domain.members import Category, Member
from assembly.persistence.member_store import from_row as member_from_row
from assembly.persistence.tables import attendance, attendance_events, members, proxies
from assembly.persistence.timestamps import required


def flags(
    conn: sa.Connection, meeting_id: int, only: Iterable[int] | None = None
) -> dict[int, tuple[bool, bool, Category]]:
    """member id -> (counted, may_vote, category) of everyone with an attendance row (of the
    members ``only`` names, when given)."""
    query = (
        sa.select(
            attendance.c.member_id, attendance.c.counted, attendance.c.may_vote, members.c.category
        )
        .join(members, members.c.id == attendance.c.member_id)
        .where(attendance.c.meeting_id == meeting_id)
    )
    if only is not None:
        query = query.where(attendance.c.member_id.in_(sorted(set(only))))
    rows = conn.execute(query)
    return {int(r[0]): (bool(r[1]), bool(r[2]), Category(r[3])) for r in rows}


def moves(
    conn: sa.Connection,
    meeting_id: int,
    *,
    after: int = 0,
    members: Iterable[int] | None = None,
) -> list[AttendanceEvent]:
    """The meeting's history for counting who was present when: each entry without the
    attendance it replaced (not needed to count, and the costly part to read), oldest
    first; only entries after id ``after``, only of ``members`` when given."""
    e = attendance_events.c
    query = (
        sa.select(e.id, e.member_id, e.kind, e.channel, e.at, e.actor, e.undoes, e.proxy_id)
        .where(e.meeting_id == meeting_id, e.id > after)
        .order_by(e.id)
    )
    if members is not None:
        query = query.where(e.member_id.in_(sorted(set(members))))
    rows = conn.execute(query)
    return [
        AttendanceEvent(
            member_id=r.member_id,
            kind=EventKind(r.kind),
            at=required(r.at),
            actor=r.actor,
            channel=Channel(r.channel) if r.channel else None,
            undoes=r.undoes,
            proxy_id=r.proxy_id,
            id=r.id,
        )
        for r in rows
    ]


def fingerprint(conn: sa.Connection, meeting_id: int) -> tuple[int, int, int, int]:
    """Changes whenever who was present when, or who counts, may change: the newest history
    entry, and how many rows there are, count and may vote (two indexed look-ups)."""
    newest = conn.execute(
        sa.select(sa.func.max(attendance_events.c.id)).where(
            attendance_events.c.meeting_id == meeting_id
        )
    ).scalar()
    rows, counted, voting = conn.execute(
        sa.select(
            sa.func.count(),
            sa.func.coalesce(sa.func.sum(sa.cast(attendance.c.counted, sa.Integer)), 0),
            sa.func.coalesce(sa.func.sum(sa.cast(attendance.c.may_vote, sa.Integer)), 0),
        ).where(attendance.c.meeting_id == meeting_id)
    ).one()
    return int(newest or 0), int(rows), int(counted), int(voting)


def proxy_holders(conn: sa.Connection, meeting_id: int) -> dict[int, int]:
    """member id -> holder of their surat kuasa, for everyone attending by proxy now."""
    rows = conn.execute(
        sa.select(attendance.c.member_id, proxies.c.holder_id)
        .join(proxies, proxies.c.id == attendance.c.proxy_id)
        .where(
            attendance.c.meeting_id == meeting_id,
            attendance.c.channel == Channel.PROXY.value,
        )
    )
    return {int(r[0]): int(r[1]) for r in rows}


def members_of_history(conn: sa.Connection, meeting_id: int) -> list[Member]:
    """Every member the attendance history of the meeting names (for a recount from the
    register that does not lean on the attendance rows)."""
    rows = conn.execute(
        sa.select(members).where(
            members.c.id.in_(
                sa.select(attendance_events.c.member_id).where(
                    attendance_events.c.meeting_id == meeting_id
                )
            )
        )
    )
    return [member_from_row(r._mapping) for r in rows]
