"""Who is present at a moment: the one definition behind every attendance figure
(DESIGN.md section 3).

A member is *present* at a moment when one of their stays covers it: the stay began at or
before the moment and, if it ended, ended after it. A stay begins with an arrival (check-in,
online import, a return, a surat kuasa taking effect, the proxy holder coming back) and ends
with a departure (check-out, the holder leaving, the proxy withdrawn). An undone move is a
mistake taken back: it and its undo are left out, as if neither had happened.

Everything here is pure: the attendance history in, stays and head counts out. The body of
the berita acara, the Daftar Hadir, every vote snapshot and the reconciliation check all
count with :func:`present_at` over the same :class:`Attendee` list.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left, bisect_right, insort
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from assembly.domain.attendance import AttendanceEvent, Channel, EventKind
from assembly.domain.members import Category

ARRIVALS = frozenset(
    {
        EventKind.CHECK_IN,
        EventKind.IMPORT,
        EventKind.RETURN,
        EventKind.PROXY_GRANTED,
        EventKind.HOLDER_RETURNED,
    }
)
DEPARTURES = frozenset({EventKind.CHECK_OUT, EventKind.HOLDER_LEFT, EventKind.PROXY_WITHDRAWN})
# A departure the Daftar Hadir writes as "keluar" and the body as leaving the meeting; a
# withdrawn surat kuasa ends the representation instead.
LEAVING = frozenset({EventKind.CHECK_OUT, EventKind.HOLDER_LEFT})


@dataclass(frozen=True)
class Stay:
    """One uninterrupted stretch in the meeting: from ``start`` until ``end`` (None: still
    in, or in until the meeting closed), by ``channel``. ``returned`` says the stay began
    with a return after leaving; ``left`` that it ended by leaving (not by a lapse)."""

    start: dt.datetime
    channel: Channel
    end: dt.datetime | None = None
    returned: bool = False
    left: bool = False

    def covers(self, at: dt.datetime) -> bool:
        """Whether the member is in at ``at``: arrived at or before it, not yet gone."""
        return self.start <= at and (self.end is None or at < self.end)


def stays_of(events: Iterable[AttendanceEvent]) -> dict[int, tuple[Stay, ...]]:
    """Each member's stays, replayed from the attendance history in the order it was
    written (``id``; the order given when there is none). Undone moves and their undos are
    left out. A second arrival while in (a grantor arriving in person while represented)
    ends one stay and begins the next without a gap."""
    ordered = list(events)
    undone = {e.undoes for e in ordered if e.kind is EventKind.UNDO and e.undoes is not None}
    open_: dict[int, Stay] = {}
    done: dict[int, list[Stay]] = {}
    for event in ordered:
        if event.kind is EventKind.UNDO or (event.id is not None and event.id in undone):
            continue
        current = open_.pop(event.member_id, None)
        if event.kind in ARRIVALS:
            if current is not None:
                done.setdefault(event.member_id, []).append(_ended(current, event.at, False))
            channel = event.channel or (current.channel if current else Channel.IN_PERSON)
            if event.kind is EventKind.PROXY_GRANTED:
                channel = Channel.PROXY
            returned = event.kind in (EventKind.RETURN, EventKind.HOLDER_RETURNED)
            open_[event.member_id] = Stay(event.at, channel, returned=returned)
        elif event.kind in DEPARTURES and current is not None:
            left = event.kind in LEAVING
            done.setdefault(event.member_id, []).append(_ended(current, event.at, left))
    for member_id, stay in open_.items():
        done.setdefault(member_id, []).append(stay)
    return {m: tuple(s) for m, s in done.items()}


def _ended(stay: Stay, at: dt.datetime, left: bool) -> Stay:
    return Stay(stay.start, stay.channel, at, stay.returned, left)


@dataclass(frozen=True)
class Attendee:
    """A member who came, with what the register and the door decided about them: whether
    they count for quorum (``counted``), may vote, their category, and their stays."""

    member_id: int
    counted: bool
    may_vote: bool
    category: Category
    stays: tuple[Stay, ...]

    def present(self, at: dt.datetime) -> bool:
        """Whether the member is in the meeting at ``at``."""
        return any(s.covers(at) for s in self.stays)

    def channel_at(self, at: dt.datetime) -> Channel | None:
        """The channel they are in by at ``at``, None when they are not in."""
        return next((s.channel for s in self.stays if s.covers(at)), None)

    @property
    def first_arrival(self) -> dt.datetime | None:
        """When they first came (None: no stay survived the undos)."""
        return min((s.start for s in self.stays), default=None)

    @property
    def channel(self) -> Channel:
        """The channel of their latest stay (a grantor who came in person after being
        represented attended in person): how the body and the Daftar Hadir count them."""
        return max(self.stays, key=lambda s: s.start).channel if self.stays else Channel.IN_PERSON

    @property
    def departures(self) -> tuple[dt.datetime, ...]:
        """When they left the meeting (not a lapse or withdrawal of a surat kuasa)."""
        return tuple(s.end for s in self.stays if s.left and s.end is not None)

    @property
    def returns(self) -> tuple[dt.datetime, ...]:
        """When they came back after leaving."""
        return tuple(s.start for s in self.stays if s.returned)


@dataclass(frozen=True)
class HeadCount:
    """Who is present at one moment. ``by_channel`` counts the members who count for quorum
    (the figure the quorum, the ballots and the body state); ``others`` those present who do
    not count, by category (calon anggota, anggota luar biasa, or anggota without the vote)."""

    at: dt.datetime
    by_channel: Mapping[Channel, int]
    others: Mapping[Category, int]
    voters: frozenset[int]
    members: frozenset[int]
    everyone_by_channel: Mapping[Channel, int] = field(default_factory=dict)

    @property
    def counted(self) -> int:
        """The members of the quorum base present: "hadir 633 orang"."""
        return sum(self.by_channel.values())

    @property
    def everyone(self) -> int:
        """Everyone present, those who do not count too."""
        return self.counted + sum(self.others.values())


def present_at(attendees: Iterable[Attendee], at: dt.datetime) -> HeadCount:
    """Who is present at ``at``: the one definition of "present" (DESIGN.md section 3)."""
    by_channel: Counter[Channel] = Counter()
    everyone: Counter[Channel] = Counter()
    others: Counter[Category] = Counter()
    voters: set[int] = set()
    members: set[int] = set()
    for a in attendees:
        channel = a.channel_at(at)
        if channel is None:
            continue
        members.add(a.member_id)
        everyone[channel] += 1
        if a.counted:
            by_channel[channel] += 1
        else:
            others[a.category] += 1
        if a.may_vote:
            voters.add(a.member_id)
    return HeadCount(
        at,
        {c: by_channel.get(c, 0) for c in Channel},
        dict(others),
        frozenset(voters),
        frozenset(members),
        {c: everyone.get(c, 0) for c in Channel},
    )


class StayTimeline:
    """How many of some stays cover any moment, answered by binary search over their
    boundaries: the same count :meth:`Stay.covers` gives, for many moments of a large
    meeting."""

    def __init__(self, stays: Iterable[Stay]) -> None:
        kept = list(stays)
        self._starts = sorted(s.start for s in kept)
        self._ends = sorted(s.end for s in kept if s.end is not None)

    def at(self, moment: dt.datetime) -> int:
        """Stays begun at or before ``moment`` less those ended at or before it."""
        return bisect_right(self._starts, moment) - bisect_right(self._ends, moment)

    def add(self, stay: Stay) -> None:
        """Count one more stay."""
        insort(self._starts, stay.start)
        if stay.end is not None:
            insort(self._ends, stay.end)

    def remove(self, stay: Stay) -> None:
        """Stop counting a stay given before."""
        del self._starts[bisect_left(self._starts, stay.start)]
        if stay.end is not None:
            del self._ends[bisect_left(self._ends, stay.end)]


class CountedTimeline(StayTimeline):
    """Members of the quorum base present at any moment: ``present_at(...).counted``."""

    def __init__(self, attendees: Iterable[Attendee]) -> None:
        super().__init__(s for a in attendees if a.counted for s in a.stays)


def ever_present(attendees: Iterable[Attendee]) -> list[Attendee]:
    """Everyone with at least one stay: the rows of the Daftar Hadir."""
    return [a for a in attendees if a.stays]


@dataclass(frozen=True)
class Movement:
    """Members of the quorum base leaving or coming back within one minute, and how many of
    the base are present once that minute is over: "pukul 11.05 WIB 12 anggota meninggalkan
    rapat; hadir 633 orang"."""

    at: dt.datetime  # the minute, in the time zone given
    left: int
    returned: int
    present_after: int
    last: dt.datetime | None = None  # the moment of the minute's last movement


def movements(
    attendees: Sequence[Attendee],
    after: dt.datetime,
    until: dt.datetime | None,
    zone: dt.tzinfo,
) -> list[Movement]:
    """Departures and returns of members who count, strictly after ``after`` and before
    ``until`` (None: no end), grouped by the minute they happened in (in ``zone``), in time
    order. A first arrival is not a movement (the body sums arrivals per item)."""
    left: Counter[dt.datetime] = Counter()
    back: Counter[dt.datetime] = Counter()
    last: dict[dt.datetime, dt.datetime] = {}

    def inside(at: dt.datetime) -> bool:
        return at > after and (until is None or at < until)

    for a in attendees:
        if not a.counted:
            continue
        for stay in a.stays:
            if stay.returned and inside(stay.start):
                minute = _minute(stay.start, zone)
                back[minute] += 1
                last[minute] = max(last.get(minute, stay.start), stay.start)
            if stay.left and stay.end is not None and inside(stay.end):
                minute = _minute(stay.end, zone)
                left[minute] += 1
                last[minute] = max(last.get(minute, stay.end), stay.end)
    out = []
    timeline = CountedTimeline(attendees)
    for minute in sorted(set(left) | set(back)):
        # Counted just after the minute's last movement, so that everything in it is in.
        count = timeline.at(last[minute])
        out.append(Movement(minute, left[minute], back[minute], count, last[minute]))
    return out


def _minute(at: dt.datetime, zone: dt.tzinfo) -> dt.datetime:
    return at.astimezone(zone).replace(second=0, microsecond=0)
