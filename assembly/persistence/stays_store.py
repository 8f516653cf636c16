"""Each member's stays kept in step with the attendance history (r0012): whenever an
entry is appended, the stays of the members it concerns are replayed from their history with
the one replay of :func:`assembly.domain.presence.stays_of` and stored, in the same
transaction. Reading who was present when then costs one range scan, not a replay of the whole
meeting (6.5 s at 150,000 attendees)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from assembly.domain.attendance import AttendanceEvent, EventKind
from assembly.domain.presence import Stay, stays_of
from assembly.persistence import history_stays, presence_store
from assembly.persistence.tables import attendance_stays, members
from assembly.persistence.timestamps import to_text

_CHUNK = 500  # member ids per IN (...), well under SQLite's limit on bound parameters


def replay(conn: sa.Connection, meeting_id: int, member_ids: Iterable[int]) -> None:
    """Store the stays of ``member_ids`` at the meeting as their history replays them now."""
    wanted = sorted(set(member_ids))
    if not wanted:
        return
    if len(wanted) > _CHUNK:
        chosen = set(wanted)
        events = [e for e in presence_store.moves(conn, meeting_id) if e.member_id in chosen]
    else:
        events = presence_store.moves(conn, meeting_id, members=wanted)
    s = attendance_stays.c
    for start in range(0, len(wanted), _CHUNK):
        conn.execute(
            sa.delete(attendance_stays).where(
                s.meeting_id == meeting_id, s.member_id.in_(wanted[start : start + _CHUNK])
            )
        )
    _insert(conn, meeting_id, stays_of(events))


def appended(
    conn: sa.Connection, meeting_id: int, events: Sequence[AttendanceEvent], first: bool
) -> None:
    """Keep the stays in step after ``events`` were appended to the history (in this order);
    ``first`` says the meeting had no history before them, so that, when none of them takes
    a move back, they replay on their own (a demo's or an import's arrivals at once)."""
    if first and not any(e.kind is EventKind.UNDO for e in events):
        _insert(conn, meeting_id, stays_of(events))
    else:
        replay(conn, meeting_id, {e.member_id for e in events})


def kept(conn: sa.Connection, meeting_id: int) -> dict[int, tuple[Stay, ...]]:
    """member id -> their stays as kept (one range scan), for every member with a stay, in
    member id order."""
    s = attendance_stays.c
    rows = conn.execute(
        sa.select(s.member_id, s.started_at, s.channel, s.ended_at, s.returned, s.left_meeting)
        .where(s.meeting_id == meeting_id)
        .order_by(s.member_id, s.seq)
    ).all()
    return history_stays.collect(rows)


def first_move(meeting_id: int, event: AttendanceEvent) -> sa.Insert | None:
    """The INSERT of the stays of a member's first move at the meeting (they had no history,
    so there is nothing to replace); None when it opens none."""
    rows = _rows(meeting_id, stays_of([event]))
    if len(rows) == 1:  # a single row's INSERT compiles once and is cached (a multi-row not)
        return sa.insert(attendance_stays).values(**rows[0])
    return sa.insert(attendance_stays).values(rows) if rows else None


def _insert(conn: sa.Connection, meeting_id: int, stays: Mapping[int, Sequence[Stay]]) -> None:
    rows = _rows(meeting_id, stays)
    if rows:
        conn.execute(sa.insert(attendance_stays), rows)


def _rows(meeting_id: int, stays: Mapping[int, Sequence[Stay]]) -> list[dict[str, Any]]:
    return [
        {
            "meeting_id": meeting_id,
            "member_id": member_id,
            "seq": seq,
            "started_at": to_text(stay.start),
            "channel": stay.channel.value,
            "ended_at": to_text(stay.end),
            "returned": stay.returned,
            "left_meeting": stay.left,
        }
        for member_id in sorted(stays)
        for seq, stay in enumerate(stays[member_id])
    ]


def numbers(conn: sa.Connection, member_ids: Iterable[int]) -> list[str]:
    """The member numbers of ``member_ids`` (as the register writes them), sorted."""
    wanted = sorted(set(member_ids))
    found: list[str] = []
    for start in range(0, len(wanted), _CHUNK):
        found += conn.execute(
            sa.select(members.c.number).where(members.c.id.in_(wanted[start : start + _CHUNK]))
        ).scalars()
    return sorted(found)
