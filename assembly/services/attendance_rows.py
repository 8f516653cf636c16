"""The rows of the Daftar Hadir (the PDF annex and its CSV): each attendee as listed, with
every departure and return replayed from the attendance history (DESIGN.md section 4)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence

from assembly.domain.attendance_query import AttendanceEntry
from assembly.domain.presence import Attendee
from assembly.pdf.attendance_list import AttendanceRow


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

    def local(moment: dt.datetime) -> dt.time:
        return moment.astimezone(zone).time()

    return [
        AttendanceRow(
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
        for e, a in listed(entries, people)
    ]
