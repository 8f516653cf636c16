"""Once a meeting is locked, the database itself refuses any change to its records."""

from __future__ import annotations

from typing import Any

import pytest
import sqlalchemy as sa

from assembly.domain.errors import DomainError
from assembly.persistence import tables
from tests.meeting_fixtures import open_meeting


def _lock(services: Any, meeting_id: int) -> None:
    with services.ctx.db.write() as conn:
        conn.execute(
            sa.update(tables.meetings)
            .where(tables.meetings.c.id == meeting_id)
            .values(state="locked")
        )


def test_a_locked_meeting_refuses_every_change(cooperative: Any) -> None:
    meeting_id = open_meeting(cooperative)
    _lock(cooperative, meeting_id)
    db = cooperative.ctx.db
    changes = [
        sa.update(tables.agenda_items).where(tables.agenda_items.c.meeting_id == meeting_id)
        .values(notes="diubah"),
        sa.delete(tables.meeting_officers)
        .where(tables.meeting_officers.c.meeting_id == meeting_id),
        sa.update(tables.meetings).where(tables.meetings.c.id == meeting_id)
        .values(venue="tempat lain"),
        sa.insert(tables.quorum_checks).values(
            meeting_id=meeting_id, at="2026-03-14T10:00:00+07:00", step="first", base=1,
            present=1, minimum=1, reached=True, rule_text="", actor="x",
        ),
    ]  # fmt: skip
    for change in changes:
        with pytest.raises(DomainError, match="dikunci"), db.write() as conn:
            conn.execute(change)
    with db.read() as conn:
        notes = conn.execute(sa.select(tables.agenda_items.c.notes)).scalars().all()
        officers = conn.execute(sa.select(sa.func.count()).select_from(tables.meeting_officers))
        assert "diubah" not in notes
        assert officers.scalar_one() == 2


def test_an_unlocked_meeting_still_changes(cooperative: Any) -> None:
    meeting_id = open_meeting(cooperative)
    with cooperative.ctx.db.write() as conn:
        conn.execute(
            sa.update(tables.agenda_items)
            .where(tables.agenda_items.c.meeting_id == meeting_id)
            .values(notes="catatan")
        )
