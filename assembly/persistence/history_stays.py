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
   stay it follows without a gap (the entries since the member's last departure are one
   *run*; "the last channel named in the run so far" is the first row of its group of rows
   sharing the count of channels named so far); else in person.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import sqlalchemy as sa

from assembly.domain.attendance import Channel, EventKind
from assembly.domain.presence import ARRIVALS, DEPARTURES, LEAVING, Stay
from assembly.persistence.tables import attendance_events
from assembly.persistence.timestamps import required

_RETURNS = (EventKind.RETURN.value, EventKind.HOLDER_RETURNED.value)


def _statement(meeting_id: int) -> sa.Select[Any]:
    """Rows (member id, started, channel, ended, returned, left) of every stay, in member and
    history order; a member the history names whose moves were all taken back: one row of
    NULL stay columns."""
    e = attendance_events.c
    arrivals = sorted(k.value for k in ARRIVALS)
    moves = sorted(k.value for k in ARRIVALS | DEPARTURES)
    undone = sa.select(e.undoes).where(
        e.meeting_id == meeting_id, e.kind == EventKind.UNDO.value, e.undoes.is_not(None)
    )
    kept = (
        sa.select(
            e.id,
            e.member_id,
            e.kind,
            e.at,
            sa.case(
                (e.kind == EventKind.PROXY_GRANTED.value, sa.literal(Channel.PROXY.value)),
                (e.kind.in_(arrivals), sa.func.nullif(e.channel, "")),
                else_=sa.null(),
            ).label("named"),
            sa.case((e.kind.in_(arrivals), 0), else_=1).label("departure"),
        )
        .where(e.meeting_id == meeting_id, e.kind.in_(moves), e.id.not_in(undone))
        .subquery("kept")
    )
    member, order = kept.c.member_id, kept.c.id
    runs = sa.select(
        kept,
        sa.func.sum(kept.c.departure).over(partition_by=member, order_by=order).label("run"),
        sa.func.lead(kept.c.kind).over(partition_by=member, order_by=order).label("next_kind"),
        sa.func.lead(kept.c.at).over(partition_by=member, order_by=order).label("next_at"),
    ).subquery("runs")
    named = sa.select(
        runs,
        sa.func.count(runs.c.named)
        .over(partition_by=(runs.c.member_id, runs.c.run), order_by=runs.c.id)
        .label("names"),
    ).subquery("named_so_far")
    carried = sa.func.max(named.c.named).over(
        partition_by=(named.c.member_id, named.c.run, named.c.names)
    )
    stays = (
        sa.select(
            named.c.id,
            named.c.member_id,
            named.c.departure,
            named.c.at.label("started"),
            sa.func.coalesce(carried, Channel.IN_PERSON.value).label("channel"),
            named.c.next_at.label("ended"),
            named.c.kind.in_(_RETURNS).label("returned"),
            sa.func.coalesce(named.c.next_kind.in_(sorted(k.value for k in LEAVING)), False).label(
                "left_meeting"
            ),
        )
    ).subquery("stays")
    people = sa.select(e.member_id).where(e.meeting_id == meeting_id).distinct().subquery("people")
    return (
        sa.select(
            people.c.member_id,
            stays.c.started,
            stays.c.channel,
            stays.c.ended,
            stays.c.returned,
            stays.c.left_meeting,
        )
        .select_from(
            people.outerjoin(
                stays,
                sa.and_(stays.c.member_id == people.c.member_id, stays.c.departure == 0),
            )
        )
        .order_by(people.c.member_id, stays.c.id)
    )


def replayed(conn: sa.Connection, meeting_id: int) -> dict[int, tuple[Stay, ...]]:
    """member id -> their stays, for every member the meeting's history names (none for a
    member whose every move was taken back), in member id order. Equal stays are one
    shared object and each moment is parsed once (most of 150,000 arrivals have a twin)."""
    channels = {c.value: c for c in Channel}
    moments: dict[str, dt.datetime] = {}
    known: dict[tuple[str, str, str | None, bool, bool], Stay] = {}

    def moment(text: str) -> dt.datetime:
        found = moments.get(text)
        if found is None:
            found = moments[text] = required(text)
        return found

    out: dict[int, tuple[Stay, ...]] = {}
    for member_id, started, channel, ended, back, left in conn.execute(
        _statement(meeting_id)
    ).all():
        their = out.setdefault(member_id, ())
        if started is None:
            continue
        key = (started, channel, ended, bool(back), bool(left))
        stay = known.get(key)
        if stay is None:
            end = None if ended is None else moment(ended)
            stay = known[key] = Stay(moment(started), channels[channel], end, key[3], key[4])
        out[member_id] = (*their, stay)
    return out
