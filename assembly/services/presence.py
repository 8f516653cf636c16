"""Who was present when, read from the records: the attendance history replayed into stays
(:mod:`assembly.domain.presence`), with whether each member counts and may vote.

Two readings. :func:`attendees` is everyone with an attendance row, their rights as the door
recorded them there: what the berita acara, the Daftar Hadir and the vote snapshots state.
:func:`recounted_attendees` is everyone the history names, whether or not a row is left for
them: the independent recount that the reconciliation check compares against. A member whose
row is gone has their rights decided again from the register at the cut-off; the others keep
the rights the door decided (a register corrected after the meeting, an arrears flag paid off
next month, does not rewrite who could vote then).
"""

from __future__ import annotations

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import counts_for_quorum
from assembly.domain.meeting import Meeting
from assembly.domain.members import eligibility
from assembly.domain.presence import Attendee, stays_of
from assembly.persistence import attendance_store
from assembly.persistence.meeting_store import Connection


def attendees(conn: Connection, meeting_id: int) -> list[Attendee]:
    """Everyone with an attendance row, their rights as recorded, their stays replayed from
    the history (ordered by member id)."""
    stays = stays_of(attendance_store.moves(conn, meeting_id))
    return [
        Attendee(member_id, counted, may_vote, category, stays.get(member_id, ()))
        for member_id, (counted, may_vote, category) in sorted(
            attendance_store.flags(conn, meeting_id).items()
        )
    ]


def recounted_attendees(conn: Connection, meeting: Meeting, profile: ADProfile) -> list[Attendee]:
    """Everyone the history names, their stays replayed from the history; the rights of a
    member without an attendance row decided from the register at the cut-off (UU 25/1992
    Pasal 24(3))."""
    assert meeting.id is not None
    stays = stays_of(attendance_store.moves(conn, meeting.id))
    recorded = attendance_store.flags(conn, meeting.id)
    out = []
    for member in sorted(
        attendance_store.members_of_history(conn, meeting.id), key=lambda m: m.id or 0
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
