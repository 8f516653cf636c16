"""Moments as stored: ISO-8601 text in UTC, so that text order is time order."""

from __future__ import annotations

import datetime as dt


def to_text(moment: dt.datetime | None) -> str | None:
    """``moment`` (aware) as UTC text, to the second."""
    if moment is None:
        return None
    if moment.tzinfo is None:
        raise ValueError("a stored moment must carry its time zone")
    return moment.astimezone(dt.UTC).isoformat(timespec="seconds")


def from_text(text: str | None) -> dt.datetime | None:
    """Stored text back to an aware moment (UTC)."""
    return dt.datetime.fromisoformat(text) if text else None


def required(text: str) -> dt.datetime:
    """Stored text of a column that cannot be empty, as an aware moment."""
    return dt.datetime.fromisoformat(text)
