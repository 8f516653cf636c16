"""The rows of the Daftar Hadir (the PDF annex and its CSV): each attendee as listed, with
every departure and return replayed from the attendance history (DESIGN.md section 4).

The berita acara reads them as a :class:`DaftarHadir`: a list whose length and totals are
known (counted in a first pass) and whose rows are read from the database a chunk at a time
each time it is walked, so that 150,000 attendees are never held at once (issue 11,
point 10)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence

from assembly.domain.attendance_query import AttendanceEntry
from assembly.domain.presence import Attendee
from assembly.pdf.attendance_list import AttendanceRow
from assembly.pdf.attendance_totals import AttendanceTotals
from assembly.persistence import annex_rows
from assembly.persistence.meeting_store import Connection

Listed = tuple[AttendanceEntry, Attendee]


def by_member(people: Sequence[Attendee]) -> dict[int, Attendee]:
    """The attendees by member id."""
    return {a.member_id: a for a in people}


def listed(
    entries: Sequence[AttendanceEntry], people: Mapping[int, Attendee]
) -> list[tuple[AttendanceEntry, Attendee]]:
    """The entries of members who were present at some moment, with their stays."""
    return [(e, a) for e in entries if (a := people.get(e.member_id)) is not None and a.stays]


def rows(
    entries: Sequence[AttendanceEntry], people: Mapping[int, Attendee], zone: dt.tzinfo
) -> list[AttendanceRow]:
    """The Daftar Hadir's rows, in the order of ``entries`` (by arrival)."""
    return [row(e, a, zone) for e, a in listed(entries, people)]


def row(e: AttendanceEntry, a: Attendee, zone: dt.tzinfo) -> AttendanceRow:
    """One attendee's row, times in ``zone``."""

    def local(moment: dt.datetime) -> dt.time:
        return moment.astimezone(zone).time()

    return AttendanceRow(
        number=e.number,
        name=e.name,
        channel=a.channel,
        arrived=local(a.first_arrival or e.arrived_at),
        proxy_holder=e.holder_number,
        left=tuple(local(x) for x in a.departures),
        returned=tuple(local(x) for x in a.returns),
        category=e.category,
        counted=a.counted,
    )


def streamed(conn: Connection, meeting_id: int) -> Iterator[Listed]:
    """The attendees of the Daftar Hadir (present at some moment), by arrival, read from the
    database a chunk at a time."""
    return ((e, a) for e, a in annex_rows.listing(conn, meeting_id) if a.stays)


class DaftarHadir:
    """The Daftar Hadir of a meeting as the berita acara walks it: ``len`` and ``totals``
    known beforehand, the rows read afresh (a chunk at a time, inside the caller's read
    transaction) each time it is iterated."""

    def __init__(
        self,
        source: Callable[[], Iterable[Listed]],
        zone: dt.tzinfo,
        count: int,
        totals: AttendanceTotals,
    ) -> None:
        self._source = source
        self._zone = zone
        self._count = count
        self.totals = totals

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[AttendanceRow]:
        zone = self._zone
        return (row(e, a, zone) for e, a in self._source())

    def __bool__(self) -> bool:
        return self._count > 0


def surveyed(
    source: Callable[[], Iterable[Listed]],
    zone: dt.tzinfo,
    each: Callable[[int, AttendanceEntry, Attendee], None] | None = None,
) -> DaftarHadir:
    """One pass over ``source``: its count and totals (and ``each(n, entry, attendee)`` called
    for every attendee, numbered from 1, to write them out), as a :class:`DaftarHadir`."""
    counter = AttendanceTotals.counter()
    for n, (e, a) in enumerate(source(), start=1):
        counter.add(row(e, a, zone))
        if each is not None:
            each(n, e, a)
    totals = counter.totals()
    return DaftarHadir(source, zone, totals.everyone, totals)
