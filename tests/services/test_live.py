"""What another window or desk wrote, as the areas the screens know: a check-in is attendance,
the audit chain alone is nothing to show, an unknown writer or table is everything."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from assembly.persistence import tables
from assembly.persistence.change_feed import EVERYTHING
from assembly.services.bundle import Services
from assembly.services.changes import Area, Changes
from assembly.services.live import ALL_AREAS, TABLE_AREAS, changes_of


def test_every_table_is_mapped_to_the_screens_that_show_it() -> None:
    assert set(TABLE_AREAS) == set(tables.metadata.tables) - {"change_log"}


def test_tables_become_areas() -> None:
    attendance = changes_of(frozenset({"attendance", "attendance_events", "audit_events"}))
    assert attendance == Changes.of(Area.ATTENDANCE)
    assert changes_of(frozenset({"audit_events"})).areas == frozenset()
    assert changes_of(frozenset({EVERYTHING})).areas == ALL_AREAS
    assert changes_of(frozenset({"a_table_of_a_newer_kuorum"})).areas == ALL_AREAS


def test_another_desks_check_in_is_heard_as_attendance(cooperative: Any, db_path: Path) -> None:
    from tests.meeting_fixtures import open_meeting, register_members

    register_members(cooperative)
    meeting_id = open_meeting(cooperative)
    other = Services.open(db_path)
    live = other.live.listen()
    try:
        done = cooperative.checkin.check_in(meeting_id, "0001")
        heard = None
        for _ in range(10):  # up to 5 s; it comes within the first poll
            heard = live.wait(0.5)
            if heard is not None:
                break
        assert heard is not None and heard.areas == done.changes.areas == {Area.ATTENDANCE}
        # A write only to what no page shows (the file's settings): nothing for the screens.
        with cooperative.ctx.db.write() as conn:
            conn.execute(sa.update(tables.settings).where(sa.false()).values(value=""))
        assert live.wait(0.5) is None
    finally:
        live.stop()
        live.release()
        other.close()
