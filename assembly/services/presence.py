"""Who was present when, read from the records: each member's stays as the attendance
history replays them (:mod:`assembly.domain.presence`), with whether each member counts and
may vote.

Two readings. :func:`attendees` is everyone with an attendance row, their rights as the door
recorded them there, their stays as kept in step with the history in the same transaction as
every entry (``attendance_stays``, read in one pass: 150,000 attendees without a replay): what
the berita acara, the Daftar Hadir and the vote snapshots state. :func:`recounted_attendees`
is everyone the history names, whether or not a row is left for them, their stays replayed
from the history itself: the independent recount that the reconciliation check compares
against, which a tampered stay therefore cannot fool. A member whose row is gone has their
rights decided again from the register at the cut-off; the others keep the rights the door
decided (a register corrected after the meeting, an arrears flag paid off next month, does
not rewrite who could vote then).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import Channel, counts_for_quorum
from assembly.domain.meeting import Meeting
from assembly.domain.members import eligibility
from assembly.domain.presence import Attendee, HallTimeline, stays_of
from assembly.persistence import presence_store
from assembly.persistence.meeting_store import Connection


def attendees(conn: Connection, meeting_id: int, *, chunked: bool = False) -> list[Attendee]:
    """Everyone with an attendance row, their rights as recorded, their stays as the history
    replays them (kept in step with it, read without replaying; ordered by member id).
    ``chunked`` reads the rows a chunk at a time (less memory, a little slower)."""
    return presence_store.attendees(conn, meeting_id, chunked=chunked)


def recounted_attendees(conn: Connection, meeting: Meeting, profile: ADProfile) -> list[Attendee]:
    """Everyone the history names, their stays replayed from the history; the rights of a
    member without an attendance row decided from the register at the cut-off (UU 25/1992
    Pasal 24(3))."""
    assert meeting.id is not None
    stays = stays_of(presence_store.moves(conn, meeting.id))
    recorded = presence_store.flags(conn, meeting.id)
    out = []
    for member in sorted(
        presence_store.members_of_history(conn, meeting.id), key=lambda m: m.id or 0
    ):
        assert member.id is not None
        if member.id in recorded:
            counted, may_vote, _category = recorded[member.id]
        else:
            counted = counts_for_quorum(member, meeting.cutoff_date, profile)
            may_vote = eligibility(member, meeting.cutoff_date, profile).may_vote
        out.append(
            Attendee(member.id, counted, may_vote, member.category, stays.get(member.id, ()))
        )
    return out


Fingerprint = tuple[int, int, int, int]


@dataclass
class _Hall:
    fingerprint: Fingerprint
    people: dict[int, Attendee]
    timeline: HallTimeline


class LivePresence:
    """The hall's figures now, for the projector that asks every second: everyone's stays
    are read once, then only those of the members whose history grew are read again;
    anything the new entries do not explain (rights recounted, a row gone) reads everything
    again."""

    def __init__(self) -> None:
        self._halls: dict[int, _Hall] = {}

    def at(
        self, conn: Connection, meeting_id: int, moment: dt.datetime
    ) -> tuple[dict[Channel, int], int]:
        """(members of the quorum base present by channel, everyone present) at ``moment``."""
        key = presence_store.fingerprint(conn, meeting_id)
        hall = self._halls.get(meeting_id)
        if hall is not None and hall.fingerprint != key:
            hall = self._caught_up(conn, meeting_id, hall, key)
        if hall is None:
            people = {a.member_id: a for a in attendees(conn, meeting_id)}
            hall = _Hall(key, people, HallTimeline(people.values()))
        self._halls[meeting_id] = hall
        return hall.timeline.at(moment)

    def _caught_up(
        self, conn: Connection, meeting_id: int, hall: _Hall, key: Fingerprint
    ) -> _Hall | None:
        """The hall with the stays of the members named by the new history entries read
        again, or None when everything must be read again."""
        newer = presence_store.moves(conn, meeting_id, after=hall.fingerprint[0])
        changed = {e.member_id for e in newer}
        if not changed:
            return None
        now = {a.member_id: a for a in presence_store.attendees(conn, meeting_id, changed)}
        for member_id in changed:
            old = hall.people.pop(member_id, None)
            if old is not None:
                hall.timeline.remove(old)
            new = now.get(member_id)
            if new is not None:
                hall.people[member_id] = new
                hall.timeline.add(new)
        people = hall.people.values()
        expected = (
            key[0],
            len(hall.people),
            sum(a.counted for a in people),
            sum(a.may_vote for a in people),
        )
        return _Hall(key, hall.people, hall.timeline) if expected == key else None
