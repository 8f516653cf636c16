"""The audit log table: appending chained events and reading them back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator, Mapping
from typing import Any

import sqlalchemy as sa

from assembly.domain.audit import AuditEvent, next_event
from assembly.persistence import dialect
from assembly.persistence.pg_database import hold_write_lock
from assembly.persistence.tables import audit_events


def head(conn: sa.Connection) -> AuditEvent | None:
    """The newest event, or None in an empty log."""
    row = conn.execute(sa.select(audit_events).order_by(audit_events.c.seq.desc()).limit(1)).first()
    return AuditEvent(**row._mapping) if row else None


def one_appender(conn: sa.Connection) -> None:
    """Hold the chain's append lock until the caller's transaction ends, so that two desks
    never chain an event to the same head. SQLite's write transaction (BEGIN IMMEDIATE) is
    that lock already; on PostgreSQL a transaction-level advisory lock (the one every write
    transaction takes at its start, or the door's check-in before its first write; see
    pg_database), taken here only when this transaction does not hold it yet."""
    hold_write_lock(conn)


def append(conn: sa.Connection, actor: str, kind: str, payload: Mapping[str, Any]) -> AuditEvent:
    """Record one change inside the caller's write transaction, chained to the head."""
    one_appender(conn)
    at = dt.datetime.now(dt.UTC).isoformat(timespec="microseconds")
    event = next_event(head(conn), at, actor, kind, payload)
    conn.execute(sa.insert(audit_events).values(**event.__dict__))
    return event


_COLUMNS = ("seq", "at", "actor", "kind", "payload", "prev_hash", "hash")


def append_many(
    conn: sa.Connection,
    actor: str,
    entries: Iterable[tuple[dt.datetime, str, Mapping[str, Any]]],
    batch: int = 5000,
) -> AuditEvent | None:
    """Record many events (when, kind, payload) at once, in the order given, each chained to
    the one before exactly as :func:`append` chains them; for records written in bulk (the
    demo's held meeting). Inserted in batches of ``batch``; the new head, or None when there
    were none."""
    last = head(conn)
    rows: list[tuple[object, ...]] = []
    # The driver's own executemany: this is the demo's hot path (a row per check-in and vote).
    insert = f"INSERT INTO audit_events ({', '.join(_COLUMNS)}) VALUES ({', '.join('?' * 7)})"
    one_appender(conn)
    for when, kind, payload in entries:
        at = when.astimezone(dt.UTC).isoformat(timespec="microseconds")
        last = next_event(last, at, actor, kind, payload)
        rows.append(tuple(getattr(last, c) for c in _COLUMNS))
        if len(rows) >= batch:
            dialect.driver_executemany(conn, insert, rows)
            rows = []
    if rows:
        dialect.driver_executemany(conn, insert, rows)
    return last


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
