"""The audit log as a hash chain: every change is an event whose SHA-256 covers the previous
event's hash, so editing, deleting or reordering any stored event breaks the chain."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

GENESIS = "0" * 64


@dataclass(frozen=True)
class AuditEvent:
    """One recorded change. ``at`` is an ISO-8601 UTC time; ``payload`` is canonical JSON."""

    seq: int
    at: str
    actor: str
    kind: str
    payload: str
    prev_hash: str
    hash: str


# One encoder made once: json.dumps would build a new one for every event with these options.
_CANONICAL = json.JSONEncoder(
    sort_keys=True, separators=(",", ":"), ensure_ascii=False, default=str
)


def canonical_json(data: Mapping[str, Any]) -> str:
    """``data`` as JSON with sorted keys and no spaces: the same data, the same text."""
    return _CANONICAL.encode(data)


def event_hash(prev_hash: str, seq: int, at: str, actor: str, kind: str, payload: str) -> str:
    """The SHA-256 of an event, chained to the one before it."""
    text = "\x1f".join((prev_hash, str(seq), at, actor, kind, payload))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def next_event(
    head: AuditEvent | None, at: str, actor: str, kind: str, payload: Mapping[str, Any]
) -> AuditEvent:
    """The event that follows ``head`` (None for the first event)."""
    seq = head.seq + 1 if head else 1
    prev = head.hash if head else GENESIS
    body = canonical_json(payload)
    return AuditEvent(
        seq, at, actor, kind, body, prev, event_hash(prev, seq, at, actor, kind, body)
    )


@dataclass(frozen=True)
class ChainCheck:
    """The result of walking the chain: how many events, the last hash, and the first break
    (``broken_at`` is None when the chain is whole; ``reason`` is "missing", "link" or
    "altered")."""

    events: int
    head_hash: str
    broken_at: int | None = None
    reason: str = ""

    @property
    def intact(self) -> bool:
        """Whether the chain is unbroken."""
        return self.broken_at is None


def check_chain(events: Iterable[AuditEvent]) -> ChainCheck:
    """Walk ``events`` (in ``seq`` order) and find the first place the chain breaks."""
    prev_hash, expected = GENESIS, 1
    for e in events:
        if e.seq != expected:
            return ChainCheck(expected - 1, prev_hash, expected, "missing")
        if e.prev_hash != prev_hash:
            return ChainCheck(expected - 1, prev_hash, e.seq, "link")
        if event_hash(e.prev_hash, e.seq, e.at, e.actor, e.kind, e.payload) != e.hash:
            return ChainCheck(expected - 1, prev_hash, e.seq, "altered")
        prev_hash, expected = e.hash, expected + 1
    return ChainCheck(expected - 1, "" if prev_hash == GENESIS else prev_hash)
