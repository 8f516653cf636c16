"""What the attendance list and the door's name search ask for, and the rows they get back:
plain values for a table model that pages like the register does."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import StrEnum

from assembly.domain.attendance import AttendanceState, Channel
from assembly.domain.members import Category, Status


class AttendanceSort(StrEnum):
    """The columns the attendance list can be sorted by."""

    ARRIVED = "arrived"
    NUMBER = "number"
    NAME = "name"
    CHANNEL = "channel"


@dataclass(frozen=True)
class AttendanceQuery:
    """A search of one meeting's attendance. ``text`` matches the start of a member number or
    any part of a name; empty ``channels``/``states`` mean "any" (cancelled check-ins are
    left out unless asked for)."""

    text: str = ""
    channels: frozenset[Channel] = frozenset()
    states: frozenset[AttendanceState] = frozenset({AttendanceState.PRESENT, AttendanceState.LEFT})
    sort: AttendanceSort = AttendanceSort.ARRIVED
    descending: bool = False

    @property
    def needle(self) -> str:
        """The search text with runs of blanks made single."""
        return " ".join(self.text.split())

    def with_text(self, text: str) -> AttendanceQuery:
        """This query with other search text."""
        return replace(self, text=text)

    def sorted_by(self, sort: AttendanceSort, descending: bool = False) -> AttendanceQuery:
        """This query in another order."""
        return replace(self, sort=sort, descending=descending)


@dataclass(frozen=True)
class AttendanceEntry:
    """One line of the attendance list (and of the Daftar Hadir). Times are in the meeting's
    time zone; ``holder_number`` names the proxy holder for a member represented by proxy."""

    member_id: int
    number: str
    name: str
    category: Category
    status: Status
    arrears: bool
    channel: Channel
    state: AttendanceState
    arrived_at: dt.datetime
    left_at: dt.datetime | None
    may_vote: bool
    counted: bool
    holder_number: str = ""
    holder_name: str = ""


@dataclass(frozen=True)
class AttendancePage:
    """A window of the attendance list: ``total`` matches, ``rows`` from ``offset``."""

    total: int
    offset: int
    rows: tuple[AttendanceEntry, ...]


@dataclass(frozen=True)
class DeskMatch:
    """A member found by name or number at the door, with their attendance so far (None when
    they have not come)."""

    member_id: int
    number: str
    name: str
    category: Category
    status: Status
    state: AttendanceState | None
    channel: Channel | None
