"""The proxies (surat kuasa) recorded for a meeting."""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

import sqlalchemy as sa

from assembly.domain.proxies import Proxy, ProxyState
from assembly.persistence.tables import proxies
from assembly.persistence.timestamps import from_text, required, to_text


def _proxy(row: Mapping[Any, Any]) -> Proxy:
    return Proxy(
        meeting_id=row["meeting_id"],
        grantor_id=row["grantor_id"],
        holder_id=row["holder_id"],
        reference=row["reference"],
        recorded_at=required(row["recorded_at"]),
        granted_on=row["granted_on"],
        state=ProxyState(row["state"]),
        ended_at=from_text(row["ended_at"]),
        id=row["id"],
    )


def insert(conn: sa.Connection, proxy: Proxy) -> int:
    """Record a proxy; its id."""
    result = conn.execute(
        sa.insert(proxies).values(
            meeting_id=proxy.meeting_id,
            grantor_id=proxy.grantor_id,
            holder_id=proxy.holder_id,
            reference=proxy.reference,
            granted_on=proxy.granted_on,
            state=proxy.state.value,
            recorded_at=to_text(proxy.recorded_at),
            ended_at=to_text(proxy.ended_at),
        )
    )
    key = result.inserted_primary_key
    assert key is not None
    return int(key[0])


def get(conn: sa.Connection, proxy_id: int) -> Proxy | None:
    """One proxy."""
    row = conn.execute(sa.select(proxies).where(proxies.c.id == proxy_id)).first()
    return _proxy(row._mapping) if row else None


def set_state(
    conn: sa.Connection, proxy_id: int, state: ProxyState, ended_at: dt.datetime | None
) -> None:
    """Mark a proxy lapsed, withdrawn, or (after an undo) active again."""
    conn.execute(
        sa.update(proxies)
        .where(proxies.c.id == proxy_id)
        .values(state=state.value, ended_at=to_text(ended_at))
    )


def held_by(conn: sa.Connection, meeting_id: int, holder_id: int) -> int:
    """How many active proxies the holder holds at the meeting."""
    return int(
        conn.execute(
            sa.select(sa.func.count())
            .select_from(proxies)
            .where(
                proxies.c.meeting_id == meeting_id,
                proxies.c.holder_id == holder_id,
                proxies.c.state == ProxyState.ACTIVE.value,
            )
        ).scalar_one()
    )


def for_meeting(conn: sa.Connection, meeting_id: int) -> list[Proxy]:
    """Every proxy of the meeting, in the order recorded."""
    rows = conn.execute(
        sa.select(proxies).where(proxies.c.meeting_id == meeting_id).order_by(proxies.c.id)
    )
    return [_proxy(r._mapping) for r in rows]
