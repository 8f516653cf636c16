"""Who was present when, kept: each member's stays at each meeting, replayed from the
attendance history once here and then kept in step with it by every entry appended, so that
the berita acara, the Daftar Hadir and the snapshots no longer replay 150,000 entries.

Revision ID: r0012
Revises: r0011
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "r0012"
down_revision = "r0011"
branch_labels = None
depends_on = None

# The replay of assembly.domain.presence.stays_of as of this revision, kept here so that the
# migration stays what it was when the code moves on.
_ARRIVALS = {"check_in", "import", "return", "proxy_granted", "holder_returned"}
_DEPARTURES = {"check_out", "holder_left", "proxy_withdrawn"}
_LEAVING = {"check_out", "holder_left"}
_RETURNS = {"return", "holder_returned"}
_COLUMNS = (
    "meeting_id",
    "member_id",
    "seq",
    "started_at",
    "channel",
    "ended_at",
    "returned",
    "left_meeting",
)


def _stays(rows: Sequence[Sequence[Any]]) -> list[tuple[Any, ...]]:
    """(meeting, member, seq, start, channel, end, returned, left) from the history's rows
    (id, meeting, member, kind, channel, at, undoes), oldest first."""
    undone = {(r[1], r[6]) for r in rows if r[3] == "undo" and r[6] is not None}
    open_: dict[tuple[int, int], list[Any]] = {}
    done: dict[tuple[int, int], list[list[Any]]] = {}
    for event_id, meeting, member, kind, channel, at, _undoes in rows:
        if kind == "undo" or (meeting, event_id) in undone:
            continue
        key = (meeting, member)
        current = open_.pop(key, None)
        if kind in _ARRIVALS:
            if current is not None:
                done.setdefault(key, []).append([*current[:2], at, current[3], False])
            chosen = channel or (current[1] if current else "langsung")
            if kind == "proxy_granted":
                chosen = "kuasa"
            open_[key] = [at, chosen, None, kind in _RETURNS, False]
        elif kind in _DEPARTURES and current is not None:
            done.setdefault(key, []).append([*current[:2], at, current[3], kind in _LEAVING])
    for key, stay in open_.items():
        done.setdefault(key, []).append(stay)
    return [
        (meeting, member, seq, *stay)
        for (meeting, member), stays in sorted(done.items())
        for seq, stay in enumerate(stays)
    ]


def upgrade() -> None:
    op.create_table(
        "attendance_stays",
        sa.Column("meeting_id", sa.Integer, sa.ForeignKey("meetings.id"), primary_key=True),
        sa.Column("member_id", sa.Integer, sa.ForeignKey("members.id"), primary_key=True),
        sa.Column("seq", sa.Integer, primary_key=True, autoincrement=False),
        sa.Column("started_at", sa.String(40), nullable=False),
        sa.Column("channel", sa.String(10), nullable=False),
        sa.Column("ended_at", sa.String(40), nullable=True),
        sa.Column("returned", sa.Boolean, nullable=False),
        sa.Column("left_meeting", sa.Boolean, nullable=False),
        sqlite_with_rowid=False,
    )
    bind = op.get_bind()
    rows = bind.execute(
        sa.text(
            "SELECT id, meeting_id, member_id, kind, channel, at, undoes "
            "FROM attendance_events ORDER BY id"
        )
    ).all()
    stays = _stays(rows)
    if stays:
        bind.execute(
            sa.text(
                "INSERT INTO attendance_stays (meeting_id, member_id, seq, started_at, channel,"
                " ended_at, returned, left_meeting) VALUES (:meeting_id, :member_id, :seq,"
                " :started_at, :channel, :ended_at, :returned, :left_meeting)"
            ),
            [dict(zip(_COLUMNS, stay, strict=True)) for stay in stays],
        )


def downgrade() -> None:
    op.drop_table("attendance_stays")
