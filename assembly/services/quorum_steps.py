"""The recorded quorum checks and the failed-quorum procedure, as the chair runs them; part of
``CheckInService``.

The chair's sequence at opening (law.md rule 14; each step is a row of ``quorum_checks`` and
an audit event)::

    checked = services.checkin.record_quorum_check(meeting_id)  # .check, .procedure, .changes
    if proc.may_open:      services.checkin.open_meeting(meeting_id)
    elif proc.may_suspend: services.checkin.suspend(meeting_id)    # countdown: proc.suspended_until
    elif proc.may_postpone: services.checkin.postpone(meeting_id)
    # after the suspension: record_quorum_check again (a re-check, then a second call)

``quorum_procedure(meeting_id)`` tells a screen at any time what the next step is.
"""

from __future__ import annotations

from dataclasses import replace
from typing import NamedTuple

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import DomainError
from assembly.domain.meeting import Meeting, MeetingState, Move, transition
from assembly.domain.quorum_check import (
    CheckStep,
    Procedure,
    QuorumCheck,
    procedure,
    require_step,
    suspension_end,
)
from assembly.i18n import tr
from assembly.persistence import audit_log, meeting_store, quorum_check_store
from assembly.persistence.meeting_store import Connection
from assembly.persistence.timestamps import to_text
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_lookup import ProfileCache, require_attendance_open, require_header
from assembly.services.quorum_counts import live_status, recount


class QuorumChecked(NamedTuple):
    """A recorded quorum check, the procedure after it, and what changed."""

    check: QuorumCheck
    procedure: Procedure
    changes: Changes


class QuorumSteps:
    """Recorded quorum checks, suspension, postponement and opening."""

    _ctx: ServiceContext
    _profiles: ProfileCache

    def quorum_checks(self, meeting_id: int) -> list[QuorumCheck]:
        """Every recorded step of the meeting, oldest first (times in the meeting's zone)."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            return [_local(c, meeting) for c in quorum_check_store.checks(conn, meeting_id)]

    def quorum_procedure(self, meeting_id: int) -> Procedure:
        """Where the failed-quorum procedure stands: the next step, and a suspension's end."""
        with self._ctx.db.read() as conn:
            meeting = require_header(conn, meeting_id)
            return self._procedure(conn, meeting)[1]

    def record_quorum_check(self, meeting_id: int, note: str = "") -> QuorumChecked:
        """Count again from the register and record a quorum check: at opening, a re-check
        or second call during the procedure, or on the chair's request once the meeting is
        open. Returns the check and the procedure after it."""
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            require_attendance_open(meeting)
            profile, proc = self._procedure(conn, meeting)
            if meeting.state is MeetingState.OPENED:
                step = CheckStep.ON_REQUEST
            elif proc.next_check is None:
                raise DomainError(proc.explain(meeting.zone))
            else:
                step = proc.next_check
            meeting = recount(conn, meeting, profile)
            status = live_status(conn, meeting, profile)
            check = QuorumCheck(
                self._ctx.now(),
                step,
                status.base,
                status.present,
                status.minimum,
                status.reached,
                status.rule.describe(),
                status.article,
                note=note.strip(),
            )
            check = self._record(conn, meeting, check, "quorum.checked")
            after = procedure(profile, [*quorum_check_store.checks(conn, meeting_id)])
        return QuorumChecked(
            _local(check, meeting),
            after,
            Changes.of(Area.ATTENDANCE, Area.MEETINGS, ids=(meeting_id,)),
        )

    def open_meeting(self, meeting_id: int) -> Done[Meeting]:
        """Open the meeting: only after a recorded check that reached quorum."""
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            _profile, proc = self._procedure(conn, meeting)
            state = transition(meeting.state, Move.OPEN, quorate=proc.may_open)
            after = replace(meeting, state=state, opened_at=self._ctx.now(), suspended_until=None)
            meeting_store.update(conn, after)
            audit_log.append(
                conn,
                self._ctx.actor,
                "meeting.opened",
                {"id": meeting_id, "at": to_text(after.opened_at)},
            )
        return Done(after, Changes.of(Area.MEETINGS, ids=(meeting_id,)))

    def suspend(self, meeting_id: int) -> Done[QuorumCheck]:
        """Suspend the meeting for the AD's ``suspension_minutes`` after a failed check; the
        returned step carries the end of the suspension (``until``) for the countdown."""
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            profile, proc = self._procedure(conn, meeting)
            require_step(proc, CheckStep.SUSPENSION)
            state = transition(meeting.state, Move.SUSPEND)
            now = self._ctx.now()
            until = suspension_end(profile, now)
            status = live_status(conn, meeting, profile)
            check = QuorumCheck(
                now,
                CheckStep.SUSPENSION,
                status.base,
                status.present,
                status.minimum,
                False,
                status.rule.describe(),
                profile.article("suspension_minutes"),
                until=until,
            )
            meeting = replace(meeting, state=state, suspended_until=until)
            meeting_store.update(conn, meeting)
            check = self._record(conn, meeting, check, "quorum.suspended")
        return Done(_local(check, meeting), Changes.of(Area.MEETINGS, ids=(meeting_id,)))

    def postpone(self, meeting_id: int, note: str = "") -> Done[QuorumCheck]:
        """Postpone the meeting because quorum was not reached (law.md rule 14): it is then
        over, and the cooperative calls a new meeting as its AD says."""
        with self._ctx.db.write() as conn:
            meeting = require_header(conn, meeting_id)
            profile, proc = self._procedure(conn, meeting)
            if meeting.state.takes_attendance:
                require_step(proc, CheckStep.POSTPONEMENT)
            state = transition(meeting.state, Move.POSTPONE)
            now = self._ctx.now()
            status = live_status(conn, meeting, profile)
            check = QuorumCheck(
                now,
                CheckStep.POSTPONEMENT,
                status.base,
                status.present,
                status.minimum,
                False,
                status.rule.describe(),
                status.article,
                note=note.strip() or _reconvene(profile),
            )
            meeting = replace(meeting, state=state, closed_at=now, suspended_until=None)
            meeting_store.update(conn, meeting)
            check = self._record(conn, meeting, check, "quorum.postponed")
        return Done(
            _local(check, meeting), Changes.of(Area.MEETINGS, Area.ATTENDANCE, ids=(meeting_id,))
        )

    def _procedure(self, conn: Connection, meeting: Meeting) -> tuple[ADProfile, Procedure]:
        assert meeting.id is not None
        profile = self._profiles.get(conn, meeting.profile_version)
        return profile, procedure(profile, quorum_check_store.checks(conn, meeting.id))

    def _record(
        self, conn: Connection, meeting: Meeting, check: QuorumCheck, kind: str
    ) -> QuorumCheck:
        assert meeting.id is not None
        check_id = quorum_check_store.add(conn, meeting.id, check, self._ctx.actor)
        audit_log.append(
            conn,
            self._ctx.actor,
            kind,
            {
                "meeting_id": meeting.id,
                "check_id": check_id,
                "step": check.step.value,
                "at": to_text(check.at),
                "base": check.base,
                "present": check.present,
                "minimum": check.minimum,
                "reached": check.reached,
                "rule": check.rule_text,
                "article": check.article,
                "until": to_text(check.until),
                "note": check.note,
                "state": meeting.state.value,
            },
        )
        return replace(check, id=check_id)


def _local(check: QuorumCheck, meeting: Meeting) -> QuorumCheck:
    return replace(
        check,
        at=check.at.astimezone(meeting.zone),
        until=check.until.astimezone(meeting.zone) if check.until else None,
    )


def _reconvene(profile: ADProfile) -> str:
    if profile.reconvene_within_days is None:
        return ""
    text = tr(
        "Rapat diadakan kembali paling lambat {n} hari kemudian", n=profile.reconvene_within_days
    )
    if profile.reconvene_needs_invitation:
        text += tr(", dengan undangan baru")
    return text
