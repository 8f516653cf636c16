"""Attendance at a Rapat Anggota: who is in, by which channel, since when, and what the door
decides when a member number is scanned.

Every decision here is a pure function of the member, the meeting's register cut-off, the AD
profile and the attendance already recorded, so the door's rules are tested without a screen
or a database.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from enum import StrEnum

from assembly.domain.ad_profile import ADProfile
from assembly.domain.errors import DomainError
from assembly.domain.meeting import MeetingMode
from assembly.domain.members import Member, eligibility
from assembly.domain.quorum import QuorumBase
from assembly.i18n import N_, tr


class Channel(StrEnum):
    """How a member attends. Online attendees count like those in the hall (law.md rule 12)."""

    IN_PERSON = "langsung"
    ONLINE = "daring"
    PROXY = "kuasa"  # represented by the holder of a surat kuasa (only when the AD allows)

    @property
    def key(self) -> str:
        """The channel as the attendance list shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            Channel.IN_PERSON: N_("Hadir langsung"),
            Channel.ONLINE: N_("Daring"),
            Channel.PROXY: N_("Melalui kuasa"),
        }[self]


class AttendanceState(StrEnum):
    """Where a member's attendance stands now."""

    PRESENT = "hadir"
    LEFT = "keluar"  # left the meeting (may return)
    CANCELLED = "batal"  # the check-in was undone as a mistake

    @property
    def key(self) -> str:
        """The state as the attendance list shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            AttendanceState.PRESENT: N_("Hadir"),
            AttendanceState.LEFT: N_("Meninggalkan rapat"),
            AttendanceState.CANCELLED: N_("Dibatalkan"),
        }[self]


@dataclass(frozen=True)
class AttendanceRecord:
    """One member's attendance at one meeting (there is at most one per member).

    ``counted`` says whether the member counts towards quorum (part of the quorum base),
    ``may_vote`` whether they may vote; both are fixed when they arrive. ``proxy_id`` is the
    proxy that represents them when ``channel`` is :attr:`Channel.PROXY`."""

    member_id: int
    channel: Channel
    state: AttendanceState
    arrived_at: dt.datetime
    may_vote: bool
    counted: bool
    left_at: dt.datetime | None = None
    proxy_id: int | None = None

    @property
    def present(self) -> bool:
        """Whether the member is in the meeting now."""
        return self.state is AttendanceState.PRESENT


class Outcome(StrEnum):
    """What the door did with a scan."""

    ADMITTED = "admitted"  # first arrival recorded
    RETURNED = "returned"  # came back after leaving
    ALREADY_PRESENT = "already_present"  # nothing to do, said harmlessly
    REFUSED = "refused"  # may not attend; nothing recorded
    NOT_FOUND = "not_found"  # no such member number


@dataclass(frozen=True)
class CheckInDecision:
    """The door's decision about one member. ``reason`` explains ``may_vote`` (calon anggota,
    arrears, …) or the refusal; ``lapses_proxy`` is the proxy that lapses because its grantor
    now attends in person (law.md section 4)."""

    outcome: Outcome
    may_vote: bool = False
    counted: bool = False
    reason: str = ""
    since: dt.datetime | None = None
    lapses_proxy: int | None = None

    @property
    def records(self) -> bool:
        """Whether the decision changes the attendance."""
        return self.outcome in (Outcome.ADMITTED, Outcome.RETURNED)


def counts_for_quorum(member: Member, cutoff: dt.date, profile: ADProfile) -> bool:
    """Whether ``member`` is part of the quorum base as of ``cutoff``: a member entitled to
    vote (UU 25/1992 Pasal 24(3); law.md rule 7), or any member when the AD counts all."""
    seen = eligibility(member, cutoff, profile)
    if profile.quorum.base is QuorumBase.ALL_MEMBERS:
        return seen.may_attend
    return seen.may_vote


def clock(moment: dt.datetime, zone: dt.tzinfo) -> str:
    """A time as the hall reads it, with its zone when the zone has a name: "09.12 WIB"."""
    local = moment.astimezone(zone)
    name = local.tzname() or ""
    return local.strftime("%H.%M") + (f" {name}" if name.isalpha() else "")


def decide_check_in(
    member: Member,
    *,
    cutoff: dt.date,
    profile: ADProfile,
    mode: MeetingMode,
    channel: Channel,
    current: AttendanceRecord | None,
) -> CheckInDecision:
    """May ``member`` come in by ``channel``, and with what rights?

    A second scan of someone present is harmless; a scan of someone who left records their
    return; a member represented by proxy who arrives makes the proxy lapse."""
    if channel is Channel.PROXY:
        raise DomainError(tr("Kehadiran melalui kuasa dicatat dengan surat kuasa, bukan di pintu."))
    if channel is Channel.ONLINE and not mode.has_platform:
        raise DomainError(tr("Rapat luring: kehadiran daring tidak dapat dicatat."))
    if channel is Channel.IN_PERSON and not mode.has_hall:
        raise DomainError(tr("Rapat daring: catat kehadiran sebagai daring."))
    seen = eligibility(member, cutoff, profile)
    if not seen.may_attend:
        return CheckInDecision(Outcome.REFUSED, reason=seen.reason)
    counted = counts_for_quorum(member, cutoff, profile)
    if current is not None and current.present and current.channel is not Channel.PROXY:
        return CheckInDecision(
            Outcome.ALREADY_PRESENT,
            may_vote=current.may_vote,
            counted=current.counted,
            reason=seen.reason,
            since=current.arrived_at,
        )
    lapses = current.proxy_id if current is not None and current.channel is Channel.PROXY else None
    returning = (
        current is not None
        and current.state is AttendanceState.LEFT
        and current.channel is not Channel.PROXY
    )
    return CheckInDecision(
        Outcome.RETURNED if returning else Outcome.ADMITTED,
        may_vote=seen.may_vote,
        counted=counted,
        reason=seen.reason,
        since=current.arrived_at if returning and current is not None else None,
        lapses_proxy=lapses,
    )


def admitted_record(
    member_id: int,
    decision: CheckInDecision,
    channel: Channel,
    at: dt.datetime,
    current: AttendanceRecord | None,
) -> AttendanceRecord:
    """The attendance after an admitting ``decision``: a return keeps the first arrival time
    and channel; a first arrival (or one after a lapsed proxy) starts afresh."""
    if decision.outcome is Outcome.RETURNED and current is not None:
        return AttendanceRecord(
            member_id,
            current.channel,
            AttendanceState.PRESENT,
            current.arrived_at,
            current.may_vote,
            current.counted,
        )
    return AttendanceRecord(
        member_id, channel, AttendanceState.PRESENT, at, decision.may_vote, decision.counted
    )


def check_out(current: AttendanceRecord | None, at: dt.datetime, name: str) -> AttendanceRecord:
    """The attendance after the member leaves; refused unless they are present themselves."""
    if current is None or current.state is AttendanceState.CANCELLED:
        raise DomainError(tr("{name} belum tercatat hadir.", name=name))
    if current.channel is Channel.PROXY:
        raise DomainError(tr("{name} diwakili kuasa; cabut kuasanya bila perlu.", name=name))
    if current.state is AttendanceState.LEFT:
        raise DomainError(tr("{name} sudah tercatat meninggalkan rapat.", name=name))
    return AttendanceRecord(
        current.member_id,
        current.channel,
        AttendanceState.LEFT,
        current.arrived_at,
        current.may_vote,
        current.counted,
        left_at=at,
        proxy_id=current.proxy_id,
    )


class EventKind(StrEnum):
    """Entries of the append-only attendance history."""

    CHECK_IN = "check_in"
    CHECK_OUT = "check_out"
    RETURN = "return"
    UNDO = "undo"
    IMPORT = "import"  # online attendance from the platform's list
    PROXY_GRANTED = "proxy_granted"  # the grantor is represented from now on
    PROXY_WITHDRAWN = "proxy_withdrawn"
    HOLDER_LEFT = "holder_left"  # represented member leaves with their holder
    HOLDER_RETURNED = "holder_returned"

    @property
    def key(self) -> str:
        """The entry as the history shows it: the Indonesian
        source text, a catalogue key (``tr(value.key)`` translates it)."""
        return {
            EventKind.CHECK_IN: N_("Hadir"),
            EventKind.CHECK_OUT: N_("Meninggalkan rapat"),
            EventKind.RETURN: N_("Kembali"),
            EventKind.UNDO: N_("Diurungkan"),
            EventKind.IMPORT: N_("Hadir daring (impor)"),
            EventKind.PROXY_GRANTED: N_("Diwakili kuasa"),
            EventKind.PROXY_WITHDRAWN: N_("Kuasa dicabut"),
            EventKind.HOLDER_LEFT: N_("Penerima kuasa meninggalkan rapat"),
            EventKind.HOLDER_RETURNED: N_("Penerima kuasa kembali"),
        }[self]


# What undo can take back: the member's own moves at the door (law.md: every step recorded).
UNDOABLE = frozenset({EventKind.CHECK_IN, EventKind.CHECK_OUT, EventKind.RETURN, EventKind.IMPORT})


@dataclass(frozen=True)
class AttendanceEvent:
    """One entry of the history. ``before`` is the attendance the entry replaced (None: the
    member had none), so that an undo can restore it exactly."""

    member_id: int
    kind: EventKind
    at: dt.datetime
    actor: str
    channel: Channel | None = None
    before: AttendanceRecord | None = None
    undoes: int | None = None
    proxy_id: int | None = None
    id: int | None = None


def check_undo(last: AttendanceEvent | None, name: str) -> AttendanceEvent:
    """The event an undo takes back: the member's latest own move. Refused when there is
    none, or when the latest entry is itself an undo or a proxy step."""
    if last is None:
        raise DomainError(tr("Tidak ada kehadiran {name} yang dapat diurungkan.", name=name))
    if last.kind is EventKind.UNDO:
        raise DomainError(tr("Langkah terakhir {name} sudah diurungkan.", name=name))
    if last.kind not in UNDOABLE:
        raise DomainError(
            tr(
                "Langkah terakhir {name} ({step}) tidak dapat diurungkan di sini.",
                name=name,
                step=tr(last.kind.key),
            )
        )
    return last
