"""An opened meeting with members present, for the decision, ballot and election tests.

The register of :mod:`tests.meeting_fixtures`: eight entitled (0001-0008), quorum 5 of 8.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from assembly.domain.ad_profile import ADProfile
from assembly.domain.meeting import AgendaItem
from assembly.persistence.database import open_database
from assembly.services.bundle import Services
from assembly.services.context import ServiceContext
from tests.conftest import FIXED_NOW
from tests.meeting_fixtures import draft_meeting, register_members, use_profile


@dataclass
class Hall:
    """An opened meeting: its id, the agenda item ids by position, member ids by number."""

    services: Services
    meeting_id: int
    items: list[int]
    ids: dict[str, int]
    path: Path

    def reopen(self, minutes: int = 1) -> Services:
        """Fresh services on the same file (only what was committed counts)."""
        at = FIXED_NOW + dt.timedelta(minutes=minutes)
        return Services.create(ServiceContext(open_database(self.path), "ketua", lambda: at))


def opened_hall(
    services: Any,
    db_path: Path,
    present: tuple[str, ...] = ("0001", "0002", "0003", "0004", "0005", "0006"),
    profile: ADProfile | None = None,
) -> Hall:
    """Register, a meeting with three ordinary items and an election item, ``present``
    checked in (plus 0009, a calon who may not vote), quorum checked, meeting opened."""
    from assembly.domain.ad_profile import ItemKind

    ids = register_members(services)
    if profile is not None:
        use_profile(services, profile)
    meeting = draft_meeting(
        services,
        agenda=(
            AgendaItem("Pengesahan laporan pertanggungjawaban pengurus"),
            AgendaItem("Pembagian SHU"),
            AgendaItem("Rencana kerja 2026"),
            AgendaItem("Pemilihan pengawas", ItemKind.ELECTION),
        ),
    )
    assert meeting.id is not None
    services.meetings.open_check_in(meeting.id)
    for number in (*present, "0009"):
        services.checkin.check_in(meeting.id, number)
    services.checkin.record_quorum_check(meeting.id)
    services.checkin.open_meeting(meeting.id)
    items = [i.id for i in services.meetings.get(meeting.id).agenda]
    return Hall(services, meeting.id, items, ids, db_path)


def no_consensus(hall: Hall, position: int) -> int:
    """Record that consensus failed on item ``position`` (1-based); the item id."""
    item = hall.items[position - 1]
    hall.services.decisions.record_no_consensus(hall.meeting_id, item, "pendapat terbagi")
    return item
