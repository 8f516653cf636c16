"""The records of a meeting read back in bulk, with member numbers, for writing its audit
events after the fact (the demo's held meeting): one joined query per kind, never one per
row."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from assembly.domain.attendance import Channel, EventKind
from assembly.persistence.tables import (
    attendance_events,
    ballot_eligible,
    members,
    secret_participation,
)
from assembly.persistence.timestamps import required

_holder = members.alias("history_holder")


@dataclass(frozen=True)
class Move:
    """One entry of the attendance history with the member's number."""

    id: int
    kind: EventKind
    at: dt.datetime
    member_id: int
    number: str
    channel: Channel | None
    proxy_id: int | None


def moves(conn: sa.Connection, meeting_id: int) -> list[Move]:
    """The meeting's attendance history, oldest first."""
    rows = conn.execute(
        sa.select(
            attendance_events.c.id,
            attendance_events.c.kind,
            attendance_events.c.at,
            attendance_events.c.member_id,
            members.c.number,
            attendance_events.c.channel,
            attendance_events.c.proxy_id,
        )
        .select_from(attendance_events.join(members, members.c.id == attendance_events.c.member_id))
        .where(attendance_events.c.meeting_id == meeting_id)
        .order_by(attendance_events.c.id)
    )
    return [
        Move(r[0], EventKind(r[1]), required(r[2]), r[3], r[4], Channel(r[5]) if r[5] else None,
             r[6])
        for r in rows
    ]  # fmt: skip


def participants(conn: sa.Connection, ballot_id: int) -> list[tuple[str, str | None]]:
    """Who took part in a secret ballot, in the order recorded: (member number, number of the
    proxy holder who voted for them or None). Never a choice: none is stored per member."""
    rows = conn.execute(
        sa.select(members.c.number, _holder.c.number)
        .select_from(
            secret_participation.join(members, members.c.id == secret_participation.c.member_id)
            .outerjoin(
                ballot_eligible,
                (ballot_eligible.c.ballot_id == secret_participation.c.ballot_id)
                & (ballot_eligible.c.member_id == secret_participation.c.member_id),
            )
            .outerjoin(_holder, _holder.c.id == ballot_eligible.c.proxy_holder_id)
        )
        .where(secret_participation.c.ballot_id == ballot_id)
        .order_by(secret_participation.c.id)
    )
    return [(r[0], r[1]) for r in rows]
