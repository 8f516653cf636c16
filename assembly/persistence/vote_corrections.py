"""Correcting one mis-keyed named vote while its ballot is open: the stored choice replaced,
and the corrections of a ballot read back from the audit log, where each one is recorded with
the old and the new choice and the reason (the log is the record; nothing else keeps them).
Kept apart from :mod:`assembly.persistence.ballot_store` so that the secret-ballot storage can
change without touching it."""

from __future__ import annotations

import json
from dataclasses import dataclass

import sqlalchemy as sa

from assembly.persistence.tables import audit_events, named_votes

CORRECTED = "ballot.vote_corrected"  # the audit event's kind


@dataclass(frozen=True)
class VoteCorrectionRecord:
    """One correction as logged: whose vote, the stored choices before and after, why."""

    number: str
    name: str
    old: str
    new: str
    reason: str
    at: str


def named_choice(conn: sa.Connection, ballot_id: int, member_id: int) -> str | None:
    """The stored choice of the member's named vote, or None when they have not voted."""
    return conn.execute(
        sa.select(named_votes.c.choice).where(
            named_votes.c.ballot_id == ballot_id, named_votes.c.member_id == member_id
        )
    ).scalar_one_or_none()


def replace_named_choice(conn: sa.Connection, ballot_id: int, member_id: int, choice: str) -> None:
    """Store ``choice`` as the member's named vote (the row exists: see :func:`named_choice`)."""
    conn.execute(
        sa.update(named_votes)
        .where(named_votes.c.ballot_id == ballot_id, named_votes.c.member_id == member_id)
        .values(choice=choice)
    )


def corrections_of(conn: sa.Connection, ballot_id: int) -> list[VoteCorrectionRecord]:
    """The corrections of the ballot's named votes, in the order made."""
    rows = conn.execute(
        sa.select(audit_events.c.payload, audit_events.c.at)
        .where(audit_events.c.kind == CORRECTED)
        .order_by(audit_events.c.seq)
    )
    out = []
    for payload, at in rows:
        p = json.loads(payload)
        if p.get("ballot") != ballot_id:
            continue  # corrections are few: the payload is read here, on either engine
        out.append(
            VoteCorrectionRecord(p["member"], p["name"], p["old"], p["new"], p["reason"], at)
        )
    return out
