"""The decisions recorded per agenda item (append-only, oldest first)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import sqlalchemy as sa

from assembly.domain.ballots import DecisionMethod, Outcome
from assembly.persistence.tables import decisions
from assembly.persistence.timestamps import required, to_text


@dataclass(frozen=True)
class DecisionRow:
    """One recorded decision: its method, the text decided, any dissent, the result
    statement, and the ballot it came from when it was voted."""

    meeting_id: int
    item_id: int
    method: DecisionMethod
    text: str
    dissent: str
    result: str
    outcome: Outcome
    created_at: dt.datetime
    ballot_id: int | None = None
    id: int | None = None


def insert(conn: sa.Connection, row: DecisionRow) -> int:
    """Store a decision; its id."""
    key = conn.execute(
        sa.insert(decisions).values(
            meeting_id=row.meeting_id,
            item_id=row.item_id,
            method=row.method.value,
            text=row.text,
            dissent=row.dissent,
            result=row.result,
            outcome=row.outcome.value,
            ballot_id=row.ballot_id,
            created_at=to_text(row.created_at),
        )
    ).inserted_primary_key
    assert key is not None
    return int(key[0])


def for_meeting(conn: sa.Connection, meeting_id: int) -> list[DecisionRow]:
    """Every decision of the meeting, in the order recorded."""
    rows = conn.execute(
        sa.select(decisions).where(decisions.c.meeting_id == meeting_id).order_by(decisions.c.id)
    )
    return [
        DecisionRow(
            r.meeting_id,
            r.item_id,
            DecisionMethod(r.method),
            r.text,
            r.dissent,
            r.result,
            Outcome(r.outcome),
            required(r.created_at),
            r.ballot_id,
            r.id,
        )
        for r in rows
    ]


def consensus_failed(conn: sa.Connection, item_id: int) -> bool:
    """Whether the chair recorded for this item that consensus was not reached."""
    return (
        conn.execute(
            sa.select(sa.func.count()).where(
                decisions.c.item_id == item_id,
                decisions.c.outcome == Outcome.NO_CONSENSUS.value,
            )
        ).scalar_one()
        > 0
    )
