"""What the check-in desk shows after each action: plain values, ready to display."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from assembly.domain.attendance import AttendanceState, Channel, Outcome
from assembly.domain.members import Category, Status
from assembly.domain.quorum_check import QuorumStatus
from assembly.i18n import tr


@dataclass(frozen=True)
class CheckInResult:
    """What the desk shows after a scan. ``message`` is the headline ("Selamat datang, …",
    "… sudah hadir sejak 09.12", "… ditolak: …"); ``reason`` explains ``may_vote``;
    ``arrived_at`` is in the meeting's time zone; ``quorum`` is the figure after the scan."""

    outcome: Outcome
    entered: str
    message: str
    quorum: QuorumStatus
    member_id: int | None = None
    number: str = ""
    name: str = ""
    category: Category | None = None
    status: Status | None = None
    arrears: bool = False
    channel: Channel | None = None
    arrived_at: dt.datetime | None = None
    may_vote: bool = False
    reason: str = ""
    proxy_lapsed: bool = False

    @property
    def admitted(self) -> bool:
        """Whether the member is now in (just arrived, returned, or already there)."""
        return self.outcome in (Outcome.ADMITTED, Outcome.RETURNED, Outcome.ALREADY_PRESENT)

    @property
    def already_present(self) -> bool:
        """Whether the scan found the member already in (nothing was recorded)."""
        return self.outcome is Outcome.ALREADY_PRESENT

    @property
    def category_label(self) -> str:
        """The member's category as the register names it ("" when no member was found)."""
        return tr(self.category.key) if self.category else ""

    @property
    def status_label(self) -> str:
        """The member's status as the register names it ("" when no member was found)."""
        return tr(self.status.key) if self.status else ""


@dataclass(frozen=True)
class DeskUpdate:
    """The result of leaving, returning or an undo: the member's attendance now (None when
    an undo removed it) and the new quorum."""

    member_id: int
    name: str
    state: AttendanceState | None
    message: str
    quorum: QuorumStatus
