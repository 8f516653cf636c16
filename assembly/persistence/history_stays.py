"""Each member's stays replayed from the attendance history by the database itself, in one
statement (window functions, alike on SQLite and PostgreSQL): the independent recount behind
``minutes check`` and the close (issue 11, point 2), without reading 150,000 history entries
into Python and replaying them there (4 s of CPU at the demo's meeting).

It is the rule of :func:`assembly.domain.presence.stays_of` written a second time, in SQL, and
it never reads ``attendance_stays`` (which ``stays_of`` keeps and the berita acara reads): a
stay edited there by hand, or a fault in the Python replay that keeps it, shows as a mismatch.
tests/persistence/test_history_stays.py holds the two rules equal on any history, on both
engines. The rule, as the statement takes it:

1. *kept*: the meeting's arrivals and departures that no undo takes back (undos themselves
   are not moves);
2. each kept arrival begins a stay, and the member's next kept entry, whatever it is, ends it
   (``LEAD``): an arrival ends it without a gap, a check-out or the holder leaving ends it by
   *leaving*, a withdrawn surat kuasa without; a departure with no stay open ends nothing;
3. the stay's channel: a surat kuasa's, for a grant; else the entry's own; else that of the
   stay it follows without a gap, which is the channel the latest arrival since the
   member's last departure named (looked up for these arrivals only); else in person.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import Any

import sqlalchemy as sa

from assembly.domain.attendance import Channel, EventKind
from assembly.domain.presence import ARRIVALS, DEPARTURES, LEAVING, Stay
from assembly.persistence.tables import attendance_events
from assembly.persistence.timestamps import required

_RETURNS = (EventKind.RETURN.value, EventKind.HOLDER_RETURNED.value)


def _statement(meeting_id: int) -> sa.Select[Any]:
    """Rows (member id, started, channel, ended, returned, left) of every stay, in member and
    history order."""
    e = attendance_events.c
    arrivals = sorted(k.value for k in ARRIVALS)
    moves = sorted(k.value for k in ARRIVALS | DEPARTURES)
    undone = sa.select(e.undoes).where(
        e.meeting_id == meeting_id, e.kind == EventKind.UNDO.value, e.undoes.is_not(None)
    )

    def named(t: Any) -> Any:
        """The channel an arrival names: a surat kuasa's for a grant, else its own."""
        return sa.case(
            (t.kind == EventKind.PROXY_GRANTED.value, sa.literal(Channel.PROXY.value)),
            else_=sa.func.nullif(t.channel, ""),
        )

    kept = (
        sa.select(
            e.id,
            e.member_id,
            e.kind,
            e.at,
            sa.case((e.kind.in_(arrivals), named(e)), else_=sa.null()).label("named"),
            sa.case((e.kind.in_(arrivals), 0), else_=1).label("departure"),
            sa.case((e.kind.in_(arrivals), sa.null()), else_=e.id).label("departure_id"),
        )
        .where(e.meeting_id == meeting_id, e.kind.in_(moves), e.id.not_in(undone))
        .subquery("kept")
    )
    member, order = kept.c.member_id, kept.c.id
    walked = sa.select(
        kept,
        sa.func.lead(kept.c.kind).over(partition_by=member, order_by=order).label("next_kind"),
        sa.func.lead(kept.c.at).over(partition_by=member, order_by=order).label("next_at"),
        sa.func.max(kept.c.departure_id)
        .over(partition_by=member, order_by=order)
        .label("last_departure"),
    ).subquery("walked")
    # An arrival naming no channel keeps that of the latest arrival naming one since the
    # member's last departure (one look-up each, for these few only).
    earlier = attendance_events.alias("earlier")
    carried = (
        sa.select(named(earlier.c))
        .where(
            earlier.c.meeting_id == meeting_id,
            earlier.c.member_id == walked.c.member_id,
            earlier.c.id < walked.c.id,
            earlier.c.id > sa.func.coalesce(walked.c.last_departure, 0),
            earlier.c.kind.in_(arrivals),
            named(earlier.c).is_not(None),
            earlier.c.id.not_in(undone),
        )
        .order_by(earlier.c.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    stays = sa.select(
        walked.c.member_id,
        walked.c.at.label("started"),
        sa.func.coalesce(walked.c.named, carried, Channel.IN_PERSON.value).label("channel"),
        walked.c.next_at.label("ended"),
        walked.c.kind.in_(_RETURNS).label("returned"),
        sa.func.coalesce(walked.c.next_kind.in_(sorted(k.value for k in LEAVING)), False).label(
            "left_meeting"
        ),
        walked.c.id.label("entry"),
        walked.c.departure,
    ).subquery("stays")
    return (
        sa.select(*(c for c in stays.c if c.key not in ("entry", "departure")))
        .where(stays.c.departure == 0)
        .order_by(stays.c.member_id, stays.c.entry)
    )


def replayed(conn: sa.Connection, meeting_id: int) -> dict[int, tuple[Stay, ...]]:
    """member id -> their stays as the database replays the history, for every member the
    meeting's history names (none for a member whose every move was taken back), in member
    id order."""
    stays = collect(conn.execute(_statement(meeting_id)).all())
    e = attendance_events.c
    named = conn.execute(
        sa.select(e.member_id).where(e.meeting_id == meeting_id).distinct().order_by(e.member_id)
    ).scalars()
    return {member_id: stays.get(member_id, ()) for member_id in named}


def collect(rows: Iterable[Sequence[Any]]) -> dict[int, tuple[Stay, ...]]:
    """Rows (member id, started, channel, ended, returned, left), in member and stay order,
    as each member's stays. Equal stays are one shared object and each moment is parsed
    once (most of 150,000 arrivals have a twin)."""
    channels = {c.value: c for c in Channel}
    moments: dict[str, dt.datetime] = {}
    known: dict[tuple[str, str, str | None, bool, bool], Stay] = {}

    def moment(text: str) -> dt.datetime:
        found = moments.get(text)
        if found is None:
            found = moments[text] = required(text)
        return found

    out: dict[int, tuple[Stay, ...]] = {}
    for member_id, started, channel, ended, back, left in rows:
        key = (started, channel, ended, bool(back), bool(left))
        stay = known.get(key)
        if stay is None:
            end = None if ended is None else moment(ended)
            stay = known[key] = Stay(moment(started), channels[channel], end, key[3], key[4])
        out[member_id] = (*out.get(member_id, ()), stay)
    return out
