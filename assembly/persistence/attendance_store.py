"""Attendance rows (one per member per meeting), their append-only history, the live counts
behind the quorum, and the attendance list's paged search."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceRecord,
    AttendanceState,
    Channel,
    EventKind,
)
from assembly.domain.attendance_query import (
    AttendanceEntry,
    AttendancePage,
    AttendanceQuery,
    AttendanceSort,
)
from assembly.domain.members import Category, Member, Status
from assembly.persistence import dialect, stays_store
from assembly.persistence.change_feed import note_written
from assembly.persistence.member_store import from_row as member_from_row
from assembly.persistence.tables import attendance, attendance_events, members, proxies
from assembly.persistence.timestamps import from_text, required, to_text


def _row_values(record: AttendanceRecord) -> dict[str, Any]:
    return {
        "channel": record.channel.value,
        "state": record.state.value,
        "arrived_at": to_text(record.arrived_at),
        "left_at": to_text(record.left_at),
        "may_vote": record.may_vote,
        "counted": record.counted,
        "proxy_id": record.proxy_id,
    }


def record_from_row(row: Mapping[Any, Any]) -> AttendanceRecord:
    """An attendance record from its row's column values."""
    return AttendanceRecord(
        member_id=row["member_id"],
        channel=Channel(row["channel"]),
        state=AttendanceState(row["state"]),
        arrived_at=required(row["arrived_at"]),
        may_vote=bool(row["may_vote"]),
        counted=bool(row["counted"]),
        left_at=from_text(row["left_at"]),
        proxy_id=row["proxy_id"],
    )


def record(conn: sa.Connection, meeting_id: int, member_id: int) -> AttendanceRecord | None:
    """The member's attendance at the meeting, if any (one indexed look-up)."""
    row = conn.execute(
        sa.select(attendance).where(
            attendance.c.meeting_id == meeting_id, attendance.c.member_id == member_id
        )
    ).first()
    return record_from_row(row._mapping) if row else None


def save(conn: sa.Connection, meeting_id: int, rec: AttendanceRecord) -> None:
    """Store ``rec`` as the member's attendance (insert, or replace the one row)."""
    values = _row_values(rec)
    statement = dialect.insert(conn, attendance).values(
        meeting_id=meeting_id, member_id=rec.member_id, **values
    )
    conn.execute(
        statement.on_conflict_do_update(
            index_elements=[attendance.c.meeting_id, attendance.c.member_id], set_=values
        )
    )


def insert_many(conn: sa.Connection, meeting_id: int, records: Sequence[AttendanceRecord]) -> None:
    """Add many new attendance rows in one executemany (imports and the demo)."""
    if records:
        conn.execute(
            sa.insert(attendance),
            [
                {"meeting_id": meeting_id, "member_id": r.member_id, **_row_values(r)}
                for r in records
            ],
        )


def _before_text(before: AttendanceRecord | None) -> str | None:
    if before is None:
        return None
    return json.dumps({"member_id": before.member_id, **_row_values(before)}, sort_keys=True)


def _before(text: str | None) -> AttendanceRecord | None:
    return record_from_row(json.loads(text)) if text else None


def _event_values(meeting_id: int, event: AttendanceEvent) -> dict[str, Any]:
    return {
        "meeting_id": meeting_id,
        "member_id": event.member_id,
        "kind": event.kind.value,
        "channel": event.channel.value if event.channel else None,
        "at": to_text(event.at),
        "actor": event.actor,
        "before": _before_text(event.before),
        "undoes": event.undoes,
        "proxy_id": event.proxy_id,
    }


def add_event(
    conn: sa.Connection, meeting_id: int, event: AttendanceEvent, *, first: bool = False
) -> int:
    """Append one entry to the history, and keep the member's stays in step; its id.
    ``first``: the member had no attendance row at the meeting, so no history either (rows
    are never deleted): the entry's stays are stored without reading and replacing any."""
    result = conn.execute(sa.insert(attendance_events).values(**_event_values(meeting_id, event)))
    key = result.inserted_primary_key
    assert key is not None
    if first:
        stays_store.appended(conn, meeting_id, [event], True)
    else:
        stays_store.replay(conn, meeting_id, (event.member_id,))
    return int(key[0])


def first_move(
    conn: sa.Connection, meeting_id: int, rec: AttendanceRecord, event: AttendanceEvent
) -> int:
    """A member's first move at the meeting (no attendance row before, so no history and no
    stays): store ``rec`` as their attendance, append ``event`` and its stays; the entry's id.
    On PostgreSQL one statement (the row and the stays in WITH clauses of the entry's INSERT),
    on SQLite three, as :func:`save` and :func:`add_event` write them."""
    values = _row_values(rec)
    row = (
        dialect.insert(conn, attendance)
        .values(meeting_id=meeting_id, member_id=rec.member_id, **values)
        .on_conflict_do_update(
            index_elements=[attendance.c.meeting_id, attendance.c.member_id], set_=values
        )
    )
    entry = sa.insert(attendance_events).values(**_event_values(meeting_id, event))
    stays = stays_store.first_move(meeting_id, event)
    writes = [row] if stays is None else [row, stays]
    joined = dialect.together(conn, entry.returning(attendance_events.c.id), *writes)
    if joined is None:
        save(conn, meeting_id, rec)
        return add_event(conn, meeting_id, event, first=True)
    event_id = conn.execute(joined).scalar_one()
    note_written(conn, *(w.table.name for w in writes))
    return int(event_id)


def add_events(conn: sa.Connection, meeting_id: int, events: Sequence[AttendanceEvent]) -> None:
    """Append many entries in one executemany (in this order), and keep the stays of the
    members they concern in step."""
    if events:
        first = (
            conn.execute(
                sa.select(attendance_events.c.id)
                .where(attendance_events.c.meeting_id == meeting_id)
                .limit(1)
            ).first()
            is None
        )
        conn.execute(sa.insert(attendance_events), [_event_values(meeting_id, e) for e in events])
        stays_store.appended(conn, meeting_id, events, first)


def _event(row: Mapping[Any, Any]) -> AttendanceEvent:
    return AttendanceEvent(
        member_id=row["member_id"],
        kind=EventKind(row["kind"]),
        at=required(row["at"]),
        actor=row["actor"],
        channel=Channel(row["channel"]) if row["channel"] else None,
        before=_before(row["before"]),
        undoes=row["undoes"],
        proxy_id=row["proxy_id"],
        id=row["id"],
    )


def last_event(conn: sa.Connection, meeting_id: int, member_id: int) -> AttendanceEvent | None:
    """The member's newest history entry at the meeting."""
    row = conn.execute(
        sa.select(attendance_events)
        .where(
            attendance_events.c.meeting_id == meeting_id,
            attendance_events.c.member_id == member_id,
        )
        .order_by(attendance_events.c.id.desc())
        .limit(1)
    ).first()
    return _event(row._mapping) if row else None


def history(
    conn: sa.Connection, meeting_id: int, member_id: int | None = None
) -> list[AttendanceEvent]:
    """The history of the meeting (or of one member at it), oldest first."""
    query = sa.select(attendance_events).where(attendance_events.c.meeting_id == meeting_id)
    if member_id is not None:
        query = query.where(attendance_events.c.member_id == member_id)
    return [_event(r._mapping) for r in conn.execute(query.order_by(attendance_events.c.id))]


def present_counts(conn: sa.Connection, meeting_id: int) -> dict[tuple[Channel, bool], int]:
    """How many are present now, by channel and by whether they count for quorum: one COUNT
    over the covering index ``ix_attendance_meeting_id``. The attendance rows hold each
    member's state now, kept by the door in step with the history, so this is
    :func:`assembly.domain.presence.present_at` at this moment, read fast enough for the door
    and the projector at any size (tests/services/test_minutes_check.py holds the two equal)."""
    rows = conn.execute(
        sa.select(attendance.c.channel, attendance.c.counted, sa.func.count())
        .where(
            attendance.c.meeting_id == meeting_id,
            attendance.c.state == AttendanceState.PRESENT.value,
        )
        .group_by(attendance.c.channel, attendance.c.counted)
    )
    return {(Channel(r[0]), bool(r[1])): int(r[2]) for r in rows}


def represented_by(conn: sa.Connection, meeting_id: int, holder_id: int) -> list[AttendanceRecord]:
    """The attendance of members the holder represents by an active proxy."""
    rows = conn.execute(
        sa.select(attendance)
        .join(proxies, proxies.c.id == attendance.c.proxy_id)
        .where(
            attendance.c.meeting_id == meeting_id,
            attendance.c.channel == Channel.PROXY.value,
            proxies.c.holder_id == holder_id,
        )
    )
    return [record_from_row(r._mapping) for r in rows]


def attending_members(conn: sa.Connection, meeting_id: int) -> list[tuple[Member, bool, bool]]:
    """Everyone with an attendance row at the meeting: (member, may_vote, counted) as stored."""
    rows = conn.execute(
        sa.select(
            members,
            attendance.c.may_vote.label("stored_may_vote"),
            attendance.c.counted.label("stored_counted"),
        )
        .join(attendance, attendance.c.member_id == members.c.id)
        .where(attendance.c.meeting_id == meeting_id)
    )
    return [
        (member_from_row(r._mapping), bool(r.stored_may_vote), bool(r.stored_counted)) for r in rows
    ]


def set_flags(
    conn: sa.Connection, meeting_id: int, flags: Iterable[tuple[int, bool, bool]]
) -> None:
    """Store (member id, may_vote, counted) for members whose rights a recount changed."""
    for member_id, may_vote, counted in flags:
        conn.execute(
            sa.update(attendance)
            .where(attendance.c.meeting_id == meeting_id, attendance.c.member_id == member_id)
            .values(may_vote=may_vote, counted=counted)
        )


# --- the attendance list ---------------------------------------------------------------------

_holder = members.alias("holder")
_SORT = {
    AttendanceSort.ARRIVED: (attendance.c.arrived_at,),
    AttendanceSort.NUMBER: (members.c.number,),
    AttendanceSort.NAME: (members.c.name,),
    AttendanceSort.CHANNEL: (attendance.c.channel, attendance.c.arrived_at),
}


_TRIGRAM = 3  # the trigram name index matches runs of 3 characters or more


def _filtered(
    conn: sa.Connection, meeting_id: int, query: AttendanceQuery
) -> list[sa.ColumnElement[bool]]:
    """Conditions on ``attendance`` alone (no join), so that counting and paging walk an
    index even when a meeting has a hundred thousand attendees."""
    where: list[sa.ColumnElement[bool]] = [attendance.c.meeting_id == meeting_id]
    if query.states:
        where.append(attendance.c.state.in_(sorted(s.value for s in query.states)))
    if query.channels:
        where.append(attendance.c.channel.in_(sorted(c.value for c in query.channels)))
    needle = query.needle
    if needle:
        where.append(attendance.c.id.in_(_matching(conn, meeting_id, needle)))
    return where


def _matching(conn: sa.Connection, meeting_id: int, needle: str) -> sa.Select[Any]:
    """Attendance ids of members whose number starts with ``needle`` or whose name holds it:
    from the members found by the number index and the trigram name index, never a scan."""
    by_number = sa.select(members.c.id).where(
        members.c.number >= needle, members.c.number < needle + "\U0010ffff"
    )
    if len(needle) >= _TRIGRAM:
        by_name: sa.Select[Any] = dialect.ids_by_name(conn, members, [needle])
    else:  # too short for the trigram index: a scan of this meeting's attendees' names
        by_name = sa.select(members.c.id).where(
            dialect.name_holds(conn, members.c.name, needle),
            members.c.id.in_(
                sa.select(attendance.c.member_id).where(attendance.c.meeting_id == meeting_id)
            ),
        )
    hits = sa.union(by_number, by_name).subquery("hits")
    return (
        sa.select(attendance.c.id)
        .select_from(hits)
        .join(
            attendance,
            sa.and_(attendance.c.meeting_id == meeting_id, attendance.c.member_id == hits.c[0]),
        )
    )


def page(
    conn: sa.Connection, meeting_id: int, query: AttendanceQuery, offset: int, limit: int
) -> AttendancePage:
    """Rows ``offset``… of the attendance matching ``query``, and how many match in all.

    The window is chosen on the attendance index first and the names fetched for its rows
    only, so paging deep into a large meeting stays fast."""
    where = _filtered(conn, meeting_id, query)
    total = conn.execute(
        sa.select(sa.func.count()).select_from(attendance).where(*where)
    ).scalar_one()
    order = [c.desc() if query.descending else c.asc() for c in _SORT[query.sort]]
    window = sa.select(attendance.c.id).where(*where)
    if query.sort in (AttendanceSort.NAME, AttendanceSort.NUMBER):
        window = window.join(members, members.c.id == attendance.c.member_id)
    chosen = list(
        conn.execute(
            window.order_by(*order, attendance.c.id.asc()).offset(offset).limit(limit)
        ).scalars()
    )
    rows = dict(_entries(conn, [attendance.c.id.in_(chosen)], [], 0, None))
    return AttendancePage(int(total), offset, tuple(rows[i] for i in chosen))


def listed_where(conn: sa.Connection, meeting_id: int) -> list[sa.ColumnElement[bool]]:
    """The conditions selecting the Daftar Hadir's rows (present or left, not cancelled)."""
    return _filtered(conn, meeting_id, AttendanceQuery())


def entries(conn: sa.Connection, meeting_id: int) -> list[AttendanceEntry]:
    """Everyone who attended (present or left), in order of arrival: the Daftar Hadir."""
    where = _filtered(conn, meeting_id, AttendanceQuery())
    return [
        e for _id, e in _entries(conn, where, [attendance.c.arrived_at, attendance.c.id], 0, None)
    ]


def _entries(
    conn: sa.Connection,
    where: list[sa.ColumnElement[bool]],
    order: list[Any],
    offset: int,
    limit: int | None,
) -> list[tuple[int, AttendanceEntry]]:
    """(attendance id, entry) of the rows ``where`` selects."""
    joined, columns = listed_columns()
    statement = (
        sa.select(*columns).select_from(joined).where(*where).order_by(*order).offset(offset)
    )
    if limit is not None:
        statement = statement.limit(limit)
    return [(r._mapping["id"], entry_of(r._mapping)) for r in conn.execute(statement)]


def listed_columns() -> tuple[sa.FromClause, list[Any]]:
    """The join and the columns an :class:`AttendanceEntry` is read from (:func:`entry_of`)."""
    joined = (
        attendance.join(members, members.c.id == attendance.c.member_id)
        .outerjoin(proxies, proxies.c.id == attendance.c.proxy_id)
        .outerjoin(_holder, _holder.c.id == proxies.c.holder_id)
    )
    return joined, [
        attendance,
        members.c.number,
        members.c.name,
        members.c.category,
        members.c.status,
        members.c.arrears,
        _holder.c.number.label("holder_number"),
        _holder.c.name.label("holder_name"),
    ]


def entry_of(m: Mapping[Any, Any]) -> AttendanceEntry:
    """The entry of one row of :func:`listed_columns`."""
    return AttendanceEntry(
        member_id=m["member_id"],
        number=m["number"],
        name=m["name"],
        category=Category(m["category"]),
        status=Status(m["status"]),
        arrears=bool(m["arrears"]),
        channel=Channel(m["channel"]),
        state=AttendanceState(m["state"]),
        arrived_at=required(m["arrived_at"]),
        left_at=from_text(m["left_at"]),
        may_vote=bool(m["may_vote"]),
        counted=bool(m["counted"]),
        holder_number=m["holder_number"] or "",
        holder_name=m["holder_name"] or "",
    )
