"""Preparing and running meetings: the list, a new meeting from its template, editing, the
lifecycle moves that do not depend on quorum, and the secretary's warnings.

Agenda and leaders are edited through :class:`~assembly.services.meeting_agenda.AgendaEditing`,
which this service includes; the quorum moves (open, suspend, postpone) live with the door in
:class:`~assembly.services.checkin.CheckInService`.
"""

from __future__ import annotations

import builtins
import datetime as dt
from collections.abc import Mapping
from dataclasses import replace
from typing import Any

from assembly.domain.ad_profile import ADProfile, unset_special_refusal
from assembly.domain.agenda_template import agenda_template
from assembly.domain.cooperative import Cooperative, Level
from assembly.domain.errors import DomainError, Problem, ValidationError
from assembly.domain.meeting import (
    Meeting,
    MeetingMode,
    MeetingState,
    MeetingSummary,
    MeetingType,
    Move,
    suggest_document_number,
    transition,
)
from assembly.domain.meeting_rules import check_edit, validate_meeting
from assembly.domain.meeting_warnings import (
    deadline_countdown,
    financial_year_end,
    meeting_warnings,
)
from assembly.i18n import tr
from assembly.persistence import (
    audit_log,
    ballot_store,
    cooperative_store,
    meeting_store,
    quorum_check_store,
)
from assembly.persistence.meeting_store import Connection
from assembly.services.changes import Area, Changes, Done
from assembly.services.context import ServiceContext
from assembly.services.meeting_agenda import AgendaEditing, meeting_audit
from assembly.services.meeting_lookup import ProfileCache, require_meeting

DEFAULT_START = dt.time(9, 0)


class MeetingService(AgendaEditing):
    """Lists, creates, edits and moves meetings, one audited transaction per change.

    Typical use by the meetings page::

        draft = services.meetings.new_meeting(MeetingType.RAT)   # not saved yet
        problems = services.meetings.check(draft)                # inline, warnings included
        meeting = services.meetings.create(draft).value          # .changes for the screens
        meeting = services.meetings.edit(replace(meeting, venue="Aula")).value
        meeting = services.meetings.open_check_in(meeting.id).value
    """

    def __init__(self, ctx: ServiceContext) -> None:
        self._ctx = ctx
        self._profiles = ProfileCache()

    # --- reading --------------------------------------------------------------------------

    def list(self) -> builtins.list[MeetingSummary]:
        """Every meeting, newest first, with its state and how many are present now."""
        with self._ctx.db.read() as conn:
            return meeting_store.summaries(conn)

    def get(self, meeting_id: int) -> Meeting:
        """The meeting with its agenda and leaders."""
        with self._ctx.db.read() as conn:
            return require_meeting(conn, meeting_id)

    def latest_id(self) -> int | None:
        """The meeting to show at a glance: the newest held or running one, else the newest
        draft (None when there are no meetings)."""
        with self._ctx.db.read() as conn:
            return meeting_store.latest_id(conn)

    def check(self, meeting: Meeting) -> builtins.list[Problem]:
        """Every problem with ``meeting`` as a form shows it: blocking ones first, then the
        warnings (late RAT, short notice, special items without AD values, missing leaders)."""
        with self._ctx.db.read() as conn:
            return validate_meeting(meeting) + self._warnings(conn, meeting)

    def warnings(self, meeting_id: int) -> builtins.list[Problem]:
        """The warnings about a saved meeting."""
        with self._ctx.db.read() as conn:
            return self._warnings(conn, require_meeting(conn, meeting_id))

    def deadline_notice(self, meeting_id: int) -> str:
        """The calm countdown to the RAT deadline for a draft RAT dated in time (empty when
        there is none to show); a late or too-near RAT is a warning instead."""
        with self._ctx.db.read() as conn:
            meeting = require_meeting(conn, meeting_id)
            profile, end, secondary = self._deadline_terms(conn, meeting)
        return deadline_countdown(meeting, profile, self._ctx.today(), end, secondary=secondary)

    # --- creating and editing ---------------------------------------------------------------

    def new_meeting(
        self,
        kind: MeetingType = MeetingType.RAT,
        day: dt.date | None = None,
        financial_year: int | None = None,
        *,
        election_due: bool = False,
    ) -> Meeting:
        """A new, unsaved meeting of ``kind`` with its template agenda and suggested values:
        the first Saturday the AD's notice period allows, 09.00 in the cooperative's time
        zone, the AD profile in force, the next document number, the register cut-off on the
        day the invitations go out."""
        with self._ctx.db.read() as conn:
            coop = cooperative_store.load(conn)
            version = cooperative_store.latest_profile(conn)
            if coop is None or version is None:
                raise DomainError(tr("Isi profil koperasi lebih dahulu."))
            profile = version.profile
            if day is None:
                day = _next_saturday(self._ctx.today() + dt.timedelta(days=profile.notice_days))
            if financial_year is None and kind in (MeetingType.RAT, MeetingType.WORK_PLAN):
                financial_year = _last_ended_year(coop, day)
                if kind is MeetingType.WORK_PLAN:
                    financial_year += 1
            sequence = meeting_store.count_in_year(conn, day.year) + 1
        return Meeting(
            kind=kind,
            date=day,
            start=DEFAULT_START,
            cutoff_date=day - dt.timedelta(days=profile.notice_days),
            profile_version=version.version,
            time_zone=coop.time_zone,
            financial_year=financial_year,
            mode=MeetingMode.OFFLINE,
            document_number=suggest_document_number(sequence, kind, coop.code, day),
            agenda=agenda_template(kind, financial_year, election_due=election_due),
            signers=(),
        )

    def suggested_cutoff(self, meeting: Meeting, day: dt.date) -> dt.date:
        """The register cut-off a meeting on ``day`` starts with: the day the invitations go
        out, the AD's notice period before it."""
        with self._ctx.db.read() as conn:
            profile = self._profiles.get(conn, meeting.profile_version)
        return day - dt.timedelta(days=profile.notice_days)

    def create(self, meeting: Meeting) -> Done[Meeting]:
        """Save a new meeting as a draft. Refused with every blocking problem listed."""
        meeting = replace(_normalised(meeting), state=MeetingState.DRAFT, id=None)
        problems = validate_meeting(meeting)
        if problems:
            raise ValidationError(problems)
        with self._ctx.db.write() as conn:
            self._profiles.get(conn, meeting.profile_version)
            meeting_id = meeting_store.insert(conn, meeting, self._ctx.now())
            saved = require_meeting(conn, meeting_id)
            audit_log.append(conn, self._ctx.actor, "meeting.created", meeting_audit(saved))
        return Done(saved, Changes.of(Area.MEETINGS, ids=(meeting_id,)))

    def edit(self, meeting: Meeting) -> Done[Meeting]:
        """Store changes to the meeting's own fields, its leaders and its agenda (items without
        an id are added, missing ones removed), all in one transaction. Once check-in has
        opened, who counts and when and how the meeting is held are fixed; a finished meeting
        is read-only."""
        meeting_id = meeting.id
        if meeting_id is None:
            raise DomainError(tr("Rapat belum disimpan."))
        meeting = _normalised(meeting)
        with self._ctx.db.write() as conn:
            before = require_meeting(conn, meeting_id)
            check_edit(before, meeting)
            # The lifecycle and the register's figures are not the form's to change.
            after = replace(
                meeting,
                state=before.state,
                agenda=before.agenda,
                registered=before.registered,
                entitled=before.entitled,
                check_in_opened_at=before.check_in_opened_at,
                opened_at=before.opened_at,
                closed_at=before.closed_at,
                suspended_until=before.suspended_until,
            )
            problems = validate_meeting(after)
            if problems:
                raise ValidationError(problems)
            self._profiles.get(conn, after.profile_version)
            meeting_store.update(conn, after)
            meeting_store.replace_officers(conn, meeting_id, after.officers)
            self._replace_agenda(conn, before, meeting.agenda)
            after = require_meeting(conn, meeting_id)
            audit_log.append(
                conn,
                self._ctx.actor,
                "meeting.edited",
                {"id": meeting_id, "before": meeting_audit(before), "after": meeting_audit(after)},
            )
        return Done(after, Changes.of(Area.MEETINGS, ids=(meeting_id,)))

    def delete_draft(self, meeting_id: int) -> Changes:
        """Remove a meeting still in draft (nothing of it has happened yet)."""
        with self._ctx.db.write() as conn:
            meeting = require_meeting(conn, meeting_id)
            if meeting.state is not MeetingState.DRAFT:
                raise DomainError(
                    tr(
                        "Hanya rapat berstatus draf yang dapat dihapus; rapat ini {state}.",
                        state=tr(meeting.state.key),
                    )
                )
            meeting_store.delete(conn, meeting_id)
            audit_log.append(conn, self._ctx.actor, "meeting.deleted", meeting_audit(meeting))
        return Changes.of(Area.MEETINGS, ids=(meeting_id,))

    # --- lifecycle ------------------------------------------------------------------------

    def open_check_in(self, meeting_id: int) -> Done[Meeting]:
        """Open the door: the meeting leaves draft, and the register's figures at the cut-off
        (registered, entitled to vote) are fixed for the live quorum."""
        with self._ctx.db.write() as conn:
            meeting = require_meeting(conn, meeting_id)
            state = transition(meeting.state, Move.OPEN_CHECK_IN)
            problems = validate_meeting(meeting)
            if problems:
                raise ValidationError(problems)
            profile = self._profiles.get(conn, meeting.profile_version)
            registered, entitled = quorum_check_store.roll_counts(
                conn, meeting.cutoff_date, profile
            )
            after = replace(
                meeting,
                state=state,
                registered=registered,
                entitled=entitled,
                check_in_opened_at=self._ctx.now(),
            )
            meeting_store.update(conn, after)
            audit_log.append(
                conn,
                self._ctx.actor,
                "meeting.check_in_opened",
                {"id": meeting_id, "registered": registered, "entitled": entitled},
            )
        return Done(after, Changes.of(Area.MEETINGS, Area.ATTENDANCE, ids=(meeting_id,)))

    def close(self, meeting_id: int, check: Mapping[str, Any] | None = None) -> Done[Meeting]:
        """Close an opened meeting; from then on it is read-only. Refused while a ballot is
        still open (its votes would be stranded), and while the agenda has a special item
        whose quorum or majority the AD profile leaves unset (law.md rule 15). ``check`` (the
        reconciliation of the berita acara's figures, and the reason given when they did not
        reconcile) is recorded with the closing."""
        with self._ctx.db.write() as conn:
            meeting = require_meeting(conn, meeting_id)
            if ballot_store.open_ballot_id(conn, meeting_id) is not None:
                raise DomainError(
                    tr("Masih ada pemungutan suara yang terbuka; tutup atau batalkan dulu.")
                )
            profile = self._profiles.get(conn, meeting.profile_version)
            refusal = unset_special_refusal(profile, meeting.item_kinds())
            if refusal is not None:
                raise DomainError(refusal)
            after = replace(
                meeting, state=transition(meeting.state, Move.CLOSE), closed_at=self._ctx.now()
            )
            meeting_store.update(conn, after)
            audit_log.append(
                conn, self._ctx.actor, "meeting.closed", {"id": meeting_id, **(check or {})}
            )
        return Done(after, Changes.of(Area.MEETINGS, Area.ATTENDANCE, ids=(meeting_id,)))

    def _warnings(self, conn: Connection, meeting: Meeting) -> builtins.list[Problem]:
        profile, end, secondary = self._deadline_terms(conn, meeting)
        return meeting_warnings(meeting, profile, self._ctx.today(), end, secondary=secondary)

    def _deadline_terms(
        self, conn: Connection, meeting: Meeting
    ) -> tuple[ADProfile, tuple[int, int], bool]:
        """The meeting's AD profile, the financial year's end (month, day), and whether the
        cooperative is secondary: what the RAT deadline is reckoned from."""
        coop = cooperative_store.load(conn)
        end = (coop.fiscal_year_end_month, coop.fiscal_year_end_day) if coop else (12, 31)
        profile = self._profiles.get(conn, meeting.profile_version)
        return profile, end, coop is not None and coop.level is Level.SECONDARY


def _normalised(meeting: Meeting) -> Meeting:
    return replace(
        meeting,
        subject=" ".join(meeting.subject.split()),
        venue=" ".join(meeting.venue.split()),
        platform=meeting.platform.strip(),
        document_number=meeting.document_number.strip(),
        officers=tuple(replace(o, name=" ".join(o.name.split())) for o in meeting.officers),
        agenda=tuple(replace(i, title=" ".join(i.title.split())) for i in meeting.agenda),
    )


def _next_saturday(day: dt.date) -> dt.date:
    return day + dt.timedelta(days=(5 - day.weekday()) % 7)


def _last_ended_year(coop: Cooperative, day: dt.date) -> int:
    """The newest financial year that has ended before ``day``."""
    end = financial_year_end(day.year, coop.fiscal_year_end_month, coop.fiscal_year_end_day)
    return day.year if end < day else day.year - 1
