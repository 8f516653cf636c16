"""The check-in desk's look-up: members by the start of their number or by parts of their
name, each with their attendance at the meeting so far."""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

from assembly.domain.attendance import AttendanceState, Channel
from assembly.domain.attendance_query import DeskMatch
from assembly.domain.member_numbers import digits, typed_key
from assembly.domain.members import Category, Status
from assembly.persistence import dialect
from assembly.persistence.tables import attendance, members

TRIGRAM = 3  # the name index matches runs of 3 characters or more


def find(conn: sa.Connection, meeting_id: int, text: str, limit: int) -> list[DeskMatch]:
    """Members whose number starts with ``text`` (first), then those whose number as people
    say it starts with it ("12345" for KSP-012345, the exact one first), then those whose
    name holds every word of it, with their attendance at the meeting. Words shorter than 3 characters only
    narrow a name search; alone they find numbers only."""
    needle = " ".join(text.split())
    if not needle:
        return []
    joined = members.outerjoin(
        attendance,
        sa.and_(attendance.c.member_id == members.c.id, attendance.c.meeting_id == meeting_id),
    )
    columns = (
        members.c.id,
        members.c.number,
        members.c.name,
        members.c.category,
        members.c.status,
        attendance.c.state,
        attendance.c.channel,
    )
    by_number = conn.execute(
        sa.select(*columns)
        .select_from(joined)
        .where(members.c.number >= needle, members.c.number < needle + "\U0010ffff")
        .order_by(members.c.number)
        .limit(limit)
    ).all()
    found = [_match(r) for r in by_number]
    key = typed_key(needle)
    if len(found) < limit and key:
        # The number as people say it: "12345" or "012345" for KSP-012345.
        # The exact one first, then those it begins, in the key's index order (no sort).
        for condition, order in (
            (members.c.number_key == key, members.c.number),
            (
                sa.and_(members.c.number_key > key, members.c.number_key < key + "\U0010ffff"),
                members.c.number_key,
            ),
        ):
            if len(found) >= limit:
                break
            seen = {m.member_id for m in found}
            rows = conn.execute(
                sa.select(*columns)
                .select_from(joined)
                .where(condition)
                .order_by(order)
                .limit(limit)
            ).all()
            matched = [m for m in map(_match, rows) if m.member_id not in seen]
            # "012345": the number with those very digits (KSP-012345) before 12345.
            matched.sort(key=lambda m: digits(m.number) != digits(needle))
            found += matched
    words = needle.split()
    long_words = [w for w in words if len(w) >= TRIGRAM]
    if len(found) < limit and long_words:
        ids: sa.Select[Any] = dialect.ids_by_name(conn, members, long_words)
        seen = {m.member_id for m in found}
        statement = (
            sa.select(*columns)
            .select_from(joined)
            .where(members.c.id.in_(ids))
            .where(*(dialect.name_holds(conn, members.c.name, w) for w in words))
            .order_by(members.c.name, members.c.number)
            .limit(limit)
        )
        found += [m for m in map(_match, conn.execute(statement)) if m.member_id not in seen]
    return found[:limit]


def _match(row: Any) -> DeskMatch:
    m = row._mapping
    return DeskMatch(
        member_id=m["id"],
        number=m["number"],
        name=m["name"],
        category=Category(m["category"]),
        status=Status(m["status"]),
        state=AttendanceState(m["state"]) if m["state"] else None,
        channel=Channel(m["channel"]) if m["channel"] else None,
    )


like_pattern = dialect.like_pattern
