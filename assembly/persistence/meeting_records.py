"""A meeting's records read canonically for their digest (:mod:`assembly.domain.record_digest`).

Each reader returns rows keyed by a stable key, as plain JSON values: times as stored (ISO
UTC text), members by number rather than by row id, so the same records give the same rows
in any copy of the file. One query per table, never one per row (300,000 attendees).
Totals per choice are not read here: the service asks the ballot tally, so a change of how
secret choices are stored does not change what the digest covers.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import sqlalchemy as sa

from assembly.persistence.tables import (
    agenda_items,
    attendance,
    ballot_eligible,
    ballots,
    decisions,
    members,
    named_votes,
    proxies,
    secret_participation,
)

Rows = dict[str, Any]
CHUNK = 2_000  # rows fetched at a time from a long table
_BALLOT_KEYS = (
    "position", "kind", "mode", "state", "title", "cancel_reason", "opened_at", "closed_at",
    "present", "minimum", "reached", "rule_text", "article", "eligible", "members", "seats",
    "revote_reason", "revote_of", "runoff_of",
)  # fmt: skip
_DECISION_KEYS = (
    "position", "method", "text", "dissent", "result", "outcome", "ballot_id", "created_at",
)  # fmt: skip


def attendance_rows(conn: sa.Connection, meeting_id: int) -> tuple[Rows, Rows]:
    """Attendance by member number (channel, state, times, flags, proxy holder), and the
    register entries of those members (number, name, NIK, category, joining date)."""
    present: Rows = {}
    register: Rows = {}
    for number, attended, entry in attendance_stream(conn, meeting_id):
        present[number] = attended
        register[number] = entry
    return present, register


def attendance_stream(
    conn: sa.Connection, meeting_id: int
) -> Iterator[tuple[str, list[Any], list[Any]]]:
    """The rows of :func:`attendance_rows` one member at a time (member number, attendance
    row, register row), read ``CHUNK`` at a time: 150,000 attendees are hashed as they are
    read (issue 11, point 10)."""
    holder = members.alias("holder")
    statement = (
        sa.select(
            members.c.number,
            members.c.name,
            members.c.nik,
            members.c.category,
            members.c.joined_on,
            attendance.c.channel,
            attendance.c.state,
            attendance.c.arrived_at,
            attendance.c.left_at,
            attendance.c.may_vote,
            attendance.c.counted,
            holder.c.number,
        )
        .select_from(
            attendance.join(members, members.c.id == attendance.c.member_id)
            .outerjoin(proxies, proxies.c.id == attendance.c.proxy_id)
            .outerjoin(holder, holder.c.id == proxies.c.holder_id)
        )
        .where(attendance.c.meeting_id == meeting_id)
    )
    for r in conn.execute(statement, execution_options={"yield_per": CHUNK}):
        yield (
            r[0],
            [r[5], r[6], r[7], r[8] or "", bool(r[9]), bool(r[10]), r[11] or ""],
            [r[1], r[2] or "", r[3], str(r[4] or "")],
        )


def ballot_rows(conn: sa.Connection, meeting_id: int) -> Rows:
    """Each ballot of the meeting by id: what it was, its quorum snapshot and its state."""
    statement = (
        sa.select(ballots, agenda_items.c.position)
        .select_from(ballots.join(agenda_items, agenda_items.c.id == ballots.c.item_id))
        .where(ballots.c.meeting_id == meeting_id)
    )
    found: Rows = {}
    for r in conn.execute(statement).mappings():
        found[str(r["id"])] = {key: r[key] for key in _BALLOT_KEYS}
    return found


def participation_rows(conn: sa.Connection, meeting_id: int) -> Rows:
    """Per ballot id: the members eligible (with the proxy holder who may vote for them) and
    those who took part, by number. Who took part is public (a secret ballot records that a
    member voted, never what)."""
    return dict(participation_stream(conn, meeting_id))


def participation_stream(conn: sa.Connection, meeting_id: int) -> Iterator[tuple[str, Any]]:
    """The rows of :func:`participation_rows` one ballot at a time (three queries a ballot,
    whatever its size), so that only one ballot's lists are held at once."""
    holder = members.alias("p_holder")
    ids = conn.execute(
        sa.select(ballots.c.id).where(ballots.c.meeting_id == meeting_id).order_by(ballots.c.id)
    ).scalars()
    for ballot_id in list(ids):
        eligible = (
            sa.select(members.c.number, holder.c.number)
            .select_from(
                ballot_eligible.join(
                    members, members.c.id == ballot_eligible.c.member_id
                ).outerjoin(holder, holder.c.id == ballot_eligible.c.proxy_holder_id)
            )
            .where(ballot_eligible.c.ballot_id == ballot_id)
        )
        named = (
            sa.select(members.c.number)
            .select_from(named_votes.join(members, members.c.id == named_votes.c.member_id))
            .where(named_votes.c.ballot_id == ballot_id)
        )
        secret = (
            sa.select(members.c.number, secret_participation.c.via_proxy)
            .select_from(
                secret_participation.join(members, members.c.id == secret_participation.c.member_id)
            )
            .where(secret_participation.c.ballot_id == ballot_id)
        )
        parts: dict[str, list[Any]] = {
            "eligible": [[n, h or ""] for n, h in conn.execute(eligible)],
            "named": [n for (n,) in conn.execute(named)],
            "secret": [[n, bool(p)] for n, p in conn.execute(secret)],
        }
        if any(parts.values()):
            yield str(ballot_id), {k: sorted(v) for k, v in parts.items()}


def named_vote_rows(conn: sa.Connection, meeting_id: int) -> Rows:
    """Per ballot id: each named vote (member number, choice, proxy holder, time)."""
    return dict(named_vote_stream(conn, meeting_id))


def named_vote_stream(conn: sa.Connection, meeting_id: int) -> Iterator[tuple[str, Any]]:
    """The rows of :func:`named_vote_rows` one ballot at a time."""
    holder = members.alias("v_holder")
    ids = conn.execute(
        sa.select(ballots.c.id).where(ballots.c.meeting_id == meeting_id).order_by(ballots.c.id)
    ).scalars()
    for ballot_id in list(ids):
        statement = (
            sa.select(
                members.c.number, named_votes.c.choice, holder.c.number, named_votes.c.cast_at
            )
            .select_from(
                named_votes.join(members, members.c.id == named_votes.c.member_id).outerjoin(
                    holder, holder.c.id == named_votes.c.proxy_holder_id
                )
            )
            .where(named_votes.c.ballot_id == ballot_id)
        )
        votes = [[n, c, h or "", at] for n, c, h, at in conn.execute(statement)]
        if votes:
            yield str(ballot_id), sorted(votes)


def decision_rows(conn: sa.Connection, meeting_id: int) -> Rows:
    """Each decision by id: its agenda position, method, text, result, outcome, dissent."""
    statement = (
        sa.select(decisions, agenda_items.c.position)
        .select_from(decisions.join(agenda_items, agenda_items.c.id == decisions.c.item_id))
        .where(decisions.c.meeting_id == meeting_id)
    )
    return {
        str(r["id"]): {key: r[key] for key in _DECISION_KEYS}
        for r in conn.execute(statement).mappings()
    }


def note_rows(conn: sa.Connection, meeting_id: int) -> Rows:
    """Each agenda item by position: its title, kind, the secretary's notes, its times."""
    statement = sa.select(
        agenda_items.c.position,
        agenda_items.c.title,
        agenda_items.c.kind,
        agenda_items.c.notes,
        agenda_items.c.started_at,
        agenda_items.c.ended_at,
    ).where(agenda_items.c.meeting_id == meeting_id)
    return {str(r[0]): [r[1], r[2], r[3], r[4] or "", r[5] or ""] for r in conn.execute(statement)}
