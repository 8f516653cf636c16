"""What counting who was present when reads: each attendee's rights as the door recorded them
with their stays as kept in step with the history (``attendance_stays``), the attendance
history itself without the records it replaced (for the independent recount), the holders of
surat kuasa, and a fingerprint that changes whenever any of these may have (issue 11,
point 1)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

import sqlalchemy as sa

from assembly.domain.attendance import AttendanceEvent, Channel, EventKind
from assembly.domain.collection import collection_paused
from assembly.domain.members import Category, Member
from assembly.domain.presence import Attendee, Stay
from assembly.persistence.member_store import from_row as member_from_row
from assembly.persistence.tables import (
    attendance,
    attendance_events,
    attendance_stays,
    members,
    proxies,
)
from assembly.persistence.timestamps import required

CHUNK = 2_000  # rows fetched at a time when reading in chunks


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
    rows = conn.execute(query).all()  # one fetch: iterating row by row costs more than SQLite
    category = {c.value: c for c in Category}
    return {r[0]: (bool(r[1]), bool(r[2]), category[r[3]]) for r in rows}


def attendees(
    conn: sa.Connection,
    meeting_id: int,
    only: Iterable[int] | None = None,
    *,
    chunked: bool = False,
) -> list[Attendee]:
    """Everyone with an attendance row (of the members ``only`` names, when given), ordered
    by member id: their rights as the door recorded them and their stays as kept in step
    with the history (:mod:`assembly.persistence.stays_store`).

    One pass over one ordered join. Equal stays (arrivals to the same second by the same
    door) are one shared object and each moment is parsed once: at 150,000 attendees most
    stays have a twin. The collector of reference cycles waits while the objects are built
    (none of them can form a cycle): its passes over a growing heap cost as much as the
    rest."""
    a, s = attendance.c, attendance_stays.c
    query = (
        sa.select(
            a.member_id,
            a.counted,
            a.may_vote,
            members.c.category,
            s.started_at,
            s.channel,
            s.ended_at,
            s.returned,
            s.left_meeting,
        )
        .select_from(
            attendance.join(members, members.c.id == a.member_id).outerjoin(
                attendance_stays,
                sa.and_(s.meeting_id == a.meeting_id, s.member_id == a.member_id),
            )
        )
        .where(a.meeting_id == meeting_id)
        .order_by(a.member_id, s.seq)
    )
    if only is not None:
        query = query.where(a.member_id.in_(sorted(set(only))))
    categories = {c.value: c for c in Category}
    channels = {c.value: c for c in Channel}
    moments: dict[str, dt.datetime] = {}
    known: dict[tuple[str, str, str | None, bool, bool], Stay] = {}

    def moment(text: str) -> dt.datetime:
        found = moments.get(text)
        if found is None:
            found = moments[text] = required(text)
        return found

    people: list[Attendee] = []
    with collection_paused():
        # One fetch: row by row costs more than SQLite. ``chunked`` reads CHUNK rows at a
        # time instead, for the berita acara of 150,000 present: the raw rows are never
        # all held beside the attendees made of them (issue 11, point 10).
        if chunked:
            rows: Iterable[Any] = conn.execute(query, execution_options={"yield_per": CHUNK})
        else:
            rows = conn.execute(query).all()
        current: tuple[int, bool, bool, Category] | None = None
        their: tuple[Stay, ...] = ()
        for member_id, counted, may_vote, category, started, channel, ended, back, left in rows:
            if current is None or member_id != current[0]:
                if current is not None:
                    people.append(Attendee(*current, their))
                current = (member_id, bool(counted), bool(may_vote), categories[category])
                their = ()
            if started is None:
                continue  # a row whose every move was taken back: no stay
            key = (started, channel, ended, back, left)
            stay = known.get(key)
            if stay is None:
                end = None if ended is None else moment(ended)
                stay = Stay(moment(started), channels[channel], end, bool(back), bool(left))
                known[key] = stay
            their = (*their, stay)
        if current is not None:
            people.append(Attendee(*current, their))
    return people


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


def members_among(conn: sa.Connection, member_ids: Iterable[int]) -> list[Member]:
    """The register's entries of ``member_ids`` (the few members a recount finds in the
    history without an attendance row), in id order."""
    wanted = sorted(set(member_ids))
    out: list[Member] = []
    for start in range(0, len(wanted), 500):  # well under SQLite's bound parameters
        rows = conn.execute(sa.select(members).where(members.c.id.in_(wanted[start : start + 500])))
        out.extend(member_from_row(r._mapping) for r in rows)
    return sorted(out, key=lambda m: m.id or 0)


def hall_count(
    conn: sa.Connection, meeting_id: int, moment: str
) -> tuple[dict[Channel, int], dict[Channel, int], str]:
    """Who is in the meeting at ``moment`` (stored text), counted by the database in one
    pass over the kept stays instead of read out stay by stay: (members of the quorum base
    by channel, everyone by channel, the latest start or end of any stay, "" when none). A
    stay covers ``moment`` from its start (inclusive) until its end (exclusive), as
    :meth:`assembly.domain.presence.Stay.covers` says; stored moments are UTC text to the
    second, so text order is time order."""
    s = attendance_stays.c
    covers = sa.and_(s.started_at <= moment, sa.or_(s.ended_at.is_(None), s.ended_at > moment))
    channels = {c.value: c for c in Channel}
    everyone: dict[Channel, int] = {c: 0 for c in Channel}
    latest = ""
    rows = conn.execute(
        sa.select(
            s.channel,
            sa.func.coalesce(sa.func.sum(sa.case((covers, 1), else_=0)), 0),
            sa.func.max(s.started_at),
            sa.func.max(s.ended_at),
        )
        .where(s.meeting_id == meeting_id)
        .group_by(s.channel)
    )
    for channel, present, started, ended in rows:
        everyone[channels[channel]] = int(present)
        latest = max(latest, started or "", ended or "")
    not_counted = sa.select(attendance.c.member_id).where(
        attendance.c.meeting_id == meeting_id, sa.not_(attendance.c.counted)
    )
    others: dict[str, int] = dict(
        conn.execute(
            sa.select(s.channel, sa.func.count())
            .where(s.meeting_id == meeting_id, covers, s.member_id.in_(not_counted))
            .group_by(s.channel)
        ).all()
    )
    counted = {c: everyone[c] - int(others.get(c.value, 0)) for c in Channel}
    return counted, everyone, latest
