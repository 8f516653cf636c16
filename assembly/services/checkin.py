"""The check-in desk: a member number typed or scanned checks the member in at once, in one
durable transaction that also returns the new quorum; leaving, returning and undo; the door's
name search and the attendance list.

The desk calls, in order of frequency::

    done = services.checkin.check_in(meeting_id, "0001234")   # scan + Enter; done.changes
    result = done.value                                        # a CheckInResult, shown large:
    result.message, result.may_vote, result.reason, result.quorum.text
    matches = services.checkin.find(meeting_id, "siti ami")   # no card
    done = services.checkin.check_in(meeting_id, matches[0].member_id)
    update = services.checkin.undo(meeting_id, member_id).value        # a mistaken scan
    update = services.checkin.check_out(meeting_id, member_id).value   # leaves early
    page = services.checkin.attendance_page(meeting_id, AttendanceQuery(), 0, 200)

A scan never raises for the member's sake (unknown, refused, already in): the result says so,
so the desk stays in its one field. It raises DomainError only when the meeting itself does not
take attendance. The quorum steps (check, suspend, open, postpone) come from
:class:`~assembly.services.quorum_steps.QuorumSteps`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from assembly.domain.ad_profile import ADProfile
from assembly.domain.attendance import (
    AttendanceEvent,
    AttendanceState,
    Channel,
    EventKind,
    Outcome,
    admitted_record,
    check_out,
    check_undo,
    clock,
)
from assembly.domain.attendance_query import (
    AttendanceEntry,
    AttendancePage,
    AttendanceQuery,
    DeskMatch,
)
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting
from assembly.domain.members import Member
from assembly.domain.proxies import ProxyState
from assembly.domain.quorum import QuorumRule
from assembly.domain.quorum_check import QuorumStatus
from assembly.i18n import tr
from assembly.persistence import (
    attendance_store,
    desk_search,
    door_rows,
    member_store,
    proxy_store,
)
from assembly.persistence.meeting_store import Connection
from assembly.persistence.pg_database import hold_write_lock
from assembly.services.attendance_moves import follow_holder, write_move
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.desk_results import CheckInResult, DeskUpdate
from assembly.services.door_decision import decide, headline, look_up
from assembly.services.meeting_lookup import (
    ProfileCache,
    moment,
    require_attendance_open,
    require_header,
)
from assembly.services.quorum_counts import live_status, rule_in_force
from assembly.services.quorum_steps import QuorumSteps

FIND_LIMIT = 20


class CheckInService(QuorumSteps):
    """The door of one database: check-in, leaving, returning, undo, look-ups, the live
    quorum and (via :class:`QuorumSteps`) the recorded quorum checks."""

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    # --- the scan ---------------------------------------------------------------------------

    def check_in(
        self,
        meeting_id: int,
        number_or_member_id: str | int,
        channel: Channel = Channel.IN_PERSON,
        at: dt.datetime | None = None,
    ) -> Done[CheckInResult]:
        """Check a member in by member number (as typed or scanned) or member id.

        One durable transaction: look-up, decision, attendance row, history entry, audit
        event and the quorum recount. A member already in gets a harmless "sudah hadir sejak
        09.12"; one who had left is recorded as returning; one represented by proxy makes the
        proxy lapse (law.md section 4)."""
        entered = str(number_or_member_id).strip()
        # The reads and the decision come before the one write lock (PostgreSQL; SQLite's
        # write holds its file's lock throughout): other desks wait only for the writes.
        with self._ctx.db.write(lock_late=True) as conn:
            found, others = (
                (number_or_member_id, [])
                if isinstance(number_or_member_id, int)
                else look_up(conn, entered)
            )
            rows = door_rows.read(conn, meeting_id, found if found is None else int(found))
            meeting, profile, in_force = self._door_open(conn, meeting_id, rows)
            member = rows.member
            if member is None or member.id is None:
                status = live_status(conn, meeting, profile, in_force)
                if others:
                    message = tr(
                        "Nomor {number} cocok dengan beberapa anggota ({numbers}); ketik nomor "
                        "lengkapnya.",
                        number=entered,
                        numbers=", ".join(others),
                    )
                elif entered:
                    message = tr("Nomor {number} tidak terdaftar.", number=entered)
                else:
                    message = tr("Ketik atau pindai nomor anggota.")
                return Done(CheckInResult(Outcome.NOT_FOUND, entered, message, status), Changes())
            at = moment(at, meeting, self._ctx.now())
            decision = decide(meeting, profile, member, channel, rows.current)
            if decision.records and hold_write_lock(conn):
                again = door_rows.read(conn, meeting_id, member.id)
                if again != rows:
                    # Another desk changed the meeting, the member or their attendance
                    # between the look and the lock: decide again on what holds now.
                    rows = again
                    meeting, profile, in_force = self._door_open(conn, meeting_id, rows)
                    if rows.member is None:
                        raise DomainError(tr("Anggota tidak ditemukan"))
                    member = rows.member
                    decision = decide(meeting, profile, member, channel, rows.current)
            current = rows.current
            assert member.id is not None
            if decision.records:
                after = admitted_record(member.id, decision, channel, at, current)
                kind = (
                    EventKind.RETURN if decision.outcome is Outcome.RETURNED else EventKind.CHECK_IN
                )
                write_move(
                    conn,
                    self._ctx.actor,
                    meeting_id,
                    member,
                    kind,
                    after,
                    current,
                    at,
                    proxy_id=decision.lapses_proxy,
                )
                if decision.lapses_proxy is not None:
                    proxy_store.set_state(conn, decision.lapses_proxy, ProxyState.LAPSED, at)
                if decision.outcome is Outcome.RETURNED:
                    follow_holder(conn, self._ctx.actor, meeting_id, member, True, at)
                arrived: dt.datetime | None = after.arrived_at
                used: Channel | None = after.channel
            else:
                arrived = decision.since
                used = current.channel if current and decision.since else None
            status = live_status(conn, meeting, profile, in_force)
        result = CheckInResult(
            decision.outcome,
            entered,
            headline(
                decision.outcome,
                member,
                arrived,
                meeting,
                decision.reason,
                decision.lapses_proxy is not None,
            ),
            status,
            member.id,
            member.number,
            member.name,
            member.category,
            member.status,
            member.arrears,
            used,
            arrived.astimezone(meeting.zone) if arrived else None,
            decision.may_vote,
            decision.reason,
            decision.lapses_proxy is not None,
        )
        changes = Changes.of(Area.ATTENDANCE, ids=(meeting_id,)) if decision.records else Changes()
        return Done(result, changes)

    def check_out(
        self, meeting_id: int, member_id: int, at: dt.datetime | None = None
    ) -> Done[DeskUpdate]:
        """Record that a member left the meeting (members they represent by proxy leave
        with them)."""
        with self._ctx.db.write() as conn:
            meeting, member = self._door(conn, meeting_id, member_id)
            at = moment(at, meeting, self._ctx.now())
            current = attendance_store.record(conn, meeting_id, member_id)
            after = check_out(current, at, member.name)
            write_move(
                conn, self._ctx.actor, meeting_id, member, EventKind.CHECK_OUT, after, current, at
            )
            follow_holder(conn, self._ctx.actor, meeting_id, member, False, at)
            update = self._update(
                conn,
                meeting,
                member,
                after.state,
                tr(
                    "{name} meninggalkan rapat pukul {time}.",
                    name=member.name,
                    time=clock(at, meeting.zone),
                ),
            )
        return Done(update, Changes.of(Area.ATTENDANCE, ids=(meeting_id,)))

    def record_return(
        self, meeting_id: int, member_id: int, at: dt.datetime | None = None
    ) -> Done[DeskUpdate]:
        """Record that a member who left has come back (a scan does the same)."""
        with self._ctx.db.read() as conn:
            current = attendance_store.record(conn, meeting_id, member_id)
        if current is None or current.state is not AttendanceState.LEFT:
            raise DomainError(tr("Anggota ini tidak sedang tercatat meninggalkan rapat."))
        done = self.check_in(meeting_id, member_id, current.channel, at)
        result = done.value
        return Done(
            DeskUpdate(
                member_id, result.name, AttendanceState.PRESENT, result.message, result.quorum
            ),
            done.changes,
        )

    def undo(self, meeting_id: int, member_id: int) -> Done[DeskUpdate]:
        """Take back the member's latest move at the door (a mistaken check-in, leaving or
        return). The undo is itself recorded, with what it restored."""
        with self._ctx.db.write() as conn:
            meeting, member = self._door(conn, meeting_id, member_id)
            at = self._ctx.now()
            last = check_undo(attendance_store.last_event(conn, meeting_id, member_id), member.name)
            current = attendance_store.record(conn, meeting_id, member_id)
            assert current is not None and last.id is not None
            holds = proxy_store.held_by(conn, meeting_id, member_id)
            if holds and last.kind in (EventKind.CHECK_IN, EventKind.IMPORT):
                raise DomainError(
                    tr("{name} memegang kuasa; cabut kuasanya lebih dahulu.", name=member.name)
                )
            restored = last.before or replace(
                current, state=AttendanceState.CANCELLED, left_at=None
            )
            if last.proxy_id is not None:
                # The arrival had made a proxy lapse: it represents the member again.
                proxy = proxy_store.get(conn, last.proxy_id)
                assert proxy is not None
                proxy_store.set_state(conn, last.proxy_id, ProxyState.ACTIVE, None)
                holder_in = attendance_store.record(conn, meeting_id, proxy.holder_id)
                restored = replace(
                    restored,
                    state=AttendanceState.PRESENT
                    if holder_in and holder_in.present
                    else AttendanceState.LEFT,
                )
            write_move(
                conn,
                self._ctx.actor,
                meeting_id,
                member,
                EventKind.UNDO,
                restored,
                current,
                at,
                undoes=last.id,
                proxy_id=last.proxy_id,
            )
            if last.kind in (EventKind.CHECK_OUT, EventKind.RETURN):
                follow_holder(conn, self._ctx.actor, meeting_id, member, restored.present, at)
            state = None if restored.state is AttendanceState.CANCELLED else restored.state
            update = self._update(
                conn,
                meeting,
                member,
                state,
                tr("{step} {name} diurungkan.", step=tr(last.kind.key), name=member.name),
            )
        return Done(update, Changes.of(Area.ATTENDANCE, ids=(meeting_id,)))

    # --- looking -----------------------------------------------------------------------------

    def quorum(self, meeting_id: int) -> QuorumStatus:
        """The live quorum of the meeting."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            return live_status(conn, meeting, self._profiles.get(conn, meeting.profile_version))

    def find(self, meeting_id: int, text: str, limit: int = FIND_LIMIT) -> list[DeskMatch]:
        """Members by the start of their number, then by parts of their name (3 letters or
        more), each with their attendance at the meeting so far."""
        with self._ctx.db.read() as conn:
            return desk_search.find(conn, meeting_id, text, limit)

    def attendance_page(
        self, meeting_id: int, query: AttendanceQuery, offset: int, limit: int
    ) -> AttendancePage:
        """A window of the attendance list for a table model: ``total`` rows match ``query``;
        ``rows`` starts at ``offset``. Times are in the meeting's time zone."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            found = attendance_store.page(conn, meeting_id, query, offset, limit)
        return replace(found, rows=tuple(_local(e, meeting) for e in found.rows))

    def attendance_entries(self, meeting_id: int) -> list[AttendanceEntry]:
        """Everyone who attended, in order of arrival, times in the meeting's zone: the rows
        of the Daftar Hadir."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            return [_local(e, meeting) for e in attendance_store.entries(conn, meeting_id)]

    def history(self, meeting_id: int, member_id: int | None = None) -> list[AttendanceEvent]:
        """The attendance history of the meeting (or one member), oldest first, UTC times."""
        with self._ctx.db.read() as conn:
            return attendance_store.history(conn, meeting_id, member_id)

    # --- inside -----------------------------------------------------------------------------

    def _door_open(
        self, conn: Connection, meeting_id: int, rows: door_rows.DoorRows
    ) -> tuple[Meeting, ADProfile, tuple[QuorumRule, str]]:
        """The meeting of ``rows`` (refused when missing or not taking attendance), its AD
        profile and the quorum rule in force."""
        if rows.meeting is None:
            raise DomainError(tr("Rapat nomor {id} tidak ditemukan.", id=meeting_id))
        require_attendance_open(rows.meeting)
        profile = self._profiles.get(conn, rows.meeting.profile_version)
        return rows.meeting, profile, rule_in_force(conn, rows.meeting, profile)

    def _door(self, conn: Connection, meeting_id: int, member_id: int) -> tuple[Meeting, Member]:
        meeting = require_header(conn, meeting_id)
        require_attendance_open(meeting)
        member = member_store.get(conn, member_id)
        if member is None:
            raise DomainError(tr("Anggota tidak ditemukan"))
        return meeting, member

    def _update(
        self,
        conn: Connection,
        meeting: Meeting,
        member: Member,
        state: AttendanceState | None,
        message: str,
    ) -> DeskUpdate:
        status = live_status(conn, meeting, self._profiles.get(conn, meeting.profile_version))
        assert member.id is not None
        return DeskUpdate(member.id, member.name, state, message, status)


def _local(entry: AttendanceEntry, meeting: Meeting) -> AttendanceEntry:
    return replace(
        entry,
        arrived_at=entry.arrived_at.astimezone(meeting.zone),
        left_at=entry.left_at.astimezone(meeting.zone) if entry.left_at else None,
    )
