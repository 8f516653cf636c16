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
from dataclasses import dataclass, replace

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import Channel, counts_for_quorum
from assembly.domain.collection import collection_paused
from assembly.domain.meeting import Meeting
from assembly.domain.members import eligibility
from assembly.domain.presence import Attendee, present_at, stays_of
from assembly.persistence import history_stays, presence_store, stays_store
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text


def attendees(conn: Connection, meeting_id: int, *, chunked: bool = False) -> list[Attendee]:
    """Everyone with an attendance row, their rights as recorded, their stays as the history
    replays them (kept in step with it, read without replaying; ordered by member id).
    ``chunked`` reads the rows a chunk at a time (less memory, a little slower)."""
    return presence_store.attendees(conn, meeting_id, chunked=chunked)


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
    with collection_paused():  # 150,000 stays and attendees built
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
    """The hall's figures counted at ``moment`` under ``fingerprint``; ``settled`` when no
    stay starts or ends after ``moment``, so the figures hold for any later moment too."""

    fingerprint: Fingerprint
    moment: dt.datetime
    settled: bool
    by_channel: dict[Channel, int]
    everyone: int


class LivePresence:
    """The hall's figures now, for the console and the projector that ask at every change:
    counted once by the database (one pass over the kept stays, no stay read out: the
    console's first show at 150,000 attendees), then kept up to date from the members whose
    history grew (their stays before and after, replayed from the history); anything the
    new entries do not explain (rights recounted, a row gone, a stay that ends later than
    now) counts everything again."""

    def __init__(self) -> None:
        self._halls: dict[int, _Hall] = {}

    def at(
        self, conn: Connection, meeting_id: int, moment: dt.datetime
    ) -> tuple[dict[Channel, int], int]:
        """(members of the quorum base present by channel, everyone present) at ``moment``."""
        key = presence_store.fingerprint(conn, meeting_id)
        hall = self._halls.get(meeting_id)
        if hall is not None and not (hall.settled and moment >= hall.moment):
            hall = None
        if hall is not None and hall.fingerprint != key:
            hall = self._caught_up(conn, meeting_id, hall, key, moment)
        if hall is None:
            counted, everyone, latest = presence_store.hall_count(conn, meeting_id, _text(moment))
            hall = _Hall(key, moment, latest <= _text(moment), counted, sum(everyone.values()))
        self._halls[meeting_id] = hall
        return dict(hall.by_channel), hall.everyone

    def _caught_up(
        self,
        conn: Connection,
        meeting_id: int,
        hall: _Hall,
        key: Fingerprint,
        moment: dt.datetime,
    ) -> _Hall | None:
        """The hall with the members named by the new history entries counted again (their
        stays as they were, replayed up to the entries counted before, taken out; their
        stays now put in), or None when everything must be counted again."""
        before = hall.fingerprint[0]
        changed = {e.member_id for e in presence_store.moves(conn, meeting_id, after=before)}
        if not changed:
            return None
        history = presence_store.moves(conn, meeting_id, members=changed)
        old_stays = stays_of(e for e in history if (e.id or 0) <= before)
        had_row = {e.member_id for e in history if (e.id or 0) <= before}
        now = presence_store.attendees(conn, meeting_id, changed)
        if any(
            stay.start > moment or (stay.end is not None and stay.end > moment)
            for a in now
            for stay in a.stays
        ):
            return None  # a stay beyond the moment asked: not settled, count afresh
        old = [replace(a, stays=old_stays.get(a.member_id, ())) for a in now]
        gone, came = present_at(old, hall.moment), present_at(now, moment)
        new_rows = [a for a in now if a.member_id not in had_row]
        expected = (
            key[0],
            hall.fingerprint[1] + len(new_rows),
            hall.fingerprint[2] + sum(a.counted for a in new_rows),
            hall.fingerprint[3] + sum(a.may_vote for a in new_rows),
        )
        if expected != key or len(now) != len(changed):
            return None
        by_channel = {
            c: hall.by_channel.get(c, 0) - gone.by_channel.get(c, 0) + came.by_channel.get(c, 0)
            for c in Channel
        }
        everyone = hall.everyone - gone.everyone + came.everyone
        return _Hall(key, moment, True, by_channel, everyone)


def _text(moment: dt.datetime) -> str:
    return to_text(moment) or ""
