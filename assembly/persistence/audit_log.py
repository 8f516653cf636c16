"""The audit log table: appending chained events and reading them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator, Mapping
from typing import Any

import sqlalchemy as sa

from assembly.domain.audit import AuditEvent, next_event
from assembly.persistence.tables import audit_events


def head(conn: sa.Connection) -> AuditEvent | None:
    """The newest event, or None in an empty log."""
    row = conn.execute(sa.select(audit_events).order_by(audit_events.c.seq.desc()).limit(1)).first()
    return AuditEvent(**row._mapping) if row else None


def append(conn: sa.Connection, actor: str, kind: str, payload: Mapping[str, Any]) -> AuditEvent:
    """Record one change inside the caller's write transaction, chained to the head."""
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    event = next_event(head(conn), at, actor, kind, payload)
    conn.execute(sa.insert(audit_events).values(**event.__dict__))
    return event


def events(conn: sa.Connection, batch: int = 5000) -> Iterator[AuditEvent]:
    """Every event in order, read in batches."""
    last = 0
    while True:
        rows = conn.execute(
            sa.select(audit_events)
            .where(audit_events.c.seq > last)
            .order_by(audit_events.c.seq)
            .limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield AuditEvent(**row._mapping)
        last = rows[-1].seq


def at(conn: sa.Connection, seq: int) -> AuditEvent | None:
    """Event number ``seq``, or None when the log has no such event."""
    row = conn.execute(sa.select(audit_events).where(audit_events.c.seq == seq)).first()
    return AuditEvent(**row._mapping) if row else None


def of_kind(conn: sa.Connection, kind: str) -> list[AuditEvent]:
    """Every event of ``kind``, oldest first."""
    rows = conn.execute(
        sa.select(audit_events).where(audit_events.c.kind == kind).order_by(audit_events.c.seq)
    ).all()
    return [AuditEvent(**row._mapping) for row in rows]
