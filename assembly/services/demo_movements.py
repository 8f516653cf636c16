"""When the demo's members leave the held meeting and come back, in an order that can have
happened (issue 11, point 1): most of those leaving go together just after the work-plan vote
(the hall empties before the election, "pukul 11.07 WIB … meninggalkan rapat"), a few more
during "Lain-lain"; a few of the first group come back for the election's run-off. Nobody is
away when a vote they take part in is opened: the snapshots are counted from these times."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import replace

from assembly.domain.attendance import AttendanceEvent, AttendanceRecord, AttendanceState, EventKind

LEAVE_EARLY = dt.time(11, 7)  # after the work-plan decision, before the election opens
LEAVE_LATE = dt.time(12, 3)  # during "Lain-lain"
RETURN = dt.time(11, 42)  # back before the run-off opens


def leave(
    rng: random.Random,
    record: AttendanceRecord,
    actor: str,
    at: Callable[[dt.time, float], dt.datetime],
) -> tuple[AttendanceRecord, list[AttendanceEvent]]:
    """The member's final attendance and the history of their leaving (and coming back)."""
    roll = rng.random()
    when = LEAVE_EARLY if roll < 0.75 else LEAVE_LATE
    left = at(when, rng.uniform(0, 0.9)).replace(microsecond=0)
    events = [
        AttendanceEvent(record.member_id, EventKind.CHECK_OUT, left, actor, record.channel, record)
    ]
    gone = replace(record, state=AttendanceState.LEFT, left_at=left)
    if when is LEAVE_EARLY and roll < 0.2:
        back = at(RETURN, rng.uniform(0, 0.9)).replace(microsecond=0)
        events.append(
            AttendanceEvent(record.member_id, EventKind.RETURN, back, actor, record.channel, gone)
        )
        return record, events
    return gone, events
