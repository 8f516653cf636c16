"""The meetings tables: rows to :class:`Meeting` values (with agenda and leaders) and back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping, Sequence
from typing import Any

import sqlalchemy as sa

from assembly.domain.ad_profile import ItemKind
from assembly.domain.attendance import AttendanceState
from assembly.domain.cooperative import TimeZone
from assembly.domain.meeting import (
    AgendaItem,
    Meeting,
    MeetingMode,
    MeetingState,
    MeetingSummary,
    MeetingType,
    Officer,
    OfficerRole,
)
from assembly.persistence.tables import agenda_items, attendance, meeting_officers, meetings
from assembly.persistence.timestamps import from_text, to_text

# The transaction handle services pass through to the stores (they never import SQLAlchemy).
Connection = sa.Connection

_MOMENTS = ("check_in_opened_at", "opened_at", "suspended_until", "closed_at")


def to_row(meeting: Meeting) -> dict[str, Any]:
    """The meeting's own columns (without ``id``, ``created_at``, agenda and leaders)."""
    row: dict[str, Any] = {
        "kind": meeting.kind.value,
        "subject": meeting.subject,
        "financial_year": meeting.financial_year,
        "date": meeting.date,
        "start_time": meeting.start,
        "time_zone": meeting.time_zone.value,
        "venue": meeting.venue,
        "mode": meeting.mode.value,
        "platform": meeting.platform,
        "document_number": meeting.document_number,
        "cutoff_date": meeting.cutoff_date,
        "invitation_date": meeting.invitation_date,
        "profile_version": meeting.profile_version,
        "state": meeting.state.value,
        "registered": meeting.registered,
        "entitled": meeting.entitled,
        "required_signers": None if meeting.signers is None else ",".join(meeting.signers),
    }
    row.update({name: to_text(getattr(meeting, name)) for name in _MOMENTS})
    return row


def from_row(
    row: Mapping[Any, Any],
    agenda: tuple[AgendaItem, ...] = (),
    officers: tuple[Officer, ...] = (),
) -> Meeting:
    """A meeting from its row, with the agenda and leaders given."""
    moments: dict[str, dt.datetime | None] = {name: from_text(row[name]) for name in _MOMENTS}
    return Meeting(
        id=row["id"],
        kind=MeetingType(row["kind"]),
        subject=row["subject"],
        financial_year=row["financial_year"],
        date=row["date"],
        start=row["start_time"],
        time_zone=TimeZone(row["time_zone"]),
        venue=row["venue"],
        mode=MeetingMode(row["mode"]),
        platform=row["platform"],
        document_number=row["document_number"],
        cutoff_date=row["cutoff_date"],
        invitation_date=row["invitation_date"],
        profile_version=row["profile_version"],
        state=MeetingState(row["state"]),
        registered=row["registered"],
        entitled=row["entitled"],
        signers=_signers(row["required_signers"]),
        agenda=agenda,
        officers=officers,
        **moments,
    )


def _signers(text: str | None) -> tuple[str, ...] | None:
    return None if text is None else tuple(k for k in text.split(",") if k)


def insert(conn: sa.Connection, meeting: Meeting, created_at: dt.datetime) -> int:
    """Add ``meeting`` with its agenda and leaders; its new id."""
    result = conn.execute(
        sa.insert(meetings).values(**to_row(meeting), created_at=to_text(created_at))
    )
    key = result.inserted_primary_key
    assert key is not None
    meeting_id = int(key[0])
    for position, item in enumerate(meeting.agenda, start=1):
        add_item(conn, meeting_id, item, position)
    replace_officers(conn, meeting_id, meeting.officers)
    return meeting_id


def update(conn: sa.Connection, meeting: Meeting) -> None:
    """Store the meeting's own columns over its row (agenda and leaders apart)."""
    conn.execute(sa.update(meetings).where(meetings.c.id == meeting.id).values(**to_row(meeting)))


def header(conn: sa.Connection, meeting_id: int) -> Meeting | None:
    """The meeting without agenda and leaders: what the door needs, in one look-up."""
    row = conn.execute(sa.select(meetings).where(meetings.c.id == meeting_id)).first()
    return from_row(row._mapping) if row else None


def get(conn: sa.Connection, meeting_id: int) -> Meeting | None:
    """The meeting with its agenda and leaders."""
    row = conn.execute(sa.select(meetings).where(meetings.c.id == meeting_id)).first()
    if row is None:
        return None
    return from_row(row._mapping, agenda(conn, meeting_id), officers(conn, meeting_id))


def agenda(conn: sa.Connection, meeting_id: int) -> tuple[AgendaItem, ...]:
    """The agenda in order."""
    rows = conn.execute(
        sa.select(agenda_items)
        .where(agenda_items.c.meeting_id == meeting_id)
        .order_by(agenda_items.c.position, agenda_items.c.id)
    )
    return tuple(
        AgendaItem(
            r.title,
            ItemKind(r.kind),
            r.position,
            r.notes,
            r.id,
            from_text(r.started_at),
            from_text(r.ended_at),
        )
        for r in rows
    )


def set_item_times(
    conn: sa.Connection,
    item_id: int,
    started_at: dt.datetime | None,
    ended_at: dt.datetime | None,
) -> None:
    """Store when the chair took an item up and when the meeting moved on from it."""
    conn.execute(
        sa.update(agenda_items)
        .where(agenda_items.c.id == item_id)
        .values(started_at=to_text(started_at), ended_at=to_text(ended_at))
    )


def set_item_notes(conn: sa.Connection, item_id: int, notes: str) -> None:
    """Store the secretary's notes of one item."""
    conn.execute(sa.update(agenda_items).where(agenda_items.c.id == item_id).values(notes=notes))


def officers(conn: sa.Connection, meeting_id: int) -> tuple[Officer, ...]:
    """The leaders in order."""
    rows = conn.execute(
        sa.select(meeting_officers)
        .where(meeting_officers.c.meeting_id == meeting_id)
        .order_by(meeting_officers.c.position)
    )
    return tuple(Officer(OfficerRole(r.role), r.name, r.member_id) for r in rows)


def add_item(conn: sa.Connection, meeting_id: int, item: AgendaItem, position: int) -> int:
    """Add an agenda item at ``position`` (the caller keeps positions consecutive)."""
    result = conn.execute(
        sa.insert(agenda_items).values(
            meeting_id=meeting_id,
            position=position,
            title=item.title,
            kind=item.kind.value,
            notes=item.notes,
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def update_item(conn: sa.Connection, meeting_id: int, item: AgendaItem) -> None:
    """Store an item's title, kind and notes."""
    conn.execute(
        sa.update(agenda_items)
        .where(agenda_items.c.id == item.id, agenda_items.c.meeting_id == meeting_id)
        .values(title=item.title, kind=item.kind.value, notes=item.notes)
    )


def delete_item(conn: sa.Connection, meeting_id: int, item_id: int) -> None:
    """Remove an item."""
    conn.execute(
        sa.delete(agenda_items).where(
            agenda_items.c.id == item_id, agenda_items.c.meeting_id == meeting_id
        )
    )


def set_positions(conn: sa.Connection, meeting_id: int, item_ids: Sequence[int]) -> None:
    """Number the items 1, 2, … in the order of ``item_ids``."""
    for position, item_id in enumerate(item_ids, start=1):
        conn.execute(
            sa.update(agenda_items)
            .where(agenda_items.c.id == item_id, agenda_items.c.meeting_id == meeting_id)
            .values(position=position)
        )


def replace_officers(conn: sa.Connection, meeting_id: int, people: Sequence[Officer]) -> None:
    """Make ``people`` the meeting's leaders, in that order."""
    conn.execute(sa.delete(meeting_officers).where(meeting_officers.c.meeting_id == meeting_id))
    if people:
        conn.execute(
            sa.insert(meeting_officers),
            [
                {
                    "meeting_id": meeting_id,
                    "role": o.role.value,
                    "position": position,
                    "name": o.name,
                    "member_id": o.member_id,
                }
                for position, o in enumerate(people, start=1)
            ],
        )


def delete(conn: sa.Connection, meeting_id: int) -> None:
    """Remove a meeting that has no attendance or quorum history (a draft)."""
    conn.execute(sa.delete(agenda_items).where(agenda_items.c.meeting_id == meeting_id))
    conn.execute(sa.delete(meeting_officers).where(meeting_officers.c.meeting_id == meeting_id))
    conn.execute(sa.delete(meetings).where(meetings.c.id == meeting_id))


def summaries(conn: sa.Connection) -> list[MeetingSummary]:
    """Every meeting for the list, newest first, with how many are present now."""
    present = (
        sa.select(sa.func.count())
        .select_from(attendance)
        .where(
            attendance.c.meeting_id == meetings.c.id,
            attendance.c.state == AttendanceState.PRESENT.value,
        )
        .scalar_subquery()
    )
    rows = conn.execute(
        sa.select(meetings, present.label("present")).order_by(
            meetings.c.date.desc(), meetings.c.id.desc()
        )
    )
    out = []
    for r in rows:
        meeting = from_row(r._mapping)
        assert meeting.id is not None
        out.append(
            MeetingSummary(
                meeting.id,
                meeting.kind,
                meeting.financial_year,
                meeting.subject,
                meeting.date,
                meeting.state,
                meeting.mode,
                int(r.present),
                meeting.entitled,
                meeting.start,
                meeting.time_zone,
                meeting.document_number,
            )
        )
    return out


def latest_id(conn: sa.Connection) -> int | None:
    """The meeting to show at a glance: the newest one past its draft, else the newest draft."""
    held = conn.execute(
        sa.select(meetings.c.id)
        .where(meetings.c.state != MeetingState.DRAFT.value)
        .order_by(meetings.c.date.desc(), meetings.c.id.desc())
        .limit(1)
    ).scalar()
    if held is not None:
        return int(held)
    draft = conn.execute(
        sa.select(meetings.c.id).order_by(meetings.c.date.desc(), meetings.c.id.desc()).limit(1)
    ).scalar()
    return int(draft) if draft is not None else None


def count_in_year(conn: sa.Connection, year: int) -> int:
    """How many meetings are dated in ``year`` (for the next document number)."""
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(meetings)
            .where(meetings.c.date.between(dt.date(year, 1, 1), dt.date(year, 12, 31)))
        ).scalar_one()
    )
