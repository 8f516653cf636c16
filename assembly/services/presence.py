"""Who was present when, read from the records: each member's stays as the attendance
history replays them (:mod:`assembly.domain.presence`), with whether each member counts and
may vote.

Two readings. :func:`attendees` is everyone with an attendance row, their rights as the door
recorded them there, their stays as kept in step with the history in the same transaction as
every entry (``attendance_stays``, read in one pass: 150,000 attendees without a replay): what
the berita acara, the Daftar Hadir and the vote snapshots state. :func:`recounted_attendees`
is everyone the history names, whether or not a row is left for them, their stays replayed
from the history itself by one SQL statement over it (not the kept stays, and not the Python
replay that keeps them): the independent recount that ``minutes check`` compares against,
which a tampered stay therefore cannot fool. The check at the close, which guards the
figures the berita acara adds up (not the records against tampering: the review before
closing and ``minutes check`` do that), recounts from the kept stays instead, in one range
scan. A member whose row is gone has their
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
from assembly.domain.presence import Attendee, HallTimeline
from assembly.persistence import history_stays, presence_store, stays_store
from assembly.persistence.meeting_store import Connection


def attendees(conn: Connection, meeting_id: int) -> list[Attendee]:
    """Everyone with an attendance row, their rights as recorded, their stays as the history
    replays them (kept in step with it, read without replaying; ordered by member id)."""
    return presence_store.attendees(conn, meeting_id)


def recounted_attendees(
    conn: Connection, meeting: Meeting, profile: ADProfile, *, from_history: bool = True
) -> list[Attendee]:
    """Everyone with a stay (``from_history``: everyone the history names), the rights of a
    member without an attendance row decided from the register at the cut-off (UU 25/1992
    Pasal 24(3)); ordered by member id. Their stays ``from_history``: replayed from the
    history by the database (:mod:`assembly.persistence.history_stays`), never the kept
    stays, so that a stay edited by hand shows; else the kept stays, read in one range scan
    (a member without a stay counts in no figure)."""
    assert meeting.id is not None
    with presence_store.collector_waiting():  # 150,000 stays and attendees built
        if from_history:
            stays = history_stays.replayed(conn, meeting.id)
        else:
            stays = stays_store.kept(conn, meeting.id)
        recorded = presence_store.flags(conn, meeting.id)
        unrecorded = {
            m.id: m
            for m in presence_store.members_among(conn, [i for i in stays if i not in recorded])
        }
        out = []
        for member_id, their in stays.items():
            if member_id in recorded:
                counted, may_vote, category = recorded[member_id]
            else:
                member = unrecorded[member_id]
                category = member.category
                counted = counts_for_quorum(member, meeting.cutoff_date, profile)
                may_vote = eligibility(member, meeting.cutoff_date, profile).may_vote
            out.append(Attendee(member_id, counted, may_vote, category, their))
        return out


def stays_off_history(conn: Connection, meeting_id: int) -> list[str]:
    """The numbers of the members whose stays as kept (what the berita acara and the Daftar
    Hadir read) are not what the attendance history replays: a stay edited, added or removed
    behind the app's back. Empty when every kept stay is the history's."""
    kept = stays_store.kept(conn, meeting_id)
    replayed = history_stays.replayed(conn, meeting_id)
    differ = [m for m in kept.keys() | replayed.keys() if kept.get(m, ()) != replayed.get(m, ())]
    return stays_store.numbers(conn, differ)


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
